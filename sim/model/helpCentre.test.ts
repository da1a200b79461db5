// The help centre on hand-built sessions of the tiny store (testTinyStore.ts). Every shopper's payment
// form has one field that always errs, and help probability 1 per error: at the end of the form, exactly
// DWELL + CART + PAYMENT_FILL seconds after arriving, every shopper presses "Need help?" while carrying
// on (nobody is about to leave unless the payment hazard says so). Draws decide nothing where the
// probabilities are 0 or 1, so each count and each session's length is known in advance.

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import { DEFAULT_CHANNEL_ESCALATION_CONFIG, DEFAULT_SELF_SERVICE_CONFIG, type SelfServiceConfig, type StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { CART_SECONDS, DWELL_SECONDS, PATIENCE_SECONDS, PAYMENT_FILL_SECONDS, tinyStore } from "./testTinyStore.ts";

const HELP_AT_SECONDS = DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS;
const HANDLE_SECONDS = 300;

function helpStore(
  selfService: Partial<SelfServiceConfig>,
  options: { hazard?: number; agents?: number; warmupSeconds?: number; rescue?: number } = {},
): StoreModelConfig {
  const base = tinyStore("step == payment and idleSeconds >= 30", options.hazard ?? 0);
  return {
    ...base,
    chat: {
      ...base.chat,
      policy: resolvePolicy({ name: "help-button", reactive: { enabled: true }, rules: [] }),
      rescueProbability: { cardDeclined: options.rescue ?? 1 },
    },
    funnel: {
      ...base.funnel,
      steps: [{ ...base.funnel.steps[0], fields: [{ name: "card", errorProbability: 1, typingSeconds: 0 }] }],
      friction: { ...base.funnel.friction, helpProbabilityPerError: 1 },
    },
    agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => options.agents ?? 0) },
    desk: { ...base.desk, warmupSeconds: options.warmupSeconds ?? 0, selfService: { ...DEFAULT_SELF_SERVICE_CONFIG, ...selfService } },
  };
}

