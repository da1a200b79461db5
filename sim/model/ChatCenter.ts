import {
  type Environment,
  type Event,
  type Request,
  SharedService,
  type SharedServiceResult,
  SlotPool,
  Tally,
  type Timeout,
  type Waiter,
} from "../engine/index.ts";
import { holdsReservation, isDeskOpen, mayTakeSlot, type QueueState, type ReservationCustomer, simulationClock } from "../policy/index.ts";
import { type AgentFigures, AgentSeats } from "./AgentSeats.ts";
import { drawAgentsOnline } from "./agentsOnline.ts";
import type { ChatCenterOptions } from "./chatCenterOptions.ts";
import { type ChatClassCounts, emptyClassCounts } from "./chatClassResults.ts";
import { type ChatOutcome, CLOSED_OUTCOME, UNKNOWN_CUSTOMER, unservedOutcome } from "./chatOutcome.ts";
import { DeskLevels, type MeasuredAreas } from "./DeskLevels.ts";
import type { IntervalSeries } from "./IntervalSeries.ts";
import { WAIT_HISTOGRAM_BOUNDS_SECONDS, waitBucket } from "./waitHistogram.ts";

/** Longest base handle time the desk works on (about 31,700 years): keeps sums of handle times finite. */
export const MAX_HANDLE_SECONDS = 1e12;

/** A chat that queued, as the center's steps see it (ChatCenter's private job class implements it). */
interface QueuedChat extends Waiter {
  waiting: boolean;
  patience: Timeout<undefined> | null;
  waitSeconds: number;
  handleSeconds: number;
  meanAgentLoad: number;
  readonly request: Request;
  readonly interval: number;
  readonly requestedAt: number;
  readonly counted: boolean;
  readonly baseHandleSeconds: number;
  /** Holds the desk's reservation (sim/policy holdsReservation). */
  readonly highValue: boolean;
  /** Its class's counts under a reservation, after the warm-up; else null. */
  readonly byClass: ChatClassCounts | null;
}

/**
 * The chat desk: a pool of agents (each holding up to `concurrency` chats) staffed per interval,
 * a queue with patience, and the statistics of both. Agents leaving at an interval boundary finish
 * their chats first (the pool retires them). Knows nothing of shoppers: the store model and the
 * chat-only model both drive it through `chat()`.
 */
export class ChatCenter {
  readonly env: Environment;
  readonly #options: ChatCenterOptions;
  readonly #pool: SlotPool;
  readonly #work: SharedService;
  readonly #levels: DeskLevels;
  readonly #seats = new AgentSeats();
  /** Waits of every request (served: until answered; abandoned: until giving up). */
  readonly waits = new Tally("chat wait");
  readonly waitsOfServed = new Tally("chat wait of served");
  readonly handleTimes = new Tally("chat handle time", { quantiles: false });
  /** Answered-chat waits per bucket of WAIT_HISTOGRAM_BOUNDS_SECONDS (fixed size). */
  readonly waitHistogram = new Float64Array(WAIT_HISTOGRAM_BOUNDS_SECONDS.length);
  readonly series: IntervalSeries;
  // The series' columns this desk adds to on every chat, held directly: one \`series.add(name, ...)\`
  // site reading seven different names is a megamorphic lookup per call (about 3% of a chat-only
  // run's instructions, measured with callgrind). Intervals come from #intervalIndex, always in range.
  readonly #requestsByInterval: Float64Array;
  readonly #blockedByInterval: Float64Array;
  readonly #abandonedByInterval: Float64Array;
  readonly #shortAbandonsByInterval: Float64Array;
  readonly #servedByInterval: Float64Array;
  readonly #waitSecondsOfServedByInterval: Float64Array;
  readonly #answeredWithinTargetByInterval: Float64Array;
  /** Requests that arrived during the warm-up (left out of every whole-run figure). */
  warmupRequests = 0;
  requests = 0;
  /** Help requests while the desk was closed (offered the message form; not chat requests). */
  closedRequests = 0;
  blocked = 0;
  messagesLeft = 0;
  /** Agent seconds spent answering messages (back office, outside the chat slots). */
  messageHandleSeconds = 0;
  served = 0;
  abandoned = 0;
  /** Abandons shorter than the service-level definition's ignore threshold. */
  shortAbandons = 0;
  delayed = 0;
  answeredWithinTarget = 0;
  /** Counts of high-value chats [0] and standard chats [1] after the warm-up (kept under a reservation only). */
  readonly byClass: readonly [ChatClassCounts, ChatClassCounts] = [emptyClassCounts(), emptyClassCounts()];

