import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "simple-statistics";
import type { BenchContext, BenchFigures, BenchMeasurement, BenchSuite } from "./benchSuite.ts";
import { DEFAULT_PYTHON_CANDIDATES, findSimpyPython } from "./runSimpyMmc.ts";

/** The Erlang A queue both sides simulate: about 200,000 chats, 36 agents at 90% offered load. */
const QUEUE = { chatsPerDay: 20_000, days: 10, agents: 36, meanHandleSeconds: 140, meanPatienceSeconds: 180 } as const;
/** Whole-process rounds per side; they alternate so other load on the machine hits both alike. */
const MIN_ROUNDS = 3;
/** Issue target: the CLI at least this many times faster than SimPy, end to end. */
const TARGET_RATIO = 4;

const SIMPY_SCRIPT = fileURLToPath(new URL("./erlang_a_simpy.py", import.meta.url));
/** The bin, run as `npx convsim` or an installed `convsim` runs it: an executable, through its shebang (and the Node flags it declares). */
const BIN = fileURLToPath(new URL("../bin/convsim.cjs", import.meta.url));

/** The same queue as a chat-only scenario: one chat per agent, no slowdown, no shrinkage, flat staffing. */
function scenarioYaml(): string {
  return `name: Erlang A bench
mode: chatOnly
currency: USD
seed: 1
horizon: { days: ${QUEUE.days}, intervalMinutes: 60 }
arrivals: { chatsPerDay: ${QUEUE.chatsPerDay} }
handleSeconds: { kind: exponential, mean: ${QUEUE.meanHandleSeconds} }
patienceSeconds: { kind: exponential, mean: ${QUEUE.meanPatienceSeconds} }
serviceLevelSeconds: 20
agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: ${QUEUE.agents} }
`;
}

/**
 * An Erlang A queue as a user runs it: `convsim simulate` of a chat-only scenario (the installed bin,
 * prebuilt bundle) against `python3 erlang_a_simpy.py` (SimPy), whole processes, start-up and
 * output included. Both report their abandonment share, printed beside the times as a check that
 * they simulate the same queue. Without a python that imports simpy the suite says so and skips SimPy.
 */
