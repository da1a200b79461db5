import type { Environment } from "./Environment.ts";
import { LoadBuckets } from "./LoadBuckets.ts";
import { Request, type RequestOwner } from "./Request.ts";
import { servedBefore, WaitQueue } from "./WaitQueue.ts";

/** Options of a SlotPool. */
export interface SlotPoolOptions {
  /** Servers accepting work at the start (integer >= 0). */
  servers: number;
  /** Jobs one server holds at once (integer >= 1). */
  slotsPerServer: number;
  /**
   * Admission by class (trunk reservation): whether a waiting request of this class may take a slot
   * while `freeSlots` slots are free on the accepting servers. Omitted: any free slot will do.
   */
  admits?: (freeSlots: number, privileged: boolean) => boolean;
}

const ACTIVE = 0;
const RETIRING = 1;
const GONE = 2;

/**
 * A pool of servers, each holding up to `slotsPerServer` jobs at once (e.g. agents with several
 * concurrent chats). A granted job goes to the least-loaded accepting server; ties go to the server
 * that has waited longest at that load, which is deterministic. Servers can be added and retired
 * during a run; a retiring server takes no new jobs, finishes the ones it has, then leaves.
 *
 * Least-loaded selection is O(slotsPerServer): accepting servers sit in one insertion-ordered list per
 * load level (LoadBuckets), so no scan over servers is needed.
 */
export class SlotPool implements RequestOwner {
  readonly env: Environment;
  readonly slotsPerServer: number;
  readonly #queue = new WaitQueue();
  /** Requests that are not privileged: with `admits`, they wait apart, so each class's head is found in O(log n). */
  readonly #restricted = new WaitQueue();
  readonly #admits: ((freeSlots: number, privileged: boolean) => boolean) | null;
  /** Level k: accepting servers currently holding k jobs (k < slotsPerServer). */
  readonly #byLoad: LoadBuckets;
  readonly #load: number[] = [];
  readonly #state: number[] = [];
  // Per server: seconds present / busy in closed spells, and when the open spell began (−1: none).
  readonly #presentSeconds: number[] = [];
  readonly #busySeconds: number[] = [];
  readonly #presentSince: number[] = [];
  readonly #busySince: number[] = [];
  #arrivals = 0;
  #activeServers = 0;
  #presentServers = 0;
  #jobs = 0;
  #busyServers = 0;

  constructor(env: Environment, options: SlotPoolOptions) {
    const { servers, slotsPerServer } = options;
    if (!Number.isInteger(slotsPerServer) || slotsPerServer < 1) {
      throw new RangeError(`invalid slotsPerServer: ${slotsPerServer} (must be an integer >= 1)`);
    }
    this.env = env;
    this.slotsPerServer = slotsPerServer;
    this.#admits = options.admits ?? null;
    this.#byLoad = new LoadBuckets(slotsPerServer);
    this.setServerCount(servers);
  }

