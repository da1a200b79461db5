import { describe, expect, it } from "vitest";
import { invalidParameter, requireFinite, requireNonNegative, requirePositive } from "./invalidParameter.ts";

describe("invalidParameter", () => {
  it("invalidParameter(path, value, requirement) builds a RangeError in the house format", () => {
    const error = invalidParameter("exponential mean", -1, "must be > 0");
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("invalid exponential mean: -1 (must be > 0)");
    expect(invalidParameter("distribution kind", "beta", "must be known").message).toBe(
      'invalid distribution kind: "beta" (must be known)',
    );
  });

  it("require* return valid values and throw on invalid ones", () => {
    expect(requireFinite("x", -2)).toBe(-2);
    expect(requirePositive("x", 0.5)).toBe(0.5);
    expect(requireNonNegative("x", 0)).toBe(0);
    expect(() => requireFinite("x", NaN)).toThrow(/^invalid x: NaN \(must be a finite number\)$/);
    expect(() => requirePositive("x", 0)).toThrow(/^invalid x: 0 \(must be > 0\)$/);
    expect(() => requireNonNegative("x", -1)).toThrow(/^invalid x: -1 \(must be >= 0\)$/);
    expect(() => requirePositive("x", undefined as unknown as number)).toThrow(/^invalid x: undefined/);
  });
});
