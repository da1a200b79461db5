import { describe, expect, it } from "vitest";
import { delayedQueueLaw } from "./delayedQueueLaw.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("delayedQueueLaw", () => {
  it("lambda = 1/2, c mu = theta = 1 gives v_k = (1/2)^k / (k+1)!, V = 2 (sqrt(e) - 1) (exponential series)", () => {
    const law = delayedQueueLaw(0.5, 1, 1);
    const total = 2 * (Math.sqrt(Math.E) - 1);
    expectClose(law.logTotalWeight, Math.log(total), 1e-15);
    [1, 0.25, 1 / 24, 1 / 192].forEach((v, k) => {
      expectClose(law.probabilities[k], v / total, 1e-15);
    });
  });

  it("theta -> 0 with lambda < c mu tends to the M/M/c geometric queue (1 - rho) rho^k", () => {
    const law = delayedQueueLaw(0.9, 1, 1e-12);
    [0, 1, 10].forEach((k) => {
      expectClose(law.probabilities[k], 0.1 * 0.9 ** k, 1e-9);
    });
  });

  it("overload with mode 10 (lambda 3, c mu 2, theta 0.1): log V and u_k match the brute-force sum of prod lambda / (c mu + j theta)", () => {
    // v_k = prod_{j=1..k} 3 / (2 + 0.1 j), summed directly over 2,000 terms (the rest is far below 1e-300).
    const weights = [1];
    for (let k = 1; k < 2000; k++) weights.push((weights[k - 1] * 3) / (2 + 0.1 * k));
    const total = weights.reduce((a, b) => a + b, 0);
    const law = delayedQueueLaw(3, 2, 0.1);
    expectClose(law.logTotalWeight, Math.log(total), 1e-13);
    [0, 5, 10, 30].forEach((k) => {
      expectClose(law.probabilities[k], weights[k] / total, 1e-12);
    });
  });

  it("heavy overload puts the mode at floor((lambda - c mu) / theta) and still sums to 1", () => {
    const law = delayedQueueLaw(100, 1, 0.007);
    let argmax = 0;
    law.probabilities.forEach((p, k) => {
      if (p > law.probabilities[argmax]) argmax = k;
    });
    expect(argmax).toBe(14142);
    expectClose(
      law.probabilities.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
    expect(Number.isFinite(law.logTotalWeight)).toBe(true);
  });

  it("refuses a queue mode beyond 10 million states", () => {
    expect(() => delayedQueueLaw(1e6, 1, 1e-6)).toThrow(/^invalid meanPatienceSeconds: 1000000 \(queue would need more than 10000000 states\)$/);
  });
});
