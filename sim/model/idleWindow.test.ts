// When proactive invitations fire, seen through a store so small that every session's timeline is
// known in advance: one segment, one browse page, a certain add to cart, a cart step without hazards
// and one checkout step, "payment", where a hazard makes some shoppers about to leave. Those linger
// idle for exactly LINGER_SECONDS; the others finish the order with no idle time at all.
//
// There is no trace hook for the moment an invitation fires, and none is needed: an invited shopper
// accepts (chatOpenness 1), no agent is ever online, so they wait out a constant patience and leave
// the moment they give up. Their session therefore ends at
//   arrival + dwell + cart + payment fill + (firing delay) + patience,
// and the session log's end time gives the firing delay to the microsecond.

import { describe, expect, it } from "vitest";
import { resolvePolicy, STRICT_THRESHOLD_EPSILON_SECONDS } from "../policy/index.ts";
import { DEFAULT_DESK_CONFIG, type StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { CART_SECONDS, DWELL_SECONDS, LINGER_SECONDS, PATIENCE_SECONDS, PAYMENT_FILL_SECONDS, tinyStore } from "./testTinyStore.ts";

/** Shoppers reach the idle part of payment this long after they arrive. */
const IDLE_STARTS_AFTER_SECONDS = DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS;

function sessionLog(config: StoreModelConfig): SessionRecord[] {
  const sessions: SessionRecord[] = [];
  simulateStore(config, { seed: 3, onSession: (record) => sessions.push(record) });
  return sessions;
}

/** Seconds from arrival to the end of the session, less the part every shopper spends before the payment idle. */
const idleAndChatSeconds = (record: SessionRecord): number => record.endedAtSeconds - record.arrivedAtSeconds - IDLE_STARTS_AFTER_SECONDS;

describe("idleWindow: proactive invitations fire at the policy's threshold", () => {
  it("`step == payment and idleSeconds >= 30`: each lingering shopper is invited exactly once, 30 s into the idle; others never", () => {
    const sessions = sessionLog(tinyStore("step == payment and idleSeconds >= 30", 0.5));
    const lingering = sessions.filter((record) => record.outcome === "cardDeclined");
    const ordering = sessions.filter((record) => record.outcome === "order");
    expect(lingering.length + ordering.length).toBe(sessions.length);
    // Both groups are well represented (hazard 0.5 over ~400 sessions).
    expect(lingering.length).toBeGreaterThan(100);
    expect(ordering.length).toBeGreaterThan(100);
    for (const record of lingering) {
      expect(record.invitations, `shopper ${record.id}`).toBe(1);
      // Invited at 30 s, waited PATIENCE_SECONDS in a queue with no agents, gave up and left.
      expect(Math.abs(idleAndChatSeconds(record) - (30 + PATIENCE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-7);
      expect(record.chatted).toBe(false);
    }
    for (const record of ordering) {
      expect(record.invitations, `shopper ${record.id}`).toBe(0);
      expect(Math.abs(idleAndChatSeconds(record)), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
  });

  it("every lingering shopper who gives up in the queue and leaves is one of leftAfterQueueAbandon; with an agent for each, none is", () => {
    const config = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const sessions: SessionRecord[] = [];
    const unstaffed = simulateStore(config, { seed: 3, onSession: (record) => sessions.push(record) });
    const lingering = sessions.filter((record) => record.outcome === "cardDeclined");
    expect(lingering.length).toBeGreaterThan(100);
    expect(unstaffed.chat.abandoned).toBe(lingering.length);
    expect(unstaffed.outcome.leftAfterQueueAbandon).toBe(lingering.length);
    // 30 agents, 300 s chats, no rescue: every chat is answered and the shopper leaves after it, not from the queue.
    const staffed = simulateStore({ ...config, agents: { ...config.agents, scheduled: config.agents.scheduled.map(() => 30) } }, { seed: 3 });
    expect(staffed.chat.served).toBeGreaterThan(100);
    expect(staffed.chat.abandoned).toBe(0);
    expect(staffed.outcome.leftAfterQueueAbandon).toBe(0);
  });

  it("`idleSeconds > 30` (strict) fires STRICT_THRESHOLD_EPSILON_SECONDS after 30 s, not at 30 s", () => {
    const lingering = sessionLog(tinyStore("step == payment and idleSeconds > 30", 1));
    expect(lingering.length).toBeGreaterThan(300);
    for (const record of lingering) {
      expect(record.invitations).toBe(1);
      const expected = 30 + STRICT_THRESHOLD_EPSILON_SECONDS + PATIENCE_SECONDS;
      expect(Math.abs(idleAndChatSeconds(record) - expected), `shopper ${record.id}`).toBeLessThan(1e-8);
    }
  });

  it("a threshold above the linger time (idleSeconds >= 150 > 120) never invites: shoppers linger 120 s and leave", () => {
    const sessions = sessionLog(tinyStore("step == payment and idleSeconds >= 150", 1));
    expect(sessions.length).toBeGreaterThan(300);
    for (const record of sessions) {
      expect(record.invitations).toBe(0);
      expect(record.outcome).toBe("cardDeclined");
      expect(Math.abs(idleAndChatSeconds(record) - LINGER_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
  });

  it("a rule for another step (`step == cart and idleSeconds >= 30`) never fires on payment", () => {
    const sessions = sessionLog(tinyStore("step == cart and idleSeconds >= 30", 1));
    for (const record of sessions) expect(record.invitations).toBe(0);
  });
});

describe("requestChat: multitasking lowers the rescue chance (rescueLossPerExtraChat)", () => {
  /** Lingering shoppers are invited at 30 s idle and wait for one agent; every chat rescues unless multitasking spoils it. */
  function busyDesk(concurrency: number, rescueLossPerExtraChat: number, desk = DEFAULT_DESK_CONFIG): SessionRecord[] {
    const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const intervals = base.agents.scheduled.length;
    return sessionLog({
      ...base,
      segments: [{ ...base.segments[0], patienceSeconds: { kind: "constant", value: 3600 } }],
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 }, handleSeconds: { kind: "constant", value: 600 }, rescueLossPerExtraChat },
      agents: { ...base.agents, scheduled: new Array(intervals).fill(1), concurrency },
      desk,
    });
  }
  const rescued = (sessions: SessionRecord[]) => sessions.filter((record) => record.rescued).length;
  const chatted = (sessions: SessionRecord[]) => sessions.filter((record) => record.chatted).length;

  it("rescued orders are credited to the agent seat that served the rescuing chat", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const results = simulateStore(
      {
        ...base,
        chat: { ...base.chat, rescueProbability: { cardDeclined: 0.5 }, handleSeconds: { kind: "constant", value: 600 } },
        agents: { ...base.agents, scheduled: new Array(base.agents.scheduled.length).fill(2), concurrency: 2 },
      },
      { seed: 3 },
    );
    expect(results.outcome.rescuedOrders).toBeGreaterThan(20);
    expect(results.chat.agents.map((agent) => agent.rescuedOrders).reduce((a, b) => a + b, 0)).toBe(results.outcome.rescuedOrders);
    expect(results.chat.agents.every((agent) => agent.rescuedOrders > 0)).toBe(true);
  });

  it("one chat per agent: the loss never applies, every served chat rescues", () => {
    const sessions = busyDesk(1, 0.3);
    expect(chatted(sessions)).toBeGreaterThan(50);
    expect(rescued(sessions)).toBe(chatted(sessions));
  });

  it("three chats per agent: loss 0.3 rescues fewer than loss 0, and at least 1 − 0.3 × 2 of the served", () => {
    const without = busyDesk(3, 0);
    const withLoss = busyDesk(3, 0.3);
    expect(rescued(without)).toBe(chatted(without));
    // Same shoppers and draws (common random numbers); only the rescue chance differs.
    expect(chatted(withLoss)).toBe(chatted(without));
    expect(rescued(withLoss)).toBeLessThan(0.95 * rescued(without));
    expect(rescued(withLoss)).toBeGreaterThanOrEqual(Math.floor(0.4 * chatted(withLoss)));
  });
});

describe("requestChat: a full queue offers the message form", () => {
  const blockedDesk = (rescueFactor: number) =>
    sessionLogOf(1, { ...DEFAULT_DESK_CONFIG, maxQueueLength: 0, messages: { ...DEFAULT_DESK_CONFIG.messages, leaveProbability: 1, rescueFactor } });
  function sessionLogOf(concurrency: number, desk: StoreModelConfig["desk"]): SessionRecord[] {
    const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    return sessionLog({
      ...base,
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 }, handleSeconds: { kind: "constant", value: 600 } },
      agents: { ...base.agents, scheduled: new Array(base.agents.scheduled.length).fill(1), concurrency },
      desk,
    });
  }

  it("maxQueueLength 0: blocked hesitating shoppers are rescued by the message answer exactly when rescueFactor is 1, never at 0", () => {
    const never = blockedDesk(0);
    const always = blockedDesk(1);
    const lingering = (sessions: SessionRecord[]) => sessions.filter((record) => record.invitations === 1);
    // Every invited shopper was hesitating (pause probability 0); those not chatting were blocked.
    const blockedNever = lingering(never).filter((record) => !record.chatted);
    expect(blockedNever.length).toBeGreaterThan(20);
    expect(blockedNever.every((record) => !record.rescued && record.outcome === "cardDeclined")).toBe(true);
    const blockedAlways = lingering(always).filter((record) => !record.chatted);
    expect(blockedAlways.length).toBe(blockedNever.length);
    expect(blockedAlways.every((record) => record.rescued && record.outcome === "order")).toBe(true);
  });
});

describe("idleWindow and the help button: a holdout session is never offered chat", () => {
  const withHoldout = (config: StoreModelConfig, policy: Parameters<typeof resolvePolicy>[0]): StoreModelConfig => ({
    ...config,
    chat: { ...config.chat, policy: resolvePolicy(policy) },
  });
  const run = (config: StoreModelConfig) => {
    const sessions: SessionRecord[] = [];
    const results = simulateStore(config, { seed: 3, onSession: (record) => sessions.push(record) });
    return { results, sessions: sessions.sort((a, b) => a.id - b.id) };
  };

  it("holdout 0.3 on `idleSeconds >= 30`: held-out lingering shoppers are not invited and leave after the linger; the others are invited as without a holdout", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const plain = run(base);
    const held = run(
      withHoldout(base, {
        name: "idle-on-payment",
        reactive: { enabled: false },
        rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }],
        holdout: 0.3,
      }),
    );
    expect(held.sessions.length).toBe(plain.sessions.length);
    const holdout = held.sessions.filter((record) => record.holdout);
    // ~400 sessions at 0.3: 4 binomial standard errors either side.
    const n = held.sessions.length;
    expect(Math.abs(holdout.length - 0.3 * n)).toBeLessThan(4 * Math.sqrt(n * 0.3 * 0.7));
    for (const record of held.sessions) {
      const other = plain.sessions[record.id];
      if (!record.holdout) {
        expect(record, `session ${record.id}`).toEqual({ ...other, holdout: false });
        continue;
      }
      expect(record.invitations, `session ${record.id}`).toBe(0);
      expect(record.chatted).toBe(false);
      // Same shopper, same draws: the same outcome, and a lingering one leaves when the linger ends.
      expect(record.outcome).toBe(other.outcome);
      if (record.outcome === "cardDeclined") expect(Math.abs(idleAndChatSeconds(record) - LINGER_SECONDS)).toBeLessThan(1e-7);
    }
    expect(held.results.holdout).toEqual({ share: 0.3, sessions: holdout.length, orders: holdout.filter((record) => record.outcome === "order").length });
  });

  it("holdout 0.5 with the help button only: held-out shoppers about to leave never ask for help; every other one does", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const config = withHoldout({ ...base, segments: [{ ...base.segments[0], helpProbability: 1 }] }, { name: "reactive", rules: [], holdout: 0.5 });
    const { results, sessions } = run(config);
    const askers = sessions.filter((record) => !record.holdout && record.outcome === "cardDeclined");
    expect(sessions.some((record) => record.holdout && record.outcome === "cardDeclined")).toBe(true);
    expect(results.invitations.reactiveRequests).toBe(askers.length);
    expect(results.outcome.sessionsWithChat).toBe(sessions.filter((record) => record.chatted).length);
  });
});

