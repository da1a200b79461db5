import { execFileSync } from "node:child_process";
import type { BenchMeasurement, BenchSuite } from "./benchSuite.ts";

/** Baseline sessions per day, used to turn a session target into days. */
const BASELINE_SESSIONS_PER_DAY = 40_000;

interface ModelRun {
  sessions: number;
  wallSeconds: number;
  maxRssMegabytes: number;
}

function runOnce(days: number): ModelRun {
  const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/runModelOnce.ts", String(days)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split("\n").at(-1)!) as ModelRun;
}

/**
 * Issue target: 1,000,000 shopper sessions through the baseline in ≤ 10 s on one core, peak RSS
 * ≤ 300 MB and not growing with the number of sessions (1M vs 10M). Each size runs in its own
 * process so peak RSS belongs to that run alone.
 */
export const modelSuite: BenchSuite = {
  name: "model",
  description: "baseline store model: sessions per second and peak memory at 1M and 10M sessions",
  async run(context) {
    const small = context.customers ?? 1_000_000;
    const sizes = [small, small * 10];
    const measurements: BenchMeasurement[] = [];
    const runs: ModelRun[] = [];
    for (const sessions of sizes) {
      const days = Math.max(1, Math.round(sessions / BASELINE_SESSIONS_PER_DAY));
      context.log(`baseline, ${days} days (~${sessions.toLocaleString("en-US")} sessions), one core`);
      const run = runOnce(days);
      runs.push(run);
      measurements.push({
        label: `baseline ${days} days`,
        units: run.sessions,
        events: null,
        wallSeconds: [run.wallSeconds],
        columns: { "peak RSS": `${run.maxRssMegabytes.toFixed(0)} MB` },
      });
    }
    const [first, second] = runs;
    return {
      suite: "model",
      title: "Store model throughput and memory (experiments/scenarios/baseline.yaml, seed 1)",
      unitName: "sessions",
      measurements,
      ratios: [
        { label: "seconds per 1M sessions", unit: " s", value: (first.wallSeconds / first.sessions) * 1e6, target: "≤ 10 s", met: (first.wallSeconds / first.sessions) * 1e6 <= 10 },
        { label: `peak RSS at ${first.sessions.toLocaleString("en-US")} sessions`, unit: " MB", value: first.maxRssMegabytes, target: "≤ 300 MB", met: first.maxRssMegabytes <= 300 },
        { label: "peak RSS 10× sessions ÷ 1×", value: second.maxRssMegabytes / first.maxRssMegabytes, target: "≈ 1 (flat)", met: second.maxRssMegabytes / first.maxRssMegabytes < 1.25 },
      ],
      notes: ["memory is flat by design: counters, bounded sketches and per-interval arrays only (the per-interval arrays grow with days, a few KB per day)"],
    };
  },
};
