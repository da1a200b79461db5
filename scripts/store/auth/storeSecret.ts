import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writeFileDurable } from "./writeFileDurable.ts";

/**
 * The key that signs the store's cookies (shopper session, agent session, CSRF secret): 32 random
 * bytes as hex, made on first start in the data folder (readable by its owner only) and kept, so
 * cookies stay valid across restarts. Deleting the file signs everyone out.
 */
export function storeSecret(path: string): string {
  if (existsSync(path)) {
    const secret = readFileSync(path, "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(secret)) return secret;
    throw new Error(`invalid secret file ${path}: ${secret.length} characters (must be 64 hex digits; delete it to make a new one)`);
  }
  const secret = randomBytes(32).toString("hex");
  writeFileDurable(path, `${secret}\n`);
  return secret;
}
