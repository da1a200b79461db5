import { defineCommand, type ParsedArgs } from "citty";
import { formatCsv } from "../../experiments/csv/index.ts";
import type { Formatter } from "../../experiments/format/index.ts";
import { loadScenario, makeStamp, resolveSeed } from "../../experiments/index.ts";
import {
  planShifts,
  readRoster,
  readShiftRules,
  recommendStaffing,
  resolveStaffingTarget,
  type StaffingObjective,
  type StaffingResults,
  type StaffingTargetOptions,
  type VideoStaffing,
} from "../../experiments/staffing/index.ts";
import type { Estimate } from "../../experiments/stats/index.ts";
import { describeServiceLevel } from "../../sim/model/index.ts";
import { checkMark } from "./checkMark.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, numberOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueStamp, withQueue } from "./queueOption.ts";
import { reproduceCommand } from "./reproduce.ts";
import { parseRunArgs } from "./runArgs.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { shiftSchedulingSummary, unstaffedMessage } from "./shiftSchedulingSummary.ts";
import { warmupLine } from "./simulationSummary.ts";
import { staffArgs as args } from "./staffArgs.ts";
import { UsageError } from "./UsageError.ts";
import { worldsOption } from "./worldsOption.ts";
import { runWorldsCommand, worldsApply } from "./worldsRun.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

const OBJECTIVES: Record<string, StaffingObjective> = { target: "target", profit: "profit" };

/** `staff`: agents per interval for a service target (or the best contribution profit), next to Erlang A / C. */
export const staffCommand = defineCommand({
  meta: { name: "staff" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out, parsed.csv, parsed.report);
    const { days, warmupSeconds, replications, workers, seed: seedArg, queue, maxSessions } = parseRunArgs(parsed);
    const flags = staffFlags(parsed);
    const loaded = loadScenario(parsed.scenario, { days, maxSessions, warmupSeconds });
    const config = loaded.config;
    if (flags.objective === "profit" && config.kind !== "store")
      throw new UsageError("invalid --objective: profit (needs a store scenario: a chat-only scenario has no revenue to weigh against agent cost)");
    const { worlds } = flags;
    if (worldsApply(worlds, [{ name: "central", scenario: loaded }])) {
      await staffWorlds(parsed, rawArgs, loaded, flags.levels, { worlds, replications, seed: resolveSeed(loaded, seedArg), workers, queue });
      return;
    }
    const { rules, team } = checkStaffPlan(parsed, config, flags);
    const seed = resolveSeed(loaded, seedArg);
    const currency = loaded.scenario.currency;
    const format = scenarioFormatter(loaded.scenario);
    const progress = createProgress("staff", { quiet: parsed.quiet });
    const interrupt = interruptSignal();
    const started = performance.now();
    let staffing: StaffingResults;
    try {
      // With a queue, one local thread (no pool): the tasks run on the workers.
      staffing = await withQueue(queue, { quiet: parsed.quiet, signal: interrupt.signal }, (backend) =>
        recommendStaffing(config, {
          target: flags.target,
          objective: flags.objective,
          replications,
          seed,
          workers: backend ? 1 : workers,
          backend,
          maxIterations: flags.maxIterations,
          shiftHours: flags.shiftHours,
          smoothingHours: flags.smoothingHours,
          minDipSavingsAgentHours: flags.minDipSavings,
          failFast: parsed.failFast,
          signal: interrupt.signal,
          onProgress: progress.update,
          currency,
          locale: format.locale,
        }),
      );
    } finally {
      progress.stop();
      interrupt.dispose();
    }
    if (rules !== undefined && staffing.stoppedBy !== "interrupted") await addShiftPlan(staffing, rules, team, config, parsed.roster);
    const stamp = makeStamp({
      command: "staff",
      scenario: staffing.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: reproduceCommand("staff", rawArgs, seed),
    });
    const document = { stamp: { ...stamp, replications, workers, ...queueStamp(queue) }, staffing };
    await writeStaffOutputs(parsed, document, config, format);
    if (staffing.stoppedBy === "interrupted") process.exitCode = 130;
    else if (staffing.errored.length > 0) process.exitCode = 1;
  },
});

type StaffArgs = ParsedArgs<typeof args>;
type StaffConfig = ReturnType<typeof loadScenario>["config"];

