import { describe, expect, it } from "vitest";
import { MilpError, solveMilp } from "./solveMilp.ts";

describe("solveMilp", () => {
  it("solveMilp finds the integer optimum of a small knapsack solved by hand", async () => {
    // Maximise 10a + 13b + 7c (minimise the negative) with 4a + 6b + 3c ≤ 9, a, b, c ∈ {0, 1}:
    // a+b weighs 10 and a+b+c 13 (too heavy); a+c is worth 17 and b+c 20, the best.
    const solution = await solveMilp({
      variables: [
        { name: "a", cost: -10, kind: "binary" },
        { name: "b", cost: -13, kind: "binary" },
        { name: "c", cost: -7, kind: "binary" },
      ],
      rows: [
        {
          name: "weight",
          terms: [
            { variable: "a", coefficient: 4 },
            { variable: "b", coefficient: 6 },
            { variable: "c", coefficient: 3 },
          ],
          upper: 9,
        },
      ],
    });
    expect(solution.status).toBe("optimal");
    expect(solution.objective).toBeCloseTo(-20, 9);
    expect(solution.gap).toBe(0);
    expect([...solution.values]).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 1],
    ]);
  });

  it("solveMilp rounds integer values and keeps continuous ones", async () => {
    const solution = await solveMilp({
      variables: [
        { name: "n", cost: 1, kind: "integer" },
        { name: "r", cost: 1, kind: "continuous" },
      ],
      rows: [
        { name: "n3", terms: [{ variable: "n", coefficient: 3 }], lower: 7 },
        { name: "r3", terms: [{ variable: "r", coefficient: 3 }], lower: 7 },
      ],
    });
    expect(solution.values.get("n")).toBe(3);
    expect(solution.values.get("r")).toBeCloseTo(7 / 3, 9);
  });

  it("solveMilp maps values and a start by name, though the LP reader numbers columns by first appearance", async () => {
    // `free` costs nothing, so it first appears in the row, after `paid` (objective): column order
    // differs from the program's. `free` is also an LP keyword, which the reader must never see as a
    // name. Optimum: free = 5 (its bound), paid = 1.
    const program = {
      variables: [
        { name: "free", cost: 0, upper: 5, kind: "integer" as const },
        { name: "paid", cost: 1, kind: "integer" as const },
      ],
      rows: [
        {
          name: "need",
          terms: [
            { variable: "paid", coefficient: 1 },
            { variable: "free", coefficient: 1 },
          ],
          lower: 6,
        },
      ],
    };
    const solution = await solveMilp(program, {
      start: new Map([
        ["free", 5],
        ["paid", 1],
      ]),
    });
    expect(solution.values.get("free")).toBe(5);
    expect(solution.values.get("paid")).toBe(1);
  });

  it("solveMilp throws a MilpError for a program with no solution", async () => {
    const program = {
      variables: [{ name: "x", cost: 1, kind: "integer" as const, upper: 1 }],
      rows: [{ name: "r", terms: [{ variable: "x", coefficient: 1 }], lower: 2 }],
    };
    await expect(solveMilp(program)).rejects.toThrow(MilpError);
    await expect(solveMilp(program)).rejects.toThrow(/no feasible solution/);
  });

  it("solveMilp stopped by its time limit returns the best plan found with its gap, never worse than the start it was given", async () => {
    // A set cover far too large to prove in a millisecond: 400 columns, 300 rows of 12 columns each.
    // The start (every column) is feasible, so the solver always holds a plan when time runs out.
    const columns = 400;
    const variables = Array.from({ length: columns }, (_, index) => ({ name: `c${index}`, cost: 1 + ((index * 37) % 11), kind: "binary" as const }));
    const rows = Array.from({ length: 300 }, (_, row) => {
      const members = new Set(Array.from({ length: 12 }, (_, term) => (row * 7 + term * 13 + term * term * 3) % columns));
      return { name: `r${row}`, terms: [...members].map((index) => ({ variable: `c${index}`, coefficient: 1 })), lower: 1 };
    });
    const start = new Map(variables.map((variable) => [variable.name, 1]));
    const startCost = variables.reduce((sum, variable) => sum + variable.cost, 0);
    const solution = await solveMilp({ variables, rows }, { timeLimitSeconds: 0.001, start });
    expect(solution.status).toBe("timeLimit");
    expect(solution.gap).toBeGreaterThan(0);
    expect(solution.gap).toBeLessThanOrEqual(1);
    expect(solution.objective).toBeLessThanOrEqual(startCost);
    // The plan it reports is a real cover, and its objective is its cost.
    for (const row of rows) expect(row.terms.reduce((sum, term) => sum + solution.values.get(term.variable)!, 0)).toBeGreaterThanOrEqual(1);
    expect(variables.reduce((sum, variable) => sum + variable.cost * solution.values.get(variable.name)!, 0)).toBeCloseTo(solution.objective, 6);
  });
});
