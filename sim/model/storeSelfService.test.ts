// Self-service first in the store model, checked against closed forms: every help request is
// deflected to the help centre independently with probability d, so the contacts are Binomial(help
// requests, d), the escalations Binomial(contacts, e), the help centre's rescues Binomial(resolved,
// rescueProbability × rescueFactor), and the chats handed on to email or phone Binomial(answered, p)
// with Binomial(escalations, phoneShare) of them by phone. Every check is a 99% interval.

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import { DEFAULT_SELF_SERVICE_CONFIG, type SelfServiceConfig, type StoreModelConfig } from "./config.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";

const Z99 = 2.576;
const RESCUE = 0.5;

/** |observed − n·p| within the 99% normal interval of a Binomial(n, p). */
function expectBinomial(observed: number, n: number, p: number): void {
  expect(n).toBeGreaterThan(200);
  expect(Math.abs(observed - n * p), `${observed} of ${n} at p = ${p}`).toBeLessThan(Z99 * Math.sqrt(n * p * (1 - p)));
}

/** The tiny store where 30% of payments fail and every such shopper presses the help button; 4 agents × 3 chats answer. */
function store(selfService: Partial<SelfServiceConfig>): StoreModelConfig {
  const base = tinyStore("step == payment and idleSeconds >= 30", 0.3);
  return {
    ...base,
    sessionRatesPerSecond: base.sessionRatesPerSecond.map(() => 8000 / 86400),
    segments: [{ ...base.segments[0], helpProbability: 1 }],
    chat: { ...base.chat, policy: resolvePolicy({ name: "help-button-only" }), rescueProbability: { cardDeclined: RESCUE } },
    agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 4), concurrency: 3 },
    desk: { ...base.desk, selfService: { ...DEFAULT_SELF_SERVICE_CONFIG, ...selfService } },
  };
}

const run = (config: StoreModelConfig) => simulateStore(config, { seed: 31 });

describe("store model self-service", () => {
  const off = run(store({}));

  it("is off by default: nothing deflected, nothing handed on, no cost in the profit statement", () => {
    expect(off.selfService).toEqual({ contacts: 0, resolved: 0, escalated: 0, rescued: 0, cost: 0, channelEscalation: { email: 0, phone: 0, cost: 0 } });
    expect(off.profit.selfServiceCost).toBe(0);
    expect(off.profit.escalationCost).toBe(0);
    expect(off.invitations.reactiveRequests).toBeGreaterThan(1000);
  });

  it("the help centre takes Binomial(help requests, 0.4), escalates Binomial(contacts, 1/3) to the desk and rescues Binomial(resolved, 0.5 × 0.3)", () => {
    const on = run(store({ deflectionProbability: 0.4, costPerContact: 0.75 }));
    const help = on.invitations.reactiveRequests;
    const { contacts, resolved, escalated, rescued } = on.selfService;
    expectBinomial(contacts, help, 0.4);
    expectBinomial(escalated, contacts, 1 / 3);
    expect(resolved + escalated).toBe(contacts);
    // Every help request reaches the desk unless the help centre resolved it (no invitations here).
    expect(on.chat.requests + on.chat.closedRequests).toBe(help - resolved);
    expectBinomial(rescued, resolved, RESCUE * DEFAULT_SELF_SERVICE_CONFIG.rescueFactor);
    expect(on.selfService.cost).toBeCloseTo(contacts * 0.75, 9);
    expect(on.profit.selfServiceCost).toBe(on.selfService.cost);
    // Same shoppers (common random numbers): the same help requests with and without the help centre.
    expect(help).toBe(off.invitations.reactiveRequests);
    expect(on.chat.requests).toBeLessThan(off.chat.requests);
  });

  it("answered chats are handed on to email or phone as Binomial(answered, 0.2), a quarter by phone; their cost is exactly what the profit loses", () => {
    const on = run(store({ channelEscalation: { probability: 0.2, phoneShare: 0.25, emailCostPerContact: 3, phoneCostPerContact: 11 } }));
    const { email, phone, cost } = on.selfService.channelEscalation;
    expectBinomial(email + phone, on.chat.served, 0.2);
    expectBinomial(phone, email + phone, 0.25);
    expect(cost).toBe(email * 3 + phone * 11);
    expect(on.profit.escalationCost).toBe(cost);
    // The follow-up changes no shopper's outcome: the same orders and revenue, less the follow-ups' cost.
    expect(on.funnel.orders).toBe(off.funnel.orders);
    expect(on.profit.contributionProfit).toBeCloseTo(off.profit.contributionProfit - cost, 6);
  });
});
