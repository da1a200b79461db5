import { resolve } from "node:path";
import { loadScenario } from "../../experiments/index.ts";
import { runProtocolCheck } from "../synthetic/protocol/index.ts";
import type { BenchSuite } from "./benchSuite.ts";

/** Sessions per timed run. */
const SESSIONS = 1000;

/**
 * Issue target: protocol-level personas (HTTP, no browser) against the demo store with bot agents at
 * ≥ 1,000 sessions a minute on 2 cores, chat included. The store runs idle-on-payment, so sessions
 * are invited and some chat with the bots; the store and the harness share this process, as in
 * `check --protocol`.
 */
export const protocolSuite: BenchSuite = {
  name: "protocol",
  description: "protocol-level personas (HTTP, no browser) against the demo store: sessions per minute, with the simulator-vs-live table",
  async run(context) {
    const scenario = loadScenario(resolve("experiments/scenarios/baseline.yaml"), { policy: resolve("experiments/policies/idle-on-payment.yaml") });
    const walls: number[] = [];
    const cpu: number[] = [];
    const disagreements: number[] = [];
    const failed: number[] = [];
    const repeats = Math.max(1, Math.min(context.repeats, 3));
    for (let repeat = 0; repeat < repeats; repeat++) {
      context.log(`${SESSIONS} protocol sessions, run ${repeat + 1} of ${repeats}`);
      const results = await runProtocolCheck({ scenario, sessions: SESSIONS, seed: `bench${repeat}` });
      walls.push(results.summary.wallSeconds);
      cpu.push(results.summary.cpuSecondsPerSession * 1000);
      disagreements.push(results.summary.disagreements);
      failed.push(results.personas.failed);
    }
    const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const perMinute = (SESSIONS / median(walls)) * 60;
    return {
      suite: "protocol",
      title: "Protocol-level personas against the demo store (HTTP, no browser)",
      unitName: "sessions",
      measurements: [
        {
          label: `${SESSIONS} sessions (idle-on-payment, 1 bot agent)`,
          units: SESSIONS,
          events: null,
          wallSeconds: walls,
          columns: { "CPU ms/session": median(cpu).toFixed(1) },
        },
      ],
      ratios: [
        { label: "sessions per minute (median run)", value: perMinute, unit: "/min", target: "≥ 1,000/min", met: perMinute >= 1000 },
        { label: "sessions per CPU-minute of the one process (store + harness)", value: 60_000 / median(cpu), unit: "/min" },
      ],
      notes: [
        `disagreements in the simulator-vs-live table per run: ${disagreements.join(", ")}; personas stopped by the store: ${failed.join(", ")} (both should be 0)`,
        "sessions arrive as a Poisson stream at 25/s with at most 200 in flight, so a run goes as fast as the machine allows; the store and the harness share one Node process (one core), the other core is left to the event log's fsyncs and the rest of the machine",
        "a machine busy with other work moves these figures a lot: compare runs at similar load averages (CPU ms/session is the steadier figure)",
      ],
    };
  },
};
