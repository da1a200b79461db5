import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { defineCommand } from "citty";
import { loadScenario, makeStamp, resolveSeed, simulateScenario } from "../../experiments/index.ts";
import type { SessionRecord } from "../../sim/model/index.ts";
import { integerOption, rejectUnknownOptions, seedOption } from "./options.ts";
import { simulationSummary } from "./simulationSummary.ts";
import { writeReportLater } from "./writeReportLater.ts";
import { reproduceCommand } from "./reproduce.ts";
import { writeFileAtomic } from "./writeFileAtomic.ts";
import { printNext } from "./printNext.ts";

const args = {
  scenario: { type: "positional", description: "scenario file (YAML or JSON)", required: true },
  seed: { type: "string", description: "random seed (default: the scenario's seed, else 1)" },
  days: { type: "string", description: "override the horizon in days" },
  json: { type: "boolean", description: "print the full results as JSON instead of the summary" },
  out: { type: "string", description: "write the full results as JSON to this file" },
  report: { type: "string", description: "also write a self-contained HTML report to this file" },
  events: { type: "string", description: "write one JSON line per session to this file (JSONL)" },
} as const;

/** `simulate <scenario>`: one run of a scenario, summary or JSON. */
export const simulateCommand = defineCommand({
  meta: { name: "simulate" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const days = integerOption(parsed.days, "--days", 1, 3650);
    const seedArg = seedOption(parsed.seed);
    const loaded = loadScenario(parsed.scenario, { days });
    const seed = resolveSeed(loaded, seedArg);
    const started = performance.now();
    const log = parsed.events ? openEventLog(parsed.events) : null;
    let results;
    try {
      results = simulateScenario(loaded, { seed, onSession: log?.write });
      log?.commit();
    } finally {
      log?.abandon();
    }
    const stamp = makeStamp({
      command: "simulate",
      scenario: results.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: reproduceCommand("simulate", rawArgs, seed),
    });
    const document = { stamp, results };
    if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
    if (parsed.report) await writeReportLater([document], parsed.report, { sources: [parsed.out ?? "(in memory)"] });
    if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else {
      process.stdout.write(simulationSummary(results, stamp, loaded.scenario.currency));
      if (parsed.out) process.stdout.write(`results written to ${parsed.out}\n`);
      if (parsed.events) process.stdout.write(`session log written to ${parsed.events}\n`);
    }
    printNext(parsed.report ? `open ${parsed.report}` : `convsim replicate ${parsed.scenario} for confidence intervals, or add --report FILE for charts`);
  },
});

/** A JSONL session log streamed to a temporary file and renamed into place only when the run succeeds. */
function openEventLog(path: string): { write: (record: SessionRecord) => void; commit: () => void; abandon: () => void } {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  let open = true;
  let buffer = "";
  const flush = (): void => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = "";
  };
  return {
    write(record) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length > 1 << 16) flush();
    },
    commit() {
      flush();
      closeSync(fd);
      open = false;
      renameSync(temporary, path);
    },
    abandon() {
      if (!open) return;
      closeSync(fd);
      open = false;
      rmSync(temporary, { force: true });
    },
  };
}
