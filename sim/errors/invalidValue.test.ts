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

  it("invalidValue writes a value JSON cannot hold as its String(): a bigint, a cycle, a function", () => {
    // JSON.stringify throws on a bigint and on a cycle, and returns undefined for a function.
    expect(invalidValue("seed", 10n, "must be a number").message).toBe("invalid seed: 10 (must be a number)");
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(invalidValue("scenario", cycle, "must be a tree").message).toBe("invalid scenario: [object Object] (must be a tree)");
    expect(invalidValue("x", undefined, "must be set").message).toBe("invalid x: undefined (must be set)");
    expect(invalidValue("x", null, "must be set").message).toBe("invalid x: null (must be set)");
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

  it("requireFinite rejects both infinities and a string, accepts 0", () => {
    expect(requireFinite("x", 0)).toBe(0);
    expect(() => requireFinite("rate", Infinity)).toThrow(/^invalid rate: Infinity \(must be a finite number\)$/);
    expect(() => requireFinite("rate", -Infinity)).toThrow(/^invalid rate: -Infinity \(must be a finite number\)$/);
    expect(() => requireFinite("rate", "5" as unknown as number)).toThrow(/^invalid rate: "5" \(must be a finite number\)$/);
  });

  it("requireNonNegative rejects a negative finite number, NaN and +Infinity, accepts a positive one", () => {
    expect(requireNonNegative("x", 2.5)).toBe(2.5);
    expect(() => requireNonNegative("mean", -1)).toThrow(/^invalid mean: -1 \(must be a finite number >= 0\)$/);
    expect(() => requireNonNegative("mean", -1e-300)).toThrow(/^invalid mean: -1e-300 \(must be a finite number >= 0\)$/);
    expect(() => requireNonNegative("mean", NaN)).toThrow(/^invalid mean: NaN \(must be a finite number >= 0\)$/);
    expect(() => requireNonNegative("mean", Infinity)).toThrow(/^invalid mean: Infinity \(must be a finite number >= 0\)$/);
    expect(() => requireNonNegative("mean", "1" as unknown as number)).toThrow(/^invalid mean: "1" \(must be a finite number >= 0\)$/);
  });

  it("requirePositive rejects +Infinity, NaN and a negative number, accepts the smallest positive double", () => {
    expect(requirePositive("x", Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(() => requirePositive("scale", Infinity)).toThrow(/^invalid scale: Infinity \(must be a finite number > 0\)$/);
    expect(() => requirePositive("scale", NaN)).toThrow(/^invalid scale: NaN \(must be a finite number > 0\)$/);
    expect(() => requirePositive("scale", -3)).toThrow(/^invalid scale: -3 \(must be a finite number > 0\)$/);
  });

  it("requireInteger accepts its minimum, rejects a fraction above it, and labels the minimum with its number by default", () => {
    expect(requireInteger("servers", 1, 1)).toBe(1);
    expect(requireInteger("servers", 0, 0)).toBe(0);
    expect(() => requireInteger("servers", 2.5, 1)).toThrow(/^invalid servers: 2.5 \(must be an integer >= 1\)$/);
    expect(() => requireInteger("servers", 0, 1)).toThrow(/^invalid servers: 0 \(must be an integer >= 1\)$/);
    expect(() => requireInteger("servers", Infinity, 1)).toThrow(/^invalid servers: Infinity \(must be an integer >= 1\)$/);
    expect(() => requireInteger("servers", NaN, 1)).toThrow(/^invalid servers: NaN \(must be an integer >= 1\)$/);
  });

  it("requireInInterval honours each bracket: a closed end admits its bound, an open end rejects it", () => {
    expect(requireInInterval("p", 1, "[0, 1]")).toBe(1);
    expect(requireInInterval("p", 0, "[0, 1]")).toBe(0);
    expect(requireInInterval("p", 0.5, "(0, 1)")).toBe(0.5);
    expect(requireInInterval("p", -2, "[-2, 3]")).toBe(-2);
    expect(() => requireInInterval("p", 1, "[0, 1)")).toThrow(/^invalid p: 1 \(must be in \[0, 1\)\)$/);
    expect(() => requireInInterval("p", 0, "(0, 1)")).toThrow(/^invalid p: 0 \(must be in \(0, 1\)\)$/);
    expect(() => requireInInterval("p", -0.1, "[0, 1]")).toThrow(/^invalid p: -0.1 \(must be in \[0, 1\]\)$/);
    expect(() => requireInInterval("p", 1.5, "[0, 1]")).toThrow(/^invalid p: 1.5 \(must be in \[0, 1\]\)$/);
    expect(() => requireInInterval("p", 1.5, "[0, 1)")).toThrow(/^invalid p: 1.5 \(must be in \[0, 1\)\)$/);
    expect(() => requireInInterval("p", -2.5, "[-2, 3]")).toThrow(/^invalid p: -2.5 \(must be in \[-2, 3\]\)$/);
    expect(() => requireInInterval("p", 3.5, "[-2, 3]")).toThrow(/^invalid p: 3.5 \(must be in \[-2, 3\]\)$/);
  });

  it("requireInInterval rejects a numeric string inside the interval: comparison would coerce it", () => {
    expect(() => requireInInterval("p", "0.5" as unknown as number, "[0, 1]")).toThrow(/^invalid p: "0.5" \(must be in \[0, 1\]\)$/);
  });
});
