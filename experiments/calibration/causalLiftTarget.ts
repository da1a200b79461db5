import { CHAT_ROW_STEP } from "./chatFit.ts";
import type { FitStatistics } from "./funnelFit.ts";
import { holdoutLift } from "./holdoutLift.ts";
import type { ChatCounts } from "./observedChat.ts";

/** The rescue factor's target when the data has a holdout: the lift for chat users, not the chatters' purchase rate. */
export const CAUSAL_LIFT_TARGET = "causalLift";
/** Words for the target, as the fit's row names its outcome. */
export const CAUSAL_LIFT_LABEL = "lift for chat users (holdout contrast)";

/** A fit target compared on its own scale: observed and simulated value, the z statistic between them and the standard error of their log ratio. */
export interface FitTarget {
  observed: number;
  simulated: number;
  /** The counts behind the target's precision (0 when either side has none: no standard error then). */
  observedCount: number;
  simulatedCount: number;
  /** Standard error of log(observed ÷ simulated); Infinity when a side is not positive. */
  logStandardError: number;
  /** (observed − simulated) ÷ its standard error, both sides' sampling noise counted. */
  statistic: number;
}

/**
 * The lift for chat users (`holdoutLift`: offered vs held-out sessions' purchase rates, per chat
 * user) in the data and in the simulation, as a fit target. The offered and held-out groups differ
 * only by the hashed assignment, so this contrast is what chat causes; a rescue factor fitted to it
 * does not rest on the scenario's model of who chats, as a fit to the chatters' purchase rate does.
 * The two lifts are independent (data and simulation), so their variances add. Null when either side
 * has no holdout lift.
 */
export function causalLiftTarget(observed: ChatCounts, simulated: ChatCounts): FitTarget | null {
  const data = holdoutLift(observed);
  const model = holdoutLift(simulated);
  if (data === null || model === null) return null;
  const [lo, ls] = [data.points / 100, model.points / 100];
  const [so, ss] = [data.standardErrorPoints / 100, model.standardErrorPoints / 100];
  const spread = Math.sqrt(so * so + ss * ss);
  return {
    observed: lo,
    simulated: ls,
    observedCount: observed.sessionsWithChat ?? 0,
    simulatedCount: simulated.sessionsWithChat ?? 0,
    logStandardError: lo > 0 && ls > 0 ? Math.sqrt((so / lo) ** 2 + (ss / ls) ** 2) : Number.POSITIVE_INFINITY,
    statistic: spread > 0 ? (lo - ls) / spread : lo === ls ? 0 : Math.sign(lo - ls) * Number.POSITIVE_INFINITY,
  };
}

/**
 * The causal lift as one row of the fit's statistics (step "chat"): its squared z statistic is its
 * deviance and χ² contribution (one degree of freedom, normal approximation of the lift's estimator).
 * The row's counts are per chat user: reached = observed sessions with chat, observed count = the
 * orders chat caused among them (lift × chat users), expected = the simulated lift × the same users.
 */
export function causalLiftStatistics(observed: ChatCounts, simulated: ChatCounts): FitStatistics {
  const target = causalLiftTarget(observed, simulated);
  if (target === null) return { rows: [], deviance: 0, chiSquare: 0, freeCells: 0 };
  const users = observed.sessionsWithChat ?? 0;
  const squared = Number.isFinite(target.statistic) ? target.statistic ** 2 : Number.MAX_VALUE;
  return {
    rows: [
      {
        step: CHAT_ROW_STEP,
        outcome: CAUSAL_LIFT_LABEL,
        reached: users,
        observedCount: Math.round(target.observed * users),
        observedRate: target.observed,
        simulatedRate: target.simulated,
        expectedCount: target.simulated * users,
        residual: target.statistic,
      },
    ],
    deviance: squared,
    chiSquare: squared,
    freeCells: 1,
  };
}
