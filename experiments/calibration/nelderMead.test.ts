import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelderMead.ts";

describe("nelderMead", () => {
  it("nelderMead(quadratic) finds the minimum of a shifted paraboloid", async () => {
    const result = await nelderMead(([x, y, z]) => (x - 1) ** 2 + 2 * (y + 2) ** 2 + 0.5 * (z - 0.3) ** 2, [0, 0, 0], {
      maxEvaluations: 1000,
      tolerance: 1e-14,
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(-2, 5);
    expect(result.x[2]).toBeCloseTo(0.3, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it("nelderMead(Rosenbrock) reaches the curved valley's minimum at (1, 1)", async () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = await nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000, initialStep: 0.5, tolerance: 1e-16 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it("nelderMead(...) never exceeds maxEvaluations and accepts an async objective", async () => {
    let calls = 0;
    const result = await nelderMead(async ([x, y]) => (calls++, (x - 3) ** 2 + (y - 3) ** 2), [0, 0], { maxEvaluations: 7 });
    expect(calls).toBe(7);
    expect(result.evaluations).toBe(7);
    expect(result.converged).toBe(false);
    expect(result.value).toBeLessThan(18);
  });

  it("nelderMead(...) returns the start when the budget only covers the starting simplex", async () => {
    const result = await nelderMead(([x]) => (x - 2) ** 2, [2], { maxEvaluations: 2 });
    expect(result).toMatchObject({ x: [2], value: 0, evaluations: 2, iterations: 0 });
  });
});
