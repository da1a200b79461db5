// The video channel in `staff`. Video calls have their own agents in the simulator (desk.video.scheduled,
// one call per agent, no slowdown, no reservation), so the video channel gets a requirement of its own
// per interval rather than sharing the text agents' pool: a blended pool would need a routing rule
// (does a video call wait for an agent with no open chats? may a video agent take chats between calls?)
// that neither the simulator nor a typical desk's routing defines, and a separate skill group is how
// contact centres run video (one call occupies one agent, as in the closed form below).

import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import { distributionMean } from "../../sim/random/index.ts";
import { type Estimate, shareInterval } from "../stats/index.ts";
import { analyticSchedule } from "./analyticSchedule.ts";
import { onlineForScheduled } from "./scheduledForOnline.ts";
import type { ResolvedStaffingTarget, VideoStaffing, VideoStaffingInterval } from "./staffingTypes.ts";

/** The closed-form video plan before simulation: rates, handle time and agents per interval. */
export interface VideoPlan {
  readonly arrivalRatesPerSecond: number[];
  readonly meanHandleSeconds: number;
  readonly analytic: ReturnType<typeof analyticSchedule>;
}

/**
 * Video requests per interval, per second. Chat-only: the forecast × the share that takes video
 * (`acceptanceProbability`); store: measured, the mean of `intervals.video.requests` over the load
 * runs ÷ the interval length (video demand comes out of the shoppers, as text demand does).
 */
export function videoArrivalRates(config: ModelConfig, loadRuns: readonly SimulationResults[]): number[] {
  const video = config.desk.video;
  if (video === null) return [];
  if (config.kind === "chatOnly") return config.chatRatesPerSecond.map((rate) => rate * video.acceptanceProbability);
  const intervalSeconds = config.horizon.intervalSeconds;
  return config.agents.scheduled.map((_, i) =>
    loadRuns.length === 0 ? 0 : loadRuns.reduce((sum, run) => sum + (run.intervals.video?.requests[i] ?? 0), 0) / loadRuns.length / intervalSeconds,
  );
}

/**
 * The video requirement per interval in closed form: Erlang A (Erlang C without patience) with one
 * call per agent and the video handle time, under the same target, patience and shrinkage as text.
 * With exponential times and no slowdown this is the video desk's own steady-state model (validated
 * in sim/model/videoDesk.test.ts), so the closed form is the plan; simulation then checks it per
 * interval (the queue carries over between intervals, which the closed form ignores).
 */
export function videoPlan(
  config: ModelConfig,
  loadRuns: readonly SimulationResults[],
  target: ResolvedStaffingTarget,
  meanPatienceSeconds: number | null,
): VideoPlan | null {
  const video = config.desk.video;
  if (video === null) return null;
  const arrivalRatesPerSecond = videoArrivalRates(config, loadRuns);
  const meanHandleSeconds = distributionMean(video.handleSeconds);
  const analytic = analyticSchedule({
    arrivalRatesPerSecond,
    meanHandleSeconds,
    meanPatienceSeconds,
    target,
    shrinkage: config.agents.shrinkage,
    concurrency: 1,
  });
  return { arrivalRatesPerSecond, meanHandleSeconds, analytic };
}

/** The same config with `scheduled` video agents per interval (unchanged without video). */
export function withVideoSchedule<T extends ModelConfig>(config: T, plan: VideoPlan | null): T {
  const video = config.desk.video;
  if (video === null || plan === null) return config;
  return { ...config, desk: { ...config.desk, video: { ...video, scheduled: plan.analytic.map((answer) => answer.agentsScheduled) } } };
}

/**
 * The video section of the staffing results: the plan beside what simulating it measured per interval
 * (service level, queue abandonment and occupancy with their t intervals over the replications that
 * had video requests there), and its agent hours and cost.
 */
export function videoStaffing(
  config: ModelConfig,
  plan: VideoPlan,
  runs: readonly SimulationResults[],
  target: ResolvedStaffingTarget,
  level: number,
): VideoStaffing {
  const { intervalSeconds } = config.horizon;
  const intervals = plan.analytic.map((answer, i): VideoStaffingInterval => {
    const measured = videoIntervalEstimates(runs, i, level);
    return {
      index: i,
      startSeconds: i * intervalSeconds,
      videoRequestsPerHour: plan.arrivalRatesPerSecond[i] * 3600,
      agentsScheduled: answer.agentsScheduled,
      agentsOnline: onlineForScheduled(answer.agentsScheduled, config.agents.shrinkage, config.desk.shrinkageMethod),
      erlangServiceLevel: answer.serviceLevel,
      ...measured,
      meetsTarget: meetsVideoTarget(measured, target),
    };
  });
  const agentHours = (plan.analytic.reduce((sum, answer) => sum + answer.agentsScheduled, 0) * intervalSeconds) / 3600;
  return {
    model: "separate requirement per interval (own agents, one call each)",
    meanHandleSeconds: plan.meanHandleSeconds,
    intervals,
    agentHours,
    cost: agentHours * config.agents.costPerHour,
  };
}

type VideoEstimates = Pick<VideoStaffingInterval, "meanRequests" | "serviceLevel" | "queueAbandonment" | "occupancy" | "meanWaitOfServedSeconds">;

function videoIntervalEstimates(runs: readonly SimulationResults[], i: number, level: number): VideoEstimates {
  const serviceLevels: number[] = [];
  const abandonments: number[] = [];
  const occupancies: number[] = [];
  let requests = 0;
  let served = 0;
  let waitSeconds = 0;
  for (const run of runs) {
    const video = run.intervals.video;
    if (video === undefined) continue;
    requests += video.requests[i];
    if (video.requests[i] > 0) {
      if (video.serviceLevel[i] !== null) serviceLevels.push(video.serviceLevel[i]!);
      abandonments.push(video.abandoned[i] / video.requests[i]);
    }
    if (video.occupancy[i] !== null) occupancies.push(video.occupancy[i]!);
    served += video.served[i];
    waitSeconds += (video.meanWaitOfServedSeconds[i] ?? 0) * video.served[i];
  }
  const estimate = (values: number[]): Estimate | null => (values.length === 0 ? null : shareInterval(values, level));
  return {
    meanRequests: runs.length === 0 ? null : requests / runs.length,
    serviceLevel: estimate(serviceLevels),
    queueAbandonment: estimate(abandonments),
    occupancy: estimate(occupancies),
    meanWaitOfServedSeconds: served > 0 ? waitSeconds / served : null,
  };
}

/** Whether the simulated interval meets the target: false only when an interval lies wholly on the wrong side. */
function meetsVideoTarget(measured: VideoEstimates, target: ResolvedStaffingTarget): boolean | null {
  if (measured.serviceLevel === null) return null;
  if (target.serviceLevel !== null && (measured.serviceLevel.upper ?? measured.serviceLevel.mean) < target.serviceLevel) return false;
  if (
    target.maxQueueAbandonment !== null &&
    measured.queueAbandonment !== null &&
    (measured.queueAbandonment.lower ?? measured.queueAbandonment.mean) > target.maxQueueAbandonment
  )
    return false;
  return true;
}
