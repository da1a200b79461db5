import { type Environment, TimeWeighted } from "../engine/index.ts";
import type { IntervalSeries } from "./IntervalSeries.ts";

/** Integrals over the measured window [warm-up, horizon]: level × seconds. */
export interface MeasuredAreas {
  readonly chatSeconds: number;
  readonly busyAgentSeconds: number;
  readonly onlineAgentSeconds: number;
}

interface Areas {
  readonly jobs: number;
  readonly busy: number;
  readonly online: number;
}

/**
 * The desk's time-weighted levels (chats in service, busy agents, present agents) and their areas:
 * per interval into the series, and over the measured window [warm-up, horizon]. Agent time counts
 * while an agent is present: online, or past their shift finishing chats (so busy time never exceeds
 * it and occupancy stays ≤ 100%).
 */
export class DeskLevels {
  readonly jobs: TimeWeighted;
  readonly busyAgents: TimeWeighted;
  readonly onlineAgents: TimeWeighted;
  #measured: MeasuredAreas = { chatSeconds: 0, busyAgentSeconds: 0, onlineAgentSeconds: 0 };
  #lastAreas: Areas = { jobs: 0, busy: 0, online: 0 };

  constructor(env: Environment, presentAgents: number) {
    this.jobs = new TimeWeighted(env, "chats in service");
    this.busyAgents = new TimeWeighted(env, "busy agents");
    this.onlineAgents = new TimeWeighted(env, "present agents", presentAgents);
  }

  /** Chat, busy-agent and online-agent seconds over [warm-up, horizon]; final once the run is over. */
  get measured(): MeasuredAreas {
    return this.#measured;
  }

  /** Time-weighted means over the run. */
  means(): { meanChatsInService: number; meanBusyAgents: number; meanOnlineAgents: number } {
    return { meanChatsInService: this.jobs.mean, meanBusyAgents: this.busyAgents.mean, meanOnlineAgents: this.onlineAgents.mean };
  }

  /** Writes the areas accumulated since the previous snapshot as `interval`'s levels. */
  snapshot(series: IntervalSeries, interval: number): void {
    if (interval < 0) return;
    const areas = this.#areas();
    series.set("chatSeconds", interval, areas.jobs - this.#lastAreas.jobs);
    series.set("busyAgentSeconds", interval, areas.busy - this.#lastAreas.busy);
    series.set("onlineAgentSeconds", interval, areas.online - this.#lastAreas.online);
    this.#lastAreas = areas;
  }

  /**
   * A process reading the areas at the end of the warm-up and at the horizon (the difference is the
   * measured window), calling `atWarmupEnd` and `atHorizon` at those moments.
   */
  *measuredWindow(env: Environment, warmupSeconds: number, horizonSeconds: number, atWarmupEnd: () => void, atHorizon: () => void) {
    if (warmupSeconds > 0) yield env.timeout(warmupSeconds);
    const start = this.#areas();
    atWarmupEnd();
    yield env.timeout(horizonSeconds - env.now);
    const end = this.#areas();
    atHorizon();
    this.#measured = { chatSeconds: end.jobs - start.jobs, busyAgentSeconds: end.busy - start.busy, onlineAgentSeconds: end.online - start.online };
  }

  #areas(): Areas {
    return { jobs: this.jobs.area, busy: this.busyAgents.area, online: this.onlineAgents.area };
  }
}
