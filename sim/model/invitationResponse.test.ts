import { describe, expect, it } from "vitest";
import { acceptanceProbability, annoyanceProbability } from "./invitationResponse.ts";

const config = { ifNotHesitating: 0.25, onExitIntent: 0.6, laterAfterSeconds: 120, laterMultiplier: 1.79, returningMultiplier: 1.64 };
const early = { hesitating: true, onExitIntent: false, timeOnSiteSeconds: 30, returningVisitor: false };

describe("acceptanceProbability", () => {
  it("an early invitation to a hesitating first-time visitor is accepted with the openness itself", () => {
    expect(acceptanceProbability(0.2, early, config)).toBe(0.2);
  });

  it("multiplies by each circumstance: 0.2 × 0.25 × 0.6 × 1.79 × 1.64 = 0.088068", () => {
    const context = { hesitating: false, onExitIntent: true, timeOnSiteSeconds: 120, returningVisitor: true };
    expect(acceptanceProbability(0.2, context, config)).toBeCloseTo(0.2 * 0.25 * 0.6 * 1.79 * 1.64, 12);
  });

  it("counts as later from laterAfterSeconds on, not before", () => {
    expect(acceptanceProbability(0.2, { ...early, timeOnSiteSeconds: 119.999 }, config)).toBe(0.2);
    expect(acceptanceProbability(0.2, { ...early, timeOnSiteSeconds: 120 }, config)).toBeCloseTo(0.358, 12);
  });

  it("is capped at 1", () => {
    expect(acceptanceProbability(0.9, { ...early, timeOnSiteSeconds: 500, returningVisitor: true }, config)).toBe(1);
  });
});

describe("annoyanceProbability", () => {
  it("the first invitation annoys with the sensitivity; each repeat multiplies it: 0.04, 0.06, 0.09", () => {
    expect(annoyanceProbability(0.04, 1, 1.5)).toBe(0.04);
    expect(annoyanceProbability(0.04, 2, 1.5)).toBeCloseTo(0.06, 12);
    expect(annoyanceProbability(0.04, 3, 1.5)).toBeCloseTo(0.09, 12);
  });

  it("multiplier 1 keeps repeats as annoying as the first; the result never exceeds 1", () => {
    expect(annoyanceProbability(0.04, 4, 1)).toBe(0.04);
    expect(annoyanceProbability(0.5, 5, 3)).toBe(1);
  });
});
