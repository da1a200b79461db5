import { MAX_SESSIONS_ARG } from "./options.ts";
import { QUEUE_ARG } from "./queueArg.ts";

/** `calibrate`'s flags: loaded for its --help without the command's own dependencies. */
export const calibrateArgs = {
  scenario: { type: "positional", description: "store scenario file to calibrate", required: true },
  observed: { type: "string", description: "observed funnel counts: CSV with the header kind,step,reason,interval,count (as export-funnel writes)" },
  outScenario: { type: "string", description: "write the calibrated scenario here (default: <scenario>.calibrated.yaml beside it)" },
  replications: { type: "string", description: "replications per evaluation, always with the same seeds (default 4)" },
  seed: { type: "string", description: "random seed (default: the scenario's, else 1)" },
  days: { type: "string", description: "override the horizon in days of each replication" },
  maxIterations: { type: "string", description: "proportional-fitting rounds (default 10)" },
  polish: { type: "string", description: "Nelder–Mead evaluations after proportional fitting (default: 3 × (parameters + 1) up to 8 parameters, else 0)" },
  intervals: {
    type: "string",
    description: "factors given a scanned 95% interval (not identified when unbounded within ×5): chat (default), all or none",
  },
  workers: { type: "string", description: "worker threads (default: one per core)" },
  quiet: { type: "boolean", description: "no progress output" },
  json: { type: "boolean", description: "print the results as JSON" },
  out: { type: "string", description: "write the results as JSON to this file" },
  ...QUEUE_ARG,
  maxSessions: MAX_SESSIONS_ARG,
} as const;
