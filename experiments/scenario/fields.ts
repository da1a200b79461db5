import { z } from "zod";

// Field builders with house-style messages, so every schema error reads the same way.

/** A strict object: unknown keys are errors that list the allowed keys (catches typos). */
export function strict<Shape extends z.ZodRawShape>(shape: Shape, description?: string) {
  const allowed = Object.keys(shape).join(", ");
  const schema = z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key (allowed: ${allowed})` : undefined),
  });
  return description ? described(schema, description) : schema;
}

/**
 * `schema` with its description, set in place: zod's `.describe()` returns a copy, and each schema
 * instance costs start-up time (every run builds the scenario schema: about 300 instances). These
 * builders make a fresh schema on each call, so no other schema shares the one described.
 */
function described<Schema extends z.ZodType>(schema: Schema, description: string): Schema {
  z.globalRegistry.add(schema, { description });
  return schema;
}

// zod 4's number() refuses ±Infinity and NaN itself ("must be a number"), so `finite` needs no check of its own.
export const number = (description: string) => described(z.number({ error: "must be a number" }), description);
export const finite = (description: string) => described(z.number({ error: "must be a number" }), description);
export const positive = (description: string) => described(z.number({ error: "must be a number" }).gt(0, { error: "must be > 0" }), description);
export const nonNegative = (description: string) => described(z.number({ error: "must be a number" }).min(0, { error: "must be >= 0" }), description);
export const probability = (description: string) =>
  described(
    z.number({ error: "must be a probability" }).min(0, { error: "must be a probability in [0, 1]" }).max(1, { error: "must be a probability in [0, 1]" }),
    description,
  );
export const integerAtLeast = (minimum: number, description: string) =>
  described(
    z
      .number({ error: `must be an integer >= ${minimum}` })
      .int({ error: `must be an integer >= ${minimum}` })
      .min(minimum, { error: `must be an integer >= ${minimum}` }),
    description,
  );
/** An integer in [minimum, maximum]; below the minimum it reads like integerAtLeast. */
export const integerBetween = (minimum: number, maximum: number, description: string) =>
  described(
    z
      .number({ error: `must be an integer >= ${minimum}` })
      .int({ error: `must be an integer >= ${minimum}` })
      .min(minimum, { error: `must be an integer >= ${minimum}` })
      .max(maximum, { error: `must be an integer <= ${maximum}` }),
    description,
  );
export const text = (description: string) => described(z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }), description);
export const flag = (description: string) => described(z.boolean({ error: "must be true or false" }), description);
