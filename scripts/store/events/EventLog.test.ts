import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Warnings } from "../Warnings.ts";
import { EventLog } from "./EventLog.ts";
import type { StoreEvent } from "./storeEvents.ts";

const event = (n: number): StoreEvent => ({ type: "pageView", atMs: n, sessionId: `s${n}`, step: "browse", path: "/" });
const tempLog = () => join(mkdtempSync(join(tmpdir(), "convsim-log-")), "data", "events.jsonl");

describe("EventLog", () => {
  it("append(event) resolves after the line is in the file, in append order", async () => {
    const path = tempLog();
    const { log, events } = await EventLog.open(path, new Warnings());
    expect(events).toEqual([]);
    await Promise.all(Array.from({ length: 500 }, (_, i) => log.append(event(i))));
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines.map((text) => JSON.parse(text).atMs)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    await log.close();
  });

  it("durable() waits for everything appended so far", async () => {
    const { log } = await EventLog.open(tempLog(), new Warnings());
    log.append(event(1));
    log.append(event(2));
    await log.durable();
    expect(readFileSync(log.path, "utf8").split("\n")).toHaveLength(3);
    await log.close();
  });

  it("open(path) replays the events and cuts a torn tail so new lines start clean", async () => {
    const path = tempLog();
    const first = await EventLog.open(path, new Warnings());
    await first.log.append(event(1));
    await first.log.close();
    appendFileSync(path, '{"type":"orderPlaced","sess');
    const warnings = new Warnings();
    const second = await EventLog.open(path, warnings);
    expect(second.events.map((e) => e.atMs)).toEqual([1]);
    expect(warnings.list()).toHaveLength(1);
    await second.log.append(event(2));
    await second.log.close();
    const third = await EventLog.open(path, new Warnings());
    expect(third.events.map((e) => e.atMs)).toEqual([1, 2]);
    await third.log.close();
  });

  it("append(event) after close() rejects with a house-format message", async () => {
    const { log } = await EventLog.open(tempLog(), new Warnings());
    await log.close();
    await expect(log.append(event(1))).rejects.toThrow(/^invalid append: the event log .* is closed$/);
  });
});
