import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluatePolicy.ts";
import { advanceIdleSignals, nextFireDelaySeconds, STRICT_THRESHOLD_EPSILON_SECONDS } from "./nextFireDelaySeconds.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { BASE_SIGNALS, conditionArbitrary, FRESH_VISIT, leafArbitrary, OPEN_QUEUE } from "./testArbitraries.ts";
import type { Condition, PolicyOptions, Signals, VisitState } from "./types.ts";

const EPSILON = STRICT_THRESHOLD_EPSILON_SECONDS;

function delay(when: string, signals: Partial<Signals> = {}, visit: Partial<VisitState> = {}, caps: PolicyOptions["caps"] = {}, max = 600) {
  const policy = resolvePolicy({ name: "p", rules: [{ name: "r", when }], caps });
  return nextFireDelaySeconds(policy, { ...BASE_SIGNALS, ...signals }, { ...FRESH_VISIT, ...visit }, max);
}

describe("nextFireDelaySeconds", () => {
  it.each([
    ["idleSeconds >= 30", { idleSeconds: 20 }, 10],
    ["idleSeconds > 30", { idleSeconds: 20 }, 10 + EPSILON],
    ["idleSeconds == 30", { idleSeconds: 20 }, 10],
    ["idleSeconds in [25, 40]", { idleSeconds: 20 }, 5],
    ["not idleSeconds <= 30", { idleSeconds: 20 }, 10 + EPSILON],
    ["timeOnSiteSeconds >= 180", { timeOnSiteSeconds: 120 }, 60],
    ["idleSeconds >= 30 and timeOnSiteSeconds >= 200", { idleSeconds: 20, timeOnSiteSeconds: 120 }, 80],
    ["idleSeconds >= 90 or timeOnSiteSeconds > 150", { idleSeconds: 0, timeOnSiteSeconds: 120 }, 30 + EPSILON],
    ["step == payment and idleSeconds >= 30", { idleSeconds: 0.1 }, 29.9],
  ] as Array<[string, Partial<Signals>, number]>)("nextFireDelaySeconds(%j) at %j → %d", (when, signals, expected) => {
    expect(delay(when, signals)).toBe(expected);
  });

  it.each([
    ["idleSeconds >= 30", { idleSeconds: 45 }],
    ["idleSeconds < 30", { idleSeconds: 5 }],
    ["exitIntent", { exitIntent: true }],
  ] as Array<[string, Partial<Signals>]>)("nextFireDelaySeconds(%j) already true at %j → 0", (when, signals) => {
    expect(delay(when, signals)).toBe(0);
  });

  it.each([
    ["idleSeconds < 30", { idleSeconds: 30 }],
    ["idleSeconds == 10", { idleSeconds: 20 }],
    ["exitIntent", {}],
    ["step == review and idleSeconds >= 30", {}],
    ["idleSeconds >= 30 and idleSeconds < 20", {}],
  ] as Array<[string, Partial<Signals>]>)("nextFireDelaySeconds(%j) that idling cannot make true → null", (when, signals) => {
    expect(delay(when, signals)).toBeNull();
  });

  it("nextFireDelaySeconds takes no candidate moments from signals that stay fixed while idle", () => {
    // cartValue does not move while idle, so 110.0000005 − 100 is no threshold: the rule starts to hold
    // just after idle 30, at 10 + epsilon, not at the 10.0000005 that cartValue's number would suggest.
    expect(delay("idleSeconds > 30 and cartValue != 110.0000005", { idleSeconds: 20, cartValue: 100 })).toBe(10 + EPSILON);
  });

  it("nextFireDelaySeconds returns null past maxDelaySeconds, and the threshold when it equals maxDelaySeconds", () => {
    expect(delay("idleSeconds >= 30", { idleSeconds: 0 }, {}, {}, 29.5)).toBeNull();
    expect(delay("idleSeconds >= 30", { idleSeconds: 0 }, {}, {}, 30)).toBe(30);
    expect(delay("idleSeconds > 30", { idleSeconds: 0 }, {}, {}, 30)).toBeNull();
  });

  it("nextFireDelaySeconds waits for the minimum gap after the last invitation", () => {
    const caps = { minGapSeconds: 60, perVisit: 5, perPage: 5 };
    // The condition holds from 10 s, the gap ends at 100 + 60 - 120 = 40 s: the later one wins.
    expect(delay("idleSeconds >= 30", { idleSeconds: 20 }, { lastInvitationAtSeconds: 100, invitationsThisVisit: 1 }, caps)).toBe(40);
    expect(delay("idleSeconds >= 30", { idleSeconds: 20 }, { lastInvitationAtSeconds: 20, invitationsThisVisit: 1 }, caps)).toBe(10);
    // Without an earlier invitation the gap plays no part, whatever its length: 110.0000005 s would put
    // a gap end 0.0000005 s after the threshold, inside the strict comparison's epsilon.
    for (const minGapSeconds of [60, 110.0000005]) {
      expect(delay("idleSeconds > 30", { idleSeconds: 20, timeOnSiteSeconds: 100 }, {}, { ...caps, minGapSeconds })).toBe(10 + EPSILON);
    }
    // A window that closes before the gap ends never fires.
    expect(delay("idleSeconds >= 30 and idleSeconds < 35", { idleSeconds: 20 }, { lastInvitationAtSeconds: 100 }, caps)).toBeNull();
  });

  it.each([
    [{ inChat: true }, {}],
    [{ declined: true }, { afterDecline: false }],
    [{ invitationsThisVisit: 2 }, { perVisit: 2 }],
    [{ invitationsThisPage: 1 }, { perPage: 1 }],
  ] as Array<[Partial<VisitState>, PolicyOptions["caps"]]>)("nextFireDelaySeconds with visit %j and caps %j → null", (visit, caps) => {
    expect(delay("idleSeconds >= 30", { idleSeconds: 20 }, visit, caps)).toBeNull();
  });

  it("nextFireDelaySeconds ignores gating and returns null for a policy without rules", () => {
    const gated = resolvePolicy({ name: "g", rules: [{ name: "r", when: "idleSeconds >= 30" }], gating: { requireFreeSlot: true } });
    expect(nextFireDelaySeconds(gated, BASE_SIGNALS, FRESH_VISIT, 100)).toBe(30);
    expect(nextFireDelaySeconds(resolvePolicy({ name: "none" }), BASE_SIGNALS, FRESH_VISIT, 100)).toBeNull();
  });

  it("nextFireDelaySeconds leaves the signals it is given alone (a frozen object works)", () => {
    const policy = resolvePolicy({
      name: "p",
      rules: [
        { name: "a", when: "idleSeconds > 50" },
        { name: "b", when: "timeOnSiteSeconds >= 130 and idleSeconds >= 5" },
      ],
    });
    const signals = Object.freeze({ ...BASE_SIGNALS, idleSeconds: 2, timeOnSiteSeconds: 100 });
    expect(nextFireDelaySeconds(policy, signals, FRESH_VISIT, 600)).toBe(30);
    expect(signals).toEqual({ ...BASE_SIGNALS, idleSeconds: 2, timeOnSiteSeconds: 100 });
  });

  it("nextFireDelaySeconds(maxDelaySeconds -1) throws", () => {
    expect(() => delay("exitIntent", {}, {}, {}, -1)).toThrow(/^invalid maxDelaySeconds: -1 \(must be a number >= 0\)$/);
  });

  // Thresholds sit on a 0.25 s lattice, so every interval where a rule holds either starts on the
  // lattice or is open and at least 0.25 s long; a 0.125 s grid then finds it within one step.
  it("nextFireDelaySeconds matches brute-force stepping of evaluatePolicy on a 0.125 s grid", () => {
    const quarter = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((n) => n / 4);
    const timeLeaf = fc
      .record({
        signal: fc.constantFrom<"idleSeconds" | "timeOnSiteSeconds">("idleSeconds", "timeOnSiteSeconds"),
        op: fc.constantFrom("==", "!=", "<", "<=", ">", ">=", "in", "notIn" as const),
        threshold: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 2 }),
      })
      .map(({ signal, op, threshold }): Condition => (op === "in" || op === "notIn" ? { signal, op, value: threshold } : { signal, op, value: threshold[0] }));
    const leaf = fc.oneof({ weight: 4, arbitrary: timeLeaf }, { weight: 1, arbitrary: leafArbitrary(fc.integer({ min: 0, max: 10 })) });
    const scenario = fc.record({
      conditions: fc.array(conditionArbitrary(leaf, 2, 1), { minLength: 1, maxLength: 2 }),
      caps: fc.record({
        perPage: fc.integer({ min: 0, max: 2 }),
        perVisit: fc.integer({ min: 0, max: 3 }),
        afterDecline: fc.boolean(),
        minGapSeconds: fc.integer({ min: 0, max: 40 }),
      }),
      requireFreeSlot: fc.boolean(),
      idleSeconds: quarter(60),
      extraTimeOnSite: quarter(60),
      visit: fc.record({
        invitationsThisVisit: fc.integer({ min: 0, max: 2 }),
        invitationsThisPage: fc.integer({ min: 0, max: 1 }),
        declined: fc.boolean(),
        sinceLast: fc.option(quarter(80), { nil: null }),
        inChat: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
      }),
      maxDelaySeconds: fc.integer({ min: 0, max: 80 }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const policy = resolvePolicy({
          name: "p",
          rules: s.conditions.map((when, index) => ({ name: `r${index}`, when })),
          caps: s.caps,
          gating: { requireFreeSlot: s.requireFreeSlot },
        });
        const signals = { ...BASE_SIGNALS, idleSeconds: s.idleSeconds, timeOnSiteSeconds: s.idleSeconds + s.extraTimeOnSite };
        const { sinceLast, ...rest } = s.visit;
        const visit = { ...rest, lastInvitationAtSeconds: sinceLast === null ? null : signals.timeOnSiteSeconds - sinceLast };
        const closedDesk = { ...OPEN_QUEUE, freeSlots: 0 };
        const eligible = (dt: number) => {
          const decision = evaluatePolicy(policy, advanceIdleSignals(signals, dt), visit, closedDesk);
          return decision.invite || (decision.blockedBy?.startsWith("gate-") ?? false);
        };
        let firstOnGrid: number | null = null;
        for (let step = 0; step <= s.maxDelaySeconds * 8 && firstOnGrid === null; step += 1) if (eligible(step / 8)) firstOnGrid = step / 8;

        const result = nextFireDelaySeconds(policy, signals, visit, s.maxDelaySeconds);
        if (result === null) {
          expect(firstOnGrid).toBeNull();
        } else {
          expect(result).toBeLessThanOrEqual(s.maxDelaySeconds);
          expect(eligible(result)).toBe(true);
          expect(firstOnGrid).not.toBeNull();
          expect(result).toBeLessThanOrEqual(firstOnGrid as number);
          expect((firstOnGrid as number) - result).toBeLessThan(0.125);
        }
      }),
      { numRuns: 400 },
    );
  });
});
