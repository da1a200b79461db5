import { describe, expect, it } from "vitest";
import type { ValidationReport, ValidationRow } from "./runValidation.ts";
import { validationTable } from "./validationTable.ts";

const row = (overrides: Partial<ValidationRow>): ValidationRow => ({
  case: "desk A",
  figure: "P(wait)",
  exact: 0.5,
  simulatedMean: 0.49,
  low: 0.48,
  high: 0.52,
  inside: true,
  expectation: "inside",
  asExpected: true,
  ...overrides,
});

const report = (rows: ValidationRow[]): ValidationReport => ({
  seed: 1,
  replications: 20,
  confidenceLevel: 0.99,
  cases: [
    { name: "desk A", exactSolution: "M/M/c/K | K = 10", test: "x.test.ts", replications: 20, chats: 1234567, warmupChats: 890 },
    { name: "old desk", exactSolution: "chain", test: "y.test.ts", replications: 20, chats: 1000, warmupChats: 0 },
  ],
  rows,
  passed: rows.every((candidate) => candidate.asExpected),
});

describe("validationTable", () => {
  it("prints the seeds, a figure table, a case table and the verdict, as markdown", () => {
    const text = validationTable(
      report([
        row({}),
        row({ figure: "mean wait (s)", exact: 123.456, simulatedMean: 120, low: 110.04, high: 130 }),
        row({ case: "old desk", figure: "P(abandon)", exact: 0.084, low: 0.07, high: 0.08, inside: false, expectation: "ciBelow" }),
      ]),
    );
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("Seeds 1..20 (20 replications per case), 99% t-intervals over the replications.");
    expect(lines[2]).toBe("| case | figure | exact | simulated mean | 99% CI | inside? |");
    expect(lines[4]).toBe("| desk A | P(wait) | 0.5000 | 0.4900 | [0.4800, 0.5200] | yes |");
    expect(lines[5]).toBe("| desk A | mean wait (s) | 123.5 | 120.0 | [110.0, 130.0] | yes |");
    expect(lines[6]).toBe("| old desk | P(abandon) | 0.08400 | 0.4900 | [0.07000, 0.08000] | no (CI below exact; expected: old semantics) |");
    expect(lines).toContain("| desk A | M/M/c/K \\| K = 10 | 20 | 1,234,567 | 890 |");
    expect(lines.at(-1)).toBe(
      "passed: all 3 figures as expected (2 exact values inside the 99% CI; the 1 old-semantics figure outside, as it should be); 2 cases, 1,235,567 chats simulated.",
    );
  });

  it("marks a figure outside its interval, or inside when it should be outside, and says FAILED", () => {
    const text = validationTable(
      report([row({ exact: 0.6, inside: false, asExpected: false }), row({ case: "old desk", expectation: "ciAbove", asExpected: false })]),
    );
    expect(text).toContain("| desk A | P(wait) | 0.6000 | 0.4900 | [0.4800, 0.5200] | **no** (CI below exact) ✗ |");
    expect(text).toContain("| old desk | P(wait) | 0.5000 | 0.4900 | [0.4800, 0.5200] | **yes** (expected CI above exact) ✗ |");
    expect(text.trimEnd().split("\n").at(-1)).toBe("FAILED: 2 of 2 figures not as expected (marked ✗); 2 cases, 1,235,567 chats simulated.");
  });
});
