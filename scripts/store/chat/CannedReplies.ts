import { existsSync, readFileSync } from "node:fs";
import { writeFileDurable } from "../auth/writeFileDurable.ts";
import { StoreError } from "../shop/StoreError.ts";

/** Canned replies a team starts with until an admin edits them. */
export const DEFAULT_CANNED_REPLIES: readonly string[] = [
  "Hi, I'm here to help. What can I do for you?",
  "Let me check that for you; one moment please.",
  "Is there anything else I can help you with?",
];
const MAX_REPLIES = 50;
const MAX_LENGTH = 500;

/**
 * The team's canned replies: read by every agent's console, edited by admins, kept in one file in
 * the data folder (written whole and fsynced), so edits survive restarts.
 */
export class CannedReplies {
  readonly path: string;
  #replies: readonly string[];

  constructor(path: string) {
    this.path = path;
    this.#replies = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { replies: string[] }).replies : DEFAULT_CANNED_REPLIES;
  }

  get replies(): readonly string[] {
    return this.#replies;
  }

  /** Replaces the list (empty lines dropped); one house-format error for a bad list. */
  replace(replies: unknown): readonly string[] {
    if (!Array.isArray(replies) || replies.some((reply) => typeof reply !== "string")) throw new StoreError(400, "invalid replies: must be a list of texts");
    const cleaned = (replies as string[]).map((reply) => reply.trim()).filter((reply) => reply !== "");
    if (cleaned.length > MAX_REPLIES) throw new StoreError(422, `invalid replies: ${cleaned.length} (must be at most ${MAX_REPLIES})`);
    const long = cleaned.find((reply) => reply.length > MAX_LENGTH);
    if (long !== undefined) throw new StoreError(422, `invalid replies: one is ${long.length} characters (must be at most ${MAX_LENGTH})`);
    writeFileDurable(this.path, JSON.stringify({ replies: cleaned }));
    this.#replies = cleaned;
    return cleaned;
  }
}
