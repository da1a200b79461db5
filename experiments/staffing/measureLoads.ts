import { agentsOnline, type ModelConfig, type SimulationResults, type StoreModelConfig } from "../../sim/model/index.ts";
import { distributionMean } from "../../sim/random/index.ts";
import type { ScheduleEvaluation } from "./evaluateSchedule.ts";
import { scheduledForOnline } from "./scheduledForOnline.ts";
import type { LoadSummary } from "./staffingTypes.ts";

/** Measurement runs are generous enough when at most this share of chats waits at all. */
export const GENEROUS_MAX_PROBABILITY_OF_WAIT = 0.02;
/** Doublings of the generous staffing tried before settling for the last one. */
const MAX_GENEROUS_ROUNDS = 4;

export interface MeasuredLoads {
  /** Chat arrival rate per interval, per second. */
  arrivalRatesPerSecond: number[];
  summary: LoadSummary;
  /** The measurement runs of the last (most generous) round (store only). */
  evaluation: ScheduleEvaluation | null;
  /** Every measurement round (store only), for error accounting. */
  rounds: ScheduleEvaluation[];
}

/**
 * The chat load of every interval and the handle and patience times the Erlang formulas get.
 *
 * - Chat-only: the scenario's forecast rates (less the share taking video, when desk.video is on) are the exact expected loads, the handle and patience
 *   means come from their distributions; nothing is simulated.
 * - Store: chat demand is an output of the shoppers and the trigger policy, so it is measured. The
 *   runs use generous constant staffing (doubled until at most 2% of chats wait), so no invitation is
 *   held back by queue gating and the demand is the policy's full demand; arrival rate = mean requests
 *   in the interval over replications ÷ interval length. The mean handle time is measured too (it
 *   includes the slowdown at the light load of these runs). Patience is the segments' mean patience
 *   weighted by how likely each segment is to chat: share × add-to-cart probability × (help-button
 *   probability + chat openness when the policy invites proactively); an approximation, since runs
 *   do not record chats by segment.
 */
export async function measureLoads(
  config: ModelConfig,
  evaluate: (scheduled: number[]) => Promise<ScheduleEvaluation>,
  signal?: AbortSignal,
): Promise<MeasuredLoads> {
  if (config.kind === "chatOnly") {
    // With video on, the share that takes video goes to the video agents (videoStaffing.ts), not the text queue.
    const textShare = config.desk.video === null ? 1 : 1 - config.desk.video.acceptanceProbability;
    return {
      arrivalRatesPerSecond: config.chatRatesPerSecond.map((rate) => rate * textShare),
      summary: {
        source: "forecast",
        meanHandleSeconds: distributionMean(config.handleSeconds),
        meanPatienceSeconds: config.patienceSeconds === null ? null : distributionMean(config.patienceSeconds),
        generousAgentsScheduled: null,
        replications: 0,
        invitationShare: null,
      },
      evaluation: null,
      rounds: [],
    };
  }
  const intervals = config.agents.scheduled.length;
  const { shrinkage } = config.agents;
  let online = Math.max(4, 2 * Math.max(0, ...config.agents.scheduled.map((scheduled) => agentsOnline(scheduled, shrinkage))));
  let evaluation: ScheduleEvaluation;
  const rounds: ScheduleEvaluation[] = [];
  for (let round = 1; ; round++) {
    const scheduled = scheduledForOnline(online, shrinkage);
    evaluation = await evaluate(new Array<number>(intervals).fill(scheduled));
    rounds.push(evaluation);
    // Runs without a chat have no P(wait) (missing, left out); with no figure at all there is no queue to relieve.
    const waits = evaluation.runs.map((run) => run.chat.probabilityOfWait).filter((value): value is number => value !== null);
    const meanWait = waits.length === 0 ? null : waits.reduce((sum, value) => sum + value, 0) / waits.length;
    if (meanWait === null || meanWait <= GENEROUS_MAX_PROBABILITY_OF_WAIT || round === MAX_GENEROUS_ROUNDS || evaluation.runs.length === 0 || signal?.aborted)
      break;
    online *= 2;
  }
  const runs = evaluation.runs;
  const intervalSeconds = config.horizon.intervalSeconds;
  const arrivalRatesPerSecond = Array.from({ length: intervals }, (_, i) =>
    runs.length === 0 ? 0 : runs.reduce((sum, run) => sum + run.intervals.chatRequests[i], 0) / runs.length / intervalSeconds,
  );
  return {
    arrivalRatesPerSecond,
    summary: {
      source: "simulated",
      meanHandleSeconds: pooledHandleSeconds(runs) ?? distributionMean(config.chat.handleSeconds),
      meanPatienceSeconds: chatWeightedPatienceSeconds(config),
      generousAgentsScheduled: evaluation.schedule[0] ?? 0,
      replications: runs.length,
      invitationShare: invitationShare(runs),
    },
    evaluation,
    rounds,
  };
}

/** Mean handle time over all answered chats of the runs. */
function pooledHandleSeconds(runs: readonly SimulationResults[]): number | null {
  let served = 0;
  let total = 0;
  for (const run of runs) {
    if (run.chat.meanHandleSeconds === null) continue;
    served += run.chat.served;
    total += run.chat.served * run.chat.meanHandleSeconds;
  }
  return served > 0 ? total / served : null;
}

/** Segments' mean patience weighted by their propensity to chat (see `measureLoads`). */
export function chatWeightedPatienceSeconds(config: StoreModelConfig): number {
  const proactive = config.chat.policy.rules.length > 0;
  const weights = config.segments.map(
    (segment) => segment.weight * segment.addToCartProbability * (segment.helpProbability + (proactive ? segment.chatOpenness : 0)),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = total > 0 ? weights.map((weight) => weight / total) : config.segments.map((segment) => segment.weight);
  return config.segments.reduce((sum, segment, k) => sum + shares[k] * distributionMean(segment.patienceSeconds), 0);
}

function invitationShare(runs: readonly SimulationResults[]): number | null {
  let accepted = 0;
  let requests = 0;
  for (const run of runs) {
    if (run.kind !== "store") return null;
    accepted += run.invitations.accepted;
    requests += run.chat.requests;
  }
  return requests > 0 ? accepted / requests : null;
}
