import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./evaluateCondition.ts";
import { EXAMPLE_POLICIES } from "./examples.ts";
import { formatCondition } from "./formatCondition.ts";
import { parseCondition } from "./parseCondition.ts";
import { conditionArbitrary, leafArbitrary, signalsArbitrary } from "./testArbitraries.ts";

describe("formatCondition", () => {
  it.each([
    "step in [payment, review] and idleSeconds >= 30",
    "exitIntent",
    "not returningVisitor and cartValue > 200 or formErrors >= 2",
    "exitIntent and (cartValue > 200 or formErrors >= 2)",
    "not (exitIntent or returningVisitor)",
    "(exitIntent and returningVisitor) and pageViews notIn [1, 2]",
    'step == "order review" or device != mobile',
    "exitIntent == false",
  ])("formatCondition(parseCondition(%j)) gives the text back", (text) => {
    expect(formatCondition(parseCondition(text))).toBe(text);
  });

  it("formatCondition prints the example policies' rules in canonical form", () => {
    const texts = Object.values(EXAMPLE_POLICIES).flatMap((policy) => (policy.rules ?? []).map((rule) => rule.when));
    for (const text of texts) expect(formatCondition(parseCondition(text as string))).toBe(text);
  });

  it("formatCondition normalizes operator spellings", () => {
    expect(formatCondition(parseCondition("!exitIntent && (pageViews>1 || step not in ['a'])"))).toBe("not exitIntent and (pageViews > 1 or step notIn [a])");
  });

  it("formatCondition quotes keywords, spaces and quotes in text values", () => {
    expect(formatCondition({ signal: "step", op: "in", value: ["and", "a b", 'x"y', "", "9lives"] })).toBe('step in ["and", "a b", "x\\"y", "", "9lives"]');
  });

  it("formatCondition({all: []}) and ({any: []}) throw: the compact form has no constant", () => {
    expect(() => formatCondition({ all: [] })).toThrow(/^invalid condition: empty all\/any list/);
    expect(() => formatCondition({ any: [] })).toThrow(/^invalid condition: empty all\/any list/);
  });

  it("parseCondition(formatCondition(ast)) returns the same AST when every all/any has two or more items", () => {
    fc.assert(
      fc.property(conditionArbitrary(leafArbitrary(), 3, 2), (condition) => {
        expect(parseCondition(formatCondition(condition))).toEqual(condition);
      }),
      { numRuns: 500 },
    );
  });

  it("parseCondition(formatCondition(ast)) evaluates like ast on random signals, one-item lists included", () => {
    fc.assert(
      fc.property(conditionArbitrary(leafArbitrary(), 3, 1), fc.array(signalsArbitrary, { minLength: 1, maxLength: 5 }), (condition, samples) => {
        const reparsed = parseCondition(formatCondition(condition));
        for (const signals of samples) expect(evaluateCondition(reparsed, signals)).toBe(evaluateCondition(condition, signals));
      }),
      { numRuns: 500 },
    );
  });
});
