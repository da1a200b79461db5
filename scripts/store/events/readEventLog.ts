import { existsSync, readFileSync } from "node:fs";
import type { Warnings } from "../Warnings.ts";
import type { StoreEvent } from "./storeEvents.ts";

/** What was read from an event log file. */
export interface EventLogContents {
  events: StoreEvent[];
  /** Length in bytes of the intact prefix: everything up to the last complete line. */
  intactBytes: number;
  /** Total length of the file in bytes (0 if it does not exist). */
  fileBytes: number;
}

/**
 * Reads a JSONL event log. A last line without its newline is what a crash in the middle of a
 * write leaves behind; it was never acknowledged (acknowledgement waits for fsync of the whole
 * line), so it is skipped with a warning and `intactBytes` stops before it. A complete line that
 * is not a JSON object (a damaged disk block) is skipped with a warning too; reading never throws
 * for the file's contents.
 */
export function readEventLog(path: string, warnings: Warnings): EventLogContents {
  if (!existsSync(path)) return { events: [], intactBytes: 0, fileBytes: 0 };
  const buffer = readFileSync(path);
  const lastNewline = buffer.lastIndexOf(0x0a);
  const intactBytes = lastNewline + 1;
  if (intactBytes < buffer.length) {
    warnings.warn(`skipped a torn last line in ${path} (${buffer.length - intactBytes} bytes without a newline, left by an interrupted write)`);
  }
  const lines = buffer.subarray(0, intactBytes).toString("utf8").split("\n");
  const events: StoreEvent[] = [];
  lines.forEach((line, index) => {
    if (line === "") return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      event = undefined;
    }
    if (event === null || typeof event !== "object" || typeof (event as { type?: unknown }).type !== "string") {
      warnings.warn(`skipped line ${index + 1} of ${path}: not a JSON event`);
      return;
    }
    events.push(event as StoreEvent);
  });
  return { events, intactBytes, fileBytes: buffer.length };
}
