// Public API of sim/random: seeded named streams, distributions, and non-homogeneous arrivals.
// Internal helpers (standardNormal, momentCheck) are not re-exported; logGamma is,
// for the chi-square goodness of fit in experiments/calibration.

export { bernoulli } from "./bernoulli.ts";
export { categorical } from "./categorical.ts";
export { ChildStream } from "./childStream.ts";
export { constant } from "./constant.ts";
export { distributionMean } from "./distributionMean.ts";
export type { DistributionSpec } from "./distributionSpec.ts";
export type { EmpiricalOptions } from "./empirical.ts";
export { empirical } from "./empirical.ts";
export type { ErlangOptions } from "./erlang.ts";
export { erlang } from "./erlang.ts";
export type { ExponentialOptions } from "./exponential.ts";
export { exponential } from "./exponential.ts";
export type { GammaOptions } from "./gamma.ts";
export { gamma } from "./gamma.ts";
export { logGamma } from "./logGamma.ts";
export type { LognormalOptions } from "./lognormal.ts";
export { lognormal } from "./lognormal.ts";
export { makeSampler } from "./makeSampler.ts";
export type { NormalOptions } from "./normal.ts";
export { normal } from "./normal.ts";
export type { PiecewisePoissonArrivalsOptions } from "./piecewisePoissonArrivals.ts";
export { PiecewisePoissonArrivals } from "./piecewisePoissonArrivals.ts";
export type { PoissonOptions } from "./poisson.ts";
export { poisson } from "./poisson.ts";
export { RandomStream } from "./randomStream.ts";
export type { Sampler } from "./sampler.ts";
export { StreamFactory } from "./streamFactory.ts";
export { SwitchableSource } from "./switchableSource.ts";
export type { TriangularOptions } from "./triangular.ts";
export { triangular } from "./triangular.ts";
export type { TruncatedNormalOptions } from "./truncatedNormal.ts";
export { truncatedNormal } from "./truncatedNormal.ts";
export type { UniformOptions } from "./uniform.ts";
export { uniform } from "./uniform.ts";
export type { UniformSource } from "./uniformSource.ts";
export type { WeibullOptions } from "./weibull.ts";
export { weibull } from "./weibull.ts";
