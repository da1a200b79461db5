// idleWindow's branches, each on a tiny store (testTinyStore.ts) whose timeline is known in advance:
// browse 10 s, cart 5 s, payment form 20 s, then (when about to leave) a 120 s linger; no agents
// unless a test adds them. Every expected count follows from that timeline and from probabilities
// of 0 or 1, so each figure is exact.

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import { DEFAULT_SELF_SERVICE_CONFIG, type StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { CART_SECONDS, DWELL_SECONDS, PATIENCE_SECONDS, PAYMENT_FILL_SECONDS, tinyStore } from "./testTinyStore.ts";

const PAGE_SECONDS = DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS;
type Change = (config: StoreModelConfig) => StoreModelConfig;

function run(config: StoreModelConfig) {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed: 7, onSession: (record) => sessions.push(record) });
  expect(sessions.length).toBeGreaterThan(300);
  return { results, sessions, n: sessions.length };
}

const seconds = (record: SessionRecord) => record.endedAtSeconds - record.arrivedAtSeconds;

/** The tiny store with the payment hazard given, one rule `when`, and the changes applied in order. */
function store(paymentHazard: number, when: string, ...changes: Change[]): StoreModelConfig {
  const base = tinyStore(when, paymentHazard);
  return changes.reduce((config, change) => change(config), base);
}
const segment =
  (fields: Partial<StoreModelConfig["segments"][number]>): Change =>
  (config) => ({ ...config, segments: [{ ...config.segments[0], ...fields }] });
const chat =
  (fields: Partial<StoreModelConfig["chat"]>): Change =>
  (config) => ({ ...config, chat: { ...config.chat, ...fields } });
const acceptance =
  (fields: Partial<StoreModelConfig["chat"]["acceptance"]>): Change =>
  (config) => ({ ...config, chat: { ...config.chat, acceptance: { ...config.chat.acceptance, ...fields } } });
const desk =
  (fields: Partial<StoreModelConfig["desk"]>): Change =>
  (config) => ({ ...config, desk: { ...config.desk, ...fields } });
const agents =
  (count: number): Change =>
  (config) => ({ ...config, agents: { ...config.agents, scheduled: config.agents.scheduled.map(() => count) } });
/** Every shopper pauses 7 s on the cart and on payment when not about to leave. */
const pausing: Change = (config) => ({
  ...config,
  funnel: { ...config.funnel, hesitation: { ...config.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } } },
});
/** Everyone is about to leave on the cart, just browsing (reason index 0). */
const justBrowsingOnCart: Change = (config) => ({ ...config, funnel: { ...config.funnel, cartHazards: { justBrowsing: 1 } } });
const rules = (reactive: boolean, ...when: string[]) =>
  resolvePolicy({ name: "rules", reactive: { enabled: reactive }, rules: when.map((condition, i) => ({ name: `r${i}`, when: condition })) });

