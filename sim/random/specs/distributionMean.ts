import { RandomStream } from "../streams/randomStream.ts";
import type { DistributionSpec } from "./distributionSpec.ts";
import { makeSampler } from "./makeSampler.ts";

/**
 * Exact mean of the distribution a spec describes (for quick capacity estimates, analytic
 * cross-checks and report labels). Validates the spec like `makeSampler`, and in fact reads
 * the `mean` of the sampler `makeSampler` would build, on a throwaway stream from which nothing
 * is drawn, so the two can never disagree. For `normal` with `min` this is the mean of the
 * truncated distribution, not `spec.mean`.
 *
 * @example
 * distributionMean({ kind: "erlang", k: 3, mean: 45 }); // 45
 * distributionMean({ kind: "uniform", min: 10, max: 20 }); // 15
 */
export function distributionMean(spec: DistributionSpec): number {
  return makeSampler(spec, new RandomStream(0, "distributionMean")).mean;
}
