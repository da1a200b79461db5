import { describe, expect, it } from "vitest";
import { negativeBinomialSurvival } from "./negativeBinomialSurvival.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// [shape r, log z, k values, P(N > k)] from `python3 sim/analytic/reference/erlang_a_reference.py`
// (line NB_SURVIVAL): pmf summed directly in 100-digit Decimal from q_0 = z^r.
const REFERENCE: [number, number, number[], number[]][] = [
  [2.5, -1.2, [0, 1, 5, 20], [0.950212931632136, 0.8632342027636705, 0.44091844282599074, 0.008197487405394442]],
  [40001, -1, [60000, 68700, 70000, 75000], [1, 0.5292831244272961, 0.0017528867055569093, 8.443478408111949e-46]],
];

describe("negativeBinomialSurvival", () => {
  it("negativeBinomialSurvival(2.5, -1.2, 20) matches the Decimal reference to 1e-14", () => {
    const [shape, logSuccess, ks, expected] = REFERENCE[0];
    const survival = negativeBinomialSurvival(shape, logSuccess, 20);
    ks.forEach((k, i) => {
      expectClose(survival[k], expected[i], 1e-14);
    });
  });

  it("negativeBinomialSurvival(40001, -1, 75000): q_0 = e^-40001 underflows, tail of 8e-46 keeps 1e-11 relative", () => {
    const [shape, logSuccess, ks, expected] = REFERENCE[1];
    const survival = negativeBinomialSurvival(shape, logSuccess, 75000);
    // The documented error is ~4 j eps from the ratio recursion: 1e-11 covers j = 75000.
    ks.forEach((k, i) => {
      expectClose(survival[k], expected[i], 1e-11);
    });
    // With the median beyond lastIndex the 1 - cdf branch is used instead: P(N > 60000) = 1.
    expect(negativeBinomialSurvival(shape, logSuccess, 60000)[60000]).toBe(1);
  });

  it("shape 1 is geometric: P(N > k) = (1 - z)^(k+1)", () => {
    expect(Array.from(negativeBinomialSurvival(1, Math.log(0.5), 2))).toEqual([0.5, 0.25, 0.125]);
    const survival = negativeBinomialSurvival(1, Math.log(0.9), 30);
    [0, 10, 30].forEach((k) => {
      expectClose(survival[k], 0.1 ** (k + 1), 1e-13);
    });
  });

  it("shape 1 with most of the mass beyond lastIndex: P(N > k) = 0.9^(k+1) for z = 0.1, from the head sum's complement", () => {
    // P(N <= 2) = 1 − 0.9³ = 0.271 <= 0.5, so the survival is 1 − the head sum.
    const survival = negativeBinomialSurvival(1, Math.log(0.1), 2);
    [0.9, 0.81, 0.729].forEach((expected, k) => {
      expectClose(survival[k], expected, 1e-14);
    });
  });

  it("shape 1 with failure 1e-10: P(N > k) = 1e-10^(k+1) down to 1e-260 keeps 1e-12 relative (the pmf is rescaled, never flushed to 0)", () => {
    const logSuccess = Math.log1p(-1e-10);
    const failure = -Math.expm1(logSuccess); // 1e-10 to within rounding
    const survival = negativeBinomialSurvival(1, logSuccess, 25);
    [0, 10, 17, 18, 20, 25].forEach((k) => {
      expectClose(survival[k], failure ** (k + 1), 1e-12);
    });
  });

  it("z = 1 (log z = 0) means N = 0 surely", () => {
    expect(Array.from(negativeBinomialSurvival(3, 0, 3))).toEqual([0, 0, 0, 0]);
  });
});
