/** Default relative accuracy of quantile estimates (1%). */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;
/** Default bucket budget; past it the lowest buckets are merged, so memory stays bounded. */
export const DEFAULT_MAX_BUCKETS = 2048;

/**
 * A bounded quantile sketch for non-negative values with relative error guarantees (DDSketch:
 * Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", VLDB 2019). Value x > 0 goes to bucket ceil(log_gamma(x)) with
 * gamma = (1 + a) / (1 - a); any quantile is then returned within relative error a.
 * Values at or below `zeroThreshold` are counted apart (waits of zero are common in queues).
 *
 * @example
 * const sketch = new QuantileSketch(); [1, 2, 3, 4].forEach((x) => sketch.add(x)); sketch.quantile(0.5) // ≈ 2 (±1%)
 */
export class QuantileSketch {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  readonly zeroThreshold: number;
  readonly #logGamma: number;
  #zeroCount = 0;
  #count = 0;
  /** counts[i] is the bucket with key (i + offset). Grows at either end as needed, up to maxBuckets. */
  #counts: number[] = [];
  #offset = 0;

  constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY, maxBuckets = DEFAULT_MAX_BUCKETS, zeroThreshold = 1e-9) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`invalid relativeAccuracy: ${relativeAccuracy} (must be in (0, 1))`);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.maxBuckets = maxBuckets;
    this.zeroThreshold = zeroThreshold;
    this.#logGamma = Math.log((1 + relativeAccuracy) / (1 - relativeAccuracy));
  }

  get count(): number {
    return this.#count;
  }

  /** Number of buckets in use (bounded by maxBuckets). */
  get bucketCount(): number {
    return this.#counts.length;
  }

  add(value: number): void {
    if (!(value >= 0)) throw new RangeError(`invalid sketch value: ${value} (must be a number >= 0)`);
    this.#count++;
    if (value <= this.zeroThreshold) {
      this.#zeroCount++;
      return;
    }
    const key = Math.ceil(Math.log(value) / this.#logGamma);
    const counts = this.#counts;
    if (counts.length === 0) {
      this.#offset = key;
      counts.push(1);
      return;
    }
    let index = key - this.#offset;
    if (index < 0) {
      // Grow downwards unless the budget is spent; then fold into the lowest bucket (the DDSketch collapse).
      const grow = Math.min(-index, this.maxBuckets - counts.length);
      if (grow > 0) {
        counts.unshift(...new Array<number>(grow).fill(0));
        this.#offset -= grow;
      }
      index = Math.max(0, key - this.#offset);
    } else if (index >= counts.length) {
      while (counts.length <= index) counts.push(0);
      if (counts.length > this.maxBuckets) this.#collapseLowest(counts.length - this.maxBuckets);
      index = key - this.#offset;
    }
    counts[index]++;
  }

  /** The q-quantile (0 ≤ q ≤ 1) within the relative accuracy; NaN when empty. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q} (must be in [0, 1])`);
    if (this.#count === 0) return NaN;
    const rank = q * (this.#count - 1);
    if (rank < this.#zeroCount) return 0;
    let seen = this.#zeroCount;
    const counts = this.#counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > rank) {
        // Midpoint of bucket (gamma^(k-1), gamma^k] in the relative sense: 2·gamma^k / (gamma + 1).
        const gamma = Math.exp(this.#logGamma);
        return (2 * Math.exp((i + this.#offset) * this.#logGamma)) / (gamma + 1);
      }
    }
    return (2 * Math.exp((counts.length - 1 + this.#offset) * this.#logGamma)) / (Math.exp(this.#logGamma) + 1);
  }

  /** Fraction of values ≤ x (bucket resolution). */
  fractionAtOrBelow(x: number): number {
    if (this.#count === 0) return NaN;
    if (x < 0) return 0;
    let below = this.#zeroCount;
    if (x > this.zeroThreshold) {
      const key = Math.ceil(Math.log(x) / this.#logGamma);
      const counts = this.#counts;
      for (let i = 0; i < counts.length && i + this.#offset <= key; i++) below += counts[i];
    }
    return below / this.#count;
  }

  #collapseLowest(excess: number): void {
    const counts = this.#counts;
    let folded = 0;
    for (let i = 0; i <= excess; i++) folded += counts[i];
    counts.splice(0, excess);
    counts[0] = folded;
    this.#offset += excess;
  }
}
