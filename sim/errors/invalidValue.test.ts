import { describe, expect, it } from "vitest";
import { invalidValue, requireFinite, requireInInterval, requireInteger, requireNonNegative, requirePositive } from "./invalidValue.ts";

describe("invalidValue", () => {
  it("invalidValue(path, value, requirement) builds a RangeError in house format", () => {
    const error = invalidValue("agents.concurrency", 0, "must be an integer >= 1");
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("invalid agents.concurrency: 0 (must be an integer >= 1)");
    expect(invalidValue("target", { a: 1 }, "x").message).toBe('invalid target: {"a":1} (x)');
    expect(invalidValue("distribution kind", "beta", "must be known").message).toBe('invalid distribution kind: "beta" (must be known)');
  });

  it("require* return the value when valid and throw otherwise", () => {
    expect(requireFinite("x", -2)).toBe(-2);
    expect(requireNonNegative("x", 0)).toBe(0);
    expect(requirePositive("x", 2)).toBe(2);
    expect(requireInteger("n", 3, 1)).toBe(3);
    expect(requireInInterval("p", 0, "[0, 1)")).toBe(0);
    expect(requireInInterval("p", 1, "(0, 1]")).toBe(1);
    expect(() => requireFinite("x", NaN)).toThrow(/^invalid x: NaN \(must be a finite number\)$/);
    expect(() => requirePositive("x", undefined as unknown as number)).toThrow(/^invalid x: undefined/);
    expect(() => requireNonNegative("x", -Infinity)).toThrow(/^invalid x: -Infinity \(must be a finite number >= 0\)$/);
    expect(() => requirePositive("x", 0)).toThrow(/^invalid x: 0 \(must be a finite number > 0\)$/);
    expect(() => requireInteger("n", 2, 5, "servers (5)")).toThrow(/^invalid n: 2 \(must be an integer >= servers \(5\)\)$/);
    expect(() => requireInInterval("p", 0, "(0, 1]")).toThrow(/^invalid p: 0 \(must be in \(0, 1\]\)$/);
    expect(() => requireInInterval("p", NaN, "[0, 1)")).toThrow(/^invalid p: NaN \(must be in \[0, 1\)\)$/);
  });
});
