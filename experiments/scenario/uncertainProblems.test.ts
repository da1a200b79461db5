import { describe, expect, it } from "vitest";
import { parseScenario } from "./index.ts";
import { MINIMAL_STORE, problemsOf } from "./testScenarios.ts";

/** A minimal store with one edit, for the uncertainty's error lines. */
function storeProblems(edit: (data: Record<string, any>) => void): readonly string[] {
  const data: Record<string, any> = structuredClone(MINIMAL_STORE);
  edit(data);
  return problemsOf(() => parseScenario(data));
}

// The house format every problem line keeps: `invalid FIELD: VALUE (WHAT IS ALLOWED)`.
const HOUSE_LINE = /^(invalid|missing) \S+: .+ \(.+\)$/;

describe("problems found with uncertain parameters at one end of their ranges", () => {
  // Found by the scenario fuzz suite: a distribution judged whole (its mean too large) when only
  // its uncertain mean's high end is at fault read "with the uncertain parameters at …: invalid …".
  it("a distribution whose uncertain mean is too large at its high end names the uncertain field", () => {
    const problems = storeProblems((data) => {
      data.segments[0].patienceSeconds = { kind: "exponential", mean: { uncertain: { low: 100, high: 1.5e12 } } };
    });
    expect(problems).toEqual([
      "invalid segments[0].patienceSeconds.mean.uncertain.high: 1500000000000 (must have a mean of at most 1000000000000 in size, not 1500000000000)",
    ]);
  });

  it("a problem elsewhere that only some ends cause keeps the house format and says which ends", () => {
    const problems = storeProblems((data) => {
      data.segments[0].patienceSeconds = { kind: "uniform", min: { uncertain: { low: 10, high: 500 } }, max: 300 };
    });
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line).toMatch(HOUSE_LINE);
    expect(problems.join("\n")).toMatch(/uncertain/);
  });
});
