import { DEFAULT_PRIMARY_METRIC } from "../../experiments/compare/primaryMetric.ts";
import { RUN_ARGS } from "./runFlags.ts";
import { WORLDS_ARG } from "./worldsOption.ts";

/** `compare`'s flags: loaded for its --help without the command's own dependencies. */
export const compareArgs = {
  scenario: { type: "positional", description: "scenario file, or a comparison file listing variants", required: true },
  policies: { type: "string", description: "comma-separated policy files to compare with the scenario's own policy" },
  control: { type: "string", description: "name of the control variant (default: the scenario's own policy / the first variant)" },
  metric: { type: "string", description: `primary metric (default ${DEFAULT_PRIMARY_METRIC}; e.g. revenuePerSession)` },
  ...RUN_ARGS,
  level: { type: "string", description: "confidence level (default 0.95)" },
  correction: { type: "string", description: "multiple-comparison correction: holm (default), bh, none" },
  staffing: { type: "string", description: "grid mode: comma-separated agent counts (scheduled all day), e.g. 1,2,3" },
  report: { type: "string", description: "also write a self-contained HTML report to this file" },
  minEffect: {
    type: "string",
    description:
      'smallest relative change of the primary metric worth acting on: a significant change below it is "too small to matter" in the verdict and the report (default 0.01)',
  },
  csv: { type: "string", description: "write the differences table as tidy CSV to this file" },
  abAlpha: { type: "string", description: "A/B plan significance level (default 0.05)" },
  abPower: { type: "string", description: "A/B plan power (default 0.8)" },
  trafficShare: { type: "string", description: "share of traffic in the live test (default 1)" },
  ...WORLDS_ARG,
} as const;
