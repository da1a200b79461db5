import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Warnings } from "../Warnings.ts";
import { readEventLog } from "./readEventLog.ts";

const line = (n: number) => `${JSON.stringify({ type: "pageView", atMs: n, sessionId: "s", step: "browse", path: "/" })}\n`;

describe("readEventLog", () => {
  it("readEventLog(missing file) is empty", () => {
    expect(readEventLog(join(tmpdir(), "does-not-exist.jsonl"), new Warnings())).toEqual({ events: [], intactBytes: 0, fileBytes: 0 });
  });

  it("readEventLog(torn last line) skips it with a warning and reports the intact prefix", () => {
    const path = join(mkdtempSync(join(tmpdir(), "convsim-log-")), "events.jsonl");
    writeFileSync(path, line(1) + line(2));
    const intact = line(1).length + line(2).length;
    appendFileSync(path, '{"type":"orderPla');
    const warnings = new Warnings();
    const contents = readEventLog(path, warnings);
    expect(contents.events.map((event) => event.atMs)).toEqual([1, 2]);
    expect(contents.intactBytes).toBe(intact);
    expect(contents.fileBytes).toBe(intact + 17);
    expect(warnings.list()[0].message).toMatch(/^skipped a torn last line in .*events\.jsonl \(17 bytes without a newline/);
  });

  it("readEventLog(damaged middle line) skips that line only", () => {
    const path = join(mkdtempSync(join(tmpdir(), "convsim-log-")), "events.jsonl");
    writeFileSync(path, line(1) + "\u0000\u0000garbage\n" + "[1,2]\n" + line(4));
    const warnings = new Warnings();
    expect(readEventLog(path, warnings).events.map((event) => event.atMs)).toEqual([1, 4]);
    expect(warnings.list().map((warning) => warning.message)).toEqual([
      `skipped line 2 of ${path}: not a JSON event`,
      `skipped line 3 of ${path}: not a JSON event`,
    ]);
  });
});
