import type { DistributionSpec } from "../../sim/random/index.ts";
import { createFormatter, type Formatter } from "../format/index.ts";
import type {
  LoadSummary,
  ProfitChoice,
  ResolvedStaffingTarget,
  ShiftPlan,
  StaffingInterval,
  StaffingObjective,
  StaffingTotals,
  SweepLevel,
} from "./staffingTypes.ts";

/** Most per-range lines before the rest are summarised in one line. */
const MAX_RANGE_LINES = 8;
/** Handle-time growth below this share is not called a slowdown effect. */
const SLOWDOWN_THRESHOLD = 0.05;
/** A neighbouring interval counts as busier/quieter beyond this rate ratio. */
const CARRY_OVER_RATIO = 1.1;

export interface ExplanationInput {
  objective: StaffingObjective;
  analyticModel: "erlangA" | "erlangC";
  target: ResolvedStaffingTarget;
  intervalSeconds: number;
  intervals: readonly StaffingInterval[];
  loads: LoadSummary;
  /** Chat arrival rate per interval the analytic answer used, per second. */
  arrivalRatesPerSecond: readonly number[];
  handleSeconds: DistributionSpec;
  concurrency: number;
  slowdownPerExtraChat: number;
  totals: StaffingTotals;
  minChatsForDecision: number;
  search: { iterations: number; converged: boolean; stoppedBy: string };
  sweep: readonly SweepLevel[];
  profitChoice: ProfitChoice | null;
  shifts: ShiftPlan | null;
  currency: string;
  /** The scenario's locale (BCP 47); en-US when absent. */
  locale?: string;
}

/**
 * Explanation lines computed from the data: how the recommendation compares with the closed form in
 * total and in each run of intervals that differ, with the likely cause of each difference read off
 * the simulation (handle-time growth from concurrency slowdown, backlog carried from a busier
 * interval, handle-time variability, a confidence interval straddling the target), and what patience,
 * invitations, the profit sweep and shift rounding change.
 */