  /** Servers accepting new jobs. */
  get activeServers(): number {
    return this.#activeServers;
  }
  /** Servers still present: active plus retiring ones finishing their jobs. */
  get presentServers(): number {
    return this.#presentServers;
  }
  /** Servers holding at least one job. */
  get busyServers(): number {
    return this.#busyServers;
  }
  /** Jobs in service across all servers. */
  get jobsInService(): number {
    return this.#jobs;
  }
  get queueLength(): number {
    return this.#queue.length + this.#restricted.length;
  }
  /** Jobs the active servers can hold at once. */
  get capacity(): number {
    return this.#activeServers * this.slotsPerServer;
  }
  /** True when a slot is free on an accepting server. */
  get hasFreeSlot(): boolean {
    return this.#freeServer() >= 0;
  }
  /** Free slots on the accepting servers (active servers × slots − their jobs). */
  get freeSlots(): number {
    let free = 0;
    for (let level = 0; level < this.slotsPerServer; level++) free += this.#byLoad.size(level) * (this.slotsPerServer - level);
    return free;
  }
  /** True when a request of this class made now would be granted at once. */
  wouldGrant(privileged = true): boolean {
    if (this.#admits === null) return this.hasFreeSlot;
    return this.hasFreeSlot && this.#admits(this.freeSlots, privileged);
  }
  /** Jobs held by `server` now. */
  loadOf(server: number): number {
    return this.#load[server] ?? 0;
  }

  /**
   * Asks for a slot (lower priority value served first); yield it. Its value is the server id. A
   * request that is not `privileged` takes a slot only when `admits` allows its class.
   */
  request(priority = 0, privileged = true): Request {
    const request = new Request(this.env, this, priority, this.#arrivals++);
    if (privileged || this.#admits === null) this.#queue.push(request);
    else this.#restricted.push(request);
    this.#grant();
    return request;
  }

  /** Frees the slot of a granted request (idempotent); withdraws a waiting one. */
  release(request: Request): void {
    this.cancelRequest(request);
  }

  cancelRequest(request: Request): void {
    if (request.owner !== this) throw new Error("request belongs to another pool");
    if (!request.granted) {
      if (this.#queue.remove(request) || this.#restricted.remove(request)) request.withdrawn = true;
      return;
    }
    if (request.released) return;
    request.released = true;
    const server = request.server;
    const load = this.#load[server];
    this.#load[server] = load - 1;
    this.#jobs--;
    if (load === 1) {
      this.#busyServers--;
      this.#busySeconds[server] += this.env.now - this.#busySince[server];
      this.#busySince[server] = -1;
    }
    if (this.#state[server] === ACTIVE) {
      this.#byLoad.delete(load, server);
      this.#byLoad.add(load - 1, server);
    } else if (load === 1) {
      this.#leave(server);
    }
    this.#grant();
  }

  /**
   * Sets the number of active servers. Growing reactivates retiring servers first (they are still
   * logged in), then fills empty seats, then adds new ones; shrinking retires the least-loaded active servers.
   */
  setServerCount(servers: number): void {
    if (!Number.isInteger(servers) || servers < 0) {
      throw new RangeError(`invalid servers: ${servers} (must be an integer >= 0)`);
    }
    for (let id = 0; id < this.#state.length && this.#activeServers < servers; id++) {
      if (this.#state[id] === RETIRING) this.#activate(id);
    }
    // Then empty seats of servers that left (lowest id first), so ids stay few however often staffing changes.
    for (let id = 0; id < this.#state.length && this.#activeServers < servers; id++) {
      if (this.#state[id] === GONE) this.#activate(id);
    }
    while (this.#activeServers < servers) {
      this.#load.push(0);
      this.#state.push(GONE);
      this.#presentSeconds.push(0);
      this.#busySeconds.push(0);
      this.#presentSince.push(-1);
      this.#busySince.push(-1);
      this.#activate(this.#load.length - 1);
    }
    for (let level = 0; level < this.slotsPerServer && this.#activeServers > servers; level++) {
      for (const id of this.#byLoad.members(level)) {
        if (this.#activeServers <= servers) break;
        this.#byLoad.delete(level, id);
        if (level === 0) this.#leave(id);
        else this.#state[id] = RETIRING;
        this.#activeServers--;
      }
    }
    // Servers at full load are in no bucket; retire those last.
    for (let id = 0; id < this.#state.length && this.#activeServers > servers; id++) {
      if (this.#state[id] === ACTIVE && this.#load[id] === this.slotsPerServer) {
        this.#state[id] = RETIRING;
        this.#activeServers--;
      }
    }
    this.#grant();
  }

  /** Throws if bookkeeping is inconsistent (for tests and debugging). */
  checkInvariants(): void {
    let jobs = 0;
    let busy = 0;
    let active = 0;
    for (let id = 0; id < this.#load.length; id++) {
      const load = this.#load[id];
      if (load < 0 || load > this.slotsPerServer) throw new Error(`pool invariant: server ${id} load ${load}`);
      jobs += load;
      if (load > 0) busy++;
      const inBucket = load < this.slotsPerServer && this.#byLoad.has(load, id);
      if (this.#state[id] === ACTIVE) {
        active++;
        if (load < this.slotsPerServer && !inBucket) throw new Error(`pool invariant: active server ${id} missing from load bucket`);
      } else if (inBucket) throw new Error(`pool invariant: inactive server ${id} in a load bucket`);
      if (this.#state[id] === GONE && load > 0) throw new Error(`pool invariant: departed server ${id} holds jobs`);
    }
    const present = this.#state.filter((state) => state !== GONE).length;
    if (jobs !== this.#jobs || busy !== this.#busyServers || active !== this.#activeServers || present !== this.#presentServers) {
      throw new Error("pool invariant: counters disagree with server loads");
    }
    if (this.#freeServer() >= 0 && this.#nextAdmitted(false) !== undefined) throw new Error("pool invariant: jobs wait while a slot is free to them");
  }

  /**
   * Seconds each server (by id) has been present and busy (holding at least one job) since the pool
   * was created, open spells counted up to now. Ids are seats: a server that left and comes back as
   * a new one reuses the lowest retired seat, so figures by id belong to seats, not to people.
   */
  serverSeconds(): { present: number[]; busy: number[] } {
    const now = this.env.now;
    return {
      present: this.#presentSeconds.map((seconds, id) => seconds + (this.#state[id] === GONE ? 0 : now - this.#presentSince[id])),
      busy: this.#busySeconds.map((seconds, id) => seconds + (this.#busySince[id] >= 0 ? now - this.#busySince[id] : 0)),
    };
  }

  #leave(id: number): void {
    this.#state[id] = GONE;
    this.#presentServers--;
    this.#presentSeconds[id] += this.env.now - this.#presentSince[id];
  }

  #activate(id: number): void {
    if (this.#state[id] === GONE) {
      this.#presentServers++;
      this.#presentSince[id] = this.env.now;
    }
    this.#state[id] = ACTIVE;
    this.#activeServers++;
    const load = this.#load[id];
    if (load < this.slotsPerServer) this.#byLoad.add(load, id);
  }

  #freeServer(): number {
    for (let level = 0; level < this.slotsPerServer; level++) {
      const first = this.#byLoad.first(level);
      if (first >= 0) return first;
    }
    return -1;
  }

  /**
   * The request to serve next: the earlier by (priority, arrival) of the two classes' heads that
   * `admits` lets in with the slots free now; removed from its queue when `take`.
   */
  #nextAdmitted(take: boolean): Request | undefined {
    let queue = this.#queue;
    if (this.#restricted.length > 0) {
      const free = this.freeSlots;
      const privileged = this.#queue.peek();
      const restricted = this.#restricted.peek()!;
      const privilegedIn = privileged !== undefined && this.#admits!(free, true);
      const restrictedIn = this.#admits!(free, false);
      if (restrictedIn && (!privilegedIn || servedBefore(restricted, privileged!))) queue = this.#restricted;
      else if (!privilegedIn) return undefined;
    } else if (this.#admits !== null && this.#queue.length > 0 && !this.#admits(this.freeSlots, true)) return undefined;
    return take ? queue.shift() : queue.peek();
  }

  #grant(): void {
    while (this.#queue.length + this.#restricted.length > 0) {
      const server = this.#freeServer();
      if (server < 0) return;
      const request = this.#nextAdmitted(true);
      if (request === undefined) return;
      const load = this.#load[server];
      this.#byLoad.delete(load, server);
      if (load + 1 < this.slotsPerServer) this.#byLoad.add(load + 1, server);
      this.#load[server] = load + 1;
      this.#jobs++;
      if (load === 0) {
        this.#busyServers++;
        this.#busySince[server] = this.env.now;
      }
      request.server = server;
      // Granted with nobody waiting yet (the usual immediate grant): settle without a queue trip.
      if (!request.hasCallbacks) request.settle(server);
      else request.succeed(server);
    }
  }
}
