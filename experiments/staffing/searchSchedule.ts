import type { IntervalEvaluation, ScheduleEvaluation } from "./evaluateSchedule.ts";
import { scheduledForOnline } from "./scheduledForOnline.ts";
import type { ResolvedStaffingTarget, SearchRound } from "./staffingTypes.ts";

/** Default number of simulation rounds of the search. */
export const DEFAULT_MAX_ITERATIONS = 8;
/** Intervals with fewer mean chats per replication keep their starting (analytic) staffing: their ratios are mostly noise. */
export const DEFAULT_MIN_CHATS_FOR_DECISION = 5;

/** How an interval's simulated KPIs compare with the target. */
export type Judgement = "fails" | "meets" | "meetsWithMargin" | "undecided";

/**
 * "fails" when a mean misses the target; "meetsWithMargin" when the whole confidence interval is on
 * the right side (service level's lower bound ≥ target, abandonment's and occupancy's upper bounds ≤
 * their maxima); "undecided" with fewer than `minChats` mean chats or no estimate.
 */
export function judgeInterval(stats: IntervalEvaluation, target: ResolvedStaffingTarget, minChats: number): Judgement {
  if (stats.meanChats === null || stats.meanChats < minChats) return "undecided";
  const criteria = [
    { limit: target.serviceLevel, estimate: stats.serviceLevel, atLeast: true },
    { limit: target.maxQueueAbandonment, estimate: stats.queueAbandonment, atLeast: false },
    { limit: target.maxOccupancy, estimate: stats.occupancy, atLeast: false },
  ].filter((criterion) => criterion.limit !== null);
  if (criteria.length === 0 || criteria.some((criterion) => criterion.estimate === null)) return "undecided";
  let margin = true;
  for (const { limit, estimate, atLeast } of criteria) {
    const mean = estimate!.mean;
    const bound = (atLeast ? estimate!.lower : estimate!.upper) ?? mean;
    if (atLeast ? mean < limit! : mean > limit!) return "fails";
    if (atLeast ? bound < limit! : bound > limit!) margin = false;
  }
  return margin ? "meetsWithMargin" : "meets";
}

export interface SearchInput {
  /** Starting online agents per interval (the analytic answer). */
  startOnline: readonly number[];
  shrinkage: number;
  /** Interval length, for the agent-hours of each round. */
  intervalSeconds: number;
  target: ResolvedStaffingTarget;
  maxIterations: number;
  minChatsForDecision: number;
  /** Simulates a schedule (scheduled agents per interval) with the same replication seeds every time. */
  evaluate: (scheduled: number[]) => Promise<ScheduleEvaluation>;
  signal?: AbortSignal;
  failFast?: boolean;
}

export interface SearchResult {
  /** The evaluation of the starting schedule (the first round). */
  start: ScheduleEvaluation | null;
  /** The last schedule simulated in full, its online agents and its evaluation. */
  online: number[];
  evaluation: ScheduleEvaluation | null;
  judgements: Judgement[];
  rounds: SearchRound[];
  converged: boolean;
  stoppedBy: "converged" | "maxIterations" | "interrupted" | "failFast";
  errored: { replication: number; error: string }[];
  cancelled: number;
}

/**
 * Simulation search for the smallest schedule that meets the target in every interval, started from
 * the analytic answer so that only a few rounds are needed. Each round simulates the whole horizon
 * (R replications, the same seeds each round), then per interval: a failing interval gets one more
 * online agent (and one fewer is remembered as too few); an interval meeting the target with margin
 * tries one fewer, unless that level already failed. Rounds repeat until nothing changes or
 * `maxIterations` rounds have run; the result is always a schedule that was simulated, with its own
 * KPIs (when the search stops early some intervals may still miss the target, and say so).
 *
 * The intervals are not independent: a backlog at the end of a busy interval carries into the next,
 * and an agent added at 12:00 shortens the queue at 12:30. That is why every round re-simulates the
 * whole horizon with all changes together instead of sizing each interval on its own, and why the
 * "too few" memory keeps the search from oscillating when a neighbour's change flips a verdict.
 * Moves are in online agents (⌊scheduled × (1 − shrinkage)⌋), converted to the fewest scheduled agents.
 */
export async function searchSchedule(input: SearchInput): Promise<SearchResult> {
  const intervals = input.startOnline.length;
  let online = input.startOnline.map((value) => Math.max(1, value));
  const tooFew = new Array<number>(intervals).fill(0);
  const rounds: SearchRound[] = [];
  const errored: SearchResult["errored"] = [];
  let cancelled = 0;
  let best: { online: number[]; evaluation: ScheduleEvaluation; judgements: Judgement[] } | null = null;
  let start: ScheduleEvaluation | null = null;
  let stoppedBy: SearchResult["stoppedBy"] = "maxIterations";
  for (let iteration = 1; iteration <= input.maxIterations; iteration++) {
    const scheduled = online.map((value) => scheduledForOnline(value, input.shrinkage));
    const evaluation = await input.evaluate(scheduled);
    if (iteration === 1 && evaluation.runs.length > 0) start = evaluation;
    errored.push(...evaluation.errored);
    cancelled += evaluation.cancelled;
    if (input.signal?.aborted || (input.failFast && evaluation.errored.length > 0)) {
      stoppedBy = input.signal?.aborted ? "interrupted" : "failFast";
      if (best === null && evaluation.runs.length > 0) best = { online, evaluation, judgements: judgeAll(evaluation, input) };
      break;
    }
    const judgements = judgeAll(evaluation, input);
    best = { online, evaluation, judgements };
    const next = online.slice();
    let raised = 0;
    let lowered = 0;
    judgements.forEach((judgement, i) => {
      if (judgement === "fails") {
        tooFew[i] = Math.max(tooFew[i], online[i]);
        next[i] = online[i] + 1;
        raised++;
      } else if (judgement === "meetsWithMargin" && online[i] - 1 >= 1 && online[i] - 1 > tooFew[i]) {
        next[i] = online[i] - 1;
        lowered++;
      }
    });
    const agentHours = (scheduled.reduce((sum, value) => sum + value, 0) * input.intervalSeconds) / 3600;
    rounds.push({ iteration, agentHours, failing: judgements.filter((judgement) => judgement === "fails").length, raised, lowered });
    if (raised === 0 && lowered === 0) {
      stoppedBy = "converged";
      break;
    }
    online = next;
  }
  return {
    start,
    online: best?.online ?? online,
    evaluation: best?.evaluation ?? null,
    judgements: best?.judgements ?? new Array<Judgement>(intervals).fill("undecided"),
    rounds,
    converged: stoppedBy === "converged",
    stoppedBy,
    errored,
    cancelled,
  };
}

function judgeAll(evaluation: ScheduleEvaluation, input: SearchInput): Judgement[] {
  return evaluation.intervals.map((stats) => judgeInterval(stats, input.target, input.minChatsForDecision));
}
