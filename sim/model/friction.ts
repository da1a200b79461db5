import type { UniformSource } from "../random/index.ts";
import type { FieldConfig } from "./config.ts";

/** Cap on retries of one field: a shopper who fails this often is modelled as fixing it at last. */
const MAX_ATTEMPTS_PER_FIELD = 10;

/**
 * Number of validation errors a shopper makes on a form. Each field errs with its probability scaled
 * by (1.5 − techComfort) (so comfort 0.5 keeps the configured rate, 1 lowers it by a third) and by
 * `errorScale` (inline help: 1 − errorReduction); an erring field then takes G errors, G geometric on
 * {1, 2, ...} with success probability `fixProbability`, capped at 10.
 *
 * Every field takes exactly two uniforms, erring or not (G by inversion: 1 + ⌊ln(1 − u) ÷ ln(1 − f)⌋),
 * so a lever that changes error chances leaves every other field's draws where they were: the same
 * shopper errs on the same fields under both variants unless the lever itself spares them (common
 * random numbers).
 */
export function drawFormErrors(source: UniformSource, fields: readonly FieldConfig[], techComfort: number, fixProbability: number, errorScale = 1): number {
  let errors = 0;
  const scale = (1.5 - techComfort) * errorScale;
  const logMiss = Math.log(1 - fixProbability);
  for (let index = 0; index < fields.length; index++) {
    const errs = source.next() < Math.min(1, fields[index].errorProbability * scale);
    const retryDraw = source.next();
    if (!errs) continue;
    // A fix chance so small that ln(1 − f) rounds to 0 (f = 0 included) never fixes: the cap. f = 1
    // fixes at once (ln 0 = −∞ gives 0 retries).
    const retries = logMiss === 0 ? MAX_ATTEMPTS_PER_FIELD : Math.floor(Math.log(1 - retryDraw) / logMiss);
    errors += Math.min(MAX_ATTEMPTS_PER_FIELD, 1 + retries);
  }
  return errors;
}

/**
 * Probability that `errors` form errors at one step confuse a shopper: each error does so
 * independently with `probabilityPerError`.
 *
 * @example
 * confusionProbability(2, 0.3) // 1 − 0.7² = 0.51
 */
export function confusionProbability(errors: number, probabilityPerError: number): number {
  return errors > 0 ? 1 - (1 - probabilityPerError) ** errors : 0;
}

/**
 * Active seconds the fields of a step take to fill, errors aside: each field's typing time, plus the
 * inline help's reading time per field when it is shown. A field that never errs still costs its
 * typing time, so dropping it saves time even where it saves no errors.
 */
export function typingSeconds(fields: readonly FieldConfig[], helpReadingSecondsPerField: number): number {
  let seconds = 0;
  for (let index = 0; index < fields.length; index++) seconds += fields[index].typingSeconds + helpReadingSecondsPerField;
  return seconds;
}
