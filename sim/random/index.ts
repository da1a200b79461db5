// Public API of sim/random: seeded named streams, distributions, and non-homogeneous arrivals.
// Internal helpers (standardNormal, momentCheck) are not re-exported; logGamma is,
// for the chi-square goodness of fit in experiments/calibration.

export type {
  EmpiricalOptions,
  ErlangOptions,
  ExponentialOptions,
  GammaOptions,
  LognormalOptions,
  NormalOptions,
  PoissonOptions,
  TriangularOptions,
  TruncatedNormalOptions,
  UniformOptions,
  WeibullOptions,
} from "./distributions/index.ts";
export {
  bernoulli,
  categorical,
  constant,
  empirical,
  erlang,
  exponential,
  gamma,
  logGamma,
  lognormal,
  normal,
  poisson,
  triangular,
  truncatedNormal,
  uniform,
  weibull,
} from "./distributions/index.ts";
export type { PiecewisePoissonArrivalsOptions } from "./piecewisePoissonArrivals.ts";
export { PiecewisePoissonArrivals } from "./piecewisePoissonArrivals.ts";
export type { DistributionSpec, Sampler } from "./specs/index.ts";
export { distributionMean, makeSampler } from "./specs/index.ts";
export type { UniformSource } from "./streams/index.ts";
export { ChildStream, RandomStream, StreamFactory, SwitchableSource } from "./streams/index.ts";