/** The command's own flags, checked: the target, the objective, shifts, smoothing, worlds and levels. */
function staffFlags(parsed: StaffArgs) {
  const maxIterations = integerOption(parsed.maxIterations, "--max-iterations", 1, 1000);
  const target: StaffingTargetOptions = {
    serviceLevel: numberOption(parsed.serviceLevel, "--service-level", 0.01, 0.999),
    serviceLevelSeconds: numberOption(parsed.within, "--within", 0, 86_400),
    maxQueueAbandonment: numberOption(parsed.maxAbandon, "--max-abandon", 0.0001, 1),
    maxOccupancy: numberOption(parsed.maxOccupancy, "--max-occupancy", 0.01, 1),
  };
  const objective = parsed.objective === undefined ? "target" : OBJECTIVES[parsed.objective];
  if (objective === undefined) throw new UsageError(`invalid --objective: ${JSON.stringify(parsed.objective)} (allowed: target, profit)`);
  const shiftHours = numberOption(parsed.shiftHours, "--shift-hours", 0.25, 24);
  const smoothingHours = numberOption(parsed.smoothingHours, "--smoothing-hours", 0, 24);
  const minDipSavings = numberOption(parsed.minDipSavings, "--min-dip-savings", 0, 1e6);
  const worlds = worldsOption(parsed.worlds);
  const levels =
    parsed.levels === undefined ? undefined : [...new Set(parsed.levels.split(",").map((value) => integerOption(value.trim(), "--levels", 0, 10_000)!))];
  return { target, maxIterations, objective, shiftHours, smoothingHours, minDipSavings, worlds, levels };
}

/** `staff --worlds`: decides between constant staffing levels across the plausible worlds, by contribution profit. */
async function staffWorlds(
  parsed: StaffArgs,
  rawArgs: string[],
  loaded: ReturnType<typeof loadScenario>,
  levels: number[] | undefined,
  run: Pick<Parameters<typeof runWorldsCommand>[0], "worlds" | "replications" | "seed" | "workers" | "queue">,
): Promise<void> {
  if (loaded.config.kind !== "store")
    throw new UsageError("invalid --worlds: with a chat-only scenario (the decision weighs contribution profit, which needs a store scenario's revenue)");
  if (levels === undefined || levels.length < 2)
    throw new UsageError(
      `invalid --levels: ${levels === undefined ? "missing" : JSON.stringify(parsed.levels)} (--worlds decides between constant staffing levels: give at least 2, e.g. --levels 2,3,4)`,
    );
  const variants = levels.map((agents) => ({ name: `${agents} agents`, scenario: loaded, agentsScheduled: agents }));
  await runWorldsCommand({
    sensitivity: parsed.sensitivity,
    command: "staff",
    variants,
    ...run,
    metric: "contributionProfit",
    scenarioPath: loaded.path,
    scenarioHash: loaded.hash,
    currency: loaded.scenario.currency,
    rawArgs,
    flags: { out: parsed.out, report: parsed.report, json: parsed.json, quiet: parsed.quiet, failFast: parsed.failFast },
  });
}

/**
 * Checks what the search cannot fix before it starts: shifts of whole intervals, a target that can
 * work, and the shift rules and team files (read now, so a typo in them costs nothing).
 */
function checkStaffPlan(parsed: StaffArgs, config: StaffConfig, flags: ReturnType<typeof staffFlags>) {
  const { shiftHours } = flags;
  if (shiftHours !== undefined && !Number.isInteger((shiftHours * 3600) / config.horizon.intervalSeconds)) {
    throw new UsageError(
      `invalid --shift-hours: ${parsed.shiftHours} (must be a whole number of the scenario's ${config.horizon.intervalSeconds / 60}-minute intervals)`,
    );
  }
  try {
    resolveStaffingTarget(config, flags.target);
  } catch (error) {
    throw new UsageError(
      (error as Error).message
        .replace(/target\.serviceLevel\b/, "--service-level")
        .replace("target.maxQueueAbandonment", "--max-abandon")
        .replace("target.maxOccupancy", "--max-occupancy"),
    );
  }
  const rules = parsed.shiftRules === undefined && parsed.roster === undefined ? undefined : readShiftRules(parsed.shiftRules, config.horizon.intervalSeconds);
  const team = parsed.roster === undefined ? undefined : readRoster(parsed.roster);
  if (team !== undefined && config.horizon.days !== 1 && config.horizon.days !== 7)
    throw new UsageError(`invalid --roster: the scenario's horizon is ${config.horizon.days} days (a roster needs a plan for 1 day or a week: --days 1 or 7)`);
  return { rules, team };
}

