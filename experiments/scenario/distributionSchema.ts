import { z } from "zod";
import { type DistributionSpec, distributionMean } from "../../sim/random/index.ts";
import { finite, positive, strict } from "./fields.ts";

/**
 * A probability distribution as written in a scenario file; the unit is the one of the field that
 * holds it (seconds, currency, pages). Mirrors sim/random's DistributionSpec.
 */
const distributionBase = z.discriminatedUnion(
  "kind",
  [
    strict({ kind: z.literal("constant"), value: finite("the value") }),
    strict({ kind: z.literal("exponential"), mean: positive("mean") }),
    strict({ kind: z.literal("uniform"), min: finite("lower bound"), max: finite("upper bound") }),
    strict({
      kind: z.literal("normal"),
      mean: finite("mean"),
      sd: positive("standard deviation"),
      min: finite("truncate below this value (resample)").optional(),
    }),
    strict({
      kind: z.literal("lognormal"),
      mean: positive("mean of the values (not of their log); give mean and sd, or mu and sigma").optional(),
      sd: positive("standard deviation of the values").optional(),
      mu: finite("mean of log(value)").optional(),
      sigma: positive("standard deviation of log(value)").optional(),
    }),
    strict({ kind: z.literal("gamma"), shape: positive("shape k"), scale: positive("scale θ (mean = kθ)") }),
    strict({
      kind: z.literal("erlang"),
      k: z.number().int({ error: "must be an integer >= 1" }).min(1, { error: "must be an integer >= 1" }),
      mean: positive("mean"),
    }),
    strict({ kind: z.literal("weibull"), shape: positive("shape k"), scale: positive("scale λ") }),
    strict({ kind: z.literal("triangular"), min: finite("minimum"), mode: finite("most likely value"), max: finite("maximum") }),
    strict({
      kind: z.literal("empirical"),
      samples: z.array(finite("an observed value"), { error: "must be a list of numbers" }).min(1, { error: "must have at least 1 value" }),
      interpolate: z.boolean().optional(),
    }),
  ],
  { error: "must be a distribution with a kind" },
);

export const distributionSchema = distributionBase
  .superRefine((spec, context) => {
    // Issues already here belong to this distribution's own fields (e.g. `mean: 0`).
    let valid = context.issues.length === 0;
    const problem = (path: string[], input: unknown, message: string): void => {
      valid = false;
      context.addIssue({ code: "custom", path, input, message });
    };
    if (spec.kind === "lognormal") {
      const byMoments = spec.mean !== undefined && spec.sd !== undefined && spec.mu === undefined && spec.sigma === undefined;
      const byLog = spec.mu !== undefined && spec.sigma !== undefined && spec.mean === undefined && spec.sd === undefined;
      if (!byMoments && !byLog) problem([], spec, "must give either mean and sd, or mu and sigma");
      // sim/random converts to sigma² = ln(1 + sd² ÷ mean²); where that overflows every draw is NaN.
      else if (byMoments && !Number.isFinite(Math.log1p((spec.sd! * spec.sd!) / (spec.mean! * spec.mean!))))
        problem(["sd"], spec.sd, `must keep sd² ÷ mean² finite (mean ${spec.mean})`);
    }
    if ((spec.kind === "uniform" || spec.kind === "triangular") && !(spec.min < spec.max)) {
      problem(["max"], spec.max, `must be > min (${spec.min})`);
    }
    if (spec.kind === "triangular" && !(spec.mode >= spec.min && spec.mode <= spec.max)) {
      problem(["mode"], spec.mode, `must lie in [min, max] = [${spec.min}, ${spec.max}]`);
    }
    if (!valid) return;
    // Build the sampler the simulator will build, so what it rejects (a normal truncated where it has
    // no mass) or cannot draw (an infinite mean: draws overflow) is a load error, not a crash mid-run.
    let mean: number;
    try {
      mean = distributionMean(spec as DistributionSpec);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problem([], spec, `cannot be sampled: ${error.message}`);
      return;
    }
    if (!Number.isFinite(mean)) problem([], spec, `must have a finite mean (these parameters give ${mean})`);
    // The model adds draws up (a shopper's pages, a day's orders): values near the largest double
    // overflow those sums to Infinity mid-run. No duration, amount or count a scenario means comes
    // near this bound (1e12 seconds is 31,700 years).
    else if (Math.abs(mean) > MAX_DISTRIBUTION_MAGNITUDE) problem([], spec, `must have a mean of at most ${MAX_DISTRIBUTION_MAGNITUDE} in size, not ${mean}`);
    else if (spread(spec) > MAX_DISTRIBUTION_MAGNITUDE)
      problem([], spec, `must keep its values within ±${MAX_DISTRIBUTION_MAGNITUDE} (larger ones overflow sums of draws)`);
  })
  .describe("a distribution: {kind: exponential, mean} | {kind: lognormal, mean, sd} | {kind: constant, value} | ...");

/** Largest mean, bound or spread a distribution may have (see the superRefine above). */
export const MAX_DISTRIBUTION_MAGNITUDE = 1e12;

/** The largest magnitude a distribution's bounds or scale parameters name (its mean is checked apart). */
function spread(spec: z.output<typeof distributionBase>): number {
  switch (spec.kind) {
    case "constant":
      return Math.abs(spec.value);
    case "uniform":
    case "triangular":
      return Math.max(Math.abs(spec.min), Math.abs(spec.max));
    case "normal":
      return Math.max(spec.sd, Math.abs(spec.min ?? 0));
    case "lognormal":
      return spec.sd ?? 0;
    case "empirical":
      return spec.samples.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
    default:
      return 0;
  }
}

/** A distribution of values that must be non-negative (durations, money): rules out negative supports. */
export const nonNegativeDistributionSchema = distributionSchema.superRefine((spec, context) => {
  const lowest =
    spec.kind === "constant"
      ? spec.value
      : spec.kind === "uniform" || spec.kind === "triangular"
        ? spec.min
        : spec.kind === "empirical"
          ? spec.samples.reduce((lowest, value) => Math.min(lowest, value), Infinity)
          : spec.kind === "normal"
            ? (spec.min ?? -Infinity)
            : 0;
  if (lowest < 0) {
    context.addIssue({
      code: "custom",
      path: [],
      input: lowest,
      message: "must not produce negative values (durations and amounts are >= 0; truncate a normal with min)",
    });
  }
});

export type DistributionInput = z.input<typeof distributionSchema>;
