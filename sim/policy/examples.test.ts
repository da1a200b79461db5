import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluatePolicy.ts";
import { EXAMPLE_POLICIES } from "./examples.ts";
import { reactiveAvailable } from "./reactiveAvailable.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { BASE_SIGNALS, FRESH_VISIT, OPEN_QUEUE } from "./testArbitraries.ts";
import type { Signals } from "./types.ts";

const example = (name: string) => resolvePolicy(EXAMPLE_POLICIES[name]);
const invites = (name: string, signals: Partial<Signals>) => evaluatePolicy(example(name), { ...BASE_SIGNALS, ...signals }, FRESH_VISIT, OPEN_QUEUE).invite;

describe("EXAMPLE_POLICIES", () => {
  it("EXAMPLE_POLICIES holds the four named policies, each resolving, deeply frozen", () => {
    expect(Object.keys(EXAMPLE_POLICIES)).toEqual(["reactive-only", "idle-on-payment", "exit-intent-high-value", "aggressive"]);
    for (const [name, options] of Object.entries(EXAMPLE_POLICIES)) expect(resolvePolicy(options).name).toBe(name);
    expect(Object.isFrozen(EXAMPLE_POLICIES.aggressive.caps)).toBe(true);
  });

  it("reactive-only never invites but offers the button everywhere", () => {
    expect(invites("reactive-only", { idleSeconds: 1000, exitIntent: true, pageViews: 50 })).toBe(false);
    expect(reactiveAvailable(example("reactive-only"), "payment")).toBe(true);
  });

  it("idle-on-payment invites from 30 s idle on payment or review only", () => {
    expect(invites("idle-on-payment", { step: "payment", idleSeconds: 29.9 })).toBe(false);
    expect(invites("idle-on-payment", { step: "payment", idleSeconds: 30 })).toBe(true);
    expect(invites("idle-on-payment", { step: "review", idleSeconds: 45 })).toBe(true);
    expect(invites("idle-on-payment", { step: "shipping", idleSeconds: 45 })).toBe(false);
  });

  it("exit-intent-high-value invites on exit intent with a cart of 150 or more", () => {
    expect(invites("exit-intent-high-value", { exitIntent: true, cartValue: 150 })).toBe(true);
    expect(invites("exit-intent-high-value", { exitIntent: true, cartValue: 149.99 })).toBe(false);
    expect(invites("exit-intent-high-value", { exitIntent: false, cartValue: 500 })).toBe(false);
  });

  it("aggressive invites after 10 s idle on any checkout step or from the sixth page view", () => {
    for (const step of ["account", "shipping", "payment", "review"]) expect(invites("aggressive", { step, idleSeconds: 10 })).toBe(true);
    expect(invites("aggressive", { step: "cart", idleSeconds: 10, pageViews: 5 })).toBe(false);
    expect(invites("aggressive", { step: "browse", pageViews: 6 })).toBe(true);
    const policy = example("aggressive");
    expect(policy.gating).toEqual({ requireFreeSlot: false, maxQueueLength: Infinity, maxPredictedWaitSeconds: Infinity });
  });
});