describe("idleWindow and invite: counts on hand-timed tiny stores", () => {
  it("a shopper who carries on and declines an invitation during a 7 s pause on payment leaves annoyed (sensitivity 1): annoyed cart value is 80 per exit", () => {
    const { results, n } = run(store(0, "step == payment and idleSeconds >= 3", pausing, segment({ chatOpenness: 0, invitationSensitivity: 1 })));
    expect(results.invitations.annoyedExits).toBe(n);
    expect(results.invitations.annoyedCartValue).toBe(80 * n);
  });

  it("an invitation at exactly laterAfterSeconds of time on site (10 + 5 + 20 + 30 = 65 s) counts as later", () => {
    const { results, n } = run(store(1, "step == payment and idleSeconds >= 30", acceptance({ laterAfterSeconds: 65 })));
    expect(results.invitations.byGroup.later.offered).toBe(n);
    expect(results.invitations.byGroup.early.offered).toBe(0);
  });

  it("ifNotHesitating 0: a shopper who carries on never accepts; one about to leave, even just browsing on the cart, always does (openness 1), waits and is rescued", () => {
    const carriesOn = run(store(0, "step == payment and idleSeconds >= 3", pausing, acceptance({ ifNotHesitating: 0 })));
    expect(carriesOn.results.invitations.offered).toBe(carriesOn.n);
    expect(carriesOn.results.invitations.accepted).toBe(0);
    expect(carriesOn.results.invitations.toHesitatingShoppers).toBe(0);
    // Just-browsing leavers on the cart: invited 30 s into the linger, answered at once by one of 30
    // agents, rescued with probability 1 after a 2 s chat, and they order.
    const browsing = run(
      store(
        0,
        "step == cart and idleSeconds >= 30",
        justBrowsingOnCart,
        acceptance({ ifNotHesitating: 0 }),
        chat({ rescueProbability: { justBrowsing: 1 }, handleSeconds: { kind: "constant", value: 2 } }),
        agents(30),
      ),
    );
    expect(browsing.results.invitations).toMatchObject({ offered: browsing.n, accepted: browsing.n, toHesitatingShoppers: browsing.n });
    expect(browsing.results.funnel.orders).toBe(browsing.n);
    expect(browsing.results.outcome.rescuedOrders).toBe(browsing.n);
  });

  it("a shopper about to leave who declines is never annoyed, whatever the sensitivity: on payment, and just browsing on the cart", () => {
    const leaving = run(store(1, "step == payment and idleSeconds >= 30", segment({ chatOpenness: 0, invitationSensitivity: 1 })));
    expect(leaving.results.invitations.annoyedExits).toBe(0);
    expect(leaving.results.abandonment.byReason.cardDeclined).toBe(leaving.n);
    const browsing = run(store(0, "step == cart and idleSeconds >= 30", justBrowsingOnCart, segment({ chatOpenness: 0, invitationSensitivity: 1 })));
    expect(browsing.results.invitations.annoyedExits).toBe(0);
    expect(browsing.results.abandonment.byReason.justBrowsing).toBe(browsing.n);
  });

  it("a full queue (maxQueueLength 0) and no message left: the leaving shopper goes at the moment of the blocked chat, 30 s into the linger", () => {
    const blocked = desk({ maxQueueLength: 0, messages: { leaveProbability: 0, rescueFactor: 1, handleSeconds: { kind: "constant", value: 600 } } });
    const payment = run(store(1, "step == payment and idleSeconds >= 30", blocked));
    for (const record of payment.sessions) {
      expect(record.outcome).toBe("cardDeclined");
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + 30))).toBeLessThan(1e-9);
    }
    const cart = run(store(0, "step == cart and idleSeconds >= 30", justBrowsingOnCart, blocked));
    for (const record of cart.sessions) {
      expect(record.outcome).toBe("justBrowsing");
      expect(Math.abs(seconds(record) - (DWELL_SECONDS + CART_SECONDS + 30))).toBeLessThan(1e-9);
    }
  });

  it("a full queue, every shopper leaves a message (600 s of back-office time each), and the answer rescues the just-browsing ones (1 × rescueFactor 1)", () => {
    const { results, n } = run(
      store(
        0,
        "step == cart and idleSeconds >= 30",
        justBrowsingOnCart,
        chat({ rescueProbability: { justBrowsing: 1 } }),
        desk({ maxQueueLength: 0, messages: { leaveProbability: 1, rescueFactor: 1, handleSeconds: { kind: "constant", value: 600 } } }),
      ),
    );
    expect(results.chat.messages.left).toBe(n);
    expect(results.chat.messages.handleHours).toBeCloseTo((600 * n) / 3600, 9);
    expect(results.funnel.orders).toBe(n);
  });

  it("acceptance onExitIntent 0: nobody takes an exit-intent invitation, while a timed invitation is taken by all (openness 1)", () => {
    const exitIntent: Change = (config) => ({
      ...config,
      funnel: { ...config.funnel, hesitation: { ...config.funnel.hesitation, exitIntentProbability: { desktop: 1, mobile: 1, tablet: 1 } } },
    });
    const onExit = run(store(1, "exitIntent == true and step == payment", exitIntent, acceptance({ onExitIntent: 0 })));
    expect(onExit.results.invitations.offered).toBe(onExit.n);
    expect(onExit.results.invitations.accepted).toBe(0);
    const timed = run(store(1, "step == payment and idleSeconds >= 30", acceptance({ onExitIntent: 0 })));
    expect(timed.results.invitations.accepted).toBe(timed.n);
  });

  it("a trigger blocked by its gate (requireFreeSlot, no agent online) shows no invitation", () => {
    const gated = chat({
      policy: resolvePolicy({
        name: "gated",
        reactive: { enabled: false },
        rules: [{ name: "idle", when: "step == payment and idleSeconds >= 30" }],
        gating: { requireFreeSlot: true },
      }),
    });
    const { results, n } = run(store(1, "step == payment and idleSeconds >= 30", gated));
    expect(results.invitations.offered).toBe(0);
    expect(results.abandonment.byReason.cardDeclined).toBe(n);
  });

  it("an accepted invitation goes to the desk, not the help centre (deflection 1 applies to help requests only)", () => {
    const { results, n } = run(
      store(
        1,
        "step == payment and idleSeconds >= 30",
        desk({ selfService: { ...DEFAULT_SELF_SERVICE_CONFIG, deflectionProbability: 1, escalationProbability: 0 } }),
      ),
    );
    expect(results.invitations.accepted).toBe(n);
    expect(results.chat.requests).toBe(n);
    expect(results.selfService.contacts).toBe(0);
  });

  it("the help button after a declined invitation: pressed at its own time in the 120 s linger, so every session ends within page + 120 + 40 s patience, and 3/4 of leavers see the invitation at 30 s first", () => {
    // Help is pressed at U × 120 s (U uniform): before 30 s the request comes first (no agent: the
    // 40 s patience runs out and the shopper leaves, uninvited); after it the shopper is invited at
    // 30 s, declines (openness 0) and presses help later.
    const { results, sessions, n } = run(
      store(
        1,
        "step == payment and idleSeconds >= 30",
        chat({ policy: rules(true, "step == payment and idleSeconds >= 30") }),
        segment({ chatOpenness: 0, helpProbability: 1 }),
      ),
    );
    for (const record of sessions) expect(seconds(record)).toBeLessThan(PAGE_SECONDS + 120 + PATIENCE_SECONDS + 1e-9);
    expect(results.invitations.reactiveRequests).toBe(n);
    expect(Math.abs(results.invitations.offered / n - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
  });

  it("a second rule beyond the linger (idleSeconds >= 130 > 120) never fires, even after a first invitation at 30 s", () => {
    const policy = resolvePolicy({
      name: "two",
      reactive: { enabled: false },
      rules: [
        { name: "first", when: "step == payment and idleSeconds >= 30 and idleSeconds < 31" },
        { name: "late", when: "step == payment and idleSeconds >= 130" },
      ],
      caps: { perPage: 5, perVisit: 5, afterDecline: true, minGapSeconds: 0 },
    });
    const { results, sessions, n } = run(store(1, "idleSeconds >= 30", chat({ policy }), segment({ chatOpenness: 0 })));
    expect(results.invitations.offered).toBe(n);
    for (const record of sessions) expect(Math.abs(seconds(record) - (PAGE_SECONDS + 120))).toBeLessThan(1e-9);
  });

  it("video rescues are no text agent's: with every chat on video, the text desk's seats credit no rescued order", () => {
    const video = desk({
      video: { acceptanceProbability: 1, scheduled: new Array(24).fill(30), handleSeconds: { kind: "constant", value: 60 }, rescueMultiplier: 1 },
    });
    const { results, n } = run(store(1, "step == payment and idleSeconds >= 30", video, agents(3), chat({ rescueProbability: { cardDeclined: 1 } })));
    expect(results.outcome.rescuedOrders).toBe(n);
    expect(results.chat.agents.map((agent) => agent.rescuedOrders)).toEqual([0, 0, 0]);
  });

  it("chat time counts as time on site: rescued on the cart after a 300 s chat, a shopper reaches payment's idle at 10 + 5 + 30 + 300 + 20 = 365 s, where `timeOnSiteSeconds >= 366` fires 1 s in", () => {
    const policy = resolvePolicy({
      name: "two",
      reactive: { enabled: false },
      rules: [
        { name: "cart", when: "step == cart and idleSeconds >= 30" },
        { name: "long visit", when: "step == payment and timeOnSiteSeconds >= 366" },
      ],
      caps: { perPage: 1, perVisit: 5, afterDecline: true, minGapSeconds: 0 },
    });
    const { results, sessions, n } = run(
      store(
        1,
        "idleSeconds >= 30",
        (config) => ({ ...config, funnel: { ...config.funnel, cartHazards: { returnsPolicy: 1 } } }),
        chat({ policy, rescueProbability: { returnsPolicy: 1 } }),
        agents(30),
        segment({ patienceSeconds: { kind: "constant", value: 1000 } }),
      ),
    );
    // The second invitation is accepted too and answered at once; no rescue on payment (probability
    // 0 for a declined card), so the shopper leaves 300 s later: 365 + 1 + 300.
    expect(results.invitations.offered).toBe(2 * n);
    for (const record of sessions) expect(Math.abs(seconds(record) - 666)).toBeLessThan(1e-9);
  });

  it("a rule that fires at the linger's last moment (idleSeconds >= 120), declined: the exit intent right after it is capped (one per page), and the shopper leaves at 120 s", () => {
    const exitIntent: Change = (config) => ({
      ...config,
      funnel: { ...config.funnel, hesitation: { ...config.funnel.hesitation, exitIntentProbability: { desktop: 1, mobile: 1, tablet: 1 } } },
    });
    const { results, sessions, n } = run(
      store(
        1,
        "idleSeconds >= 120",
        exitIntent,
        chat({ policy: rules(false, "step == payment and idleSeconds >= 120", "exitIntent == true and step == payment") }),
        segment({ chatOpenness: 0 }),
      ),
    );
    expect(results.invitations.offered).toBe(n);
    for (const record of sessions) expect(Math.abs(seconds(record) - (PAGE_SECONDS + 120))).toBeLessThan(1e-9);
  });

  it("an accepted invitation beside the visit that nobody answers is abandoned after the 40 s patience and leaves no message (only a full queue offers the form)", () => {
    // Carrying on, paused 7 s on payment, invited 3 s in: the chat runs beside the visit; no agent.
    const { results, n } = run(
      store(
        0,
        "step == payment and idleSeconds >= 3",
        pausing,
        desk({ messages: { leaveProbability: 1, rescueFactor: 1, handleSeconds: { kind: "constant", value: 600 } } }),
      ),
    );
    expect(results.invitations.accepted).toBe(n);
    expect(results.funnel.orders).toBe(n);
    expect(results.chat.messages.left).toBe(0);
  });

  it("an idle window with an invitation in it still adds just its own length to time on site: 10 + 5 + 7 (cart pause) + 20 = 42 s at payment's idle, where `timeOnSiteSeconds >= 50` fires 8 s in", () => {
    // Cart: a 7 s pause, invited 3 s in; a shopper who carries on declines (ifNotHesitating 0, no
    // annoyance). Payment: about to leave, invited at 42 + 8 = 50 s of time on site, accepts (openness
    // 1), waits out the 40 s patience with no agent and leaves: 42 + 8 + 40 = 90 s after arriving.
    const policy = resolvePolicy({
      name: "two",
      reactive: { enabled: false },
      rules: [
        { name: "cart", when: "step == cart and idleSeconds >= 3" },
        { name: "payment", when: "step == payment and timeOnSiteSeconds >= 50" },
      ],
      caps: { perPage: 1, perVisit: 5, afterDecline: true, minGapSeconds: 0 },
    });
    const { results, sessions, n } = run(store(1, "idleSeconds >= 3", pausing, chat({ policy }), acceptance({ ifNotHesitating: 0 })));
    expect(results.invitations.offered).toBe(2 * n);
    for (const record of sessions)
      expect(Math.abs(seconds(record) - (DWELL_SECONDS + CART_SECONDS + 7 + PAYMENT_FILL_SECONDS + 8 + PATIENCE_SECONDS))).toBeLessThan(1e-9);
  });
});
