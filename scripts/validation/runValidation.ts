import { tInterval } from "../../experiments/stats/index.ts";
import { type ChatOnlyResults, simulateChatOnly } from "../../sim/model/index.ts";
import type { Expectation, ValidationCase } from "./validationCases.ts";

/** The tests' seeds: replication r runs with seed `seed + r`, so the default is seeds 1..20. */
export const DEFAULT_VALIDATION_SEED = 1;
/** Replications per case in the tests of sim/model. */
export const DEFAULT_VALIDATION_REPLICATIONS = 20;
/** The interval every figure is checked against (the tests' 99% t-interval). */
export const VALIDATION_CONFIDENCE_LEVEL = 0.99;

export interface ValidationOptions {
  readonly seed: number;
  readonly replications: number;
  /** Called before each case runs (progress on stderr). */
  readonly onCase?: (validationCase: ValidationCase, index: number, count: number) => void;
}

/** One figure of one case: the exact value against the simulation's interval. */
export interface ValidationRow {
  readonly case: string;
  readonly figure: string;
  readonly exact: number;
  readonly simulatedMean: number;
  readonly low: number;
  readonly high: number;
  readonly inside: boolean;
  readonly expectation: Expectation;
  /** The exact value lies where the case expects it (inside the interval, or wholly outside it on the expected side). */
  readonly asExpected: boolean;
}

/** What one case ran. */
export interface ValidationCaseSummary {
  readonly name: string;
  readonly exactSolution: string;
  readonly test: string;
  readonly replications: number;
  /** Chats counted in the figures (arrived after the warm-up), summed over the replications. */
  readonly chats: number;
  /** Chats that arrived during the warm-ups and were left out. */
  readonly warmupChats: number;
}

export interface ValidationReport {
  readonly seed: number;
  readonly replications: number;
  readonly confidenceLevel: number;
  readonly cases: readonly ValidationCaseSummary[];
  readonly rows: readonly ValidationRow[];
  /** Every row as expected. */
  readonly passed: boolean;
}

/**
 * Runs every case `replications` times (seeds seed, seed + 1, ...) and sets each exact value against
 * the 99% t-interval of its figure over the replications (Law, "Simulation Modeling and Analysis",
 * 5th ed., sec. 9.4.1). Deterministic: the same cases, seed and replications give the same report.
 */
export function runValidation(cases: readonly ValidationCase[], options: ValidationOptions): ValidationReport {
  const summaries: ValidationCaseSummary[] = [];
  const rows: ValidationRow[] = [];
  cases.forEach((validationCase, index) => {
    options.onCase?.(validationCase, index, cases.length);
    const runs: ChatOnlyResults[] = Array.from({ length: options.replications }, (_, replication) =>
      simulateChatOnly(validationCase.config, { seed: options.seed + replication }),
    );
    summaries.push({
      name: validationCase.name,
      exactSolution: validationCase.exactSolution,
      test: validationCase.test,
      replications: options.replications,
      chats: runs.reduce((total, run) => total + run.chat.requests, 0),
      warmupChats: runs.reduce((total, run) => total + run.chat.warmup.excludedRequests, 0),
    });
    for (const figure of validationCase.figures) {
      const values = runs.map((run) => {
        const value = figure.measure(run);
        if (value === null) throw new Error(`${validationCase.name}: a replication had no ${figure.figure}`);
        return value;
      });
      const interval = tInterval(values, VALIDATION_CONFIDENCE_LEVEL);
      // Two or more replications always give an interval; a lone run cannot be checked.
      if (interval.lower === null || interval.upper === null) throw new RangeError("a validation needs at least 2 replications");
      const inside = interval.lower <= figure.exact && figure.exact <= interval.upper;
      const asExpected =
        figure.expectation === "inside" ? inside : figure.expectation === "ciAbove" ? interval.lower > figure.exact : interval.upper < figure.exact;
      rows.push({
        case: validationCase.name,
        figure: figure.figure,
        exact: figure.exact,
        simulatedMean: interval.mean,
        low: interval.lower,
        high: interval.upper,
        inside,
        expectation: figure.expectation,
        asExpected,
      });
    }
  });
  return {
    seed: options.seed,
    replications: options.replications,
    confidenceLevel: VALIDATION_CONFIDENCE_LEVEL,
    cases: summaries,
    rows,
    passed: rows.every((row) => row.asExpected),
  };
}
