// runValidation on a small subset (3 replications): the report's structure, the interval arithmetic,
// and that a wrong exact value or a wrong expected side is caught. Fast: a dozen 3-day replications.

import { describe, expect, it } from "vitest";
import { tInterval } from "../../experiments/stats/index.ts";
import { simulateChatOnly } from "../../sim/model/index.ts";
import { runValidation } from "./runValidation.ts";
import { type ValidationCase, validationCases } from "./validationCases.ts";

const REPLICATIONS = 3;
const SEED = 11;
const subset = validationCases().filter((validationCase) => /pool 7 Erlangs|Erlang B/.test(validationCase.name));

describe("runValidation", () => {
  const report = runValidation(subset, { seed: SEED, replications: REPLICATIONS });

  it("gives one row per figure, in case order, each exact value the case's own", () => {
    expect(subset.length).toBe(2);
    expect(report.rows.map((row) => [row.case, row.figure, row.exact])).toEqual(
      subset.flatMap((validationCase) => validationCase.figures.map((figure) => [validationCase.name, figure.figure, figure.exact])),
    );
    expect(report).toMatchObject({ seed: SEED, replications: REPLICATIONS, confidenceLevel: 0.99 });
  });

  it("each row's mean and interval are the 99% t-interval of the figure over replications seed, seed + 1, ...", () => {
    const pool = subset[0];
    const runs = [SEED, SEED + 1, SEED + 2].map((seed) => simulateChatOnly(pool.config, { seed }));
    for (const figure of pool.figures) {
      const interval = tInterval(
        runs.map((run) => figure.measure(run) as number),
        0.99,
      );
      const row = report.rows.find((candidate) => candidate.case === pool.name && candidate.figure === figure.figure);
      expect(row).toMatchObject({ simulatedMean: interval.mean, low: interval.lower, high: interval.upper });
      expect(row?.inside).toBe(interval.lower! <= figure.exact && figure.exact <= interval.upper!);
    }
    expect(report.cases[0]).toMatchObject({
      name: pool.name,
      replications: REPLICATIONS,
      chats: runs.reduce((total, run) => total + run.chat.requests, 0),
      warmupChats: runs.reduce((total, run) => total + run.chat.warmup.excludedRequests, 0),
    });
    expect(report.cases[0].chats).toBeGreaterThan(20_000);
  });

  it("is deterministic: the same cases, seed and replications give the same report", () => {
    expect(runValidation(subset, { seed: SEED, replications: REPLICATIONS })).toEqual(report);
  });

  it("fails a figure whose exact value lies outside the interval, and one expected outside that is not", () => {
    const erlangB = subset[1];
    const blocking = erlangB.figures[0];
    const wrong: ValidationCase = {
      ...erlangB,
      figures: [
        { ...blocking, figure: "a blocking rate of 2", exact: 2 },
        { ...blocking, figure: "above 2, as expected", exact: 2, expectation: "ciBelow" },
        { ...blocking, figure: "the exact value, expected outside", expectation: "ciAbove" },
      ],
    };
    const checked = runValidation([wrong], { seed: SEED, replications: REPLICATIONS });
    expect(checked.rows.map((row) => [row.inside, row.asExpected])).toEqual([
      [false, false],
      [false, true],
      [report.rows.find((row) => row.case === erlangB.name)?.inside, false],
    ]);
    expect(checked.passed).toBe(false);
  });

  it("refuses a single replication (no interval)", () => {
    expect(() => runValidation(subset.slice(1), { seed: SEED, replications: 1 })).toThrow(/at least 2 replications/);
  });
});
