import { QuantileSketch } from "./QuantileSketch.ts";

/**
 * Statistics of observed values (waits, durations): count, mean and variance by Welford's online
 * method (numerically stable; Welford 1962, Technometrics 4(3)), min, max, and quantiles from a
 * bounded DDSketch. Memory does not grow with the number of observations. Quantiles need values ≥ 0;
 * a tally created with `{ quantiles: false }` accepts any finite value.
 */
export class Tally {
  readonly name: string;
  #count = 0;
  #mean = 0;
  #sumSquaredDeviations = 0;
  #min = Infinity;
  #max = -Infinity;
  readonly #sketch: QuantileSketch | null;

  constructor(name = "tally", options: { quantiles?: boolean } = {}) {
    this.name = name;
    this.#sketch = options.quantiles === false ? null : new QuantileSketch();
  }

  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`invalid ${this.name} observation: ${value} (must be finite)`);
    this.#count++;
    const delta = value - this.#mean;
    this.#mean += delta / this.#count;
    this.#sumSquaredDeviations += delta * (value - this.#mean);
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
    this.#sketch?.add(value);
  }

  get count(): number {
    return this.#count;
  }
  /** Mean; NaN when empty. */
  get mean(): number {
    return this.#count === 0 ? NaN : this.#mean;
  }
  /** Sample variance (n − 1 denominator); NaN with fewer than 2 values. */
  get variance(): number {
    return this.#count < 2 ? NaN : this.#sumSquaredDeviations / (this.#count - 1);
  }
  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }
  get min(): number {
    return this.#count === 0 ? NaN : this.#min;
  }
  get max(): number {
    return this.#count === 0 ? NaN : this.#max;
  }
  /** The q-quantile within 1% relative error; NaN when empty or when quantiles are off. */
  quantile(q: number): number {
    return this.#sketch === null ? NaN : this.#sketch.quantile(q);
  }
  /** Fraction of observations ≤ x (bucket resolution), e.g. a service level. */
  fractionAtOrBelow(x: number): number {
    return this.#sketch === null ? NaN : this.#sketch.fractionAtOrBelow(x);
  }
}
