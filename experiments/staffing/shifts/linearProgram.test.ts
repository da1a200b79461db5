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

  it("lpText: a cost-free objective names a variable at 0; empty rows are dropped; upper-only rows, lower bounds and decimals written exactly", () => {
    const text = lpText({
      variables: [
        { name: "a.b_1", cost: 0, lower: 2, upper: 7.5, kind: "continuous" },
        { name: "_c", cost: 0, kind: "integer" },
      ],
      rows: [
        { name: "empty", terms: [], lower: 1 },
        { name: "cap", terms: [{ variable: "a.b_1", coefficient: 0.1 + 0.2 }], upper: 0.7 },
        { name: "free", terms: [{ variable: "_c", coefficient: 1 }] },
      ],
    });
    // 0.1 + 0.2 is 0.30000000000000004 in binary: written as 0.3 (15 significant digits).
    expect(text).toBe(
      [
        "Minimize",
        " obj:",
        " 0 a.b_1",
        "Subject To",
        " cap:",
        "  0.3 a.b_1 <= 0.7",
        "Bounds",
        " 2 <= a.b_1 <= 7.5",
        " 0 <= _c <= +inf",
        "General",
        " _c",
        "End",
        "",
      ].join("\n"),
    );
  });

  it("lpText names the bad row: a name the reader would misread or one used twice", () => {
    const variables = [{ name: "x", cost: 1, kind: "integer" as const }];
    const row = (name: string) => ({ name, terms: [{ variable: "x", coefficient: 1 }], lower: 1 });
    for (const name of ["1st", "a b", "a-b", ""]) expect(() => lpText({ variables, rows: [row(name)] })).toThrow(`invalid row name: ${name}`);
    for (const name of ["9x", "x y", "x+"])
      expect(() => lpText({ variables: [{ name, cost: 1, kind: "integer" }], rows: [] })).toThrow(`invalid variable name: ${name}`);
    expect(() => lpText({ variables, rows: [row("r"), row("r")] })).toThrow("duplicate row name: r");
    expect(() => lpText({ variables, rows: [{ name: "r", terms: [{ variable: "y", coefficient: 1 }], lower: 1 }] })).toThrow(
      "row r uses undeclared variable y",
    );
  });
});
