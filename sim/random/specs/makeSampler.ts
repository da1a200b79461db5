import { invalidValue } from "../../errors/index.ts";
import { constant } from "../distributions/constant.ts";
import { empirical } from "../distributions/empirical.ts";
import { erlang } from "../distributions/erlang.ts";
import { exponential } from "../distributions/exponential.ts";
import { gamma } from "../distributions/gamma.ts";
import { lognormal } from "../distributions/lognormal.ts";
import { normal } from "../distributions/normal.ts";
import { triangular } from "../distributions/triangular.ts";
import { truncatedNormal } from "../distributions/truncatedNormal.ts";
import { uniform } from "../distributions/uniform.ts";
import { weibull } from "../distributions/weibull.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import type { DistributionSpec } from "./distributionSpec.ts";
import type { Sampler } from "./sampler.ts";

/**
 * Builds the sampler a `DistributionSpec` describes, drawing from `stream`. Parameters are
 * validated here (before the clock starts); bad ones throw a `RangeError` such as
 * `invalid exponential mean: -1 (must be a finite number > 0)`, and an unknown kind throws
 * `invalid distribution kind: "beta" (must be one of constant, exponential, ...)`.
 *
 * @example
 * const serviceTime = makeSampler({ kind: "gamma", shape: 2, scale: 60 }, streams.stream("chatDuration"));
 * serviceTime.mean; // 120
 */
export function makeSampler(spec: DistributionSpec, stream: UniformSource): Sampler {
  switch (spec.kind) {
    case "constant":
      return constant(spec.value);
    case "exponential":
      return exponential(stream, { mean: spec.mean });
    case "uniform":
      return uniform(stream, spec);
    case "normal":
      return spec.min === undefined ? normal(stream, spec) : truncatedNormal(stream, { mean: spec.mean, sd: spec.sd, min: spec.min });
    case "lognormal":
      return lognormal(stream, spec);
    case "gamma":
      return gamma(stream, spec);
    case "erlang":
      return erlang(stream, spec);
    case "weibull":
      return weibull(stream, spec);
    case "triangular":
      return triangular(stream, spec);
    case "empirical":
      return empirical(stream, spec.samples, { interpolate: spec.interpolate });
    default:
      throw invalidValue("distribution kind", (spec as { kind?: unknown }).kind, `must be one of ${DISTRIBUTION_KINDS.join(", ")}`);
  }
}

const DISTRIBUTION_KINDS: readonly DistributionSpec["kind"][] = [
  "constant",
  "exponential",
  "uniform",
  "normal",
  "lognormal",
  "gamma",
  "erlang",
  "weibull",
  "triangular",
  "empirical",
];
