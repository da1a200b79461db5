import { resolve } from "node:path";
import { defineCommand } from "citty";
import { loadScenario, makeStamp, resolveSeed, simulateScenario } from "../../experiments/index.ts";
import { rejectUnknownOptions } from "./options.ts";
import { simulationSummary } from "./simulationSummary.ts";
import { writeFileAtomic } from "./writeFileAtomic.ts";

/** The shipped baseline scenario the main job runs. */
export const BASELINE_SCENARIO = "experiments/scenarios/baseline.yaml";
/** Where the main job writes its results (ignored by git). */
export const OUTPUT_DIRECTORY = "reports/out";

const args = {
  out: { type: "string", description: `output folder (default ${OUTPUT_DIRECTORY})` },
} as const;

/** `start`: the main job — simulate the shipped baseline and write its results. */
export const startCommand = defineCommand({
  meta: { name: "start", description: "Main job: simulate the baseline store and write results to reports/out" },
  args,
  run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const outDirectory = parsed.out ?? OUTPUT_DIRECTORY;
    const loaded = loadScenario(BASELINE_SCENARIO);
    const seed = resolveSeed(loaded, undefined);
    const started = performance.now();
    const results = simulateScenario(loaded, { seed });
    const stamp = makeStamp({
      command: "start",
      scenario: results.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: `npm run simulate -- ${BASELINE_SCENARIO} --seed ${seed}`,
    });
    const file = resolve(outDirectory, "baseline.json");
    writeFileAtomic(file, `${JSON.stringify({ stamp, results }, null, 2)}\n`);
    process.stdout.write(simulationSummary(results, stamp, loaded.scenario.currency));
    process.stdout.write(`\nresults written to ${file}\n`);
  },
});
