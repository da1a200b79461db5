// Distribution specs as scenarios write them, their means, and the samplers built from them.
export { distributionMean } from "./distributionMean.ts";
export type { DistributionSpec } from "./distributionSpec.ts";
export { makeSampler } from "./makeSampler.ts";
export type { Sampler } from "./sampler.ts";
