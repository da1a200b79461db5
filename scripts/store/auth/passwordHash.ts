import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt cost parameters: N = 2^15, r = 8, p = 1 (32 MiB per hash). Percival's scrypt paper (2009)
 * gives N = 2^14, r = 8, p = 1 for interactive logins (< 100 ms on 2009 hardware); this doubles N.
 * OWASP's Password Storage Cheat Sheet asks for 2^17 (128 MiB), which takes 2–3 s per sign-in on this
 * project's shared 2-core machines: an assumption traded for a usable sign-in, with sign-in rate
 * limiting on top. Stored with every hash, so raising them later still verifies old hashes.
 */
export const SCRYPT_PARAMETERS = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** A stored password: never the password itself. */
export interface PasswordHash {
  readonly algorithm: "scrypt";
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** base64 */
  readonly salt: string;
  /** base64 */
  readonly hash: string;
}

function derive(password: string, salt: Buffer, parameters: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128 × N × r bytes; allow twice that so Node does not refuse the call.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hashes `password` with a fresh random 16-byte salt (scrypt runs on libuv's pool, not the event loop). */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMETERS);
  return { algorithm: "scrypt", ...SCRYPT_PARAMETERS, salt: salt.toString("base64"), hash: key.toString("base64") };
}

/** True when `password` matches `stored`; the comparison takes the same time wherever the bytes differ. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, "base64");
  const key = await derive(password, Buffer.from(stored.salt, "base64"), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random password for generated accounts: 18 bytes of base64url (144 bits). */
export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}
