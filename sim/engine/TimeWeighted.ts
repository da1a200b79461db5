/** Reads the simulation clock; an Environment satisfies it. */
export interface Clock {
  readonly now: number;
}

/**
 * A level that holds between changes (queue length, busy agents): time-weighted mean and variance,
 * min and max. Integrates level·dt and level²·dt, so memory is constant. Variance is the time-weighted
 * population variance E[X²] − E[X]², clamped at 0.
 */
export class TimeWeighted {
  readonly name: string;
  readonly #clock: Clock;
  readonly #startTime: number;
  #level: number;
  #lastTime: number;
  #area = 0;
  #squareArea = 0;
  #min: number;
  #max: number;

  constructor(clock: Clock, name = "level", initialLevel = 0) {
    this.#clock = clock;
    this.name = name;
    this.#startTime = clock.now;
    this.#lastTime = clock.now;
    this.#level = initialLevel;
    this.#min = initialLevel;
    this.#max = initialLevel;
  }

  get level(): number {
    return this.#level;
  }

  /** Records that the level changes to `level` now. */
  set(level: number): void {
    if (!Number.isFinite(level)) throw new RangeError(`invalid ${this.name} level: ${level} (must be finite)`);
    this.#accumulate();
    this.#level = level;
    if (level < this.#min) this.#min = level;
    if (level > this.#max) this.#max = level;
  }

  /** Changes the level by `delta` now. */
  add(delta: number): void {
    this.set(this.#level + delta);
  }

  /** Time-weighted mean from creation until now; the current level if no time has passed. */
  get mean(): number {
    this.#accumulate();
    const elapsed = this.#lastTime - this.#startTime;
    return elapsed > 0 ? this.#area / elapsed : this.#level;
  }
  get variance(): number {
    this.#accumulate();
    const elapsed = this.#lastTime - this.#startTime;
    if (elapsed <= 0) return 0;
    const mean = this.#area / elapsed;
    return Math.max(0, this.#squareArea / elapsed - mean * mean);
  }
  get min(): number {
    return this.#min;
  }
  get max(): number {
    return this.#max;
  }
  /** Integral of the level over time since creation (level·seconds). */
  get area(): number {
    this.#accumulate();
    return this.#area;
  }

  #accumulate(): void {
    const now = this.#clock.now;
    const dt = now - this.#lastTime;
    if (dt > 0) {
      this.#area += this.#level * dt;
      this.#squareArea += this.#level * this.#level * dt;
      this.#lastTime = now;
    }
  }
}
