// startVisit's counts that the other store tests leave loose, each on a tiny store (testTinyStore.ts)
// whose every session's path is known: the free-shipping threshold's below/at/above split, orders
// with a chat when nobody chats, rescued orders by reservation class, a step hazard combined with the
// form's friction hazard, and just-browsing leavers who never ask for help.

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import { DEFAULT_SELF_SERVICE_CONFIG, type FieldConfig, type StoreModelConfig } from "./config.ts";
import { CHECKOUT_REASONS } from "./reasons.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { CART_SECONDS, DWELL_SECONDS, LINGER_SECONDS, tinyStore } from "./testTinyStore.ts";

const NO_CHAT = resolvePolicy({ name: "no-chat", reactive: { enabled: false } });

function run(config: StoreModelConfig, seed = 5) {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

/** The tiny store without chat, at `sessionsPerDay`, with a constant cart value and `change` applied. */
function store(cartValue: number, sessionsPerDay = 400, change: (config: StoreModelConfig) => StoreModelConfig = (config) => config): StoreModelConfig {
  const base = tinyStore("step == payment and idleSeconds >= 30", 0);
  return change({
    ...base,
    sessionRatesPerSecond: base.sessionRatesPerSecond.map(() => sessionsPerDay / 86400),
    segments: [{ ...base.segments[0], cartValue: { kind: "constant", value: cartValue } }],
    chat: { ...base.chat, policy: NO_CHAT },
  });
}

describe("startVisit: counts pinned on tiny stores", () => {
  it("a 100 threshold: carts of 80 are all below it (and their orders), carts of exactly 100 and of 120 are not; nobody chats, so no order is one with a chat", () => {
    const threshold = (config: StoreModelConfig): StoreModelConfig => ({
      ...config,
      pricing: { ...config.pricing, shippingFee: 5, freeShippingThreshold: 100 },
    });
    const below = run(store(80, 400, threshold)).results;
    expect(below.funnel.orders).toBeGreaterThan(300);
    expect(below.freeShipping.cartsBelowThreshold).toBe(below.funnel.carts);
    expect(below.freeShipping.ordersBelowThreshold).toBe(below.funnel.orders);
    for (const value of [100, 120]) {
      const results = run(store(value, 400, threshold)).results;
      expect(results.funnel.orders).toBeGreaterThan(300);
      expect(results.freeShipping.cartsBelowThreshold, `carts of ${value}`).toBe(0);
      expect(results.freeShipping.ordersBelowThreshold, `orders of ${value}`).toBe(0);
    }
    expect(below.outcome.ordersWithChat).toBe(0);
    expect(below.outcome.sessionsWithChat).toBe(0);
  });

  it("rescued orders by reservation class: carts of 150 (minCartValue 100) are high value, carts of 60 standard; each class's rescued orders and revenue are its rescued sessions' carts", () => {
    // Everyone lingers on payment (hazard 1), is invited at 30 s, accepts, is answered at once by one
    // of 30 agents and is rescued (probability 1): every session is a rescued order.
    const config = store(150, 400, (base) => ({
      ...base,
      segments: [
        { ...base.segments[0], name: "big", weight: 1 },
        { ...base.segments[0], name: "small", weight: 1, cartValue: { kind: "constant", value: 60 } },
      ],
      funnel: { ...base.funnel, steps: [{ ...base.funnel.steps[0], hazards: { cardDeclined: 1 } }] },
      chat: {
        ...base.chat,
        policy: resolvePolicy({ name: "idle", reactive: { enabled: false }, rules: [{ name: "idle", when: "step == payment and idleSeconds >= 30" }] }),
        rescueProbability: { cardDeclined: 1 },
        handleSeconds: { kind: "constant", value: 2 },
      },
      agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
      desk: { ...base.desk, reservation: { slots: 1, minCartValue: 100, segments: [] } },
    }));
    const { results, sessions } = run(config);
    const rescued = (segment: string) => sessions.filter((record) => record.segment === segment && record.rescued && record.outcome === "order").length;
    const [big, small] = [rescued("big"), rescued("small")];
    expect(big).toBeGreaterThan(100);
    expect(small).toBeGreaterThan(100);
    expect(big + small).toBe(sessions.length);
    const byClass = results.chat.byClass!;
    expect(byClass.highValue.rescuedOrders).toBe(big);
    expect(byClass.highValue.rescuedRevenue).toBeCloseTo(150 * big, 6);
    expect(byClass.standard.rescuedOrders).toBe(small);
    expect(byClass.standard.rescuedRevenue).toBeCloseTo(60 * small, 6);
    expect(results.outcome.rescuedOrders).toBe(big + small);
  });

  it("a step hazard and the form's friction hazard combine as independent risks: 1 − (1 − 0.2)(1 − 0.5 × 0.75) = 0.5 of checkouts leave as too complicated", () => {
    // One field that always errs (fixProbability 1: exactly one error), hazard 0.5 per error scaled by
    // 1 − techComfort / 2 = 0.75, on a payment step whose own hazard for the same reason is 0.2.
    const erring: FieldConfig = { name: "card", errorProbability: 1, typingSeconds: 0 };
    const config = store(80, 8000, (base) => ({
      ...base,
      funnel: {
        ...base.funnel,
        steps: [{ ...base.funnel.steps[0], fields: [erring], hazards: { checkoutTooLongOrComplicated: 0.2 } }],
        friction: { ...base.funnel.friction, hazardPerError: 0.5, fixProbability: 1 },
      },
    }));
    const { results } = run(config);
    const n = results.funnel.checkoutStarts;
    const left = results.abandonment.byReason.checkoutTooLongOrComplicated;
    expect(n).toBeGreaterThan(7000);
    expect(results.funnel.orders + left).toBe(n);
    expect(Math.abs(left / n - 0.5), `${left}/${n}`).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it("just-browsing leavers on the cart never press the help button (help probability 1, reactive chat on): they linger 120 s and leave", () => {
    const config = store(80, 400, (base) => ({
      ...base,
      segments: [{ ...base.segments[0], helpProbability: 1 }],
      funnel: { ...base.funnel, cartHazards: { justBrowsing: 1 } },
      chat: { ...base.chat, policy: resolvePolicy({ name: "help-button", reactive: { enabled: true }, rules: [] }) },
    }));
    const { results, sessions } = run(config);
    expect(sessions.length).toBeGreaterThan(300);
    expect(results.invitations.reactiveRequests).toBe(0);
    for (const record of sessions) {
      expect(record.outcome).toBe("justBrowsing");
      // Browse page, the cart page, then the linger; a help request would add the 40 s patience.
      expect(Math.abs(record.endedAtSeconds - record.arrivedAtSeconds - (DWELL_SECONDS + CART_SECONDS + LINGER_SECONDS))).toBeLessThan(1e-9);
    }
  });
});

describe("startVisit: exit intent only where the shopper is leaving, chats beside the visit, form help", () => {
  // A declining shopper (chatOpenness 0, invitationSensitivity 0) under caps that allow a second
  // invitation on the same page at once: any extra evaluation at a window's end would show as a
  // second invitation.
  const caps = { perPage: 2, perVisit: 5, afterDecline: true, minGapSeconds: 0 };
  const decliningStore = (when: string, change: (config: StoreModelConfig) => StoreModelConfig = (config) => config) =>
    store(80, 400, (base) =>
      change({
        ...base,
        segments: [{ ...base.segments[0], chatOpenness: 0, invitationSensitivity: 0 }],
        chat: { ...base.chat, policy: resolvePolicy({ name: "timed", reactive: { enabled: false }, rules: [{ name: "timed", when }], caps }) },
      }),
    );

  it("moving on from a browse page is no exit intent: a timed rule invites once, 5 s into the 10 s page, and an exit-intent rule for the page never", () => {
    const { results, sessions } = run(
      decliningStore("step == browse and idleSeconds >= 5 and idleSeconds < 6", (config) => ({
        ...config,
        chat: {
          ...config.chat,
          policy: resolvePolicy({
            name: "browse",
            reactive: { enabled: false },
            rules: [
              { name: "timed", when: "step == browse and idleSeconds >= 5 and idleSeconds < 6" },
              { name: "leaving", when: "exitIntent == true and step == browse" },
            ],
            caps,
          }),
        },
      })),
    );
    expect(sessions.length).toBeGreaterThan(300);
    expect(results.invitations.offered).toBe(sessions.length);
    expect(sessions.every((record) => record.invitations === 1 && record.outcome === "order")).toBe(true);
  });

  it("nor is the end of a pause on the cart: `step == cart and idleSeconds >= 3` invites once, 3 s into a 7 s pause", () => {
    const pausing = (config: StoreModelConfig): StoreModelConfig => ({
      ...config,
      funnel: { ...config.funnel, hesitation: { ...config.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } } },
    });
    const { results, sessions } = run(decliningStore("step == cart and idleSeconds >= 3", pausing));
    expect(sessions.length).toBeGreaterThan(300);
    expect(results.invitations.offered).toBe(sessions.length);
    expect(sessions.every((record) => record.invitations === 1 && record.outcome === "order")).toBe(true);
  });

  it("a chat beside the visit that ends while the payment form is filled frees the help button: every lingering shopper asks once", () => {
    // Cart: a 7 s pause, invited 3 s in, accepted (not hesitating: the chat runs beside the visit),
    // answered at once by one of 30 agents, 10 s long: over 3 + 10 = 13 s after the pause began, i.e.
    // 6 s into payment's 20 s form. Payment: everyone is about to leave (hazard 1) and presses help
    // (probability 1) during the 120 s linger, when no chat runs any more.
    const config = store(80, 400, (base) => ({
      ...base,
      segments: [{ ...base.segments[0], helpProbability: 1 }],
      funnel: {
        ...base.funnel,
        steps: [{ ...base.funnel.steps[0], hazards: { cardDeclined: 1 } }],
        hesitation: { ...base.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } },
      },
      chat: {
        ...base.chat,
        policy: resolvePolicy({ name: "cart", reactive: { enabled: true }, rules: [{ name: "cart", when: "step == cart and idleSeconds >= 3" }] }),
        handleSeconds: { kind: "constant", value: 10 },
      },
      agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
    }));
    const { results, sessions } = run(config);
    expect(sessions.length).toBeGreaterThan(300);
    expect(results.invitations.accepted).toBe(sessions.length);
    expect(results.invitations.reactiveRequests).toBe(sessions.length);
  });

  it("a form error's help request by a shopper who is not leaving is resolved by the help centre but rescues nobody, whatever the rescue chances", () => {
    // One certain error on payment, help probability 1 per error, no hazard: every shopper asks once
    // and carries on. Self-service takes every request (deflection 1, escalation 0) and would rescue
    // a leaving shopper with certainty (every rescue probability 1, rescueFactor 1): there is nobody
    // to rescue, so contacts = resolved = sessions and rescued = 0.
    const erring: FieldConfig = { name: "card", errorProbability: 1, typingSeconds: 0 };
    const config = store(80, 400, (base) => ({
      ...base,
      funnel: {
        ...base.funnel,
        steps: [{ ...base.funnel.steps[0], fields: [erring], hazards: {} }],
        friction: { ...base.funnel.friction, helpProbabilityPerError: 1, fixProbability: 1 },
      },
      chat: {
        ...base.chat,
        policy: resolvePolicy({ name: "help-button", reactive: { enabled: true }, rules: [] }),
        rescueProbability: Object.fromEntries(CHECKOUT_REASONS.map((reason) => [reason, 1])),
      },
      desk: { ...base.desk, selfService: { ...DEFAULT_SELF_SERVICE_CONFIG, deflectionProbability: 1, escalationProbability: 0, rescueFactor: 1 } },
    }));
    const { results, sessions } = run(config);
    const n = sessions.length;
    expect(n).toBeGreaterThan(300);
    expect(results.funnel.orders).toBe(n);
    expect(results.invitations.reactiveRequests).toBe(n);
    expect(results.selfService).toMatchObject({ contacts: n, resolved: n, escalated: 0, rescued: 0 });
  });

  it("triggers fire only in idle time: `step == cart` never invites a shopper who neither pauses nor errs on the cart, and invites every one who pauses", () => {
    const cartRule = (pauseProbability: number) =>
      store(80, 400, (base) => ({
        ...base,
        funnel: { ...base.funnel, hesitation: { ...base.funnel.hesitation, pauseProbability, pauseSeconds: { kind: "constant", value: 7 } } },
        chat: { ...base.chat, policy: resolvePolicy({ name: "cart", reactive: { enabled: false }, rules: [{ name: "cart", when: "step == cart" }] }) },
        segments: [{ ...base.segments[0], chatOpenness: 0, invitationSensitivity: 0 }],
      }));
    const quiet = run(cartRule(0));
    expect(quiet.sessions.length).toBeGreaterThan(300);
    expect(quiet.results.invitations.offered).toBe(0);
    const pausing = run(cartRule(1));
    expect(pausing.results.invitations.offered).toBe(pausing.sessions.length);
  });
});
