import { randomBytes } from "node:crypto";

// Crockford base32 without I, L, O, U: readable over the phone and never an accidental word.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A random identifier `PREFIX-XXXXXXXXXX` (10 base32 characters, 50 bits): enough that ids generated
 * by one store never collide in practice, short enough to read out as an order number.
 *
 * newId("ORD") // → e.g. "ORD-7F3K9Q2MXA"
 */
export function newId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[bytes[i] & 31];
  return `${prefix}-${id}`;
}
