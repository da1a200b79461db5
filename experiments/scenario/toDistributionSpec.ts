import type { DistributionSpec } from "../../sim/random/index.ts";
import type { DistributionInput } from "./distributionSchema.ts";

/** The validated scenario form of a distribution as sim/random's DistributionSpec (drops absent keys). */
export function toDistributionSpec(spec: DistributionInput): DistributionSpec {
  if (spec.kind === "lognormal") {
    return spec.mu !== undefined && spec.sigma !== undefined
      ? { kind: "lognormal", mu: spec.mu, sigma: spec.sigma }
      : { kind: "lognormal", mean: spec.mean!, sd: spec.sd! };
  }
  if (spec.kind === "normal")
    return spec.min === undefined ? { kind: "normal", mean: spec.mean, sd: spec.sd } : { kind: "normal", mean: spec.mean, sd: spec.sd, min: spec.min };
  if (spec.kind === "empirical") return { kind: "empirical", samples: spec.samples, interpolate: spec.interpolate ?? false };
  return spec as DistributionSpec;
}
