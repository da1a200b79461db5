import { z } from "zod";
import { finite, positive, strict } from "./fields.ts";

/**
 * A probability distribution as written in a scenario file; the unit is the one of the field that
 * holds it (seconds, currency, pages). Mirrors sim/random's DistributionSpec.
 */
export const distributionSchema = z
  .discriminatedUnion(
    "kind",
    [
      strict({ kind: z.literal("constant"), value: finite("the value") }),
      strict({ kind: z.literal("exponential"), mean: positive("mean") }),
      strict({ kind: z.literal("uniform"), min: finite("lower bound"), max: finite("upper bound") }),
      strict({ kind: z.literal("normal"), mean: finite("mean"), sd: positive("standard deviation"), min: finite("truncate below this value (resample)").optional() }),
      strict({
        kind: z.literal("lognormal"),
        mean: positive("mean of the values (not of their log); give mean and sd, or mu and sigma").optional(),
        sd: positive("standard deviation of the values").optional(),
        mu: finite("mean of log(value)").optional(),
        sigma: positive("standard deviation of log(value)").optional(),
      }),
      strict({ kind: z.literal("gamma"), shape: positive("shape k"), scale: positive("scale θ (mean = kθ)") }),
      strict({ kind: z.literal("erlang"), k: z.number().int({ error: "must be an integer >= 1" }).min(1, { error: "must be an integer >= 1" }), mean: positive("mean") }),
      strict({ kind: z.literal("weibull"), shape: positive("shape k"), scale: positive("scale λ") }),
      strict({ kind: z.literal("triangular"), min: finite("minimum"), mode: finite("most likely value"), max: finite("maximum") }),
      strict({
        kind: z.literal("empirical"),
        samples: z.array(finite("an observed value"), { error: "must be a list of numbers" }).min(1, { error: "must have at least 1 value" }),
        interpolate: z.boolean().optional(),
      }),
    ],
    { error: "must be a distribution with a kind" },
  )
  .superRefine((spec, context) => {
    if (spec.kind === "lognormal") {
      const byMoments = spec.mean !== undefined && spec.sd !== undefined && spec.mu === undefined && spec.sigma === undefined;
      const byLog = spec.mu !== undefined && spec.sigma !== undefined && spec.mean === undefined && spec.sd === undefined;
      if (!byMoments && !byLog) context.addIssue({ code: "custom", path: [], input: spec, message: "must give either mean and sd, or mu and sigma" });
    }
    if ((spec.kind === "uniform" || spec.kind === "triangular") && !(spec.min < spec.max)) {
      context.addIssue({ code: "custom", path: ["max"], input: spec.max, message: `must be > min (${spec.min})` });
    }
    if (spec.kind === "triangular" && !(spec.mode >= spec.min && spec.mode <= spec.max)) {
      context.addIssue({ code: "custom", path: ["mode"], input: spec.mode, message: `must lie in [min, max] = [${spec.min}, ${spec.max}]` });
    }
  })
  .describe("a distribution: {kind: exponential, mean} | {kind: lognormal, mean, sd} | {kind: constant, value} | ...");

/** A distribution of values that must be non-negative (durations, money): rules out negative supports. */
export const nonNegativeDistributionSchema = distributionSchema.superRefine((spec, context) => {
  const lowest =
    spec.kind === "constant" ? spec.value : spec.kind === "uniform" || spec.kind === "triangular" ? spec.min : spec.kind === "empirical" ? Math.min(...spec.samples) : spec.kind === "normal" ? spec.min ?? -Infinity : 0;
  if (lowest < 0) {
    context.addIssue({ code: "custom", path: [], input: lowest, message: "must not produce negative values (durations and amounts are >= 0; truncate a normal with min)" });
  }
});

export type DistributionInput = z.input<typeof distributionSchema>;
