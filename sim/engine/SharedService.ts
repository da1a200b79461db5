import type { Environment } from "./Environment.ts";
import { Event, type Timeout } from "./Event.ts";

/** How one job's service went. */
export interface SharedServiceResult {
  /** Time from start to completion, seconds. */
  readonly elapsedSeconds: number;
  /** Time-weighted mean number of jobs the server held while this one was in service (itself included). */
  readonly meanLoad: number;
}

/** Speed at which each job on a server progresses when the server holds `load` jobs (work units per second, > 0). */
export type RateAtLoad = (load: number) => number;

interface Job {
  readonly finishWork: number;
  readonly startedAt: number;
  readonly loadAreaAtStart: number;
  readonly done: Event<SharedServiceResult>;
}

class ServerState {
  /** Work each job on this server has received since the server was created (a virtual clock). */
  work = 0;
  /** ∫ load dt since creation, for each job's mean load. */
  loadArea = 0;
  lastTime: number;
  readonly jobs: Job[] = [];
  timer: Timeout<undefined> | null = null;

  constructor(now: number) {
    this.lastTime = now;
  }
}

/**
 * Servers that share their effort among the jobs they hold, at a speed set by their current load
 * (processor sharing with a load-dependent rate). While a server holds n jobs, every one of them
 * receives `rateAtLoad(n)` units of work per second, so a job's remaining work slows down when the
 * server takes another job and speeds up when one ends: the semantics of the chat-staffing models of
 * Tezcan & Zhang (Operations Research 2014) and Long, Tezcan & Zhang (MSOM 2024).
 *
 * Each server keeps one virtual clock (work done per job) and one completion timer for its job with
 * the least remaining work; a load change advances the clock and moves the timer (cancelled in
 * O(log n), never left on the queue). Server ids are any small non-negative integers.
 */
export class SharedService {
  readonly env: Environment;
  readonly #rateAtLoad: RateAtLoad;
  readonly #servers: ServerState[] = [];

  constructor(env: Environment, rateAtLoad: RateAtLoad) {
    this.env = env;
    this.#rateAtLoad = rateAtLoad;
  }

  /** Jobs `server` holds now. */
  loadOf(server: number): number {
    return this.#servers[server]?.jobs.length ?? 0;
  }

  /** Starts `work` units of work on `server`; the event succeeds when they are done. */
  start(server: number, work: number): Event<SharedServiceResult> {
    if (!(work >= 0 && work < Infinity)) throw new RangeError(`invalid work: ${work} (must be a finite number >= 0)`);
    let state = this.#servers[server];
    if (state === undefined) {
      state = new ServerState(this.env.now);
      this.#servers[server] = state;
    }
    this.#advance(state);
    const done = new Event<SharedServiceResult>(this.env);
    state.jobs.push({ finishWork: state.work + work, startedAt: this.env.now, loadAreaAtStart: state.loadArea, done });
    this.#reschedule(state);
    return done;
  }

  #advance(state: ServerState): void {
    const now = this.env.now;
    const load = state.jobs.length;
    if (load > 0 && now > state.lastTime) {
      state.work += (now - state.lastTime) * this.#rateAtLoad(load);
      state.loadArea += (now - state.lastTime) * load;
    }
    state.lastTime = now;
  }

  // One timer per server, for the job that finishes first (all its jobs progress at the same speed).
  #reschedule(state: ServerState): void {
    state.timer?.cancel();
    state.timer = null;
    const jobs = state.jobs;
    if (jobs.length === 0) return;
    let first = 0;
    for (let i = 1; i < jobs.length; i++) if (jobs[i].finishWork < jobs[first].finishWork) first = i;
    const delaySeconds = Math.max(0, (jobs[first].finishWork - state.work) / this.#rateAtLoad(jobs.length));
    const timer = this.env.timeout(delaySeconds);
    timer.addCallback(() => this.#finish(state, first));
    state.timer = timer;
  }

  #finish(state: ServerState, index: number): void {
    state.timer = null;
    this.#advance(state);
    const job = state.jobs[index];
    // Snap the clock to the finishing job: removes rounding drift between the timer and the clock.
    state.work = job.finishWork;
    state.jobs.splice(index, 1);
    // An empty server restarts its clock at 0, so the clock stays of the order of one busy spell's work.
    if (state.jobs.length === 0) state.work = 0;
    const elapsedSeconds = this.env.now - job.startedAt;
    const meanLoad = elapsedSeconds > 0 ? (state.loadArea - job.loadAreaAtStart) / elapsedSeconds : state.jobs.length + 1;
    job.done.succeed({ elapsedSeconds, meanLoad });
    this.#reschedule(state);
  }
}
