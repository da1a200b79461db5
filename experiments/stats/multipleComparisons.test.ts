import { describe, expect, it } from "vitest";
import { adjustPValues, benjaminiHochberg, holm } from "./multipleComparisons.ts";

// Reference values from R: p.adjust(c(0.01, 0.04, 0.03), "holm") and p.adjust(..., "BH").
describe("multiple-comparison corrections", () => {
  it("holm([0.01, 0.04, 0.03]) = R's p.adjust holm [0.03, 0.06, 0.06]", () => {
    holm([0.01, 0.04, 0.03]).forEach((value, i) => {
      expect(value).toBeCloseTo([0.03, 0.06, 0.06][i], 12);
    });
  });

  it("benjaminiHochberg([0.01, 0.04, 0.03]) = R's p.adjust BH [0.03, 0.04, 0.04]", () => {
    benjaminiHochberg([0.01, 0.04, 0.03]).forEach((value, i) => {
      expect(value).toBeCloseTo([0.03, 0.04, 0.04][i], 12);
    });
  });

  it("holm caps at 1 and a single test is unchanged", () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
    expect(holm([0.02])).toEqual([0.02]);
    expect(adjustPValues([0.02, 0.5], "none")).toEqual([0.02, 0.5]);
  });
});