export function explainStaffing(input: ExplanationInput): string[] {
  const lines: string[] = [];
  const model = input.analyticModel === "erlangA" ? "Erlang A" : "Erlang C";
  const { totals } = input;
  const change = totals.erlangAgentHours > 0 ? totals.recommendedAgentHours / totals.erlangAgentHours - 1 : 0;
  lines.push(
    `${input.objective === "profit" ? "best contribution profit" : "recommended"}: ${hours(input, totals.recommendedAgentHours)} agent-hours (${fmt(input).money(totals.recommendedCost)}) vs ${model}: ${hours(input, totals.erlangAgentHours)} (${fmt(input).money(totals.erlangCost)})${Math.abs(change) < 0.0005 ? ", the same" : `, ${fmt(input).signedPercent(change)}`}`,
  );
  if (input.objective === "target") lines.push(...rangeLines(input, model));

  const handleCv = coefficientOfVariation(input.handleSeconds);
  if (input.concurrency > 1 && input.slowdownPerExtraChat > 0) {
    const pooled = pooledHandle(input.intervals);
    if (pooled !== null) {
      lines.push(
        `slowdown: with up to ${input.concurrency} chats per agent (+${fmt(input).percent(input.slowdownPerExtraChat)} handle time per extra chat) chats take ${fmt(input).number(pooled.handle, 0)} s at the recommended staffing (${fmt(input).number(pooled.concurrency, 1)} concurrent on average), ${fmt(input).signedPercent(pooled.handle / input.loads.meanHandleSeconds - 1)} vs the ${fmt(input).number(input.loads.meanHandleSeconds, 0)} s ${model} used`,
      );
    }
  }
  if (input.handleSeconds.kind !== "exponential" && handleCv !== null) {
    lines.push(
      `handle time is ${input.handleSeconds.kind} with coefficient of variation ${fmt(input).number(handleCv, 2)}; ${model} assumes exponential (1.00)${handleCv < 1 ? ", so it overstates queueing a little" : handleCv > 1 ? ", so it understates queueing" : ""}`,
    );
  }
  if (input.loads.meanPatienceSeconds !== null && totals.erlangCAgentHours !== null) {
    const extra = totals.erlangCAgentHours - totals.erlangAgentHours;
    const peak = Math.max(0, ...input.intervals.map((interval) => (interval.erlangCAgentsScheduled ?? 0) - interval.erlangAgentsScheduled));
    lines.push(
      extra > 0
        ? `patience ${fmt(input).number(input.loads.meanPatienceSeconds, 0)} s: Erlang C (nobody gives up) would overstaff by ${hours(input, extra)} agent-hour${extra === 1 ? "" : "s"} (${fmt(input).money(extra * (totals.erlangCost / Math.max(totals.erlangAgentHours, 1e-9)))}), up to +${peak} agent${peak === 1 ? "" : "s"} in one interval`
        : `patience ${fmt(input).number(input.loads.meanPatienceSeconds, 0)} s: Erlang C (nobody gives up) gives the same schedule here`,
    );
  } else if (input.loads.meanPatienceSeconds === null) {
    lines.push("no patience in the scenario: customers never give up, so the closed form is Erlang C and nobody abandons");
  }
  if (input.loads.source === "simulated") lines.push(...demandLines(input));
  if (input.objective === "target") {
    const undecided = input.intervals.filter((interval) => interval.meetsTarget === null).length;
    if (undecided > 0)
      lines.push(
        `${undecided} of ${input.intervals.length} intervals have fewer than ${input.minChatsForDecision} chats per replication: they keep the ${model} answer (too few chats to judge by simulation)`,
      );
    const failing = input.intervals.filter((interval) => interval.meetsTarget === false).length;
    if (!input.search.converged) {
      lines.push(
        `search ${input.search.stoppedBy === "interrupted" ? "interrupted" : "stopped"} after ${input.search.iterations} rounds without settling: ${failing} intervals still miss the target${input.search.stoppedBy === "maxIterations" ? " (raise --max-iterations)" : ""}`,
      );
    } else if (input.search.iterations > 1) {
      lines.push(
        `the search settled after ${input.search.iterations} simulation rounds; intervals interact through the queue (a backlog carries into the next interval), so each round re-simulated the whole horizon`,
      );
    }
  }
  const choice = input.profitChoice;
  if (choice !== null) {
    const top = input.sweep.reduce((max, point) => Math.max(max, point.agentsScheduled), 0);
    const versus =
      choice.runnerUpAgentsScheduled === null || choice.difference === null
        ? ""
        : `; vs ${choice.runnerUpAgentsScheduled} agents: ${fmt(input).money(choice.difference.mean)} (p = ${fmt(input).pValue(choice.pValue!)}), ${choice.distinguishable ? "a detectable difference" : "not distinguishable with these replications"}`;
    const days = (input.intervals.length * input.intervalSeconds) / 86400;
    lines.push(
      `contribution profit is highest with ${choice.agentsScheduled} agents all day: ${fmt(input).money(choice.contributionProfit.mean)} ${days === 1 ? "a day" : `over the ${days}-day horizon`}${versus}${choice.agentsScheduled === top ? " (the largest level swept: more agents may pay even more)" : ""}`,
    );
  }
  if (input.shifts !== null) {
    const count = input.shifts.shifts.reduce((sum, shift) => sum + shift.agents, 0);
    lines.push(
      `shifts of ${input.shifts.shiftHours} h: ${count} shifts, ${hours(input, input.shifts.agentHours)} agent-hours (${fmt(input).money(input.shifts.cost)}), ${hours(input, input.shifts.excessAgentHours)} above the per-interval requirement`,
    );
  }
  return lines;
}

/** One line per run of consecutive intervals with the same difference and the same kind of cause. */
function rangeLines(input: ExplanationInput, model: string): string[] {
  const ranges: { from: number; to: number; difference: number; cause: CauseKind }[] = [];
  input.intervals.forEach((interval, i) => {
    const difference = interval.recommendedAgentsScheduled - interval.erlangAgentsScheduled;
    if (difference === 0) return;
    const kind = causeKind(input, i, difference);
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.to === i - 1 && last.difference === difference && last.cause === kind) last.to = i;
    else ranges.push({ from: i, to: i, difference, cause: kind });
  });
  const lines = ranges.slice(0, MAX_RANGE_LINES).map((range) => {
    const agents = Math.abs(range.difference);
    const amount = range.difference > 0 ? `+${agents} agent${agents === 1 ? "" : "s"}` : `${agents} agent${agents === 1 ? "" : "s"} fewer`;
    const when = `${clock(range.from * input.intervalSeconds, input)}–${clock((range.to + 1) * input.intervalSeconds, input)}`;
    return `simulation needs ${amount} at ${when} vs ${model}: ${describeCause(input, range.cause, range.from, range.to)}`;
  });
  if (ranges.length > MAX_RANGE_LINES) lines.push(`… and ${ranges.length - MAX_RANGE_LINES} more ranges of intervals that differ from ${model}`);
  return lines;
}

