import { describe, expect, it } from "vitest";
import { dayBands } from "../experiments/replications/index.ts";
import { ReportInputError } from "./ReportInputError.ts";
import { parseReportDocument, REPORT_KINDS } from "./reportDocument.ts";
import { comparisonFixture, stampFixture, storeResultsFixture, syntheticCheckFixture } from "./testing/index.ts";

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportInputError) return error.message;
    throw error;
  }
  throw new Error("expected a ReportInputError");
}

describe("parseReportDocument", () => {
  it("parseReportDocument({ stamp, results }) finds the simulate body under results", () => {
    const document = parseReportDocument({ stamp: stampFixture(), results: storeResultsFixture() }, "sim.json");
    expect([document.bodyKey, document.body.kind, document.stamp?.seed, document.source]).toEqual(["results", "store", 20261123, "sim.json"]);
  });

  it("parseReportDocument({ stamp, results, dayBands }) hands the day's bands to the body; bands over other intervals are one error line", () => {
    const results = storeResultsFixture({ days: 1 });
    const bands = dayBands([results, results]);
    const document = parseReportDocument({ stamp: stampFixture(), results, dayBands: bands }, "sim.json");
    expect((document.body as { dayBands?: unknown }).dayBands).toEqual(bands);
    const shorter = { ...bands, startSeconds: bands.startSeconds.slice(1) };
    expect(problemsOf(() => parseReportDocument({ results, dayBands: shorter }, "sim.json"))).toMatch(
      /^sim\.json:\n {2}invalid dayBands: an object \(must be \{ replications, level, startSeconds, series \} over the run's 48 intervals\)$/,
    );
  });

  it("parseReportDocument({ stamp, comparison }) finds a body under its kind's key", () => {
    const document = parseReportDocument({ stamp: stampFixture({ command: "compare" }), comparison: comparisonFixture(), grid: null }, "compare.json");
    expect([document.bodyKey, document.body.kind]).toEqual(["comparison", "comparison"]);
  });

  it("parseReportDocument({ stamp, check }) reads `check --json` output, and names the fields its section needs", () => {
    const document = parseReportDocument({ stamp: stampFixture({ command: "check" }), check: syntheticCheckFixture() }, "check.json");
    expect([document.bodyKey, document.body.kind]).toEqual(["check", "syntheticCheck"]);
    const check = syntheticCheckFixture() as unknown as Record<string, unknown>;
    delete check.policyConformance;
    expect(problemsOf(() => parseReportDocument({ check }, "c.json"))).toMatch(/invalid check\.policyConformance\.rows: missing \(must be an array\)/);
  });

  it("parseReportDocument accepts a document without a stamp", () => {
    expect(parseReportDocument({ results: storeResultsFixture() }, "x.json").stamp).toBeNull();
  });

  it("parseReportDocument rejects an unknown kind, naming the allowed ones", () => {
    expect(problemsOf(() => parseReportDocument({ results: { kind: "weather" } }, "w.json"))).toMatch(
      /^w\.json:\n {2}invalid results\.kind: "weather" \(allowed: store, chatOnly, comparison, decision, staffing, calibration, syntheticCheck, teamFigures\)$/,
    );
    expect(REPORT_KINDS).toHaveLength(8);
  });

  it("parseReportDocument lists every missing or mistyped field the sections need", () => {
    const results = storeResultsFixture() as unknown as Record<string, unknown>;
    delete results.funnel;
    results.intervals = "none";
    const message = problemsOf(() => parseReportDocument({ results }, "bad.json"));
    expect(message).toMatch(/invalid results\.funnel\.steps: missing \(must be an array\)/);
    expect(message).toMatch(/invalid results\.intervals\.startSeconds: missing \(must be an array\)/);
  });

  it("parseReportDocument rejects documents that are not objects or have no body", () => {
    expect(problemsOf(() => parseReportDocument([1, 2], "a.json"))).toMatch(/invalid document: an array \(must be an object such as \{ stamp, results \}\)/);
    expect(problemsOf(() => parseReportDocument({ stamp: {} }, "b.json"))).toMatch(/invalid document: no results/);
    expect(problemsOf(() => parseReportDocument({ stamp: 3, results: storeResultsFixture() }, "c.json"))).toMatch(/invalid stamp: 3 \(must be an object\)/);
  });
});