describe("idleWindow: exit intent, background chats, repeat invitations and video, timed by hand", () => {
  const withSegment = (config: StoreModelConfig, fields: Partial<StoreModelConfig["segments"][number]>): StoreModelConfig => ({
    ...config,
    segments: [{ ...config.segments[0], ...fields }],
  });
  const pausing = (config: StoreModelConfig, pauseSeconds: number): StoreModelConfig => ({
    ...config,
    funnel: { ...config.funnel, hesitation: { ...config.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: pauseSeconds } } },
  });
  const run = (config: StoreModelConfig) => {
    const sessions: SessionRecord[] = [];
    const results = simulateStore(config, { seed: 3, onSession: (record) => sessions.push(record) });
    return { results, sessions };
  };
  const seconds = (record: SessionRecord) => record.endedAtSeconds - record.arrivedAtSeconds;

  /** Every shopper lingers 120 s on payment and ends it with exit intent; the only rule fires on exit intent. */
  function exitIntentStore(chatOpenness: number, holdout = 0): StoreModelConfig {
    const base = tinyStore("exitIntent == true and step == payment", 1);
    return withSegment(
      {
        ...base,
        funnel: { ...base.funnel, hesitation: { ...base.funnel.hesitation, exitIntentProbability: { desktop: 1, mobile: 1, tablet: 1 } } },
        chat: {
          ...base.chat,
          policy: resolvePolicy({
            name: "exit",
            reactive: { enabled: false },
            rules: [{ name: "exit", when: "exitIntent == true and step == payment" }],
            holdout,
          }),
        },
      },
      { chatOpenness },
    );
  }

  it("exit intent at the end of the linger invites once: an accepting shopper then waits out its patience and leaves", () => {
    const { results, sessions } = run(exitIntentStore(1));
    expect(sessions.length).toBeGreaterThan(300);
    for (const record of sessions) {
      expect(record.invitations, `shopper ${record.id}`).toBe(1);
      expect(record.outcome).toBe("cardDeclined");
      expect(Math.abs(idleAndChatSeconds(record) - (LINGER_SECONDS + PATIENCE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
    expect(results.invitations.toHesitatingShoppers).toBe(sessions.length);
    expect(results.invitations.accepted).toBe(sessions.length);
    expect(results.chat.requests).toBe(sessions.length);
  });

  it("exit intent with agents online and rescue 1: the accepting shopper is answered at once and rescued after the 300 s chat", () => {
    const base = exitIntentStore(1);
    const { results, sessions } = run({
      ...base,
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 } },
      agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
    });
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(idleAndChatSeconds(record) - (LINGER_SECONDS + 300)), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
    expect(results.outcome.rescuedOrders).toBe(sessions.length);
  });

  it("exit intent where the rule does not match (`step == cart`): no invitation", () => {
    const base = exitIntentStore(1);
    const { sessions } = run({
      ...base,
      chat: {
        ...base.chat,
        policy: resolvePolicy({ name: "exit", reactive: { enabled: false }, rules: [{ name: "exit", when: "exitIntent == true and step == cart" }] }),
      },
    });
    for (const record of sessions) expect(record.invitations).toBe(0);
  });

  it("exit intent declined by a hesitating shopper: invited once, no annoyance, leaves at the end of the linger", () => {
    const { results, sessions } = run(exitIntentStore(0));
    for (const record of sessions) {
      expect(record.invitations, `shopper ${record.id}`).toBe(1);
      expect(record.outcome).toBe("cardDeclined");
      expect(Math.abs(idleAndChatSeconds(record) - LINGER_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
    expect(results.invitations.declined).toBe(sessions.length);
    expect(results.invitations.annoyedExits).toBe(0);
  });

  it("exit intent in the holdout shows nothing", () => {
    const { sessions } = run(exitIntentStore(1, 0.9));
    const held = sessions.filter((record) => record.holdout);
    expect(held.length).toBeGreaterThan(300);
    for (const record of held) {
      expect(record.invitations, `shopper ${record.id}`).toBe(0);
      expect(Math.abs(idleAndChatSeconds(record) - LINGER_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
  });

  it("an invitation accepted by a shopper who is not hesitating runs beside the visit: no wait, and a blocked one may leave a message", () => {
    // A 7 s pause on the cart and on payment; the rule fires 3 s into the cart's pause.
    const base = pausing(tinyStore("step == cart and idleSeconds >= 3", 0), 7);
    const { results, sessions } = run(base);
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(record.invitations).toBe(1);
      expect(record.chatted).toBe(false);
      expect(Math.abs(seconds(record) - (DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS + 14)), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
    expect(results.invitations.accepted).toBe(sessions.length);
    expect(results.chat.requests).toBe(sessions.length);
    // Shown on the cart page, to new visitors, after laterAfterSeconds 0.
    expect(results.invitations.byGroup.inCart).toEqual({ offered: sessions.length, accepted: sessions.length, acceptanceRate: 1 });
    expect(results.invitations.byGroup.newVisitors.offered).toBe(sessions.length);
    expect(results.invitations.byGroup.later.offered).toBe(sessions.length);
    // Counted early when the shopper has been on the site less than laterAfterSeconds (18 s here, 500 s given).
    const early = run({ ...base, chat: { ...base.chat, acceptance: { ...base.chat.acceptance, laterAfterSeconds: 500 } } });
    expect(early.results.invitations.byGroup.early.offered).toBe(early.sessions.length);
    expect(early.results.invitations.byGroup.later.offered).toBe(0);
    // A full queue (length 0): every background chat is blocked and, with leave probability 1, leaves a message.
    const blocked = run({ ...base, desk: { ...base.desk, maxQueueLength: 0, messages: { ...base.desk.messages, leaveProbability: 1 } } });
    expect(blocked.results.chat.messages.left).toBe(blocked.sessions.length);
    for (const record of blocked.sessions) expect(record.outcome).toBe("order");
    // With 30 agents online every background chat is answered at once. One of `handleSeconds`:
    // 2 s ends within the visit, 600 s outlasts it (begun on the cart page; the visit ends 49 s
    // after arrival). Either way the session counts as one with a chat, as the live store counts a
    // chat taken by an agent; the outlasting chat is not in the record written when the visit
    // ended, and its order is not a chat order.
    for (const [handleSeconds, withinVisit] of [
      [2, true],
      [600, false],
    ] as const) {
      const staffed = run({
        ...base,
        chat: { ...base.chat, handleSeconds: { kind: "constant", value: handleSeconds } },
        agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
      });
      for (const record of staffed.sessions) {
        expect(record.chatted).toBe(withinVisit);
        expect(record.outcome).toBe("order");
      }
      expect(staffed.results.chat.served).toBe(staffed.sessions.length);
      expect(staffed.results.outcome.sessionsWithChat).toBe(staffed.sessions.length);
      expect(staffed.results.outcome.ordersWithChat).toBe(withinVisit ? staffed.sessions.length : 0);
    }
    const noMessage = run({ ...base, desk: { ...base.desk, maxQueueLength: 0, messages: { ...base.desk.messages, leaveProbability: 0 } } });
    expect(noMessage.results.chat.messages.left).toBe(0);
    expect(noMessage.results.chat.blocked).toBe(noMessage.sessions.length);
  });

  it("unwanted invitations on three product pages: the first decline counts as first, the later ones as repeats", () => {
    const base = tinyStore("step == product and idleSeconds >= 4", 0);
    const config = withSegment(
      {
        ...base,
        chat: {
          ...base.chat,
          policy: resolvePolicy({
            name: "product",
            reactive: { enabled: false },
            rules: [{ name: "p", when: "step == product and idleSeconds >= 4" }],
            caps: { perPage: 1, perVisit: 5, afterDecline: true, minGapSeconds: 0 },
          }),
        },
      },
      { pageViews: { kind: "constant", value: 4 }, chatOpenness: 0, invitationSensitivity: 0 },
    );
    const { results, sessions } = run(config);
    const invitations = sessions.reduce((sum, record) => sum + record.invitations, 0);
    expect(results.invitations.annoyance.first.declined).toBe(sessions.length);
    expect(results.invitations.annoyance.repeat.declined).toBe(invitations - sessions.length);
    expect(invitations).toBeGreaterThan(sessions.length);
    expect(results.invitations.annoyance.first.annoyedExits + results.invitations.annoyance.repeat.annoyedExits).toBe(0);
  });

  it("video on for every chat: a hesitating shopper's accepted invitation waits for a video agent, talks 420 s and is rescued at 1 × multiplier", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 1);
    const intervals = base.agents.scheduled.length;
    const { results, sessions } = run({
      ...base,
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 } },
      desk: {
        ...base.desk,
        video: { acceptanceProbability: 1, scheduled: new Array(intervals).fill(30), handleSeconds: { kind: "constant", value: 420 }, rescueMultiplier: 1 },
      },
    });
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(record.rescued).toBe(true);
      expect(Math.abs(idleAndChatSeconds(record) - (30 + 420)), `shopper ${record.id}`).toBeLessThan(1e-6);
    }
    expect(results.outcome.rescuedOrders).toBe(sessions.length);
    // Video rescues are credited to no text agent.
    expect(results.chat.agents.reduce((sum, agent) => sum + agent.rescuedOrders, 0)).toBe(0);
    expect(results.video?.served).toBe(sessions.length);
    expect(results.chat.requests).toBe(0);
    // Rescue multiplier 0: a video call never rescues; acceptance 0: every chat goes to the text desk, where no agent is online.
    const video = {
      acceptanceProbability: 1,
      scheduled: new Array(intervals).fill(30),
      handleSeconds: { kind: "constant", value: 420 },
      rescueMultiplier: 0,
    } as const;
    const noRescue = run({ ...base, chat: { ...base.chat, rescueProbability: { cardDeclined: 1 } }, desk: { ...base.desk, video } });
    expect(noRescue.results.outcome.rescuedOrders).toBe(0);
    for (const record of noRescue.sessions) expect(Math.abs(idleAndChatSeconds(record) - (30 + 420)), `shopper ${record.id}`).toBeLessThan(1e-6);
    const textOnly = run({
      ...base,
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 } },
      desk: { ...base.desk, video: { ...video, acceptanceProbability: 0 } },
    });
    expect(textOnly.results.chat.requests).toBe(textOnly.sessions.length);
    expect(textOnly.results.video?.requests).toBe(0);
    for (const record of textOnly.sessions) expect(Math.abs(idleAndChatSeconds(record) - (30 + PATIENCE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-6);
  });

  it("the help button while lingering: with no agent the shopper waits out the 40 s patience and leaves; with agents and rescue 1 every one is rescued", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 1);
    const helpOnly = withSegment(
      { ...base, chat: { ...base.chat, policy: resolvePolicy({ name: "help", reactive: { enabled: true }, rules: [] }) } },
      { helpProbability: 1 },
    );
    const alone = run(helpOnly);
    expect(alone.results.invitations.reactiveRequests).toBe(alone.sessions.length);
    for (const record of alone.sessions) {
      expect(record.outcome).toBe("cardDeclined");
      // Pressed at a uniform point of the 120 s linger, then 40 s in the queue.
      expect(idleAndChatSeconds(record)).toBeGreaterThanOrEqual(PATIENCE_SECONDS - 1e-9);
      expect(idleAndChatSeconds(record)).toBeLessThanOrEqual(LINGER_SECONDS + PATIENCE_SECONDS + 1e-9);
    }
    const staffed = run({
      ...helpOnly,
      chat: { ...helpOnly.chat, rescueProbability: { cardDeclined: 1 } },
      agents: { ...helpOnly.agents, scheduled: helpOnly.agents.scheduled.map(() => 30) },
    });
    for (const record of staffed.sessions) {
      expect(record.outcome).toBe("order");
      expect(record.rescued && record.chatted).toBe(true);
      expect(idleAndChatSeconds(record)).toBeGreaterThanOrEqual(300 - 1e-9);
      expect(idleAndChatSeconds(record)).toBeLessThanOrEqual(LINGER_SECONDS + 300 + 1e-9);
    }
    const n = staffed.sessions.length;
    expect(staffed.results.outcome).toEqual({
      rescuedOrders: n,
      rescuedRevenue: 80 * n,
      rescuedMargin: 0.3 * 80 * n,
      ordersWithChat: n,
      sessionsWithChat: n,
      leftAfterQueueAbandon: 0,
    });
    expect(staffed.results.chat.agents.reduce((sum, agent) => sum + agent.rescuedOrders, 0)).toBe(n);
  });

  it("a chat handle time below 1 s counts as 1 s: invited at 30 s, answered at once, rescued 1 s later", () => {
    const base = tinyStore("step == payment and idleSeconds >= 30", 1);
    const { sessions } = run({
      ...base,
      chat: { ...base.chat, rescueProbability: { cardDeclined: 1 }, handleSeconds: { kind: "constant", value: 0.25 } },
      agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
    });
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(idleAndChatSeconds(record) - 31), `shopper ${record.id}`).toBeLessThan(1e-7);
    }
  });
});
