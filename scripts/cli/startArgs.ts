import { QUEUE_ARG } from "./queueArg.ts";

/** Where the main job writes its results and report (ignored by git). */
export const OUTPUT_DIRECTORY = "reports/out";
/** Replications per variant and for the staffing search in the main job: enough for clear intervals in about a minute. */
export const MAIN_JOB_REPLICATIONS = 8;

/** `start`'s flags: loaded for its --help without the command's own dependencies. */
export const startArgs = {
  out: { type: "string", description: `output folder (default ${OUTPUT_DIRECTORY})` },
  replications: { type: "string", description: `replications for the comparison and staffing (default ${MAIN_JOB_REPLICATIONS})` },
  workers: { type: "string", description: "worker threads (default: one per core)" },
  quiet: { type: "boolean", description: "no progress output" },
  ...QUEUE_ARG,
} as const;
