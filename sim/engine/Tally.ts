import { QuantileSketch } from "./QuantileSketch.ts";

/**
 * Statistics of observed values (waits, durations): count, mean and variance by Welford's online
 * method (numerically stable; Welford 1962, Technometrics 4(3)), min, max, and quantiles from a
 * bounded DDSketch. Memory does not grow with the number of observations. Quantiles need values ≥ 0;
 * a tally created with `{ quantiles: false }` accepts any finite value.
 */
export class Tally {
  readonly name: string;
  // Plain (TypeScript-private) fields, not #private: updated in place on every store (see Environment).
  private countValue = 0;
  private meanValue = 0;
  private sumSquaredDeviationsValue = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;
  readonly #sketch: QuantileSketch | null;

  constructor(name = "tally", options: { quantiles?: boolean } = {}) {
    this.name = name;
    this.#sketch = options.quantiles === false ? null : new QuantileSketch();
  }

  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`invalid ${this.name} observation: ${value} (must be finite)`);
    this.countValue++;
    const delta = value - this.meanValue;
    this.meanValue += delta / this.countValue;
    this.sumSquaredDeviationsValue += delta * (value - this.meanValue);
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    this.#sketch?.add(value);
  }

  get count(): number {
    return this.countValue;
  }
  /** Mean; NaN when empty. */
  get mean(): number {
    return this.countValue === 0 ? NaN : this.meanValue;
  }
  /** Sample variance (n − 1 denominator); NaN with fewer than 2 values. */
  get variance(): number {
    return this.countValue < 2 ? NaN : this.sumSquaredDeviationsValue / (this.countValue - 1);
  }
  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }
  get min(): number {
    return this.countValue === 0 ? NaN : this.minValue;
  }
  get max(): number {
    return this.countValue === 0 ? NaN : this.maxValue;
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
