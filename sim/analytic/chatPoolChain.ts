import { requireInteger, requireNonNegative, requirePositive } from "../errors/index.ts";
import { stationaryDistribution } from "./stationaryDistribution.ts";

// The exact stationary figures of a chat pool as a continuous-time Markov chain, computed
// independently of the simulator: the reference its load-dependent slowdown is validated against
// (sim/model/chatPoolChain.test.ts, `npm run validate`).
//
// The pool: `agents` agents with `slots` chat slots each; Poisson arrivals; a new chat goes to a
// least-loaded agent (agents are identical, so which one does not matter); chats wait first-come
// first-served and give up after an exponential patience. While an agent holds n chats each of them
// is worked at rate μ ÷ (1 + s (n − 1)), so the agent completes chats at n μ ÷ (1 + s (n − 1)): the
// load-dependent slowdown of Tezcan & Zhang (2014).
//
// State: how many agents hold 0..slots chats, and the queue length q. A queue only exists when every
// slot is taken, so the states with q > 0 form a birth-death tail hanging off the one "all full"
// state: up at λ, down at (full completion rate) + q θ. The chain on the q = 0 states is solved by
// Gauss-Jordan elimination (the tail's excursions start and end at "all full", so it drops out), and the
// tail is added in closed form.

/** A stationary chat pool. Times in seconds. */
export interface ChatPool {
  readonly agents: number;
  readonly slots: number;
  readonly arrivalRatePerSecond: number;
  readonly meanHandleSeconds: number;
  readonly slowdownPerExtraChat: number;
  /** Mean exponential patience, or null for infinitely patient customers. */
  readonly meanPatienceSeconds: number | null;
}

/** Exact long-run figures of a ChatPool. */
export interface ChatPoolFigures {
  /** Share of arrivals that find every slot taken (PASTA). */
  readonly probabilityOfWait: number;
  readonly probabilityOfAbandon: number;
  /** Mean time in queue over all arrivals (served and abandoned): E[q] ÷ λ by Little's law. */
  readonly meanWaitSeconds: number;
  /** Mean chats in service per agent. */
  readonly meanChatsPerAgent: number;
  /** Mean time in service of a served chat: E[chats in service] ÷ throughput (Little's law). */
  readonly meanHandleSeconds: number;
}

/**
 * Solves the chain; throws when there is no patience and the pool cannot keep up. The q = 0 chain has
 * C(agents + slots, slots) states, solved densely: meant for small pools (3 agents × 3 slots: 20 states).
 *
 * @example
 * chatPoolFigures({ agents: 3, slots: 3, arrivalRatePerSecond: 3.5 / 180, meanHandleSeconds: 180, slowdownPerExtraChat: 0.2, meanPatienceSeconds: null });
 * // probabilityOfWait 0.04543505789285883, meanWaitSeconds 2.7925938021952246, meanChatsPerAgent 1.36559509803792
 */
export function chatPoolFigures(pool: ChatPool): ChatPoolFigures {
  const agents = requireInteger("agents", pool.agents, 1);
  const slots = requireInteger("slots", pool.slots, 1);
  const lambda = requirePositive("arrivalRatePerSecond", pool.arrivalRatePerSecond);
  const s = requireNonNegative("slowdownPerExtraChat", pool.slowdownPerExtraChat);
  const mu = 1 / requirePositive("meanHandleSeconds", pool.meanHandleSeconds);
  const theta = pool.meanPatienceSeconds === null ? 0 : 1 / requirePositive("meanPatienceSeconds", pool.meanPatienceSeconds);
  const completionRate = (load: number) => (load * mu) / (1 + s * (load - 1));

  const states = loadCounts(agents, slots);
  const index = new Map(states.map((counts, i) => [counts.join(","), i]));
  const full = index.get(states.find((counts) => counts[slots] === agents)!.join(","))!;
  const n = states.length;
  // Generator matrix Q (row: from, column: to).
  const q = Array.from({ length: n }, () => new Float64Array(n));
  const move = (from: number, counts: number[], fromLevel: number, toLevel: number, rate: number) => {
    const next = counts.slice();
    next[fromLevel]--;
    next[toLevel]++;
    const to = index.get(next.join(","))!;
    q[from][to] += rate;
    q[from][from] -= rate;
  };
  states.forEach((counts, i) => {
    const leastLoaded = counts.findIndex((count) => count > 0);
    if (leastLoaded < slots) move(i, counts, leastLoaded, leastLoaded + 1, lambda);
    for (let level = 1; level <= slots; level++) if (counts[level] > 0) move(i, counts, level, level - 1, counts[level] * completionRate(level));
  });
  const base = stationaryDistribution(q);

  // The tail: π(full, k) = π(full, 0) Π_{j=1..k} λ ÷ (D + j θ).
  const fullRate = agents * completionRate(slots);
  if (theta === 0 && lambda >= fullRate) throw new RangeError(`unstable pool: λ ${lambda} >= ${fullRate}`);
  let term = 1;
  let tailMass = 0;
  let tailQueue = 0;
  for (let k = 1; k < 1e7; k++) {
    term *= lambda / (fullRate + k * theta);
    tailMass += term;
    tailQueue += k * term;
    if (term < 1e-18 * tailMass) break;
  }
  const total = 1 + base[full] * tailMass;
  const meanQueue = (base[full] * tailQueue) / total;
  let inService = 0;
  states.forEach((counts, i) => {
    const chats = counts.reduce((sum, count, level) => sum + count * level, 0);
    inService += (base[i] * chats) / total;
  });
  inService += (base[full] * tailMass * agents * slots) / total;
  const probabilityOfAbandon = (theta * meanQueue) / lambda;
  return {
    probabilityOfWait: (base[full] * (1 + tailMass)) / total,
    probabilityOfAbandon,
    meanWaitSeconds: meanQueue / lambda,
    meanChatsPerAgent: inService / agents,
    meanHandleSeconds: inService / (lambda * (1 - probabilityOfAbandon)),
  };
}

/** Every way `agents` agents can hold 0..slots chats: counts[level] = agents at that load. */
function loadCounts(agents: number, slots: number): number[][] {
  const result: number[][] = [];
  const counts = new Array<number>(slots + 1).fill(0);
  const fill = (level: number, left: number) => {
    if (level === slots) {
      counts[level] = left;
      result.push(counts.slice());
      return;
    }
    for (let count = left; count >= 0; count--) {
      counts[level] = count;
      fill(level + 1, left - count);
    }
  };
  fill(0, agents);
  return result;
}
