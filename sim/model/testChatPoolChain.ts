// Test support only: the exact stationary figures of a chat pool as a continuous-time Markov chain,
// computed independently of the simulator. Not re-exported from index.ts.
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
// Gaussian elimination (the tail's excursions start and end at "all full", so it drops out), and the
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

/** Solves the chain; throws when there is no patience and the pool cannot keep up. */
export function chatPoolFigures(pool: ChatPool): ChatPoolFigures {
  const { agents, slots, arrivalRatePerSecond: lambda, slowdownPerExtraChat: s } = pool;
  const mu = 1 / pool.meanHandleSeconds;
  const theta = pool.meanPatienceSeconds === null ? 0 : 1 / pool.meanPatienceSeconds;
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
  const base = stationary(q);

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

/** π with π Q = 0 and Σ π = 1, by Gaussian elimination with partial pivoting on Qᵀ (last row replaced by Σ π = 1). */
export function stationary(q: Float64Array[]): Float64Array {
  const n = q.length;
  const a = Array.from({ length: n }, (_, row) => {
    const line = new Float64Array(n + 1);
    for (let column = 0; column < n; column++) line[column] = row === n - 1 ? 1 : q[column][row];
    line[n] = row === n - 1 ? 1 : 0;
    return line;
  });
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) pivot = row;
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = a[row][column] / a[column][column];
      if (factor !== 0) for (let k = column; k <= n; k++) a[row][k] -= factor * a[column][k];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i][n] / a[i][i]);
}
