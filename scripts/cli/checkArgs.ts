import { DEFAULT_STORE_SCENARIO } from "../store/storeOptions.ts";
import { DEFAULT_ARTIFACTS_DIRECTORY, DEFAULT_CONCURRENCY, DEFAULT_PERSONAS } from "../synthetic/checkOptions.ts";
import { DEMO_STORE } from "../synthetic/profiles/demoStore.ts";
import { DEFAULT_PROTOCOL_SESSIONS } from "../synthetic/protocol/protocolSessions.ts";

/** `check`'s flags: loaded for its --help without the command's own dependencies. */
export const checkArgs = {
  store: { type: "string", description: `store profile (YAML), or "${DEMO_STORE}" (default): the built-in profile against a demo store started for the run` },
  scenario: {
    type: "string",
    description: `scenario: shopper model for the personas, policy under check, the demo store's catalog (default ${DEFAULT_STORE_SCENARIO})`,
  },
  policy: { type: "string", description: "trigger policy file replacing the scenario's chat.policy (the demo store runs it too)" },
  personas: { type: "string", description: `synthetic shoppers (default ${DEFAULT_PERSONAS})` },
  concurrency: { type: "string", description: `browser contexts at once (default ${DEFAULT_CONCURRENCY})` },
  seed: { type: "string", description: "random seed: persona i is drawn from <seed>:persona<i> (default: the scenario's seed, else 1)" },
  replay: { type: "string", description: "rerun only these personas of the run, e.g. persona3 or persona1,persona4 (same --seed)" },
  json: { type: "string", description: "write the results as JSON ({stamp, check}) to this file" },
  junit: { type: "string", description: "write JUnit XML (one testsuite per persona, one testcase per check) to this file" },
  artifacts: { type: "string", description: `folder for screenshots and traces of failures (default ${DEFAULT_ARTIFACTS_DIRECTORY})` },
  retries: { type: "string", description: "retries of a step that timed out, reported as flaky (default: the profile's, else 1)" },
  toleranceSeconds: {
    type: "string",
    description: "allowed predicted vs observed invitation time difference, virtual seconds (default: the profile's, else 1)",
  },
  trace: { type: "boolean", description: "record Playwright traces (kept for failed or flaky personas; --no-trace is faster)", default: true },
  quiet: { type: "boolean", description: "no progress lines" },
  protocol: {
    type: "boolean",
    description:
      "protocol-level personas: the same persona plans as HTTP requests, no browser, thousands a minute; compares the store's funnel, invitations and chat queue with the simulator's prediction (demo store only)",
  },
  sessions: { type: "string", description: `protocol sessions (default ${DEFAULT_PROTOCOL_SESSIONS}; with --protocol)` },
} as const;
