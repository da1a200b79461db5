/**
 * A distribution bound to a random stream. `sample()` draws one value and allocates nothing,
 * so it can sit on the simulator's hot path; `mean` and `variance` are the exact closed-form
 * moments of the distribution being sampled (not estimates).
 */
export interface Sampler {
  /** Draws one value. */
  sample(): number;
  /** Exact mean of the distribution. */
  readonly mean: number;
  /** Exact variance of the distribution. */
  readonly variance: number;
}
