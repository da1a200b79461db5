/**
 * A distribution written as data, as scenario files describe service times, patience, cart
 * values and the like. `makeSampler` turns it into a `Sampler` bound to a stream;
 * `distributionMean` gives its exact mean without drawing anything.
 *
 * - `normal` with `min`: the normal conditioned on values >= min, i.e. what resampling until a
 *   draw is >= min produces (see `truncatedNormal`); its mean is then larger than `mean`.
 * - `lognormal`: either the mean/sd of the values or mu/sigma of their logarithm.
 * - `erlang`: `k` phases (integer >= 1) with overall `mean`.
 * - `empirical`: resample the data, or with `interpolate: true` draw from the linearly
 *   interpolated empirical CDF.
 *
 * @example
 * const patience: DistributionSpec = { kind: "lognormal", mean: 90, sd: 45 };
 */
export type DistributionSpec =
  | { kind: "constant"; value: number }
  | { kind: "exponential"; mean: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "normal"; mean: number; sd: number; min?: number }
  | { kind: "lognormal"; mean: number; sd: number }
  | { kind: "lognormal"; mu: number; sigma: number }
  | { kind: "gamma"; shape: number; scale: number }
  | { kind: "erlang"; k: number; mean: number }
  | { kind: "weibull"; shape: number; scale: number }
  | { kind: "triangular"; min: number; mode: number; max: number }
  | { kind: "empirical"; samples: number[]; interpolate?: boolean };
