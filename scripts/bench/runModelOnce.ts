// Child process for the model benchmark: runs the baseline for a given number of days and prints
// one JSON line with sessions, wall time, CPU time and peak RSS, so each size is measured in a fresh process.
import { loadScenario } from "../../experiments/index.ts";
import { simulate } from "../../sim/model/index.ts";

const days = Number(process.argv[2]);
// The bench sizes its own runs (up to 250 days): above the CLI's default work limit on purpose.
const loaded = loadScenario("experiments/scenarios/baseline.yaml", { days, maxSessions: Number.MAX_SAFE_INTEGER });
const cpuAtStart = process.cpuUsage();
const started = performance.now();
const results = simulate(loaded.config, { seed: 1 });
const wallSeconds = (performance.now() - started) / 1000;
// User + system CPU of the run (GC helper threads included): less sensitive than wall time to other
// processes sharing the cores, though not immune (shared caches, hyperthreads).
const cpu = process.cpuUsage(cpuAtStart);
const sessions = results.kind === "store" ? results.funnel.sessions : 0;
process.stdout.write(
  `${JSON.stringify({ sessions, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMegabytes: process.resourceUsage().maxRSS / 1024 })}\n`,
);
