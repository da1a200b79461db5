import { describe, expect, it } from "vitest";
import type { SyntheticCheckResults as ReportInput } from "../../../reports/index.ts";
import { CHECK_NAMES, type SyntheticCheckResults } from "./checkResults.ts";

// Compile-time check: what `check --json` writes is what the report reads. If a field the report's
// section uses changes here, `tsc` fails on this line first.
type Assignable<From, To> = From extends To ? true : false;
const resultsFit: Assignable<SyntheticCheckResults, ReportInput> = true;

describe("checkResults", () => {
  it("SyntheticCheckResults is assignable to the report's input type, and CHECK_NAMES lists the six checks in report order", () => {
    expect(resultsFit).toBe(true);
    expect(CHECK_NAMES).toEqual(["funnel", "money", "formValidation", "chatPolicy", "stepTimings", "layout"]);
  });
});
