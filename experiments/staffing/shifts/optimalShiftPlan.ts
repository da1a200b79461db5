import { formatClock } from "../../format/index.ts";
import { shiftPlan } from "../shiftPlan.ts";
import type { LinearRow, LinearVariable } from "./linearProgram.ts";
import { coveredIntervals, type ShiftPattern, shiftPatterns } from "./shiftPatterns.ts";
import type { ResolvedShiftRules } from "./shiftRules.ts";
import { type MilpStatus, solveMilp } from "./solveMilp.ts";

/** One planned shift: when it runs, its unpaid break, and how many agents work it. */
export interface PlannedShift {
  readonly startSeconds: number;
  /** End; past the horizon's end it wraps to the start (the plan repeats). */
  readonly endSeconds: number;
  readonly breakStartSeconds: number | null;
  readonly breakEndSeconds: number | null;
  readonly agents: number;
  readonly paidHours: number;
}

/** The best single-length greedy cover (no breaks), for comparison. */
export interface GreedyComparison {
  readonly shiftHours: number;
  readonly paidAgentHours: number;
  readonly cost: number;
}

/** A shift plan solved as a MILP, with what it achieves and how it compares with the greedy cover. */
export interface OptimalShiftPlan {
  readonly method: "milp";
  readonly objective: "cost" | "absDifference";
  readonly status: MilpStatus;
  /** Relative optimality gap (0 when proven optimal; > 0 when the time limit stopped the solve). */
  readonly gap: number;
  readonly solveSeconds: number;
  readonly shifts: readonly PlannedShift[];
  /** Agents on shift and not on break, per interval. */
  readonly coverage: readonly number[];
  readonly paidAgentHours: number;
  readonly cost: number;
  /** Agent-hours above the requirement, and below it (absDifference only). */
  readonly excessAgentHours: number;
  readonly shortAgentHours: number;
  readonly greedy: GreedyComparison | null;
}

// With objective absDifference, one agent-interval of mismatch costs this many paid intervals, so
// the mismatch is minimised first and the paid time only breaks ties between equally close plans.
const MISMATCH_WEIGHT = 1000;

/**
 * The cheapest set of shifts covering a per-interval requirement (objective `cost`: pyworkforce's
 * MinRequiredResources), or the set closest to it (`absDifference`: its MinAbsDifference, which may
 * leave an interval short when covering it would cost more than the mismatch), under the allowed
 * lengths, start times and an unpaid break placed inside its window. Integer program:
 *
 *   minimise Σ_p paid_p · x_p   subject to   Σ_{p covers i} x_p ≥ required_i,  x_p ∈ ℕ
 *
 * over every allowed pattern p (start, length, break position); solved exactly by HiGHS (or to the
 * stated gap when the time limit stops it).
 *
 * @example
 * await optimalShiftPlan([0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0], resolveShiftRules({ lengthsHours: [4, 6] }, 3600), 20)
 * // one 6 h and one 4 h shift covering 06:00-16:00: 10 paid agent-hours, 200 (greedy with one length: 12 h)
 */
export async function optimalShiftPlan(requirement: readonly number[], rules: ResolvedShiftRules, costPerHour: number): Promise<OptimalShiftPlan> {
  const n = requirement.length;
  const hoursPerInterval = rules.intervalSeconds / 3600;
  const patterns = shiftPatterns(rules, n);
  const name = (index: number) => `x${index}`;
  const variables: LinearVariable[] = patterns.map((pattern, index) => ({ name: name(index), cost: pattern.paid, kind: "integer" }));
  const covering: { variable: string; coefficient: number }[][] = Array.from({ length: n }, () => []);
  patterns.forEach((pattern, index) => {
    for (const interval of coveredIntervals(pattern, n)) covering[interval]!.push({ variable: name(index), coefficient: 1 });
  });
  const rows: LinearRow[] = [];
  for (let i = 0; i < n; i++) {
    const required = Math.max(0, requirement[i]!);
    if (rules.objective === "cost") {
      if (required > 0) rows.push({ name: `cover${i}`, terms: covering[i]!, lower: required });
      continue;
    }
    // coverage − over + under = required, with the mismatch (over + under) weighed in the objective.
    variables.push({ name: `over${i}`, cost: MISMATCH_WEIGHT, kind: "continuous" }, { name: `under${i}`, cost: MISMATCH_WEIGHT, kind: "continuous" });
    rows.push({
      name: `match${i}`,
      terms: [...covering[i]!, { variable: `over${i}`, coefficient: -1 }, { variable: `under${i}`, coefficient: 1 }],
      lower: required,
      upper: required,
    });
  }
  const uncoverable = requirement.findIndex((required, i) => required > 0 && covering[i]!.length === 0);
  if (rules.objective === "cost" && uncoverable >= 0) {
    throw new RangeError(
      `no allowed shift covers interval ${formatClock(uncoverable * rules.intervalSeconds)} (required ${requirement[uncoverable]}): allow more start times or longer shifts`,
    );
  }
  const solution = await solveMilp({ variables, rows }, { timeLimitSeconds: rules.timeLimitSeconds });
  const counts = patterns.map((_, index) => solution.values.get(name(index)) ?? 0);
  const coverage = new Array<number>(n).fill(0);
  patterns.forEach((pattern, index) => {
    if (counts[index]! > 0) for (const interval of coveredIntervals(pattern, n)) coverage[interval]! += counts[index]!;
  });
  const shifts = patterns.flatMap((pattern, index) => (counts[index]! > 0 ? [plannedShift(pattern, counts[index]!, rules.intervalSeconds)] : []));
  const paidAgentHours = shifts.reduce((sum, shift) => sum + shift.agents * shift.paidHours, 0);
  const excess = coverage.reduce((sum, value, i) => sum + Math.max(0, value - Math.max(0, requirement[i]!)), 0);
  const short = coverage.reduce((sum, value, i) => sum + Math.max(0, Math.max(0, requirement[i]!) - value), 0);
  return {
    method: "milp",
    objective: rules.objective,
    status: solution.status,
    gap: solution.gap,
    solveSeconds: solution.seconds,
    shifts,
    coverage,
    paidAgentHours,
    cost: paidAgentHours * costPerHour,
    excessAgentHours: excess * hoursPerInterval,
    shortAgentHours: short * hoursPerInterval,
    greedy: greedyComparison(requirement, rules, costPerHour),
  };
}

function plannedShift(pattern: ShiftPattern, agents: number, intervalSeconds: number): PlannedShift {
  const startSeconds = pattern.start * intervalSeconds;
  const breakStartSeconds = pattern.breakOffset === null ? null : startSeconds + pattern.breakOffset * intervalSeconds;
  return {
    startSeconds,
    endSeconds: startSeconds + pattern.length * intervalSeconds,
    breakStartSeconds,
    breakEndSeconds: breakStartSeconds === null ? null : breakStartSeconds + pattern.breakLength * intervalSeconds,
    agents,
    paidHours: (pattern.paid * intervalSeconds) / 3600,
  };
}

/** The cheapest greedy cover over the allowed lengths (it knows neither breaks nor start-time limits). */
function greedyComparison(requirement: readonly number[], rules: ResolvedShiftRules, costPerHour: number): GreedyComparison | null {
  let best: GreedyComparison | null = null;
  for (const length of rules.lengths) {
    const hours = (length * rules.intervalSeconds) / 3600;
    const plan = shiftPlan(requirement, rules.intervalSeconds, hours, costPerHour);
    if (best === null || plan.agentHours < best.paidAgentHours) best = { shiftHours: hours, paidAgentHours: plan.agentHours, cost: plan.cost };
  }
  return best;
}
