// A small builder for mixed-integer linear programs, written out in the CPLEX LP text format that
// HiGHS reads. Variables and rows are named by the caller, so a solution (and a diagnosis of an
// infeasible model) can be read back by name rather than by position.

/** One term `coefficient × variable`. */
export interface LinearTerm {
  readonly variable: string;
  readonly coefficient: number;
}

/** A linear row `lower ≤ Σ terms ≤ upper` (either side may be omitted). */
export interface LinearRow {
  readonly name: string;
  readonly terms: readonly LinearTerm[];
  readonly lower?: number;
  readonly upper?: number;
}

/** A variable with bounds (default 0 … +∞) and a kind. */
export interface LinearVariable {
  readonly name: string;
  readonly cost: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly kind: "continuous" | "integer" | "binary";
}

/** A minimisation problem. */
export interface LinearProgram {
  readonly variables: readonly LinearVariable[];
  readonly rows: readonly LinearRow[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Formats a coefficient without exponent notation (the LP reader rejects none, but this keeps files readable and exact for integers). */
function coefficientText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function expression(terms: readonly LinearTerm[]): string {
  if (terms.length === 0) return "0";
  // One term per line: the LP format allows an expression over several lines, and HiGHS's reader
  // has a line-length limit that a row over a week of intervals would pass.
  return terms
    .map((term, index) => {
      const sign = term.coefficient < 0 ? "-" : index === 0 ? "" : "+";
      return ` ${sign} ${coefficientText(Math.abs(term.coefficient))} ${term.variable}`;
    })
    .join("\n");
}

/**
 * The program in CPLEX LP format. Names must be LP identifiers (letters, digits, `_`, `.`), unique
 * among variables and among rows; every variable a row mentions must be declared.
 *
 * @example
 * lpText({ variables: [{ name: "x", cost: 1, kind: "integer" }], rows: [{ name: "r", terms: [{ variable: "x", coefficient: 2 }], lower: 3 }] })
 * // "Minimize\n obj:\n  1 x\nSubject To\n r:\n  2 x >= 3\nBounds\n 0 <= x <= +inf\nGeneral\n x\nEnd\n"
 */
export function lpText(program: LinearProgram): string {
  const declared = new Set<string>();
  for (const variable of program.variables) {
    if (!NAME.test(variable.name)) throw new RangeError(`invalid variable name: ${variable.name}`);
    if (declared.has(variable.name)) throw new RangeError(`duplicate variable name: ${variable.name}`);
    declared.add(variable.name);
  }
  const rowNames = new Set<string>();
  const lines = ["Minimize", " obj:"];
  const costly = program.variables.filter((variable) => variable.cost !== 0);
  lines.push(
    costly.length === 0 ? " 0 " + program.variables[0]!.name : expression(costly.map((variable) => ({ variable: variable.name, coefficient: variable.cost }))),
  );
  lines.push("Subject To");
  for (const row of program.rows) {
    if (!NAME.test(row.name)) throw new RangeError(`invalid row name: ${row.name}`);
    if (rowNames.has(row.name)) throw new RangeError(`duplicate row name: ${row.name}`);
    rowNames.add(row.name);
    for (const term of row.terms) if (!declared.has(term.variable)) throw new RangeError(`row ${row.name} uses undeclared variable ${term.variable}`);
    if (row.terms.length === 0) continue;
    // A ranged row is written as two rows, `name.lo` and `name.hi`, so each keeps a readable name.
    if (row.lower !== undefined && row.upper !== undefined && row.lower !== row.upper) {
      lines.push(` ${row.name}.lo:`, expression(row.terms) + ` >= ${coefficientText(row.lower)}`);
      lines.push(` ${row.name}.hi:`, expression(row.terms) + ` <= ${coefficientText(row.upper)}`);
    } else if (row.lower !== undefined && row.lower === row.upper) {
      lines.push(` ${row.name}:`, expression(row.terms) + ` = ${coefficientText(row.lower)}`);
    } else if (row.lower !== undefined) {
      lines.push(` ${row.name}:`, expression(row.terms) + ` >= ${coefficientText(row.lower)}`);
    } else if (row.upper !== undefined) {
      lines.push(` ${row.name}:`, expression(row.terms) + ` <= ${coefficientText(row.upper)}`);
    }
  }
  lines.push("Bounds");
  for (const variable of program.variables) {
    if (variable.kind === "binary") continue;
    const lower = variable.lower ?? 0;
    const upper = variable.upper === undefined ? "+inf" : coefficientText(variable.upper);
    lines.push(` ${coefficientText(lower)} <= ${variable.name} <= ${upper}`);
  }
  const integers = program.variables.filter((variable) => variable.kind === "integer").map((variable) => variable.name);
  const binaries = program.variables.filter((variable) => variable.kind === "binary").map((variable) => variable.name);
  if (integers.length > 0) lines.push("General", ...integers.map((name) => ` ${name}`));
  if (binaries.length > 0) lines.push("Binary", ...binaries.map((name) => ` ${name}`));
  lines.push("End", "");
  return lines.join("\n");
}
