import { describe, expect, it } from "vitest";
import { thrown } from "../../experiments/scenario/testScenarios.ts";
import { integerOption, maxSessionsOption, rejectMissingValues, rejectUnknownOptions, seedOption } from "./options.ts";
import { UsageError } from "./UsageError.ts";

const ARGS = {
  scenario: { type: "positional" },
  seed: { type: "string" },
  days: { type: "string" },
  json: { type: "boolean" },
} as const;

const usageLines = (check: () => unknown): readonly string[] => thrown(UsageError, check).problems;

describe("rejectMissingValues", () => {
  it.each([
    [["x.yaml", "--seed"], "--seed"],
    [["x.yaml", "--seed="], "--seed"],
    [["x.yaml", "--seed", "--days", "3"], "--seed"],
    [["x.yaml", "--days", "2", "--seed", "--json"], "--seed"],
  ])("rejectMissingValues(%j) names %s", (rawArgs, flag) => {
    expect(usageLines(() => rejectMissingValues(rawArgs, ARGS))).toEqual([`invalid ${flag}: missing value (write ${flag} VALUE)`]);
  });

  it("rejectMissingValues accepts values, negative numbers, `-` and anything after `--`", () => {
    for (const rawArgs of [
      ["x.yaml", "--seed", "7"],
      ["x.yaml", "--seed=abc"],
      ["x.yaml", "--seed", "-5"],
      ["x.yaml", "--days", "-"],
      ["x.yaml", "--json"],
      ["--", "--seed"],
    ]) {
      expect(() => rejectMissingValues(rawArgs, ARGS)).not.toThrow();
    }
  });

  it("rejectUnknownOptions also rejects a bare --seed", () => {
    expect(usageLines(() => rejectUnknownOptions(["x.yaml", "--seed"], ARGS))).toEqual(["invalid --seed: missing value (write --seed VALUE)"]);
  });
});

describe("number options", () => {
  it("integerOption accepts its bounds and refuses one past them", () => {
    expect(integerOption("1", "--days", 1, 3650)).toBe(1);
    expect(integerOption("3650", "--days", 1, 3650)).toBe(3650);
    expect(usageLines(() => integerOption("3651", "--days", 1, 3650))).toEqual(['invalid --days: "3651" (must be an integer from 1 to 3650)']);
    expect(usageLines(() => integerOption("0", "--days", 1, 3650))).toEqual(['invalid --days: "0" (must be an integer from 1 to 3650)']);
  });

  it("maxSessionsOption reads 1e7 and refuses 0, fractions and words", () => {
    expect(maxSessionsOption("1e7")).toBe(1e7);
    expect(maxSessionsOption(undefined)).toBeUndefined();
    for (const bad of ["0", "2.5", "many", "Infinity"])
      expect(usageLines(() => maxSessionsOption(bad))).toEqual([expect.stringMatching(/^invalid --max-sessions: .+ \(must be an integer from 1 up\)$/)]);
  });

  it("seedOption keeps integer seeds as numbers and words as text", () => {
    expect(seedOption("42")).toBe(42);
    expect(seedOption("lucky")).toBe("lucky");
    expect(seedOption("99999999999999999999")).toBe("99999999999999999999");
  });
});
