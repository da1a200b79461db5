import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../../../sim/policy/index.ts";
import { nonFiniteReplacer, nonFiniteReviver } from "./nonFiniteJson.ts";

describe("nonFiniteJson", () => {
  it("round-trips a resolved policy with Infinity limits exactly", () => {
    const policy = resolvePolicy({ name: "p", rules: [{ name: "r", when: "idleSeconds >= 30" }] });
    const copy = JSON.parse(JSON.stringify(policy, nonFiniteReplacer), nonFiniteReviver);
    expect(copy).toEqual(policy);
    expect(copy.gating.maxQueueLength).toBe(Infinity);
  });

  it("keeps -Infinity, NaN and ordinary objects", () => {
    const value = { a: -Infinity, b: NaN, c: { x: 1 }, d: [Infinity], e: "Infinity" };
    const copy = JSON.parse(JSON.stringify(value, nonFiniteReplacer), nonFiniteReviver);
    expect(copy).toEqual(value);
  });
});