function run(config: StoreModelConfig) {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed: 5, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

const seconds = (record: SessionRecord) => record.endedAtSeconds - record.arrivedAtSeconds;

describe("helpCentreFirst", () => {
  it("deflection 1, escalation 0: the help centre resolves every request at once; nobody waits, everyone orders", () => {
    const { results, sessions } = run(helpStore({ deflectionProbability: 1, escalationProbability: 0, costPerContact: 0.5 }));
    const n = sessions.length;
    expect(n).toBeGreaterThan(300);
    expect(results.invitations.reactiveRequests).toBe(n);
    expect(results.selfService).toMatchObject({ contacts: n, resolved: n, escalated: 0, rescued: 0 });
    expect(results.selfService.cost).toBeCloseTo(0.5 * n, 9);
    expect(results.chat.requests).toBe(0);
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(seconds(record) - HELP_AT_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
  });

  it("deflection 1, escalation 1 after 30 s: each request reaches the desk 30 s later and waits out its 40 s patience (no agents)", () => {
    const { results, sessions } = run(
      helpStore({ deflectionProbability: 1, escalationProbability: 1, escalationDelaySeconds: { kind: "constant", value: 30 } }),
    );
    const n = sessions.length;
    expect(results.selfService).toMatchObject({ contacts: n, resolved: 0, escalated: n, rescued: 0 });
    expect(results.chat.requests).toBe(n);
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(seconds(record) - (HELP_AT_SECONDS + 30 + PATIENCE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
  });

  it("an escalation's delay and the queue wait count as time on site: a rule at 35 + 30 + 40 + 5 = 110 s fires 5 s into the errors' idle time", () => {
    const config = helpStore({ deflectionProbability: 1, escalationProbability: 1, escalationDelaySeconds: { kind: "constant", value: 30 } });
    const { results, sessions } = run({
      ...config,
      segments: [{ ...config.segments[0], chatOpenness: 0, invitationSensitivity: 1 }],
      funnel: { ...config.funnel, friction: { ...config.funnel.friction, secondsPerError: 10 } },
      chat: {
        ...config.chat,
        policy: resolvePolicy({ name: "late", reactive: { enabled: true }, rules: [{ name: "late", when: "step == payment and timeOnSiteSeconds >= 110" }] }),
      },
    });
    expect(sessions.length).toBeGreaterThan(300);
    for (const record of sessions) {
      expect(record.outcome).toBe("annoyedByChat");
      expect(Math.abs(seconds(record) - (HELP_AT_SECONDS + 30 + PATIENCE_SECONDS + 5)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    expect(results.invitations.annoyedExits).toBe(sessions.length);
  });

  it("deflection 0 is off: requests go straight to the desk and nothing is counted", () => {
    const { results, sessions } = run(helpStore({ deflectionProbability: 0, escalationProbability: 0 }));
    expect(results.selfService).toMatchObject({ contacts: 0, resolved: 0, escalated: 0, rescued: 0 });
    expect(results.chat.requests).toBe(sessions.length);
    for (const record of sessions) expect(Math.abs(seconds(record) - (HELP_AT_SECONDS + PATIENCE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-9);
  });

  it("a warm-up of half a day counts only the contacts made after it: those of shoppers who arrive at or after 43,200 − 35 s", () => {
    const { results, sessions } = run(helpStore({ deflectionProbability: 1, escalationProbability: 0 }, { warmupSeconds: 43_200 }));
    const after = sessions.filter((record) => record.arrivedAtSeconds + HELP_AT_SECONDS >= 43_200).length;
    expect(after).toBeGreaterThan(100);
    expect(after).toBeLessThan(sessions.length - 100);
    expect(results.selfService).toMatchObject({ contacts: after, resolved: after, escalated: 0 });
    const escalating = run(
      helpStore({ deflectionProbability: 1, escalationProbability: 1, escalationDelaySeconds: { kind: "constant", value: 1 } }, { warmupSeconds: 43_200 }),
    );
    expect(escalating.results.selfService).toMatchObject({ contacts: after, resolved: 0, escalated: after });
  });

  it("a shopper about to leave who asks for help is rescued by a resolved contact with rescue probability × rescueFactor: 1 × 1 all, 1 × 0 none", () => {
    const leaving = (rescueFactor: number, warmupSeconds = 0) =>
      run(
        (() => {
          const config = helpStore({ deflectionProbability: 1, escalationProbability: 0, rescueFactor }, { hazard: 1, warmupSeconds });
          // The form errs but nobody asks for help on it; the hesitating shopper presses the help button instead.
          return {
            ...config,
            segments: [{ ...config.segments[0], helpProbability: 1 }],
            funnel: { ...config.funnel, friction: { ...config.funnel.friction, helpProbabilityPerError: 0 } },
          };
        })(),
      );
    const all = leaving(1);
    const n = all.sessions.length;
    expect(all.results.selfService).toMatchObject({ contacts: n, resolved: n, rescued: n });
    expect(all.results.funnel.orders).toBe(n);
    const none = leaving(0);
    expect(none.results.selfService).toMatchObject({ contacts: n, resolved: n, rescued: 0 });
    expect(none.results.funnel.orders).toBe(0);
    expect(none.results.abandonment.byReason.cardDeclined).toBe(n);
    // Resolved but not rescued, they leave at once: before the 120 s linger is over.
    for (const record of none.sessions) expect(seconds(record), `shopper ${record.id}`).toBeLessThan(HELP_AT_SECONDS + 120);
    // With a warm-up, rescues before it happen but are not counted.
    const late = leaving(1, 43_200);
    expect(late.results.funnel.orders).toBe(n);
    expect(late.results.selfService.rescued).toBe(late.results.selfService.contacts);
    expect(late.results.selfService.rescued).toBeLessThan(n - 100);
  });
});

describe("escalateChannel", () => {
  /** Thirty agents answer every request at once (load 400 × 300 ÷ 86,400 ≈ 1.4); each chat lasts 300 s, then the shopper orders. */
  const answered = (probability: number, phoneShare: number, warmupSeconds = 0) =>
    run(
      helpStore(
        {
          deflectionProbability: 0,
          channelEscalation: { ...DEFAULT_CHANNEL_ESCALATION_CONFIG, probability, phoneShare, emailCostPerContact: 4, phoneCostPerContact: 8 },
        },
        { agents: 30, warmupSeconds },
      ),
    );

  it("probability 1 hands every answered chat on: all by email at phone share 0, all by phone at 1; 0 hands none on", () => {
    const email = answered(1, 0);
    const n = email.sessions.length;
    for (const record of email.sessions) expect(Math.abs(seconds(record) - (HELP_AT_SECONDS + HANDLE_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-6);
    expect(email.results.selfService.channelEscalation).toEqual({ email: n, phone: 0, cost: 4 * n });
    expect(answered(1, 1).results.selfService.channelEscalation).toEqual({ email: 0, phone: n, cost: 8 * n });
    expect(answered(0, 1).results.selfService.channelEscalation).toEqual({ email: 0, phone: 0, cost: 0 });
  });

  it("after a warm-up of half a day only chats that end after it are handed on", () => {
    const { results, sessions } = answered(1, 1, 43_200);
    const after = sessions.filter((record) => record.endedAtSeconds >= 43_200).length;
    expect(after).toBeGreaterThan(100);
    expect(after).toBeLessThan(sessions.length - 100);
    expect(results.selfService.channelEscalation.phone).toBe(after);
  });
});
