import { describe, expect, it } from "vitest";
import type { ComparisonResults as LandedComparison } from "../experiments/compare/index.ts";
import type { StaffingResults as LandedStaffing } from "../experiments/staffing/staffingTypes.ts";
import type { WorldDecisionResults as LandedDecision } from "../experiments/worlds/index.ts";
import type { ComparisonResults, DecisionResults, StaffingResults } from "./inputTypes.ts";

// Compile-time checks: the documents `compare` and `staff` write are accepted by the report as they
// are. If experiments/ changes a field the report reads, `tsc` fails here first.
type Assignable<From, To> = From extends To ? true : false;
const comparisonFits: Assignable<LandedComparison, ComparisonResults> = true;
const staffingFits: Assignable<LandedStaffing, StaffingResults> = true;
const decisionFits: Assignable<LandedDecision, DecisionResults> = true;

describe("inputTypes", () => {
  it("the landed comparison, staffing and decision result types are assignable to the report's input types", () => {
    expect([comparisonFits, staffingFits, decisionFits]).toEqual([true, true, true]);
  });
});
