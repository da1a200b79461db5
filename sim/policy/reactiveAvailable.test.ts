import { describe, expect, it } from "vitest";
import { reactiveAvailable } from "./reactiveAvailable.ts";
import { resolvePolicy } from "./resolvePolicy.ts";

describe("reactiveAvailable", () => {
  it("reactiveAvailable is true on every step by default", () => {
    const policy = resolvePolicy({ name: "p" });
    expect(["browse", "cart", "payment", "anything"].map((step) => reactiveAvailable(policy, step))).toEqual([true, true, true, true]);
  });

  it("reactiveAvailable honours reactive.steps", () => {
    const policy = resolvePolicy({ name: "p", reactive: { steps: ["shipping", "payment"] } });
    expect(reactiveAvailable(policy, "payment")).toBe(true);
    expect(reactiveAvailable(policy, "cart")).toBe(false);
  });

  it("reactiveAvailable is false everywhere when reactive.enabled is false", () => {
    const policy = resolvePolicy({ name: "p", reactive: { enabled: false, steps: ["payment"] } });
    expect(reactiveAvailable(policy, "payment")).toBe(false);
  });
});
