import { RUN_ARGS } from "./runFlags.ts";

/** `replicate`'s flags: loaded for its --help without the command's own dependencies. */
export const replicateArgs = {
  scenario: { type: "positional", description: "scenario file (YAML or JSON)", required: true },
  ...RUN_ARGS,
  level: { type: "string", description: "confidence level (default 0.95)" },
  targetKpi: { type: "string", description: "keep adding replications until this KPI's relative half-width is met" },
  targetHalfWidth: { type: "string", description: "relative half-width to reach, e.g. 0.02 (default 0.05)" },
  maxReplications: { type: "string", description: "upper bound with a precision target (default 200)" },
  keepRuns: { type: "boolean", description: "include every replication's full results in the JSON" },
  csv: { type: "string", description: "write the KPI table as tidy CSV to this file" },
} as const;
