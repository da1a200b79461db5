import { requireInteger, requireNonNegative, requirePositive } from "../errors/index.ts";

/** Input of `mmck`: M/M/c/K, c servers and room for K customers in total (K >= c). */
export interface MMCKInput {
  arrivalRatePerSecond: number;
  meanServiceSeconds: number;
  servers: number;
  /** K >= servers: the most customers in the system (in service plus waiting); arrivals finding K are lost. */
  capacity: number;
}

/** Steady-state M/M/c/K measures. Waits are queue waits of admitted customers. */
export interface MMCKResult {
  /** P(arrival finds K in the system and is lost) = p_K (PASTA). */
  probabilityOfBlocking: number;
  /** P(an arriving, admitted customer has to wait). */
  probabilityOfWait: number;
  meanQueueLength: number;
  meanInSystem: number;
  /** Mean queue wait of admitted customers, Lq / (lambda (1 - p_K)). */
  meanWaitSeconds: number;
  /** Admitted (= served) customers per second. */
  throughputPerSecond: number;
  /** Mean busy servers / c. */
  occupancy: number;
  /** p_0 .. p_K. */
  stateProbabilities: number[];
}

/**
 * M/M/c/K queue from its product-form law p_n ∝ A^n / n! (n <= c), A^c / c! (A / c)^(n-c) (c < n <= K),
 * A = lambda * meanService (Gross & Harris, "Fundamentals of Queueing Theory", 4th ed., sec. 2.5).
 * The ratios p_n / p_{n-1} = A / min(n, c) never increase, so the law is unimodal: it is built from
 * its mode outward with weights <= 1 (no factorials, no overflow; tails that underflow are < 1e-308)
 * and then normalised. K = c gives Erlang B; K -> infinity gives Erlang C. Cost and memory O(K).
 *
 * @example
 * mmck({ arrivalRatePerSecond: 4 / 180, meanServiceSeconds: 180, servers: 3, capacity: 10 });
 * // probabilityOfBlocking 0.2657996758416887, probabilityOfWait 0.9411043326048454,
 * // meanQueueLength 4.678554499306208, meanWaitSeconds 286.7540990398459, occupancy 0.978933765544415
 */
export function mmck(input: MMCKInput): MMCKResult {
  const arrivalRate = requireNonNegative("arrivalRatePerSecond", input.arrivalRatePerSecond);
  const meanService = requirePositive("meanServiceSeconds", input.meanServiceSeconds);
  const servers = requireInteger("servers", input.servers, 1);
  const capacity = requireInteger("capacity", input.capacity, servers, `servers (${servers})`);
  const load = arrivalRate * meanService;

  const weights = new Array<number>(capacity + 1).fill(0);
  const mode = load >= servers ? capacity : Math.floor(load);
  weights[mode] = 1;
  for (let n = mode; n > 0; n--) weights[n - 1] = (weights[n] * Math.min(n, servers)) / load;
  for (let n = mode + 1; n <= capacity; n++) weights[n] = (weights[n - 1] * load) / Math.min(n, servers);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const stateProbabilities = weights.map((w) => w / total);

  let admitted = 0;
  let waiting = 0;
  let queueLength = 0;
  let inSystem = 0;
  let busy = 0;
  stateProbabilities.forEach((p, n) => {
    if (n < capacity) admitted += p;
    if (n >= servers && n < capacity) waiting += p;
    if (n > servers) queueLength += (n - servers) * p;
    inSystem += n * p;
    busy += Math.min(n, servers) * p;
  });
  const throughputPerSecond = arrivalRate * admitted;
  return {
    probabilityOfBlocking: stateProbabilities[capacity],
    probabilityOfWait: admitted > 0 ? waiting / admitted : 0,
    meanQueueLength: queueLength,
    meanInSystem: inSystem,
    meanWaitSeconds: throughputPerSecond > 0 ? queueLength / throughputPerSecond : 0,
    throughputPerSecond,
    occupancy: busy / servers,
    stateProbabilities,
  };
}
