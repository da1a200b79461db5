import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import { type RunTasksOptions, runTasks } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { type Estimate, shareInterval } from "../stats/index.ts";

/** Per-interval simulated KPIs of one schedule over R replications. */
export interface IntervalEvaluation {
  /** Mean chat requests per replication; null without a completed replication (missing, not 0). */
  meanChats: number | null;
  /**
   * Replications whose interval had requests but no defined service level (e.g. nobody answered under
   * the "exclude" definition): left out of the estimate, never counted as 0.
   */
  missingServiceLevels: number;
  serviceLevel: Estimate | null;
  queueAbandonment: Estimate | null;
  occupancy: Estimate | null;
  /** Pooled mean handle time of chats in service in the interval (slowdown included); null without chats. */
  meanHandleSeconds: number | null;
  /** Pooled mean chats a busy agent holds. */
  meanConcurrency: number | null;
}

/** The completed replications of one schedule and their per-interval summary. */
export interface ScheduleEvaluation {
  schedule: number[];
  /** Completed runs in replication order (errored or cancelled replications are missing). */
  runs: SimulationResults[];
  /** Replication number of each run in `runs`. */
  replicationNumbers: number[];
  intervals: IntervalEvaluation[];
  errored: { replication: number; error: string }[];
  cancelled: number;
}

/** The same config with `scheduled` agents per interval (and, optionally, another service-level threshold). */
export function withSchedule(config: ModelConfig, scheduled: readonly number[], serviceLevelSeconds?: number): ModelConfig {
  const agents = { ...config.agents, scheduled: [...scheduled] };
  if (config.kind === "chatOnly") return { ...config, agents, serviceLevelSeconds: serviceLevelSeconds ?? config.serviceLevelSeconds };
  return { ...config, agents, chat: { ...config.chat, serviceLevelSeconds: serviceLevelSeconds ?? config.chat.serviceLevelSeconds } };
}

/**
 * Runs a schedule for replications 0..R−1 with the seeds replicationSeed(seed, r), the same seeds for
 * every schedule the search tries (common random numbers: differences between schedules are not
 * drowned in chat-to-chat noise, and the search's decisions do not flicker).
 *
 * Per interval, each replication gives a ratio (service level = answered within the threshold ÷
 * requests arriving in the interval; queue abandonment = given up ÷ requests; occupancy); the
 * estimate is the mean over replications with its t interval, skipping replications without a chat
 * there. Handle time per interval is pooled: chat-seconds in service (mean concurrency × busy agent
 * time) ÷ chats answered, which by Little's law is the mean handle time including slowdown.
 */
export async function evaluateSchedule(
  config: ModelConfig,
  schedule: readonly number[],
  options: RunTasksOptions & { replications: number; seed: string | number; level: number },
): Promise<ScheduleEvaluation> {
  const staffed = withSchedule(config, schedule);
  const outcomes = await runTasks(
    Array.from({ length: options.replications }, (_, r) => ({ config: staffed, seed: replicationSeed(options.seed, r) })),
    options,
  );
  const runs: SimulationResults[] = [];
  const replicationNumbers: number[] = [];
  const errored: ScheduleEvaluation["errored"] = [];
  let cancelled = 0;
  for (const outcome of outcomes) {
    if (outcome.state === "completed") {
      runs.push(outcome.results);
      replicationNumbers.push(outcome.index);
    } else if (outcome.state === "errored") errored.push({ replication: outcome.index, error: outcome.error });
    else cancelled++;
  }
  return { schedule: [...schedule], runs, replicationNumbers, intervals: summariseIntervals(runs, schedule.length, options.level), errored, cancelled };
}

/** Per-interval estimates over runs (see `evaluateSchedule`). */
export function summariseIntervals(runs: readonly SimulationResults[], intervals: number, level: number): IntervalEvaluation[] {
  return Array.from({ length: intervals }, (_, i) => {
    const serviceLevels: number[] = [];
    const abandonments: number[] = [];
    const occupancies: number[] = [];
    let chats = 0;
    let served = 0;
    let chatSeconds = 0;
    let busySeconds = 0;
    let missingServiceLevels = 0;
    for (const run of runs) {
      const series = run.intervals;
      const requests = series.chatRequests[i];
      chats += requests;
      served += series.chatsServed[i];
      if (requests > 0) {
        const serviceLevel = series.serviceLevel[i];
        if (serviceLevel === null) missingServiceLevels++;
        else serviceLevels.push(serviceLevel);
        abandonments.push(series.chatsAbandoned[i] / requests);
      }
      const occupancy = series.occupancy[i];
      if (occupancy !== null) {
        occupancies.push(occupancy);
        const busy = occupancy * series.agentsOnline[i] * series.intervalSeconds;
        busySeconds += busy;
        // Busy time without a concurrency figure is busy time of 0 s (meanConcurrency is null only then).
        const concurrency = series.meanConcurrency[i];
        if (concurrency !== null) chatSeconds += concurrency * busy;
      }
    }
    const estimate = (values: number[]): Estimate | null => (values.length === 0 ? null : shareInterval(values, level));
    return {
      meanChats: runs.length === 0 ? null : chats / runs.length,
      missingServiceLevels,
      serviceLevel: estimate(serviceLevels),
      queueAbandonment: estimate(abandonments),
      occupancy: estimate(occupancies),
      meanHandleSeconds: served > 0 && chatSeconds > 0 ? chatSeconds / served : null,
      meanConcurrency: busySeconds > 0 ? chatSeconds / busySeconds : null,
    };
  });
}
