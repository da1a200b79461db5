import { describe, expect, it } from "vitest";
import { ConditionParseError } from "./ConditionParseError.ts";
import { parseCondition } from "./parseCondition.ts";
import type { Condition } from "./types.ts";

const exit: Condition = { signal: "exitIntent", op: "==", value: true };
const returning: Condition = { signal: "returningVisitor", op: "==", value: true };
const bigCart: Condition = { signal: "cartValue", op: ">", value: 200 };
const errors: Condition = { signal: "formErrors", op: ">=", value: 2 };

describe("parseCondition", () => {
  it("parseCondition(step in [...] and idleSeconds >= 30) reads a list and a threshold", () => {
    expect(parseCondition("step in [payment, review] and idleSeconds >= 30")).toEqual({
      all: [
        { signal: "step", op: "in", value: ["payment", "review"] },
        { signal: "idleSeconds", op: ">=", value: 30 },
      ],
    });
  });

  it("parseCondition(bare boolean) means == true", () => {
    expect(parseCondition("exitIntent")).toEqual(exit);
  });

  it("parseCondition binds not tighter than and, and tighter than or", () => {
    expect(parseCondition("not returningVisitor and cartValue > 200 or formErrors >= 2")).toEqual({
      any: [{ all: [{ not: returning }, bigCart] }, errors],
    });
  });

  it("parseCondition accepts &&, || and ! as the word operators", () => {
    expect(parseCondition("!returningVisitor && cartValue > 200 || formErrors >= 2")).toEqual(
      parseCondition("not returningVisitor and cartValue > 200 or formErrors >= 2"),
    );
  });

  it("parseCondition keeps parentheses as their own node", () => {
    expect(parseCondition("exitIntent and (cartValue > 200 or formErrors >= 2)")).toEqual({
      all: [exit, { any: [bigCart, errors] }],
    });
    expect(parseCondition("not (exitIntent or returningVisitor)")).toEqual({ not: { any: [exit, returning] } });
    expect(parseCondition("((exitIntent))")).toEqual(exit);
  });

  it("parseCondition flattens a chain into one all/any", () => {
    expect(parseCondition("exitIntent and returningVisitor and cartValue > 200")).toEqual({ all: [exit, returning, bigCart] });
    expect(parseCondition("exitIntent or returningVisitor or cartValue > 200")).toEqual({ any: [exit, returning, bigCart] });
  });

  it.each([
    ["pageViews == 3", "==", 3],
    ["pageViews != 3", "!=", 3],
    ["pageViews < 3", "<", 3],
    ["pageViews <= 3", "<=", 3],
    ["pageViews > 3", ">", 3],
    ["pageViews >= 3", ">=", 3],
    ["pageViews in [1, 2.5, -3]", "in", [1, 2.5, -3]],
    ["pageViews notIn [1e2]", "notIn", [100]],
    ["pageViews not in [0.5]", "notIn", [0.5]],
  ])("parseCondition(%s) reads operator %s", (text, op, value) => {
    expect(parseCondition(text)).toEqual({ signal: "pageViews", op, value });
  });

  it("parseCondition reads quoted, bare and boolean values", () => {
    expect(parseCondition(`step == "order review"`)).toEqual({ signal: "step", op: "==", value: "order review" });
    expect(parseCondition(`step == 'it\\'s'`)).toEqual({ signal: "step", op: "==", value: "it's" });
    expect(parseCondition(`step == "say \\"and\\""`)).toEqual({ signal: "step", op: "==", value: 'say "and"' });
    expect(parseCondition("step != order-review")).toEqual({ signal: "step", op: "!=", value: "order-review" });
    expect(parseCondition("exitIntent == false")).toEqual({ signal: "exitIntent", op: "==", value: false });
    expect(parseCondition("device in [mobile, 'tablet']")).toEqual({ signal: "device", op: "in", value: ["mobile", "tablet"] });
    expect(parseCondition("cartValue>=-1.5")).toEqual({ signal: "cartValue", op: ">=", value: -1.5 });
  });

  it.each([
    ["", /^expected a condition at position 0, found end of input$/],
    ["idleSeconds >=", /^expected a value .* at position 14, found end of input$/],
    ["idleSeconds", /^expected a comparison operator after idleSeconds at position 11/],
    ["exitIntent and", /^expected a signal name, not or \( at position 14, found end of input$/],
    ["(exitIntent", /^expected \) at position 11, found end of input$/],
    ["exitIntent)", /^expected and, or, or end of input at position 10, found \)$/],
    ["exitIntent returningVisitor", /^expected and, or, or end of input at position 11, found returningVisitor$/],
    ["step in payment", /^expected \[ to start a list at position 8, found payment$/],
    ["step in [payment review]", /^expected , or \] in the list at position 17, found review$/],
    ["step == and", /^expected a value .* at position 8, found and$/],
    ["step = payment", /^unexpected character = at position 5 \(did you mean ==\?\)$/],
    ["exitIntent & returningVisitor", /^unexpected character & at position 11$/],
    ["step == 'payment", /^expected closing ' for the string at position 8, found end of input$/],
    ["step in [true]", /^lists hold numbers or text, not true$/],
    ["and exitIntent", /^expected a signal name, not or \( at position 0, found and$/],
    // Quoted, an operator or keyword is text: a value, never the operator itself.
    ['step "==" payment', /^expected a comparison operator after step at position 5, found "=="$/],
    ["step 'in' [a]", /^expected a comparison operator after step at position 5, found "in"$/],
    ["step 'not' in [a]", /^expected a comparison operator after step at position 5, found "not"$/],
    ["step not 'in' [a]", /^expected a comparison operator after step at position 5, found not$/],
    // `not in` is the two words exactly: neither another word before in, nor another word after not.
    ["step is in [a]", /^expected a comparison operator after step at position 5, found is$/],
    ["step not on [a]", /^expected a comparison operator after step at position 5, found not$/],
  ])("parseCondition(%j) fails with a positioned message", (text, message) => {
    expect(() => parseCondition(text)).toThrow(ConditionParseError);
    expect(() => parseCondition(text)).toThrow(message);
  });

  it.each([
    ["idleSecs >= 30", /^unknown signal idleSecs; allowed: step, idleSeconds, timeOnSiteSeconds, .*device$/],
    // Unknown before anything else: a bare name is not first taken as a boolean missing its operator.
    ["exitIntnt", /^unknown signal exitIntnt; allowed: step, idleSeconds, timeOnSiteSeconds, .*device$/],
    ["step > 3", /^operator > needs a numeric signal; step is text$/],
    ["exitIntent in [1]", /^operator in does not apply to boolean signal exitIntent \(use == or !=\)$/],
    ["idleSeconds >= thirty", /^idleSeconds needs a finite number$/],
    ["exitIntent == 1", /^exitIntent needs true or false$/],
    ["device == laptop", /^unknown device laptop; allowed: desktop, mobile, tablet$/],
    ["step in []", /^operator in needs a non-empty list of values$/],
  ])("parseCondition(%j) rejects an ill-typed comparison", (text, message) => {
    expect(() => parseCondition(text)).toThrow(message);
  });

  it("ConditionParseError.position points at the offending token", () => {
    const error = (() => {
      try {
        parseCondition("exitIntent and cartValue >= 150 and idleSecs > 1");
      } catch (caught) {
        return caught as ConditionParseError;
      }
    })();
    expect(error?.position).toBe(36);
  });

  it("ConditionParseError is named ConditionParseError; a bad JSON escape and a number for a text signal are refused", () => {
    expect(new ConditionParseError("x", 3).name).toBe("ConditionParseError");
    expect(() => parseCondition(String.raw`step == "bad \q"`)).toThrow(/^invalid string at position 8 \(double-quoted strings use JSON escapes\)$/);
    expect(() => parseCondition("step == 3")).toThrow(/^step needs text$/);
  });
});
