// Solves a LinearProgram with HiGHS (compiled to WebAssembly, package `highs`): a well-kept
// branch-and-cut MILP solver, so shift plans are proven optimal (or come with their gap) instead of
// being a heuristic's guess.

import type { Highs } from "highs";
import * as highsPackage from "highs";
import { type LinearProgram, lpText } from "./linearProgram.ts";

/** How a solve ended. `timeLimit` still carries the best plan found, with its optimality gap. */
export type MilpStatus = "optimal" | "timeLimit" | "infeasible";

/** A solved program: variable values by name, the objective and, for a limited solve, the relative gap. */
export interface MilpSolution {
  readonly status: MilpStatus;
  readonly objective: number;
  /** Relative gap between the plan and the best bound (0 when optimal). */
  readonly gap: number;
  readonly values: ReadonlyMap<string, number>;
  readonly seconds: number;
}

/** Solver settings a caller may give. */
export interface MilpOptions {
  /** Wall-clock limit of the solve; the best plan found so far is returned with its gap. */
  readonly timeLimitSeconds?: number;
  /** Stop once the plan is proven within this relative gap of the optimum (HiGHS default 1e-4). */
  readonly relativeGap?: number;
  /**
   * A known feasible solution by variable name (missing names are 0): the solver starts from it, so
   * even a solve stopped by its time limit returns a plan at least this good.
   */
  readonly start?: ReadonlyMap<string, number>;
}

/** Raised when the program has no solution at all, or the solver found no plan within its time limit. */
export class MilpError extends Error {
  constructor(
    message: string,
    readonly status: string,
  ) {
    super(message);
    this.name = "MilpError";
  }
}

/** The default time limit of one solve: plans for a week of 15-minute intervals solve in well under it. */
export const DEFAULT_MILP_TIME_LIMIT_SECONDS = 30;

type HighsLoader = () => Promise<Highs>;
// The package ships an ES module whose default export is the loader, but its types sit in a
// CommonJS-typed package, so TypeScript (NodeNext) places the loader one `default` deeper than the
// runtime does. Take whichever level holds the function.
const packageDefault = (highsPackage as unknown as { default: HighsLoader | { default: HighsLoader } }).default;
const loadHighs: HighsLoader = typeof packageDefault === "function" ? packageDefault : packageDefault.default;
// The WebAssembly module is compiled once per process: it is a read-only solver library, not run
// state, and compiling it takes longer than most solves.
let highsInstance: Promise<Highs> | undefined;

/**
 * Minimises the program. Integer values are rounded to the nearest integer (HiGHS returns them within
 * its feasibility tolerance, e.g. 2.9999999999).
 *
 * @example
 * await solveMilp({ variables: [{ name: "x", cost: 1, kind: "integer" }], rows: [{ name: "r", terms: [{ variable: "x", coefficient: 2 }], lower: 3 }] })
 * // { status: "optimal", objective: 2, gap: 0, values: Map { "x" => 2 }, ... }
 */
export async function solveMilp(program: LinearProgram, options: MilpOptions = {}): Promise<MilpSolution> {
  highsInstance ??= loadHighs();
  const highs = await highsInstance;
  // The solver sees positional names (x0, x1, …; r0, r1, …): a caller's name that is an LP keyword
  // (`free`, `bounds`, `end`, …) would make the reader abort the WebAssembly module.
  const renamed = new Map(program.variables.map((variable, index) => [variable.name, `x${index}`]));
  const text = lpText({
    variables: program.variables.map((variable) => ({ ...variable, name: renamed.get(variable.name)! })),
    rows: program.rows.map((row, index) => ({
      ...row,
      name: `r${index}`,
      terms: row.terms.map((term) => ({ ...term, variable: renamed.get(term.variable) ?? term.variable })),
    })),
  });
  const model = highs.createModel({ format: "lp", data: text });
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? DEFAULT_MILP_TIME_LIMIT_SECONDS,
      mip_rel_gap: options.relativeGap ?? 1e-4,
      // One thread: the WebAssembly build is single-threaded anyway, and a fixed random seed keeps
      // the branch-and-cut path, hence the plan among equal-cost optima, the same on every run.
      random_seed: 0,
      // With integer costs on integer variables only, every plan's objective is an integer, so a plan
      // within less than 1 of the bound is optimal: stopping there skips a long, useless proof.
      mip_abs_gap: program.variables.every((variable) => variable.cost === 0 || (variable.kind !== "continuous" && Number.isInteger(variable.cost)))
        ? 1 - 1e-6
        : 1e-6,
    });
    // The LP reader numbers columns in order of first appearance in the text (objective first), not
    // in the program's order: map by name both ways.
    const columns = Array.from({ length: program.variables.length }, (_, column) => program.variables[Number(model.getColName(column).slice(1))]!.name);
    if (options.start !== undefined) model.setSolution({ colValue: Float64Array.from(columns, (name) => options.start!.get(name) ?? 0) });
    model.run();
    const code = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const seconds = model.getRunTime();
    if (code === codes.infeasible) throw new MilpError("the program has no feasible solution", "infeasible");
    const solution = model.getSolution();
    const hasPlan = solution.colValue.length === program.variables.length && Number.isFinite(model.getObjectiveValue());
    if (code === codes.timeLimit && !hasPlan)
      throw new MilpError(`no plan found within the time limit (${options.timeLimitSeconds ?? DEFAULT_MILP_TIME_LIMIT_SECONDS} s)`, "timeLimit");
    if (code !== codes.optimal && code !== codes.timeLimit) throw new MilpError(`solver stopped with status ${code}`, String(code));
    const values = new Map<string, number>();
    const kinds = new Map(program.variables.map((variable) => [variable.name, variable.kind]));
    columns.forEach((name, column) => {
      const value = solution.colValue[column]!;
      values.set(name, kinds.get(name) === "continuous" ? value : Math.round(value));
    });
    const gapInfo = code === codes.optimal ? 0 : Number(model.info.get("mip_gap"));
    return {
      status: code === codes.optimal ? "optimal" : "timeLimit",
      objective: model.getObjectiveValue(),
      gap: Number.isFinite(gapInfo) ? gapInfo : 1,
      values,
      seconds,
    };
  } finally {
    model.dispose();
  }
}
