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
  // Plain (TypeScript-private) fields, not #private: updated in place on every store (see Environment).
  private levelValue: number;
  private lastTimeValue: number;
  private areaValue = 0;
  private squareAreaValue = 0;
  private minValue: number;
  private maxValue: number;

  constructor(clock: Clock, name = "level", initialLevel = 0) {
    this.#clock = clock;
    this.name = name;
    this.#startTime = clock.now;
    this.lastTimeValue = clock.now;
    this.levelValue = initialLevel;
    this.minValue = initialLevel;
    this.maxValue = initialLevel;
  }

  get level(): number {
    return this.levelValue;
  }

  /** Records that the level changes to `level` now. */
  set(level: number): void {
    if (!Number.isFinite(level)) throw new RangeError(`invalid ${this.name} level: ${level} (must be finite)`);
    this.#accumulate();
    this.levelValue = level;
    if (level < this.minValue) this.minValue = level;
    if (level > this.maxValue) this.maxValue = level;
  }

  /** Changes the level by `delta` now. */
  add(delta: number): void {
    this.set(this.levelValue + delta);
  }

  /** Time-weighted mean from creation until now; the current level if no time has passed. */
  get mean(): number {
    this.#accumulate();
    const elapsed = this.lastTimeValue - this.#startTime;
    return elapsed > 0 ? this.areaValue / elapsed : this.levelValue;
  }
  get variance(): number {
    this.#accumulate();
    const elapsed = this.lastTimeValue - this.#startTime;
    if (elapsed <= 0) return 0;
    const mean = this.areaValue / elapsed;
    return Math.max(0, this.squareAreaValue / elapsed - mean * mean);
  }
  get min(): number {
    return this.minValue;
  }
  get max(): number {
    return this.maxValue;
  }
  /** Integral of the level over time since creation (level·seconds). */
  get area(): number {
    this.#accumulate();
    return this.areaValue;
  }

  #accumulate(): void {
    const now = this.#clock.now;
    const dt = now - this.lastTimeValue;
    if (dt > 0) {
      this.areaValue += this.levelValue * dt;
      this.squareAreaValue += this.levelValue * this.levelValue * dt;
      this.lastTimeValue = now;
    }
  }
}