/** The optimal shift plan (and roster) for the recommendation; a plan or roster that cannot work is a usage error. */
async function addShiftPlan(
  staffing: StaffingResults,
  rules: ReturnType<typeof readShiftRules>,
  team: ReturnType<typeof readRoster> | undefined,
  config: StaffConfig,
  rosterPath: string | undefined,
): Promise<void> {
  const requirement = staffing.intervals.map((interval) => interval.recommendedAgentsScheduled);
  try {
    staffing.shiftScheduling = await planShifts({ requirement, rules, costPerHour: config.agents.costPerHour, horizonDays: config.horizon.days, team });
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && error.name === "MilpError")) throw new UsageError(`cannot plan shifts: ${error.message}`);
    throw error;
  }
  const unstaffed = staffing.shiftScheduling.roster === null ? null : unstaffedMessage(staffing.shiftScheduling.roster, rosterPath!);
  if (unstaffed !== null) throw new UsageError(unstaffed);
}

/** Writes the JSON, report and CSV asked for, then the summary (or the JSON) on stdout and the next step. */
async function writeStaffOutputs(parsed: StaffArgs, document: { staffing: StaffingResults }, config: StaffConfig, format: Formatter): Promise<void> {
  const { staffing } = document;
  if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
  if (parsed.report) await writeReportLater([document], parsed.report, { sources: [parsed.out ?? "(in memory)"] });
  if (parsed.csv) writeFileAtomic(parsed.csv, formatCsv(intervalRows(staffing)));
  if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else
    process.stdout.write(
      staffingSummary(staffing, format, config.horizon.days) +
        `service level: ${describeServiceLevel(config.desk.serviceLevel, staffing.target.serviceLevelSeconds)}\n` +
        warmupLine(config.desk.warmupSeconds, format) +
        (parsed.out ? `results written to ${parsed.out}\n` : ""),
    );
  printNext(
    parsed.report
      ? `open ${parsed.report}`
      : parsed.shiftHours === undefined
        ? "add --shift-hours 8 to round the plan up to shifts, or --report FILE for charts"
        : "add --report FILE for the coverage chart and the shift plan",
    parsed.quiet,
  );
}

/** Tidy CSV rows: one per interval, with the video channel's own plan in `video*` columns when the desk has video. */
function intervalRows(staffing: StaffingResults): Record<string, unknown>[] {
  const video = staffing.video === undefined ? null : new Map(staffing.video.intervals.map((row) => [row.index, row]));
  return staffing.intervals.map((interval) => ({
    ...textRow(staffing, interval),
    ...(video === null ? {} : videoColumns(video.get(interval.index))),
  }));
}

/** The video interval's columns, named like the text chat's with a `video` prefix. */
function videoColumns(video: VideoStaffing["intervals"][number] | undefined): Record<string, unknown> {
  return {
    videoRequestsPerHour: video?.videoRequestsPerHour ?? null,
    videoAgentsScheduled: video?.agentsScheduled ?? null,
    videoAgentsOnline: video?.agentsOnline ?? null,
    videoErlangServiceLevel: video?.erlangServiceLevel ?? null,
    videoServiceLevel: video?.serviceLevel?.mean ?? null,
    videoServiceLevelLower: video?.serviceLevel?.lower ?? null,
    videoServiceLevelUpper: video?.serviceLevel?.upper ?? null,
    videoQueueAbandonment: video?.queueAbandonment?.mean ?? null,
    videoOccupancy: video?.occupancy?.mean ?? null,
    videoMeetsTarget: video?.meetsTarget ?? null,
  };
}

