import type { UniformSource } from "../random/index.ts";
import type { FieldConfig } from "./config.ts";

/** Cap on retries of one field: a shopper who fails this often is modelled as fixing it at last. */
const MAX_ATTEMPTS_PER_FIELD = 10;

/**
 * Number of validation errors a shopper makes on a form. Each field errs with its probability scaled
 * by (1.5 − techComfort) (so comfort 0.5 keeps the configured rate, 1 lowers it by a third); after an
 * error the shopper fixes it with `fixProbability`, else errs again (geometric retries).
 */
export function drawFormErrors(source: UniformSource, fields: readonly FieldConfig[], techComfort: number, fixProbability: number): number {
  let errors = 0;
  const scale = 1.5 - techComfort;
  for (const field of fields) {
    const p = Math.min(1, field.errorProbability * scale);
    if (source.next() >= p) continue;
    errors++;
    for (let attempt = 1; attempt < MAX_ATTEMPTS_PER_FIELD && source.next() >= fixProbability; attempt++) errors++;
  }
  return errors;
}
