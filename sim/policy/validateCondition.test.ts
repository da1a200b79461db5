import { describe, expect, it } from "vitest";
import { validateCondition } from "./validateCondition.ts";

const path = "policy.rules[0].when";

describe("validateCondition", () => {
  it("validateCondition accepts valid text and AST objects", () => {
    expect(validateCondition("exitIntent and cartValue >= 150", path)).toEqual([]);
    expect(
      validateCondition({ any: [{ not: { signal: "returningVisitor", op: "==", value: true } }, { signal: "device", op: "in", value: ["mobile"] }] }, path),
    ).toEqual([]);
  });

  it.each([
    [{ signal: "idleSecs", op: ">=", value: 30 }, /^invalid policy\.rules\[0\]\.when\.signal: "idleSecs" \(unknown signal idleSecs; allowed: step, .*\)$/],
    [
      { signal: "idleSeconds", op: "=~", value: 30 },
      /^invalid policy\.rules\[0\]\.when\.op: "=~" \(unknown operator =~; allowed: ==, !=, <, <=, >, >=, in, notIn\)$/,
    ],
    [{ signal: "idleSeconds", op: ">=", value: "30" }, /^invalid policy\.rules\[0\]\.when\.value: "30" \(idleSeconds needs a finite number\)$/],
    [{ signal: "step", op: "<", value: 3 }, /^invalid policy\.rules\[0\]\.when\.op: "<" \(operator < needs a numeric signal; step is text\)$/],
    [
      { signal: "device", op: "in", value: ["phone"] },
      /^invalid policy\.rules\[0\]\.when\.value: \["phone"\] \(unknown device phone; allowed: desktop, mobile, tablet\)$/,
    ],
    [{ signal: "step", op: "in", value: "payment" }, /^invalid policy\.rules\[0\]\.when\.value: "payment" \(operator in needs a non-empty list of values\)$/],
    [{ signal: "exitIntent", op: "==", value: true, weight: 2 }, /^invalid policy\.rules\[0\]\.when\.weight: 2 \(unknown key; allowed: signal, op, value\)$/],
    [{ all: [] }, /^invalid policy\.rules\[0\]\.when\.all: \[\] \(must be a non-empty list of conditions\)$/],
    [
      { any: [{ signal: "exitIntent", op: ">", value: true }] },
      /^invalid policy\.rules\[0\]\.when\.any\[0\]\.op: ">" \(operator > does not apply to boolean signal exitIntent \(use == or !=\)\)$/,
    ],
    [{ not: "idleSeconds >" }, /^invalid policy\.rules\[0\]\.when\.not: "idleSeconds >" \(expected a value .* at position 13, found end of input\)$/],
    [{ all: [{ signal: "exitIntent", op: "==", value: true }], any: [] }, /^invalid policy\.rules\[0\]\.when\.any: \[\] \(unknown key; allowed: all\)$/],
    [
      { when: "exitIntent" },
      /^invalid policy\.rules\[0\]\.when: \{"when":"exitIntent"\} \(must be a condition text or an object with all, any, not or signal\/op\/value\)$/,
    ],
    [7, /^invalid policy\.rules\[0\]\.when: 7 \(must be a condition text or an object/],
    [{ all: "exitIntent" }, /^invalid policy\.rules\[0\]\.when\.all: "exitIntent" \(must be a non-empty list of conditions\)$/],
    // A list is not a signal name, even one whose only item is (property lookups would read ["step"] as "step").
    [{ signal: ["step"], op: "==", value: "cart" }, /^invalid policy\.rules\[0\]\.when\.signal: \["step"\] \(unknown signal step; allowed: /],
    [{ signal: "idleSeconds", op: ">=", value: Infinity }, /^invalid policy\.rules\[0\]\.when\.value: Infinity \(idleSeconds needs a finite number\)$/],
    // 1e999 reads as Infinity, which no idle time reaches.
    ["idleSeconds >= 1e999", /^invalid policy\.rules\[0\]\.when: "idleSeconds >= 1e999" \(idleSeconds needs a finite number\)$/],
  ])("validateCondition(%j) reports %s", (condition, message) => {
    const problems = validateCondition(condition, path);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

describe("validateCondition: nesting is limited, so hostile input gets a line, not a stack overflow", () => {
  const leaf = { signal: "exitIntent", op: "==", value: true };
  const nots = (levels: number): unknown => {
    let condition: unknown = leaf;
    for (let level = 0; level < levels; level++) condition = { not: condition };
    return condition;
  };

  it("accepts 64 levels of not (text and object form) and refuses the 65th with one line", () => {
    expect(validateCondition(nots(64), path)).toEqual([]);
    expect(validateCondition(`${"not ".repeat(64)}exitIntent`, path)).toEqual([]);
    const objectProblems = validateCondition(nots(65), path);
    expect(objectProblems).toHaveLength(1);
    expect(objectProblems[0]).toMatch(
      /^invalid policy\.rules\[0\]\.when(\.not){65}: \{"signal":"exitIntent".* \(nested deeper than 64 levels of all, any and not\)$/,
    );
    expect(validateCondition(`${"not ".repeat(65)}exitIntent`, path)).toEqual([
      `invalid policy.rules[0].when: "${"not ".repeat(14)}... (nested deeper than 64 levels of not and parentheses at position 256)`,
    ]);
  });

  it("100,000 open parentheses or nested nots are one problem each, not a RangeError", () => {
    const text = `${"(".repeat(100_000)}exitIntent${")".repeat(100_000)}`;
    expect(validateCondition(text, path)).toEqual([
      `invalid policy.rules[0].when: "${"(".repeat(56)}... (nested deeper than 64 levels of not and parentheses at position 64)`,
    ]);
    const deep = validateCondition(nots(100_000), path);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toContain("(nested deeper than 64 levels of all, any and not)");
  });
});
