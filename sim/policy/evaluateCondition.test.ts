import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./evaluateCondition.ts";
import { parseCondition } from "./parseCondition.ts";
import { BASE_SIGNALS } from "./testArbitraries.ts";
import type { Signals } from "./types.ts";

const signals: Signals = { ...BASE_SIGNALS, idleSeconds: 30, pageViews: 3, device: "mobile", exitIntent: true };

describe("evaluateCondition", () => {
  it.each([
    ["idleSeconds == 30", true],
    ["idleSeconds != 30", false],
    ["idleSeconds < 30", false],
    ["idleSeconds <= 30", true],
    ["idleSeconds > 30", false],
    ["idleSeconds >= 30", true],
    ["idleSeconds != 20", true],
    ["idleSeconds < 31", true],
    ["idleSeconds <= 29", false],
    ["idleSeconds > 29", true],
    ["idleSeconds >= 31", false],
    ["device != desktop", true],
    ["pageViews in [1, 3]", true],
    ["pageViews notIn [1, 3]", false],
    ["step == payment", true],
    ["step in [shipping, review]", false],
    ["step notIn [shipping, review]", true],
    ["device == mobile", true],
    ["device != mobile", false],
    ["exitIntent", true],
    ["returningVisitor", false],
    ["returningVisitor == false", true],
    ["not exitIntent", false],
    ["exitIntent and returningVisitor", false],
    ["exitIntent or returningVisitor", true],
    ["returningVisitor or not exitIntent or idleSeconds < 30", false],
    ["not returningVisitor and idleSeconds > 29.5", true],
  ])("evaluateCondition(%j) on a mobile shopper idle 30 s on payment → %s", (text, expected) => {
    expect(evaluateCondition(parseCondition(text), signals)).toBe(expected);
  });

  it("evaluateCondition(string leaf) does not coerce numbers and text", () => {
    expect(evaluateCondition({ signal: "step", op: "in", value: [3] }, { ...signals, step: "3" })).toBe(false);
  });
});
