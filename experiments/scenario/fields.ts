import { z } from "zod";

// Field builders with house-style messages, so every schema error reads the same way.

/** A strict object: unknown keys are errors that list the allowed keys (catches typos). */
export function strict<Shape extends z.ZodRawShape>(shape: Shape, description?: string) {
  const allowed = Object.keys(shape).join(", ");
  const schema = z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key (allowed: ${allowed})` : undefined),
  });
  return description ? schema.describe(description) : schema;
}

export const number = (description: string) => z.number({ error: "must be a number" }).describe(description);
export const finite = (description: string) =>
  z.number({ error: "must be a number" }).refine(Number.isFinite, { error: "must be a finite number" }).describe(description);
export const positive = (description: string) =>
  z.number({ error: "must be a number" }).gt(0, { error: "must be > 0" }).refine(Number.isFinite, { error: "must be a finite number" }).describe(description);
export const nonNegative = (description: string) =>
  z.number({ error: "must be a number" }).min(0, { error: "must be >= 0" }).refine(Number.isFinite, { error: "must be a finite number" }).describe(description);
export const probability = (description: string) =>
  z
    .number({ error: "must be a probability" })
    .min(0, { error: "must be a probability in [0, 1]" })
    .max(1, { error: "must be a probability in [0, 1]" })
    .describe(description);
export const integerAtLeast = (minimum: number, description: string) =>
  z
    .number({ error: `must be an integer >= ${minimum}` })
    .int({ error: `must be an integer >= ${minimum}` })
    .min(minimum, { error: `must be an integer >= ${minimum}` })
    .describe(description);
/** An integer in [minimum, maximum]; below the minimum it reads like integerAtLeast. */
export const integerBetween = (minimum: number, maximum: number, description: string) =>
  z
    .number({ error: `must be an integer >= ${minimum}` })
    .int({ error: `must be an integer >= ${minimum}` })
    .min(minimum, { error: `must be an integer >= ${minimum}` })
    .max(maximum, { error: `must be an integer <= ${maximum}` })
    .describe(description);
export const text = (description: string) => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).describe(description);
export const flag = (description: string) => z.boolean({ error: "must be true or false" }).describe(description);
