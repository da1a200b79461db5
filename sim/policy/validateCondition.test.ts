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
