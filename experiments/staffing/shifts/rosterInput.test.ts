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

  it("resolveRoster: rules' defaults, minimum shifts, a preferred window that ends before it starts, and days listed twice", () => {
    const team = resolveRoster({ rules: { minShiftsPerWeek: 2 }, agents: [{ name: "Ana", unavailable: ["mon", "mon"], prefersOff: ["fri", "fri"] }] });
    // Defaults: 5 shifts a week at most, 5 days in a row, 11 h rest.
    expect(team).toEqual({
      agents: [{ name: "Ana", maxShifts: 5, minShifts: 2, unavailable: [0], prefersOff: [4], prefersStart: null }],
      maxConsecutiveDays: 5,
      minRestSeconds: 39_600,
    });
    // Monday listed twice is one day off: 6 days left, enough for 6 shifts.
    expect(problems({ agents: [{ name: "Ana", minShiftsPerWeek: 6, maxShiftsPerWeek: 6, unavailable: ["mon", "mon"] }] })).toEqual([]);
    expect(problems({ agents: [{ name: "Ana", minShiftsPerWeek: 6, maxShiftsPerWeek: 6, unavailable: ["mon", "tue"] }] })).toEqual([
      "invalid agents[0].minShiftsPerWeek: 6 (Ana is available on only 5 days)",
    ]);
    // Equal limits are fine; a window must start before it ends; a window may end at 24:00.
    expect(problems({ agents: [{ name: "Ana", minShiftsPerWeek: 3, maxShiftsPerWeek: 3 }] })).toEqual([]);
    expect(problems({ agents: [{ name: "Ana", prefersStartBetween: ["10:00", "10:00"] }] })).toEqual([
      "invalid agents[0].prefersStartBetween: 10:00-10:00 (from must be before to)",
    ]);
    expect(resolveRoster({ agents: [{ name: "Ana", prefersStartBetween: ["22:30", "24:00"] }] }).agents[0].prefersStart).toEqual([81_000, 86_400]);
    // Every problem at once, in the roster's source.
    expect(() => resolveRoster({ agents: [{ name: "Ana", minShiftsPerWeek: 2, maxShiftsPerWeek: 1 }, { name: "Ana" }] }, "roster team.yaml")).toThrow(
      'roster team.yaml:\n  invalid agents[0].minShiftsPerWeek: 2 (must be <= maxShiftsPerWeek 1)\n  invalid agents[1].name: "Ana" (names must be unique)',
    );
  });

  it("readRoster reads YAML, a CSV's minimum shifts and mixed-case days, and names an unreadable file", () => {
    const dir = mkdtempSync(join(tmpdir(), "roster-"));
    const yaml = join(dir, "team.yaml");
    writeFileSync(yaml, "rules: { maxConsecutiveDays: 4 }\nagents:\n  - { name: Ana }\n");
    expect(readRoster(yaml)).toMatchObject({ maxConsecutiveDays: 4, agents: [{ name: "Ana", maxShifts: 5 }] });
    writeFileSync(yaml, "agents: []\n");
    expect(() => readRoster(yaml)).toThrow(`roster ${yaml}:\n  invalid agents: a list of 0 (must list at least 1 agent)`);
    const csv = join(dir, "TEAM.CSV");
    writeFileSync(csv, "name,minShiftsPerWeek,unavailable\nAna,2, Sat ; SUN \n");
    expect(readRoster(csv).agents).toEqual([{ name: "Ana", maxShifts: 5, minShifts: 2, unavailable: [5, 6], prefersOff: [], prefersStart: null }]);
    // A row without a name is an empty name, refused by the schema.
    writeFileSync(csv, "unavailable\nsat\n");
    expect(() => readRoster(csv)).toThrow(/invalid agents\[0\]\.name: "" \(must not be empty\)/);
    expect(() => readRoster(join(dir, "missing.csv"))).toThrow(`cannot read roster ${join(dir, "missing.csv")}: no such file`);
    writeFileSync(csv, 'name,unavailable\n"Ana,sat\n');
    expect(() => readRoster(csv)).toThrow(new RegExp(`^invalid roster ${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });
});
