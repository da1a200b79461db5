import { resolve } from "node:path";
import { compareVariants, loadVariants } from "../../experiments/compare/index.ts";
import type { BenchSuite } from "./benchSuite.ts";

const POLICIES = ["idle-on-payment", "exit-intent-high-value", "aggressive"].map((name) => resolve(`experiments/policies/${name}.yaml`));

/** Issue target: a compare run on 2 worker threads is ≥ 1.8× faster than on one, with identical results. */
export const parallelSuite: BenchSuite = {
  name: "parallel",
  description: "compare run (4 policies × 8 replications of one baseline day): 1 worker vs 2",
  async run(context) {
    const { variants, control } = loadVariants(resolve("experiments/scenarios/baseline.yaml"), POLICIES, 1);
    const options = { replications: 8, seed: 5, control };
    const timed = async (workers: number) => {
      context.log(`compare with ${workers} worker${workers === 1 ? "" : "s"}`);
      const started = performance.now();
      const result = await compareVariants(variants, { ...options, workers });
      return { seconds: (performance.now() - started) / 1000, bytes: JSON.stringify(result) };
    };
    const serial = await timed(1);
    const parallel = await timed(2);
    const runs = 8 * variants.length;
    return {
      suite: "parallel",
      title: "Parallel compare (piscina worker threads)",
      unitName: "runs",
      measurements: [
        { label: "1 worker (in process)", units: runs, events: null, wallSeconds: [serial.seconds] },
        { label: "2 worker threads", units: runs, events: null, wallSeconds: [parallel.seconds] },
      ],
      ratios: [{ label: "speed-up, 2 workers vs 1", value: serial.seconds / parallel.seconds, target: "≥ 1.8×", met: serial.seconds / parallel.seconds >= 1.8 }],
      notes: [`results byte-identical: ${serial.bytes === parallel.bytes ? "yes" : "NO"}`],
    };
  },
};