  constructor(env: Environment, options: ChatCenterOptions, series: IntervalSeries) {
    this.env = env;
    this.#options = options;
    const { agents } = options;
    // Staffed by #staffing at time 0, before any chat can arrive.
    const reservation = options.reservation;
    this.#pool = new SlotPool(env, {
      servers: 0,
      slotsPerServer: agents.concurrency,
      admits: reservation === null ? undefined : (freeSlots, highValue) => mayTakeSlot(reservation, freeSlots, highValue),
    });
    const slowdown = options.slowdownPerExtraChat;
    // Each open chat progresses at 1 ÷ (1 + s (n − 1)) seconds of base handle time per second while
    // its agent holds n chats, so at a constant load n a chat takes base × (1 + s (n − 1)).
    this.#work = new SharedService(env, (load) => 1 / (1 + slowdown * (load - 1)));
    this.#levels = new DeskLevels(env, this.#pool.presentServers);
    this.series = series;
    this.#requestsByInterval = series.get("chatRequests");
    this.#blockedByInterval = series.get("chatsBlocked");
    this.#abandonedByInterval = series.get("chatsAbandoned");
    this.#shortAbandonsByInterval = series.get("shortAbandons");
    this.#servedByInterval = series.get("chatsServed");
    this.#waitSecondsOfServedByInterval = series.get("waitSecondsOfServed");
    this.#answeredWithinTargetByInterval = series.get("answeredWithinTarget");
    env.process(this.#staffing());
    env.process(
      this.#levels.measuredWindow(
        env,
        options.warmupSeconds,
        options.horizonSeconds,
        () => this.#seats.markWarmupEnd(this.#pool.serverSeconds()),
        () => this.#seats.markHorizon(this.#pool.serverSeconds()),
      ),
    );
  }

  /** The desk as a trigger policy sees it. Predicted wait: (position in queue) × mean handle ÷ slots, 0 with a free slot. */
  queueState(): QueueState {
    const pool = this.#pool;
    const freeSlots = Math.max(0, pool.capacity - pool.jobsInService);
    const queueLength = pool.queueLength;
    const predictedWaitSeconds = freeSlots > 0 ? 0 : pool.capacity === 0 ? Infinity : ((queueLength + 1) * this.#options.meanHandleSeconds) / pool.capacity;
    return this.isOpen() ? { freeSlots, queueLength, predictedWaitSeconds } : { freeSlots, queueLength, predictedWaitSeconds, closed: true };
  }

  /** Whether the desk is inside its opening hours now. */
  isOpen(): boolean {
    const hours = this.#options.openingHours;
    return hours === null || isDeskOpen(hours, simulationClock(hours, this.env.now));
  }

  /**
   * One chat: queue (higher `priority` first when priority queueing is on), give up after
   * `patienceSeconds`, else be served for `baseHandleSeconds` of work stretched by the agent's load:
   * continuously as the load changes ("loadDependent"), or by the load at the start ("fixedAtStart").
   * For a process that waits on the chat (`yield*`); `startChat` is the same chat without a process.
   */
  *chat(
    priority: number,
    patienceSeconds: number,
    baseHandleSeconds: number,
    customer: ReservationCustomer = UNKNOWN_CUSTOMER,
  ): Generator<Event<any>, ChatOutcome, any> {
    const job = this.#admit(priority, baseHandleSeconds, customer);
    if ("served" in job) return job;
    const request = job.request;
    if (!request.granted) {
      if (patienceSeconds === Infinity) yield request;
      else {
        const patience = this.env.timeout(patienceSeconds);
        yield this.env.anyOf([request, patience]);
        patience.cancel();
      }
      if (!request.granted) return this.#abandon(job);
    } else {
      yield request;
    }
    this.#complete(job, yield this.#startService(job));
    return {
      served: true,
      blocked: false,
      closed: false,
      agent: request.server,
      waitSeconds: job.waitSeconds,
      handleSeconds: job.handleSeconds,
      meanAgentLoad: job.meanAgentLoad,
      highValue: job.highValue,
    };
  }

  /**
   * The same chat as `chat()`, run by its own events instead of a process (no generator, no process
   * per chat; what a model that does not wait on the chat uses). Returns the outcome of a chat turned
   * away at once (desk closed, queue full), null for one that queued: how it ends is in the figures.
   */
  startChat(priority: number, patienceSeconds: number, baseHandleSeconds: number, customer: ReservationCustomer = UNKNOWN_CUSTOMER): ChatOutcome | null {
    const job = this.#admit(priority, baseHandleSeconds, customer);
    if ("served" in job) return job;
    const request = job.request;
    if (request.granted) this.#startService(job).addCallback(job);
    else {
      job.waiting = true;
      request.addCallback(job);
      if (patienceSeconds !== Infinity) {
        job.patience = this.env.timeout(patienceSeconds);
        job.patience.addCallback(job);
      }
    }
    return null;
  }

  /**
   * A chat that queued, from its request to its end; for `startChat`, also the state machine its
   * events drive (it waits on them itself: no closure, no process). Declared inside the class so it
   * reaches the center's private steps.
   */
  static readonly #Job = class ChatJob implements QueuedChat {
    /** Waiting for an agent (else in service). */
    waiting = false;
    patience: Timeout<undefined> | null = null;
    waitSeconds = 0;
    handleSeconds = 0;
    meanAgentLoad = 0;
    constructor(
      readonly center: ChatCenter,
      readonly request: Request,
      readonly interval: number,
      readonly requestedAt: number,
      readonly counted: boolean,
      readonly baseHandleSeconds: number,
      readonly highValue: boolean,
      readonly byClass: ChatClassCounts | null,
    ) {}

    resumeWith(event: Event<any>): void {
      const center = this.center;
      if (!this.waiting) {
        center.#complete(this, event.value);
        return;
      }
      // Granted, or patience ran out. As in `chat()`, a request granted at the very moment patience
      // runs out (its event not yet processed) is served.
      const request = this.request;
      if (event === request) this.patience?.cancel();
      else {
        request.removeCallback(this);
        if (!request.granted) {
          center.#abandon(this);
          return;
        }
      }
      this.waiting = false;
      center.#startService(this).addCallback(this);
    }
  };

  /**
   * A chat arrives: counted (or not, during the warm-up), then turned away (desk closed, queue full:
   * its outcome) or queued (its job, request made).
   */
  #admit(priority: number, baseHandleSeconds: number, customer: ReservationCustomer): ChatOutcome | QueuedChat {
    const interval = this.#intervalIndex();
    const requestedAt = this.env.now;
    // Warm-up chats run like any other (they load the desk) but are not counted in the whole-run figures.
    const counted = requestedAt >= this.#options.warmupSeconds;
    if (!this.isOpen()) {
      // Closed: the help button is a message form, so no chat is requested at all.
      if (counted) this.closedRequests++;
      return CLOSED_OUTCOME;
    }
    const highValue = holdsReservation(this.#options.reservation, customer);
    const byClass = counted && this.#options.reservation !== null ? this.byClass[highValue ? 0 : 1] : null;
    if (counted) this.requests++;
    else this.warmupRequests++;
    if (byClass !== null) byClass.requests++;
    this.#requestsByInterval[interval]++;
    const pool = this.#pool;
    // A standard chat that finds only reserved slots free queues like one that finds none.
    if (!pool.wouldGrant(highValue) && pool.queueLength >= this.#options.maxQueueLength) {
      if (counted) this.blocked++;
      if (byClass !== null) byClass.blocked++;
      this.#blockedByInterval[interval]++;
      return unservedOutcome(true, 0, highValue);
    }
    const request = pool.request(this.#options.usePriority ? -priority : 0, highValue);
    if (!request.granted) {
      if (counted) this.delayed++;
      if (byClass !== null) byClass.delayed++;
    }
    return new ChatCenter.#Job(this, request, interval, requestedAt, counted, baseHandleSeconds, highValue, byClass);
  }

  /** Patience ran out before an agent took the chat: withdraw it and count the abandonment. */
  #abandon(job: QueuedChat): ChatOutcome {
    job.request.cancel();
    const waitSeconds = this.env.now - job.requestedAt;
    const short = waitSeconds < this.#options.ignoreAbandonsUnderSeconds;
    if (job.counted) {
      this.abandoned++;
      if (short) this.shortAbandons++;
      this.waits.add(waitSeconds);
    }
    if (job.byClass !== null) {
      job.byClass.abandoned++;
      job.byClass.waitSeconds += waitSeconds;
    }
    this.#abandonedByInterval[job.interval]++;
    if (short) this.#shortAbandonsByInterval[job.interval]++;
    return unservedOutcome(false, waitSeconds, job.highValue);
  }

  /**
   * An agent took the chat: record the answer and start the work; the returned event ends it. Under
   * load-dependent slowdown the shared service's event carries the handle time and mean load; a fixed
   * slowdown is known at the start, and so is every chat of an agent who holds one chat at a time
   * (never shared: its base time at load 1, whichever mode): then a plain timer, nothing allocated for its value.
   */
  #startService(job: QueuedChat): Event<SharedServiceResult | undefined> {
    const env = this.env;
    const server = job.request.server;
    job.waitSeconds = env.now - job.requestedAt;
    this.#recordAnswer(job.interval, job.waitSeconds, job.counted);
    if (job.byClass !== null) {
      job.byClass.served++;
      job.byClass.waitSeconds += job.waitSeconds;
      job.byClass.waitSecondsOfServed += job.waitSeconds;
      if (job.waitSeconds <= this.#options.serviceLevelSeconds) job.byClass.answeredWithinTarget++;
    }
    this.#levels.jobs.add(1);
    this.#levels.busyAgents.set(this.#pool.busyServers);
    const loadDependent = this.#options.slowdownMode === "loadDependent";
    // Capped under load-dependent slowdown (whichever way it is timed), so that the work clock of an
    // agent holding absurdly long chats stays finite, exactly as before the one-chat shortcut.
    const base = loadDependent ? Math.min(job.baseHandleSeconds, MAX_HANDLE_SECONDS) : job.baseHandleSeconds;
    if (loadDependent && this.#pool.slotsPerServer > 1) return this.#work.start(server, base);
    job.meanAgentLoad = this.#pool.loadOf(server);
    job.handleSeconds = base * (1 + this.#options.slowdownPerExtraChat * (job.meanAgentLoad - 1));
    return env.timeout(job.handleSeconds);
  }

  /** The chat ended: free the agent's slot and count the handle time. */
  #complete(job: QueuedChat, service: SharedServiceResult | undefined): void {
    if (service !== undefined) {
      job.handleSeconds = service.elapsedSeconds;
      job.meanAgentLoad = service.meanLoad;
    }
    const handleSeconds = job.handleSeconds;
    const agent = job.request.server;
    this.#pool.release(job.request);
    this.#levels.jobs.add(-1);
    this.#levels.busyAgents.set(this.#pool.busyServers);
    this.#levels.onlineAgents.set(this.#pool.presentServers);
    if (job.counted) {
      this.handleTimes.add(handleSeconds);
      this.#seats.addChat(agent, handleSeconds);
    }
  }

  /** Credits an order rescued by a chat (counted after the warm-up) to the agent's seat. */
  creditRescuedOrder(agent: number): void {
    if (agent < 0 || this.env.now < this.#options.warmupSeconds) return;
    this.#seats.addRescuedOrder(agent);
  }

  /**
   * Figures per agent seat over [warm-up, horizon] (chats counted by arrival after the warm-up).
   * Seats are positions in the pool: an agent who logs out frees the seat for the next one.
   */
  agentFigures(): AgentFigures[] {
    return this.#seats.figures(this.#pool.serverSeconds());
  }

  /** A blocked customer left a message that takes `handleSeconds` to answer (counted after the warm-up only). */
  leaveMessage(handleSeconds: number): void {
    if (this.env.now < this.#options.warmupSeconds) return;
    this.messagesLeft++;
    this.messageHandleSeconds += handleSeconds;
  }

  /** Time-weighted mean of chats in service, busy agents and online agents over the run. */
  levels(): { meanChatsInService: number; meanBusyAgents: number; meanOnlineAgents: number } {
    return this.#levels.means();
  }

  /** Chat, busy-agent and online-agent seconds over [warm-up, horizon]; final once the run is over. */
  measuredAreas(): MeasuredAreas {
    return this.#levels.measured;
  }

  #recordAnswer(interval: number, waitSeconds: number, counted: boolean): void {
    this.#servedByInterval[interval]++;
    this.#waitSecondsOfServedByInterval[interval] += waitSeconds;
    const withinTarget = waitSeconds <= this.#options.serviceLevelSeconds;
    if (withinTarget) this.#answeredWithinTargetByInterval[interval]++;
    if (!counted) return;
    this.served++;
    this.waits.add(waitSeconds);
    this.waitsOfServed.add(waitSeconds);
    this.waitHistogram[waitBucket(waitSeconds)]++;
    if (withinTarget) this.answeredWithinTarget++;
  }

  // Work after the horizon (draining chats) counts towards the last interval.
  #intervalIndex(): number {
    return Math.min(Math.floor(this.env.now / this.#options.intervalSeconds), this.series.length - 1);
  }

  // Sets the online agents at every interval boundary and snapshots the levels of the interval that
  // ends. After the horizon the last staffing stays, so chats in progress can finish.
  *#staffing(): Generator<Event<any>, void, any> {
    const { agents, intervalSeconds } = this.#options;
    for (let interval = 0; interval < agents.scheduled.length; interval++) {
      const online = drawAgentsOnline(this.#options.absence, agents.scheduled[interval], agents.shrinkage);
      this.#pool.setServerCount(online);
      this.#levels.onlineAgents.set(this.#pool.presentServers);
      this.series.set("agentsScheduled", interval, agents.scheduled[interval]);
      this.series.set("agentsOnline", interval, online);
      yield this.env.timeout(intervalSeconds);
      this.#levels.snapshot(this.series, interval);
    }
  }
}