type CauseKind = "slowdown" | "shorterHandle" | "noise" | "carryOver" | "emptyStart" | "quieterBefore" | "moreVariable" | "lessVariable" | "transient";

/**
 * The most likely reason an interval differs from the closed form, read off its simulation. Handle
 * time only changes with an agent's load when there is a slowdown; without one a per-interval
 * handle-time difference is noise plus chats spilling across interval boundaries, not a cause.
 * Noise comes before the other causes (except a slowdown's systematic growth): when the simulated
 * service level of either schedule has a confidence interval containing the target, both answers
 * are within simulation error.
 */
function causeKind(input: ExplanationInput, i: number, difference: number): CauseKind {
  const interval = input.intervals[i];
  const growth = interval.meanHandleSeconds === null ? 0 : interval.meanHandleSeconds / input.loads.meanHandleSeconds - 1;
  const rate = input.arrivalRatesPerSecond[i];
  const previous = i > 0 ? input.arrivalRatesPerSecond[i - 1] : null;
  const noise = [interval.erlangSimulatedServiceLevel, interval.serviceLevel].some((estimate) => straddlesTarget(estimate, input.target.serviceLevel));
  const cv = coefficientOfVariation(input.handleSeconds);
  const slows = input.concurrency > 1 && input.slowdownPerExtraChat > 0;
  if (difference > 0) {
    if (slows && growth >= SLOWDOWN_THRESHOLD) return "slowdown";
    if (noise) return "noise";
    if (previous !== null && previous > rate * CARRY_OVER_RATIO) return "carryOver";
    if (cv !== null && cv > 1.05) return "moreVariable";
    return "transient";
  }
  if (noise) return "noise";
  if (slows && growth <= -SLOWDOWN_THRESHOLD) return "shorterHandle";
  if (i === 0) return "emptyStart";
  if (previous !== null && rate > previous * CARRY_OVER_RATIO) return "quieterBefore";
  if (cv !== null && cv < 0.95) return "lessVariable";
  return "transient";
}

function describeCause(input: ExplanationInput, kind: CauseKind, from: number, to: number): string {
  const range = input.intervals.slice(from, to + 1);
  const pooled = pooledHandle(range);
  const growth = pooled === null ? 0 : pooled.handle / input.loads.meanHandleSeconds - 1;
  const cv = coefficientOfVariation(input.handleSeconds) ?? 1;
  switch (kind) {
    case "slowdown":
      return `handle time grows ${fmt(input).percent(growth)} with ${fmt(input).number(pooled!.concurrency, 1)} concurrent chats (slowdown)`;
    case "shorterHandle":
      return `chats take ${fmt(input).percent(-growth)} less time than the ${fmt(input).number(input.loads.meanHandleSeconds, 0)} s measured at generous staffing`;
    case "noise": {
      const estimate =
        range.length === 1
          ? [range[0].erlangSimulatedServiceLevel, range[0].serviceLevel].find((value) => straddlesTarget(value, input.target.serviceLevel))
          : undefined;
      const interval =
        estimate === undefined ? "" : ` [${fmt(input).percent(Math.max(0, estimate!.lower!))}, ${fmt(input).percent(Math.min(1, estimate!.upper!))}]`;
      return `${range.length === 1 ? "its simulated service level" : "their simulated service levels"}${interval} straddle${range.length === 1 ? "s" : ""} the ${fmt(input).percent(input.target.serviceLevel!)} target: within simulation noise`;
    }
    case "carryOver":
      return "backlog carried over from the busier interval before";
    case "emptyStart":
      return "the horizon starts with an empty queue";
    case "quieterBefore":
      return "the interval starts with the shorter queue of the quieter interval before";
    case "moreVariable":
      return `handle times vary more than exponential (coefficient of variation ${fmt(input).number(cv, 2)})`;
    case "lessVariable":
      return `handle times vary less than exponential (coefficient of variation ${fmt(input).number(cv, 2)}), so queues are shorter than Erlang's`;
    case "transient":
      return transient(input);
  }
}