export const erlangAEndToEndSuite: BenchSuite = {
  name: "erlangA",
  description: "Erlang A queue end to end: convsim simulate (whole process) vs SimPy (whole process)",
  async run(context) {
    const folder = mkdtempSync(join(tmpdir(), "convsim-erlang-a-"));
    const scenario = join(folder, "erlang-a.yaml");
    writeFileSync(scenario, scenarioYaml());
    const convsim = ["simulate", scenario, "--json", "--quiet"];
    const python = await findSimpyPython(context.python === undefined ? DEFAULT_PYTHON_CANDIDATES : [context.python]);
    const simpyArgs = [
      SIMPY_SCRIPT,
      String(QUEUE.chatsPerDay),
      String(QUEUE.days),
      String(QUEUE.agents),
      String(QUEUE.meanHandleSeconds),
      String(QUEUE.meanPatienceSeconds),
      "1",
    ];
    try {
      const rounds = Math.max(MIN_ROUNDS, context.repeats);
      return erlangAFigures(measureRounds(context, rounds, convsim, python, simpyArgs), python, rounds, context);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

/** Wall and CPU seconds of each side, per round, and the abandonment share each reported last. */
interface ErlangARounds {
  cliSeconds: number[];
  simpySeconds: number[];
  cliCpu: number[];
  simpyCpu: number[];
  cliAbandonment: number | null;
  simpyAbandonment: number | null;
}

type SimpyPython = Awaited<ReturnType<typeof findSimpyPython>>;

/** Alternating whole-process rounds of convsim and (when there is a python with simpy) SimPy, after one untimed convsim run. */
function measureRounds(context: BenchContext, rounds: number, convsim: readonly string[], python: SimpyPython, simpyArgs: readonly string[]): ErlangARounds {
  const measured: ErlangARounds = { cliSeconds: [], simpySeconds: [], cliCpu: [], simpyCpu: [], cliAbandonment: null, simpyAbandonment: null };
  run(BIN, convsim); // untimed: builds the bundle if a source changed, writes the code cache, warms the file cache
  for (let round = 0; round < rounds; round++) {
    context.log(`erlangA: round ${round + 1}/${rounds}`);
    const cli = run(BIN, convsim);
    measured.cliSeconds.push(cli.seconds);
    measured.cliCpu.push(cli.cpuSeconds);
    measured.cliAbandonment = JSON.parse(cli.stdout).results.chat.queueAbandonmentRate;
    if (python !== null) {
      const simpy = run(python.python, simpyArgs);
      measured.simpySeconds.push(simpy.seconds);
      measured.simpyCpu.push(simpy.cpuSeconds);
      measured.simpyAbandonment = JSON.parse(simpy.stdout.trim().split("\n").at(-1) ?? "{}").abandonmentRate;
    }
  }
  return measured;
}

/** The suite's table, ratios (wall and CPU, against the target) and notes. */
function erlangAFigures(measured: ErlangARounds, python: SimpyPython, rounds: number, context: BenchContext): BenchFigures {
  const { cliSeconds, simpySeconds, cliCpu, simpyCpu, cliAbandonment, simpyAbandonment } = measured;
  const chats = QUEUE.chatsPerDay * QUEUE.days;
  const measurements: BenchMeasurement[] = [
    {
      label: "convsim simulate (installed bin, whole process)",
      units: chats,
      events: null,
      wallSeconds: cliSeconds,
      columns: { "CPU s (median)": median(cliCpu).toFixed(2), abandonment: percent(cliAbandonment) },
    },
    ...(python === null
      ? []
      : [
          {
            label: `SimPy ${python.simpyVersion} (python3, whole process)`,
            units: chats,
            events: null,
            wallSeconds: simpySeconds,
            columns: { "CPU s (median)": median(simpyCpu).toFixed(2), abandonment: percent(simpyAbandonment) },
          },
        ]),
  ];
  const ratio = python === null ? null : median(simpySeconds) / median(cliSeconds);
  const cpuRatio = python === null ? null : median(simpyCpu) / median(cliCpu);
  return {
    suite: "erlangA",
    title: `Erlang A end to end, ${chats.toLocaleString("en-US")} chats, ${QUEUE.agents} agents, ${rounds} alternating rounds (medians)`,
    unitName: "chats",
    measurements,
    ratios:
      ratio === null || cpuRatio === null
        ? []
        : [
            { label: "SimPy wall / convsim simulate wall", value: ratio, target: `≥ ${TARGET_RATIO}×`, met: ratio >= TARGET_RATIO },
            { label: "SimPy CPU / convsim simulate CPU", value: cpuRatio, target: `≥ ${TARGET_RATIO}×`, met: cpuRatio >= TARGET_RATIO },
          ],
    notes: [
      python === null
        ? `SimPy: skipped (no python among ${(context.python === undefined ? DEFAULT_PYTHON_CANDIDATES : [context.python]).join(", ")} can import simpy; apt-get install -y python3-simpy3)`
        : `both sides as a user starts them: interpreter start-up, scenario parsing and output included; abandonment shares should agree within noise (warm-up excluded on the convsim side)`,
    ],
  };
}

/**
 * One whole process: its wall seconds, its CPU seconds (user + system, from bash's `times`, which
 * a loaded machine does not inflate the way it does wall time) and stdout. A failed run is a bug in the suite.
 */
function run(command: string, args: readonly string[]): { seconds: number; cpuSeconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync("bash", ["-c", '"$@"; status=$?; times >&2; exit $status', "run", command, ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  // `times` prints the shell's own user and system time, then its children's: "0m3.885s 0m0.128s".
  const children = result.stderr.trim().split("\n").at(-1) ?? "";
  const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, match) => sum + Number(match[1]) * 60 + Number(match[2]), 0);
  return { seconds, cpuSeconds, stdout: result.stdout };
}

function percent(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(2)}%`;
}
