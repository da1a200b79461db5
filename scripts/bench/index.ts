// Benchmark harness: `npm run bench [-- --only mmc --customers 100000 --repeats 3]`. Prints figures;
// nothing here fails on a slow result, so it is safe to run anywhere, but it is not part of CI.
import { defineCommand, runMain } from "citty";
import { UsageError } from "../cli/UsageError.ts";
import type { BenchContext, BenchSuite } from "./benchSuite.ts";
import { formatFigures } from "./formatFigures.ts";
import { machineInfo } from "./machineInfo.ts";
import { suites } from "./suites.ts";

/** Timed runs per JS measurement unless `--repeats` says otherwise. */
const DEFAULT_REPEATS = 3;

const command = defineCommand({
  meta: { name: "bench", description: "Run the benchmark suites and print their figures" },
  args: {
    only: { type: "string", description: `Comma-separated suites to run (${suites.map((suite) => suite.name).join(", ")})` },
    customers: { type: "string", description: "Customers per run for queueing suites (default: each suite's own)" },
    "simpy-customers": { type: "string", description: "Customers for the SimPy comparison run" },
    repeats: { type: "string", description: `Timed runs per JS measurement, after one warm-up (default ${DEFAULT_REPEATS})` },
    python: { type: "string", description: "Python with simpy (default: the first of /usr/bin/python3, python3, python that has it)" },
  },
  async run({ args }) {
    try {
      const selected = selectSuites(args.only);
      const context: BenchContext = {
        customers: optionalInteger("--customers", args.customers),
        simpyCustomers: optionalInteger("--simpy-customers", args["simpy-customers"]),
        repeats: optionalInteger("--repeats", args.repeats) ?? DEFAULT_REPEATS,
        python: args.python,
        log: (line) => console.log(`  ... ${line}`),
      };
      printMachine();
      for (const suite of selected) {
        console.log("");
        try {
          const figures = await suite.run(context);
          console.log("");
          for (const line of formatFigures(figures)) console.log(line);
        } catch (error) {
          if (error instanceof UsageError) throw error;
          // A broken suite is reported with its stack (a bug), and the others still run.
          console.error(`== ${suite.name}: errored`, error);
          process.exitCode = 1;
        }
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`error: ${error.message}`);
      process.exitCode = 2;
    }
  },
});

function selectSuites(only: string | undefined): readonly BenchSuite[] {
  if (only === undefined) return suites;
  const names = only
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.map((name) => {
    const suite = suites.find((candidate) => candidate.name === name);
    if (suite === undefined) {
      throw new UsageError(`invalid --only: ${JSON.stringify(name)} (known suites: ${suites.map((s) => s.name).join(", ")})`);
    }
    return suite;
  });
}

function optionalInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`invalid ${flag}: ${value} (must be an integer >= 1)`);
  return parsed;
}

function printMachine(): void {
  const machine = machineInfo();
  console.log(`node ${machine.nodeVersion} (V8 ${machine.v8Version}), ${machine.platform}`);
  console.log(`cpu: ${machine.cpuModel} × ${machine.logicalCpus}, ${machine.totalMemoryGigabytes.toFixed(1)} GiB`);
  const busy = machine.loadAverage >= machine.logicalCpus / 2 ? " (other work is running: figures will be noisy)" : "";
  console.log(`load average (1 min): ${machine.loadAverage.toFixed(2)}${busy}`);
}

await runMain(command);