/** The text chat's columns of one interval. */
function textRow(staffing: StaffingResults, interval: StaffingResults["intervals"][number]): Record<string, unknown> {
  return {
    index: interval.index,
    start: clock(interval.startSeconds),
    startSeconds: interval.startSeconds,
    chatsPerHour: interval.chatsPerHour,
    erlangModel: staffing.analyticModel,
    erlangAgentsScheduled: interval.erlangAgentsScheduled,
    erlangCAgentsScheduled: interval.erlangCAgentsScheduled,
    recommendedAgentsScheduled: interval.recommendedAgentsScheduled,
    recommendedAgentsOnline: interval.recommendedAgentsOnline,
    unsmoothedAgentsScheduled: interval.unsmoothedAgentsScheduled,
    shiftAgentsScheduled: interval.shiftAgentsScheduled,
    meanChats: interval.meanChats,
    serviceLevel: interval.serviceLevel?.mean ?? null,
    serviceLevelLower: interval.serviceLevel?.lower ?? null,
    serviceLevelUpper: interval.serviceLevel?.upper ?? null,
    queueAbandonment: interval.queueAbandonment?.mean ?? null,
    queueAbandonmentLower: interval.queueAbandonment?.lower ?? null,
    queueAbandonmentUpper: interval.queueAbandonment?.upper ?? null,
    occupancy: interval.occupancy?.mean ?? null,
    occupancyLower: interval.occupancy?.lower ?? null,
    occupancyUpper: interval.occupancy?.upper ?? null,
    meetsTarget: interval.meetsTarget,
    replications: staffing.replications,
    level: staffing.level,
  };
}

/** The terminal summary: per-interval table, totals, sweep, explanation, every figure through the scenario's formatter (`report.locale`, `currency`). */
export function staffingSummary(staffing: StaffingResults, format: Formatter, horizonDays = 1): string {
  const { target } = staffing;
  const model = staffing.analyticModel === "erlangA" ? "Erlang A" : "Erlang C";
  const goals = [
    target.serviceLevel === null ? null : `${format.percent(target.serviceLevel, 0)} within ${target.serviceLevelSeconds} s`,
    target.maxQueueAbandonment === null ? null : `abandonment ≤ ${format.percent(target.maxQueueAbandonment)}`,
    target.maxOccupancy === null ? null : `occupancy ≤ ${format.percent(target.maxOccupancy, 0)}`,
  ].filter(Boolean);
  const lines = [
    `${staffing.scenario} · ${staffing.objective === "profit" ? "objective: contribution profit" : `target: ${goals.join(", ")}`} · ${staffing.replications} replications · ${format.percent(staffing.level, 0)} intervals · closed form: ${model}`,
  ];
  if (staffing.stoppedBy === "interrupted") lines.push("interrupted: results from the runs completed so far");
  for (const error of staffing.errored.slice(0, 5)) lines.push(`errored: ${error.stage} replication ${error.replication}: ${error.error}`);
  const shifts = staffing.shifts !== null;
  const header = ["time", "chats/h", model, "recommended", ...(shifts ? ["shifts"] : []), "service level [CI]", "abandon", "occupancy"];
  const table = staffing.intervals.map((interval) => [
    `${clock(interval.startSeconds)}–${clock(interval.startSeconds + staffing.intervalSeconds)}`,
    format.number(interval.chatsPerHour, 1),
    String(interval.erlangAgentsScheduled),
    `${interval.recommendedAgentsScheduled}${interval.recommendedAgentsScheduled === interval.erlangAgentsScheduled ? "" : interval.recommendedAgentsScheduled > interval.erlangAgentsScheduled ? " ▲" : " ▼"}`,
    ...(shifts ? [String(interval.shiftAgentsScheduled)] : []),
    `${interval.meetsTarget === false ? `${checkMark(false)} ` : ""}${withInterval(interval.serviceLevel, format)}`,
    format.percent(interval.queueAbandonment?.mean ?? null),
    format.percent(interval.occupancy?.mean ?? null, 0),
  ]);
  lines.push(...formatTable(header, table));
  const { totals } = staffing;
  lines.push(
    `totals: recommended ${format.number(totals.recommendedAgentHours, 1)} agent-hours (${format.money(totals.recommendedCost)}) · ${model} ${format.number(totals.erlangAgentHours, 1)} (${format.money(totals.erlangCost)})${totals.erlangCAgentHours !== null ? ` · Erlang C ${format.number(totals.erlangCAgentHours, 1)}` : ""}${totals.shiftAgentHours !== null ? ` · shifts ${format.number(totals.shiftAgentHours, 1)} (${format.money(totals.shiftCost)})` : ""}`,
  );
  if (staffing.smoothing.addedAgentHours > 0)
    lines.push(
      `smoothing: dips shorter than ${staffing.smoothing.hours} h filled (+${staffing.smoothing.addedAgentHours} agent-hours${staffing.smoothing.keptDips > 0 ? `; ${staffing.smoothing.keptDips} dip${staffing.smoothing.keptDips === 1 ? "" : "s"} kept, each saving at least ${staffing.smoothing.minDipSavingsAgentHours} agent-hours` : ""}; KPIs are simulated for the plan before smoothing, which had fewer agents)`,
    );
  if (staffing.shifts !== null) {
    const horizonSeconds = staffing.intervals.length * staffing.intervalSeconds;
    lines.push(
      `shift plan (${staffing.shifts.shiftHours} h, wrapping past the end of the horizon): ${staffing.shifts.shifts.map((shift) => `${clock(shift.startSeconds)}–${clock(shift.endSeconds > horizonSeconds ? shift.endSeconds - horizonSeconds : shift.endSeconds)} ×${shift.agents}`).join(", ")}`,
    );
  }
  if (staffing.shiftScheduling) lines.push(...shiftSchedulingSummary(staffing.shiftScheduling, horizonDays, format));
  if (staffing.video !== undefined) lines.push(...videoLines(staffing.video, staffing.intervalSeconds, format));
  if (staffing.sweep.length > 0) {
    lines.push("constant staffing all day:");
    const store = staffing.mode === "store";
    lines.push(
      ...formatTable(
        ["agents", "service level [CI]", "abandon", ...(store ? ["conversion", "contribution profit [CI]"] : []), "agent cost"],
        staffing.sweep.map((point) => [
          String(point.agentsScheduled),
          withInterval(point.serviceLevel, format),
          format.percent(point.queueAbandonment?.mean ?? null),
          ...(store
            ? [
                format.percent(point.conversionRate?.mean ?? null, 2),
                point.contributionProfit === null
                  ? "–"
                  : `${format.money(point.contributionProfit.mean)}${point.contributionProfit.lower === null ? "" : ` [${format.money(point.contributionProfit.lower)}, ${format.money(point.contributionProfit.upper)}]`}`,
              ]
            : []),
          format.money(point.agentCost),
        ]),
      ),
    );
  }
  lines.push("explanation:", ...staffing.explanation.map((line) => `  ${line}`));
  return `${lines.join("\n")}\n`;
}

