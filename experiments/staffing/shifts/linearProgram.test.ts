import { describe, expect, it } from "vitest";
import { lpText } from "./linearProgram.ts";

describe("lpText", () => {
  it("lpText(program) writes objective, rows, bounds and integrality in CPLEX LP format", () => {
    const text = lpText({
      variables: [
        { name: "x", cost: 1, kind: "integer" },
        { name: "y", cost: -2.5, upper: 4, kind: "continuous" },
        { name: "z", cost: 0, kind: "binary" },
      ],
      rows: [
        {
          name: "need",
          terms: [
            { variable: "x", coefficient: 2 },
            { variable: "y", coefficient: -1 },
          ],
          lower: 3,
        },
        { name: "band", terms: [{ variable: "z", coefficient: 1 }], lower: 0, upper: 1 },
        { name: "fix", terms: [{ variable: "x", coefficient: 1 }], lower: 2, upper: 2 },
      ],
    });
    expect(text).toBe(
      [
        "Minimize",
        " obj:",
        "  1 x",
        " - 2.5 y",
        "Subject To",
        " need:",
        "  2 x",
        " - 1 y >= 3",
        " band.lo:",
        "  1 z >= 0",
        " band.hi:",
        "  1 z <= 1",
        " fix:",
        "  1 x = 2",
        "Bounds",
        " 0 <= x <= +inf",
        " 0 <= y <= 4",
        "General",
        " x",
        "Binary",
        " z",
        "End",
        "",
      ].join("\n"),
    );
  });

  it("lpText rejects names the LP reader would misread, duplicates and undeclared variables", () => {
    expect(() => lpText({ variables: [{ name: "a b", cost: 1, kind: "integer" }], rows: [] })).toThrow(/invalid variable name: a b/);
    expect(() =>
      lpText({
        variables: [
          { name: "a", cost: 1, kind: "integer" },
          { name: "a", cost: 1, kind: "integer" },
        ],
        rows: [],
      }),
    ).toThrow(/duplicate variable name: a/);
    expect(() =>
      lpText({ variables: [{ name: "a", cost: 1, kind: "integer" }], rows: [{ name: "r", terms: [{ variable: "b", coefficient: 1 }], lower: 1 }] }),
    ).toThrow(/undeclared variable b/);
  });
});
