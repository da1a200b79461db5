import { describe, expect, it } from "vitest";
import { describeValue } from "./describeValue.ts";

describe("describeValue", () => {
  it("describeValue quotes strings, writes numbers, booleans and undefined as they are, and names functions", () => {
    expect(describeValue("a")).toBe('"a"');
    expect(describeValue(NaN)).toBe("NaN");
    expect(describeValue(false)).toBe("false");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(() => 1)).toBe("function");
    expect(describeValue(Symbol("s"))).toBe("symbol");
    expect(describeValue(10n)).toBe("bigint");
  });

  it("describeValue cuts a text past 60 characters to its first 57 and '...'; a circular value is named by its type", () => {
    const long = "x".repeat(100);
    expect(describeValue(long)).toBe(`"${"x".repeat(56)}...`);
    expect(describeValue(long)).toHaveLength(60);
    expect(describeValue("y".repeat(58))).toBe(`"${"y".repeat(58)}"`); // exactly 60 characters: kept whole
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe("[object Object]");
  });
});
