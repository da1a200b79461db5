import { describe, expect, it } from "vitest";
import { resolvePolicy } from "./resolvePolicy.ts";
import { usesSignal } from "./usesSignal.ts";

describe("usesSignal", () => {
  it("usesSignal(policy, signal) finds the signal under and/or/not", () => {
    const policy = resolvePolicy({ name: "p", rules: [{ name: "r", when: "step == cart and (idleSeconds >= 5 or not exitIntent)" }] });
    expect(usesSignal(policy, "exitIntent")).toBe(true);
    expect(usesSignal(policy, "device")).toBe(false);
    expect(usesSignal(resolvePolicy({ name: "none" }), "exitIntent")).toBe(false);
  });
});
