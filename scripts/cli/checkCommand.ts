import { resolve } from "node:path";
import { defineCommand, type ParsedArgs } from "citty";
import { type LoadedScenario, loadScenario, makeStamp, resolveSeed } from "../../experiments/index.ts";
import { DEFAULT_STORE_SCENARIO } from "../store/index.ts";
import { checkSummary, DEMO_STORE, junitXml, loadProfile, runSyntheticCheck } from "../synthetic/index.ts";
import { protocolSummary, runProtocolCheck } from "../synthetic/protocol/index.ts";
import { checkArgs as args } from "./checkArgs.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, numberOption, rejectUnknownOptions, seedOption } from "./options.ts";
import { printNext } from "./printNext.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

/** Flags of the browser check that mean nothing to a protocol run. */
const BROWSER_ONLY = ["store", "personas", "concurrency", "replay", "junit", "artifacts", "retries", "toleranceSeconds"] as const;

/** `check`: synthetic shoppers in headless Chromium against a live store; exit 1 when a check fails. */
export const checkCommand = defineCommand({
  meta: { name: "check" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.json, parsed.junit);
    const personas = integerOption(parsed.personas, "--personas", 1, 10_000);
    const concurrency = integerOption(parsed.concurrency, "--concurrency", 1, 64);
    const retries = integerOption(parsed.retries, "--retries", 0, 5);
    const toleranceSeconds = numberOption(parsed.toleranceSeconds, "--tolerance-seconds", 0, 3600);
    const seedArg = seedOption(parsed.seed);
    for (const flag of ["store", "scenario", "policy", "json", "junit", "artifacts", "replay"] as const) {
      if (typeof parsed[flag] === "boolean" || parsed[flag] === "") throw new UsageError(`invalid --${flag}: missing value`);
    }
    const sessions = integerOption(parsed.sessions, "--sessions", 1, 1_000_000);
    if (parsed.protocol) {
      for (const flag of BROWSER_ONLY)
        if (parsed[flag] !== undefined)
          throw new UsageError(
            `invalid --${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: used with --protocol (protocol personas run against the demo store; use --sessions)`,
          );
      if (parsed.trace === false) throw new UsageError("invalid --no-trace: used with --protocol (protocol personas have no browser)");
      return runProtocol(parsed, sessions, seedArg);
    }
    if (sessions !== undefined) throw new UsageError("invalid --sessions: used without --protocol (browser personas are counted with --personas)");
    const replay =
      parsed.replay === undefined
        ? undefined
        : String(parsed.replay)
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id !== "");
    if (replay !== undefined && personas !== undefined) throw new UsageError("invalid --replay: used with --personas (replay names the personas to run)");

    // Every input is validated before a store or a browser starts: bad input exits 2 with nothing written.
    const scenarioPath = parsed.scenario ?? DEFAULT_STORE_SCENARIO;
    const scenario = loadScenario(scenarioPath, parsed.policy === undefined ? {} : { policy: resolve(parsed.policy) });
    const store = parsed.store ?? DEMO_STORE;
    loadProfile(store, { scenario, baseUrl: store === DEMO_STORE ? "http://127.0.0.1:0" : undefined });
    const seed = resolveSeed(scenario, seedArg);

    await runBrowserCheck(parsed, { store, scenario, personas, concurrency, seed, replay, retries, toleranceSeconds });
  },
});

type CheckArgs = ParsedArgs<typeof args>;

/** The browser check's inputs, all validated before a store or a browser starts. */
interface BrowserCheckInputs {
  store: string;
  scenario: LoadedScenario;
  personas: number | undefined;
  concurrency: number | undefined;
  seed: string | number;
  replay: string[] | undefined;
  retries: number | undefined;
  toleranceSeconds: number | undefined;
}

/** Runs the browser personas, writes the JSON and JUnit asked for, prints the summary; the exit code is the check's. */
async function runBrowserCheck(parsed: CheckArgs, inputs: BrowserCheckInputs): Promise<void> {
  const { store, scenario, personas, concurrency, seed, replay, retries, toleranceSeconds } = inputs;
  const started = performance.now();
  const interrupt = interruptSignal();
  const results = await runSyntheticCheck({
    signal: interrupt.signal,
    store,
    scenario,
    personas,
    concurrency,
    seed,
    replay,
    retries,
    toleranceSeconds,
    artifactsDir: parsed.artifacts,
    trace: parsed.trace,
    log: parsed.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  }).finally(() => interrupt.dispose());
  const reproduce = [
    "npm run check --",
    parsed.store ? `--store ${parsed.store}` : null,
    parsed.scenario ? `--scenario ${parsed.scenario}` : null,
    parsed.policy ? `--policy ${parsed.policy}` : null,
    replay ? `--replay ${replay.join(",")}` : `--personas ${results.summary.personas}`,
    `--seed ${seed}`,
  ]
    .filter((part) => part !== null)
    .join(" ");
  const stamp = makeStamp({
    command: "check",
    scenario: scenario.scenario.name,
    scenarioPath: scenario.path,
    scenarioHash: scenario.hash,
    seed,
    generatedAt: new Date().toISOString(),
    runSeconds: (performance.now() - started) / 1000,
    reproduce,
  });
  if (parsed.json) writeFileAtomic(parsed.json, `${JSON.stringify({ stamp, check: results }, null, 2)}\n`);
  if (parsed.junit) writeFileAtomic(parsed.junit, junitXml(results));
  process.stdout.write(checkSummary(results));
  if (parsed.json) process.stdout.write(`results written to ${parsed.json}\n`);
  if (parsed.junit) process.stdout.write(`junit written to ${parsed.junit}\n`);
  printNext(parsed.json ? `convsim report ${parsed.json} for the check section of a report` : "add --json FILE, then convsim report FILE", parsed.quiet);
  process.exitCode = results.summary.interrupted ? 130 : results.summary.exitCode;
}

/** `check --protocol`: protocol personas against a demo store started for the run, and the simulator-vs-live table. */
async function runProtocol(parsed: Record<string, any>, sessions: number | undefined, seedArg: ReturnType<typeof seedOption>): Promise<void> {
  const scenarioPath = parsed.scenario ?? DEFAULT_STORE_SCENARIO;
  const scenario = loadScenario(scenarioPath, parsed.policy === undefined ? {} : { policy: resolve(parsed.policy) });
  const seed = resolveSeed(scenario, seedArg);
  const started = performance.now();
  const interrupt = interruptSignal();
  const results = await runProtocolCheck({
    scenario,
    sessions,
    seed,
    signal: interrupt.signal,
    log: parsed.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  }).finally(() => interrupt.dispose());
  const reproduce = [
    "npm run check -- --protocol",
    parsed.scenario ? `--scenario ${parsed.scenario}` : null,
    parsed.policy ? `--policy ${parsed.policy}` : null,
    `--sessions ${results.summary.sessions}`,
    `--seed ${seed}`,
  ]
    .filter((part) => part !== null)
    .join(" ");
  const stamp = makeStamp({
    command: "check",
    scenario: scenario.scenario.name,
    scenarioPath: scenario.path,
    scenarioHash: scenario.hash,
    seed,
    generatedAt: new Date().toISOString(),
    runSeconds: (performance.now() - started) / 1000,
    reproduce,
  });
  if (parsed.json) writeFileAtomic(parsed.json, `${JSON.stringify({ stamp, check: results }, null, 2)}\n`);
  process.stdout.write(protocolSummary(results));
  if (parsed.json) process.stdout.write(`results written to ${parsed.json}\n`);
  process.exitCode = interrupt.signal.aborted ? 130 : results.summary.exitCode;
}