function transient(input: ExplanationInput): string {
  const handleTimes = input.intervalSeconds / input.loads.meanHandleSeconds;
  if (handleTimes < 10)
    return `a ${input.intervalSeconds / 60}-minute interval is only ${fmt(input).number(handleTimes, 1)} mean handle times: the queue does not settle to Erlang's steady state`;
  return "the load changes from interval to interval, which Erlang's steady state ignores";
}

function straddlesTarget(estimate: StaffingInterval["serviceLevel"], target: number | null): boolean {
  return target !== null && estimate !== null && estimate.lower !== null && estimate.upper !== null && estimate.lower <= target && estimate.upper >= target;
}

function demandLines(input: ExplanationInput): string[] {
  const lines: string[] = [];
  const share = input.loads.invitationShare;
  if (share !== null && share > 0)
    lines.push(
      `invitations add ${fmt(input).percent(share / Math.max(1e-9, 1 - share))} to chat demand (accepted invitations are ${fmt(input).percent(share)} of chat requests at generous staffing)`,
    );
  else lines.push("no accepted invitations: all chat demand comes from the help button");
  const generous = input.arrivalRatesPerSecond.reduce((sum, rate) => sum + rate * input.intervalSeconds, 0);
  // Only when every interval of the recommendation was simulated: a missing count is not 0 chats.
  const simulated = input.intervals.every((interval) => interval.meanChats !== null);
  const recommended = input.intervals.reduce((sum, interval) => sum + (interval.meanChats ?? 0), 0);
  if (simulated && generous > 0 && recommended < generous * 0.97) {
    lines.push(
      `at the recommended staffing ${fmt(input).percent(1 - recommended / generous)} fewer chats are requested than with generous staffing: the policy's queue gating holds invitations back`,
    );
  }
  return lines;
}

/** Pooled handle time and concurrency over intervals, weighted by chats. */
function pooledHandle(intervals: readonly StaffingInterval[]): { handle: number; concurrency: number } | null {
  let chats = 0;
  let handle = 0;
  let concurrency = 0;
  for (const interval of intervals) {
    if (interval.meanHandleSeconds === null || interval.meanChats === null || interval.meanChats <= 0) continue;
    chats += interval.meanChats;
    handle += interval.meanChats * interval.meanHandleSeconds;
    concurrency += interval.meanChats * (interval.meanConcurrency ?? 1);
  }
  return chats > 0 ? { handle: handle / chats, concurrency: concurrency / chats } : null;
}

/**
 * Standard deviation ÷ mean of a distribution spec where it has a closed form, else null.
 *
 * @example
 * coefficientOfVariation({ kind: "lognormal", mean: 640, sd: 380 }) // 0.59375
 */
export function coefficientOfVariation(spec: DistributionSpec): number | null {
  switch (spec.kind) {
    case "exponential":
      return 1;
    case "constant":
      return 0;
    case "lognormal":
      return "sd" in spec ? spec.sd / spec.mean : Math.sqrt(Math.expm1(spec.sigma * spec.sigma));
    case "gamma":
      return 1 / Math.sqrt(spec.shape);
    case "erlang":
      return 1 / Math.sqrt(spec.k);
    case "uniform":
      return (spec.max - spec.min) / Math.sqrt(12) / ((spec.min + spec.max) / 2);
    default:
      return null;
  }
}

/** "12:30", or "day 2 12:30" past the first day. */
function clock(seconds: number, input: ExplanationInput): string {
  const totalDays = (input.intervals.length * input.intervalSeconds) / 86400;
  const day = Math.floor(seconds / 86400);
  const within = seconds - day * 86400;
  const text = `${String(Math.floor(within / 3600)).padStart(2, "0")}:${String(Math.floor((within % 3600) / 60)).padStart(2, "0")}`;
  if (totalDays <= 1) return seconds === 86400 ? "24:00" : text;
  return within === 0 && day > 0 ? `day ${day} 24:00` : `day ${day + 1} ${text}`;
}

/** The scenario's formatter: the explanation is read next to the summary, so it writes numbers the same way. */
const formatters = new WeakMap<ExplanationInput, Formatter>();
function fmt(input: ExplanationInput): Formatter {
  let format = formatters.get(input);
  if (format === undefined) {
    format = createFormatter({ locale: input.locale, currency: input.currency });
    formatters.set(input, format);
  }
  return format;
}
const hours = (input: ExplanationInput, value: number): string => fmt(input).number(value, Number.isInteger(value) ? 0 : 1);