/** The video channel's own requirement per interval (its agents are not in the text totals). */
function videoLines(video: VideoStaffing, intervalSeconds: number, format: Formatter): string[] {
  const rows = video.intervals.map((interval) => [
    `${clock(interval.startSeconds)}–${clock(interval.startSeconds + intervalSeconds)}`,
    format.number(interval.videoRequestsPerHour, 1),
    format.count(interval.agentsScheduled),
    `${interval.meetsTarget === false ? `${checkMark(false)} ` : ""}${withInterval(interval.serviceLevel, format)}`,
    format.percent(interval.queueAbandonment?.mean ?? null),
    format.percent(interval.occupancy?.mean ?? null, 0),
  ]);
  return [
    `video channel (${video.model}, mean call ${format.count(Math.round(video.meanHandleSeconds))} s): ${format.number(video.agentHours, 1)} agent-hours (${format.money(video.cost)})`,
    ...formatTable(["time", "video/h", "video agents", "service level [CI]", "abandon", "occupancy"], rows),
  ];
}

function withInterval(estimate: Estimate | null, format: Formatter): string {
  if (estimate === null) return "–";
  // Rates live in [0, 1]: the t interval's bounds are clipped for display (the JSON keeps them as computed).
  return estimate.lower === null
    ? format.percent(estimate.mean)
    : `${format.percent(estimate.mean)} [${format.percent(Math.max(0, estimate.lower))}, ${format.percent(Math.min(1, estimate.upper!))}]`;
}

function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ")}`;
  return [format(header), ...rows.map(format)];
}

function clock(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  const within = seconds - day * 86400;
  const text = `${String(Math.floor(within / 3600)).padStart(2, "0")}:${String(Math.floor((within % 3600) / 60)).padStart(2, "0")}`;
  if (within === 0 && day > 0) return day === 1 ? "24:00" : `d${day} 24:00`;
  return day > 0 ? `d${day + 1} ${text}` : text;
}
