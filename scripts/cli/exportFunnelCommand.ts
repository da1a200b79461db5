import { existsSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "citty";
import { formatFunnelCsv, loadScenario } from "../../experiments/index.ts";
import { DEFAULT_DATA_DIRECTORY, EVENT_LOG_FILE, funnelRows, readEventLog, Warnings } from "../store/index.ts";
import { exportFunnelArgs as args } from "./exportFunnelArgs.ts";
import { rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

/**
 * `export-funnel`: the live store's funnel counts as the CSV `calibrate` reads (live store →
 * calibration → simulation).
 */
export const exportFunnelCommand = defineCommand({
  meta: { name: "export-funnel" },
  args,
  run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out);
    const directory = parsed.data ?? DEFAULT_DATA_DIRECTORY;
    const path = join(directory, EVENT_LOG_FILE);
    if (!existsSync(path)) throw new UsageError(`invalid --data: ${directory} (no ${EVENT_LOG_FILE} in it; run the store with --data ${directory} first)`);
    const warnings = new Warnings((message) => process.stderr.write(`warning: ${message}\n`));
    const { events } = readEventLog(path, warnings);
    let steps: string[];
    if (parsed.scenario) {
      const loaded = loadScenario(parsed.scenario);
      if (loaded.scenario.mode !== "store") throw new UsageError(`invalid --scenario: ${parsed.scenario} (a chatOnly scenario has no checkout steps)`);
      steps = loaded.scenario.funnel.steps.map((step) => step.name);
    } else {
      const starts = events.filter((event) => event.type === "storeStarted");
      if (starts.length === 0)
        throw new UsageError(`invalid --data: ${directory} (the event log has no storeStarted event; pass --scenario to name the checkout steps)`);
      const last = starts[starts.length - 1];
      steps = last.funnelSteps.slice(3);
      const differing = new Set(starts.map((start) => start.funnelSteps.join(",")));
      if (differing.size > 1) warnings.warn(`the log mixes runs with different checkout steps; counting with the latest: ${steps.join(", ")}`);
    }
    const rows = funnelRows(events, steps);
    const csv = formatFunnelCsv(rows);
    if (parsed.out) {
      writeFileAtomic(parsed.out, csv);
      const count = (kind: string) => rows.find((row) => row.kind === kind)?.count ?? 0;
      process.stdout.write(`funnel counts written to ${parsed.out} (${count("sessions")} sessions, ${count("orders")} orders)\n`);
      printNext(`convsim calibrate <scenario> --observed ${parsed.out}`);
    } else process.stdout.write(csv);
  },
});
