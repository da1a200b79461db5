import { describe, expect, it } from "vitest";
import { pairedComparison } from "./pairedComparison.ts";

describe("pairedComparison", () => {
  it("p-value of differences [1..5] is scipy's ttest_1samp value 0.013236", () => {
    // t = 3 / (√2.5 / √5) = 4.2426, 4 degrees of freedom, two-sided.
    const result = pairedComparison([2, 4, 6, 8, 10], [1, 2, 3, 4, 5]);
    expect(result.difference.mean).toBe(3);
    expect(result.pValue).toBeCloseTo(0.013236, 5);
  });

  it("pairing removes the noise both arms share: the paired interval is far narrower than the unpaired one", () => {
    const shared = [100, 140, 90, 160, 120, 80, 150, 110];
    const control = shared.map((value, r) => value + (r % 2 === 0 ? 0.2 : -0.2));
    const treatment = shared.map((value) => value + 1);
    const result = pairedComparison(treatment, control);
    expect(result.difference.halfWidth!).toBeLessThan(result.unpairedHalfWidth! / 20);
  });

  it("relative lift is the ratio of mean difference to control mean", () => {
    const result = pairedComparison([11, 22, 33], [10, 20, 30]);
    expect(result.relativeLift!.mean).toBeCloseTo(0.1, 12);
    expect(result.relativeLift!.halfWidth!).toBeCloseTo(0, 12); // every pair differs by exactly 10%
  });

  it("identical arms give difference 0 and p = 1", () => {
    const result = pairedComparison([1, 2, 3], [1, 2, 3]);
    expect(result.difference.mean).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it("rejects unequal lengths", () => {
    expect(() => pairedComparison([1, 2], [1])).toThrow(/invalid paired samples: 2 and 1 values/);
  });
});
