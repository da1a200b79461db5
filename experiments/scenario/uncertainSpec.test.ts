import { describe, expect, it } from "vitest";
import { centralValue, parseUncertainSpec, specQuantile, type UncertainSpec } from "./uncertainSpec.ts";

const parse = (value: unknown) => {
  const problems: string[] = [];
  return { spec: parseUncertainSpec(value, "chat.acceptanceOnExitIntent", problems), problems };
};

describe("uncertainSpec", () => {
  it("parseUncertainSpec reads {low, high} as uniform, {low, mode, high} as triangular, {beta: [a, b]} as Beta", () => {
    expect(parse({ low: 0.2, high: 0.4 }).spec).toEqual({ kind: "uniform", low: 0.2, high: 0.4 });
    expect(parse({ low: 0, mode: 1, high: 4 }).spec).toEqual({ kind: "triangular", low: 0, mode: 1, high: 4 });
    expect(parse({ beta: [2, 48] }).spec).toEqual({ kind: "beta", a: 2, b: 48 });
  });

  it.each([
    [{ low: 0.5, high: 0.2 }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.high: 0\.2 \(must be >= low \(0\.5\)\)$/],
    [{ beta: [2, 0] }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.beta\[1\]: 0 \(must be a finite number > 0\)$/],
    [{ beta: [-1, 3] }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.beta\[0\]: -1 \(must be a finite number > 0\)$/],
    [{ beta: [2] }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.beta: a list of 1 \(must be a list of 2 numbers \[a, b\]\)$/],
    [{ beta: [2, 3], low: 0 }, /^invalid chat\.acceptanceOnExitIntent\.uncertain: beta with low \(a Beta lies on \[0, 1\]: give beta alone\)$/],
    [{ low: 0.1 }, /^missing chat\.acceptanceOnExitIntent\.uncertain\.high \(required: /],
    [{ low: "0.1", high: 0.2 }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.low: "0\.1" \(must be a finite number\)$/],
    [{ low: 0, mode: 2, high: 1 }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.mode: 2 \(must lie in \[low, high\] = \[0, 1\]\)$/],
    [{ lo: 0, high: 1 }, /^invalid chat\.acceptanceOnExitIntent\.uncertain\.lo: unknown key \(allowed: low, mode, high, beta\)$/],
    [0.3, /^invalid chat\.acceptanceOnExitIntent\.uncertain: 0\.3 \(must be \{low, high\} \(uniform\)/],
  ])("parseUncertainSpec(%j) gives one house-format line", (value, message) => {
    const { spec, problems } = parse(value);
    expect(spec).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("centralValue is the mean: midpoint, (low + mode + high) ÷ 3, a ÷ (a + b)", () => {
    expect(centralValue({ kind: "uniform", low: 150, high: 450 })).toBe(300);
    expect(centralValue({ kind: "triangular", low: 0, mode: 1, high: 5 })).toBe(2);
    expect(centralValue({ kind: "beta", a: 2, b: 48 })).toBe(0.04);
  });

  it("specQuantile inverts each CDF: uniform linear, triangular at its closed-form points, Beta(1, 1) the identity, Beta(2, 2) its median", () => {
    expect(specQuantile({ kind: "uniform", low: 10, high: 20 }, 0.25)).toBe(12.5);
    // Triangular(0, 1, 4): F(1) = (1 − 0)² ÷ ((4 − 0)(1 − 0)) = 1/4, so the 1/4 quantile is the mode;
    // F(x) = 1 − (4 − x)² ÷ 12 above it: F(2) = 2/3.
    const triangle: UncertainSpec = { kind: "triangular", low: 0, mode: 1, high: 4 };
    expect(specQuantile(triangle, 0.25)).toBeCloseTo(1, 12);
    expect(specQuantile(triangle, 2 / 3)).toBeCloseTo(2, 12);
    expect(specQuantile(triangle, 1 / 16)).toBeCloseTo(0.5, 12);
    expect(specQuantile({ kind: "beta", a: 1, b: 1 }, 0.3)).toBeCloseTo(0.3, 12);
    expect(specQuantile({ kind: "beta", a: 2, b: 2 }, 0.5)).toBeCloseTo(0.5, 12);
    // Beta(2, 1): F(x) = x², so the 0.25 quantile is 0.5.
    expect(specQuantile({ kind: "beta", a: 2, b: 1 }, 0.25)).toBeCloseTo(0.5, 10);
  });
});
