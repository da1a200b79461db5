import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, randomPassword, SCRYPT_PARAMETERS, verifyPassword } from "./passwordHash.ts";

describe("passwordHash", () => {
  it("hashPassword stores scrypt(password, salt) with the recorded parameters, never the password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatchObject({ algorithm: "scrypt", ...SCRYPT_PARAMETERS });
    expect(JSON.stringify(stored)).not.toContain("horse");
    // Recomputed independently with Node's synchronous scrypt: the stored key is exactly scrypt's output.
    const key = scryptSync("correct horse battery staple", Buffer.from(stored.salt, "base64"), 32, {
      N: stored.N,
      r: stored.r,
      p: stored.p,
      maxmem: 256 * stored.N * stored.r,
    });
    expect(key.toString("base64")).toBe(stored.hash);
  });

  it("hashPassword salts per call: one password gives two different hashes, both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword("same", a)).toBe(true);
    expect(await verifyPassword("same", b)).toBe(true);
  });

  it("verifyPassword refuses a wrong password and a hash under other parameters", async () => {
    const stored = await hashPassword("secret");
    expect(await verifyPassword("Secret", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
    expect(await verifyPassword("secret", { ...stored, N: 2 ** 14 })).toBe(false);
  });

  it("randomPassword gives 24 url-safe characters, different each call", () => {
    const passwords = new Set(Array.from({ length: 50 }, randomPassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
