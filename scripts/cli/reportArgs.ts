import { DEFAULT_MINIMUM_RELATIVE_EFFECT } from "../../experiments/compare/minimumEffect.ts";

/** Where `report` writes unless told (ignored by git). */
export const DEFAULT_REPORT_PATH = "reports/out/report.html";

/** `report`'s flags: loaded for its --help without the command's own dependencies. */
export const reportArgs = {
  results: {
    type: "positional",
    description: "results files (JSON from simulate --out, compare, staff, calibrate, check; or the live store's team export, JSON or CSV)",
    required: true,
  },
  out: { type: "string", description: `HTML file to write (default ${DEFAULT_REPORT_PATH})` },
  title: { type: "string", description: "report title (default: from the scenario names)" },
  minEffect: {
    type: "string",
    description: `smallest relative change of a comparison's primary metric worth acting on, e.g. 0.01 (default ${DEFAULT_MINIMUM_RELATIVE_EFFECT})`,
  },
} as const;
