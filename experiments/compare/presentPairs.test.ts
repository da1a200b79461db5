import { describe, expect, it } from "vitest";
import { presentPairs } from "./presentPairs.ts";

describe("presentPairs", () => {
  it("presentPairs(t, c) keeps only replications where both have a value and counts the missing on each side", () => {
    expect(presentPairs([3, null, 5, null], [1, 2, null, null])).toEqual({
      treatment: [3],
      control: [1],
      missingInTreatment: 2,
      missingInControl: 2,
      droppedPairs: 3,
    });
  });

  it("presentPairs(t, c) never turns a missing value into 0", () => {
    const pairs = presentPairs([null, null], [30, 32]);
    expect(pairs.treatment).toEqual([]);
    expect(pairs.control).toEqual([]);
    expect(pairs.droppedPairs).toBe(2);
  });

  it("presentPairs(t, c) rejects samples of different lengths", () => {
    expect(() => presentPairs([1], [1, 2])).toThrow(/^invalid paired samples: 1 and 2 values/);
  });
});
