/** Law of the queue length met by an arrival who has to wait in M/M/c+M (see `delayedQueueLaw`). */
export interface DelayedQueueLaw {
  /** u_k = P(k others already queued | all servers busy on arrival), k = 0 .. last kept index. */
  probabilities: Float64Array;
  /** log V, V = sum_k v_k with v_k = p_{c+k} / p_c = prod_{j=1..k} lambda / (c mu + j theta). */
  logTotalWeight: number;
}

/** Truncation tolerance: the dropped tail holds < 1e-17 of the mass and of the first moment. */
const RELATIVE_TAIL = 1e-17;
/** Guard against unbounded memory for absurd inputs (queue modes in the millions). */
const MAX_STATES = 10_000_000;

/**
 * Conditional law of the queue length k = n - c seen by a delayed arrival in the M/M/c+M
 * (Erlang A) birth-death chain: birth rate lambda, death rate c mu + k theta in state c + k
 * (Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers",
 * M&SOM 4(3), 2002, sec. 2). The ratios v_k / v_{k-1} = lambda / (c mu + k theta) decrease in k,
 * so the law is unimodal with mode floor((lambda - c mu) / theta)^+; it is built from the mode
 * outward with weights <= 1 (no overflow) and normalised. Past the mode every ratio is below
 * r = lambda / (c mu + (k+1) theta) < 1, so the dropped tail is bounded by the geometric series
 * w_k r / (1 - r) (mass) and w_k (k r / (1 - r) + r / (1 - r)^2) (first moment); the sum stops when
 * both are < 1e-17 of what has been summed. Internal to `erlangA`.
 *
 * @example
 * delayedQueueLaw(0.05, 10 / 180, 1 / 300).probabilities[0]; // 0.24240596316211563 (P(nobody else queued | delayed))
 */
export function delayedQueueLaw(arrivalRate: number, fullServiceRate: number, abandonRate: number): DelayedQueueLaw {
  const ratio = (k: number) => arrivalRate / (fullServiceRate + k * abandonRate);
  const mode = Math.max(0, Math.floor((arrivalRate - fullServiceRate) / abandonRate));
  if (!(mode < MAX_STATES)) {
    throw new RangeError(`invalid meanPatienceSeconds: ${1 / abandonRate} (queue would need more than ${MAX_STATES} states)`);
  }
  const weights: number[] = new Array<number>(mode + 1);
  weights[mode] = 1;
  // log v_mode = sum_{j=1..mode} log ratio(j), with Neumaier compensated summation.
  let logModeWeight = 0;
  let compensation = 0;
  for (let k = mode; k > 0; k--) {
    weights[k - 1] = weights[k] / ratio(k);
    const term = Math.log(ratio(k));
    const sum = logModeWeight + term;
    compensation += Math.abs(logModeWeight) >= Math.abs(term) ? logModeWeight - sum + term : term - sum + logModeWeight;
    logModeWeight = sum;
  }
  logModeWeight += compensation;

  let mass = 0;
  let moment = 0;
  weights.forEach((w, k) => {
    mass += w;
    moment += k * w;
  });
  for (let k = mode; ; k++) {
    const w = weights[k];
    const r = ratio(k + 1);
    if (w === 0) break;
    if (r < 1) {
      const tailMass = (w * r) / (1 - r);
      const tailMoment = w * ((k * r) / (1 - r) + r / ((1 - r) * (1 - r)));
      if (tailMass <= RELATIVE_TAIL * mass && tailMoment <= RELATIVE_TAIL * moment) break;
    }
    if (k + 1 >= MAX_STATES) {
      throw new RangeError(`invalid meanPatienceSeconds: ${1 / abandonRate} (queue would need more than ${MAX_STATES} states)`);
    }
    const next = w * r;
    weights.push(next);
    mass += next;
    moment += (k + 1) * next;
  }
  const probabilities = Float64Array.from(weights, (w) => w / mass);
  return { probabilities, logTotalWeight: logModeWeight + Math.log(mass) };
}
