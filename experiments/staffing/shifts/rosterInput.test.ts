import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../scenario/testProblems.ts";
import { readRoster, resolveRoster } from "./rosterInput.ts";

const problems = (input: unknown): readonly string[] => problemsOf(() => resolveRoster(input));

describe("resolveRoster", () => {
  it("resolveRoster fills per-agent limits from the rules and turns days into indices (mon = 0)", () => {
    const team = resolveRoster({
      rules: { maxShiftsPerWeek: 4, minRestHours: 12 },
      agents: [
        { name: "Ana", unavailable: ["sun", "sat"], prefersStartBetween: ["08:00", "10:00"] },
        { name: "Ben", maxShiftsPerWeek: 3 },
      ],
    });
    expect(team.agents).toEqual([
      { name: "Ana", maxShifts: 4, minShifts: 0, unavailable: [6, 5], prefersOff: [], prefersStart: [28_800, 36_000] },
      { name: "Ben", maxShifts: 3, minShifts: 0, unavailable: [], prefersOff: [], prefersStart: null },
    ]);
    expect(team.minRestSeconds).toBe(43_200);
    expect(team.maxConsecutiveDays).toBe(5);
  });

  it("resolveRoster names every impossible or malformed entry", () => {
    expect(problems({ agents: [{ name: "Ana" }, { name: "Ana" }] })).toEqual(['invalid agents[1].name: "Ana" (names must be unique)']);
    expect(problems({ agents: [{ name: "Ana", unavailable: ["sunday"] }] })).toEqual([
      'invalid agents[0].unavailable[0]: "sunday" (allowed: mon, tue, wed, thu, fri, sat, sun)',
    ]);
    expect(problems({ agents: [{ name: "Ana", minShiftsPerWeek: 4, maxShiftsPerWeek: 3 }] })).toEqual([
      "invalid agents[0].minShiftsPerWeek: 4 (must be <= maxShiftsPerWeek 3)",
    ]);
    expect(problems({ agents: [{ name: "Ana", minShiftsPerWeek: 3, unavailable: ["mon", "tue", "wed", "thu", "fri"] }] })).toEqual([
      "invalid agents[0].minShiftsPerWeek: 3 (Ana is available on only 2 days)",
    ]);
    expect(problems({ agents: [] })).toEqual(["invalid agents: a list of 0 (must list at least 1 agent)"]);
  });

  it("readRoster reads a CSV with one agent per row and day lists separated by ';'", () => {
    const dir = mkdtempSync(join(tmpdir(), "roster-"));
    const path = join(dir, "team.csv");
    writeFileSync(path, 'name,maxShiftsPerWeek,unavailable,prefersOff\n"Diaz, Ana",4,sat;sun,\nBen,,,mon\n');
    expect(readRoster(path).agents).toEqual([
      { name: "Diaz, Ana", maxShifts: 4, minShifts: 0, unavailable: [5, 6], prefersOff: [], prefersStart: null },
      { name: "Ben", maxShifts: 5, minShifts: 0, unavailable: [], prefersOff: [0], prefersStart: null },
    ]);
    writeFileSync(path, "name,unavailable\nAna,someday\n");
    expect(() => readRoster(path)).toThrow(/invalid agents\[0\]\.unavailable\[0\]: "someday"/);
  });
});
