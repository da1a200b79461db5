// End-to-end checks of the store model on the baseline scenario (baseline.yaml beside this file):
// determinism, common random numbers across policies, the pricing levers, the chat desk, the
// accounting identities between the result's fields, JSON safety and fixed-size results.
// Runs are one day (40,000 sessions) unless a test says otherwise, with fixed seeds; each run is
// made once and shared by the tests that read it.
// It lives here, not in sim/model, because it needs the scenario loader (sim/ never imports
// experiments/): it exercises the model on the calibrated baseline rather than on a hand copy.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ABANDONMENT_REASONS, type SessionRecord, type StoreModelConfig, type StoreResults, simulateStore } from "../../sim/model/index.ts";
import { parseScenario, readDataFile, type ScenarioOverrides } from "../scenario/index.ts";

const BASELINE_PATH = fileURLToPath(new URL("./baseline.yaml", import.meta.url));
const policyPath = (name: string): string => fileURLToPath(new URL(`../policies/${name}.yaml`, import.meta.url));
const SEED = 11;

/** Scenario data as read from YAML, edited in place by tests before validation. */
type ScenarioData = Record<string, any>;
const BASELINE_DATA = readDataFile(BASELINE_PATH, "scenario file") as ScenarioData;
const AGGRESSIVE = readDataFile(policyPath("aggressive"), "policy file") as ScenarioData;

/** The baseline, optionally edited, validated and resolved by the scenario loader. */
function baselineConfig(overrides: ScenarioOverrides = {}, edit?: (data: ScenarioData) => void): StoreModelConfig {
  const data = structuredClone(BASELINE_DATA);
  edit?.(data);
  const { config } = parseScenario(data, { path: BASELINE_PATH, overrides: { days: 1, ...overrides } });
  if (config.kind !== "store") throw new Error("baseline is not a store scenario");
  return config;
}

interface Run {
  readonly results: StoreResults;
  readonly sessions: SessionRecord[];
}

function runLogged(config: StoreModelConfig, seed: string | number = SEED): Run {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

// A quarter of the baseline traffic with one agent online and no shrinkage: the aggressive policy
// then asks for ~700 chats a day, far more than one agent's three slots can take.
const scarceAgents = (agents: number) => (data: ScenarioData) => {
  data.traffic.sessionsPerDay = 10_000;
  data.agents.schedule = agents;
  data.agents.shrinkage = 0;
};

const RUN_RECIPES = {
  reactiveOnly: () => runLogged(baselineConfig()),
  idleOnPayment: () => runLogged(baselineConfig({ policy: policyPath("idle-on-payment") })),
  aggressive: () => runLogged(baselineConfig({ policy: policyPath("aggressive") })),
  freeShipping: () => runLogged(baselineConfig({}, (data) => (data.pricing.freeShippingThreshold = 0))),
  totalUpfront: () =>
    runLogged(
      baselineConfig({}, (data) => {
        data.pricing.showTotalUpfront = true;
        for (const step of data.funnel.steps) delete step.revealsTotal;
      }),
    ),
  zeroAgents: () => runLogged(baselineConfig({}, (data) => (data.agents.schedule = 0))),
  aggressiveOneAgent: () => runLogged(baselineConfig({ policy: AGGRESSIVE }, scarceAgents(1))),
  aggressiveTwoAgents: () => runLogged(baselineConfig({ policy: AGGRESSIVE }, scarceAgents(2))),
  aggressiveFourAgents: () => runLogged(baselineConfig({ policy: AGGRESSIVE }, scarceAgents(4))),
  aggressiveEightAgents: () => runLogged(baselineConfig({ policy: AGGRESSIVE }, scarceAgents(8))),
  gatedOneAgent: () => runLogged(baselineConfig({ policy: { ...AGGRESSIVE, gating: { maxQueueLength: 0 } } }, scarceAgents(1))),
} satisfies Record<string, () => Run>;
type RunName = keyof typeof RUN_RECIPES;

const cache = new Map<RunName, Run>();
/** The named run, simulated on first use. */
function run(name: RunName): Run {
  let result = cache.get(name);
  if (result === undefined) {
    result = RUN_RECIPES[name]();
    cache.set(name, result);
  }
  return result;
}

const count = (sessions: readonly SessionRecord[], test: (record: SessionRecord) => boolean): number =>
  sessions.reduce((total, record) => total + (test(record) ? 1 : 0), 0);
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

describe("simulateStore: determinism", () => {
  it("simulateStore(config, {seed}) twice gives deep-equal results and session logs; another seed gives different ones", () => {
    const first = run("reactiveOnly");
    const again = runLogged(baselineConfig(), SEED);
    expect(again.results).toEqual(first.results);
    expect(again.sessions).toEqual(first.sessions);
    // The session log is an observer: leaving it out changes nothing.
    expect(simulateStore(baselineConfig(), { seed: SEED })).toEqual(first.results);

    const other = simulateStore(baselineConfig(), { seed: SEED + 1 });
    expect(other).not.toEqual(first.results);
    expect(other.funnel.sessions).not.toBe(first.results.funnel.sessions);
    expect(other.intervals.sessions).not.toEqual(first.results.intervals.sessions);
  });
});

describe("simulateStore: common random numbers across policies", () => {
  // Why sessions and carts match exactly: arrival times and segments come from the run's own named
  // streams (arrivals, segment, returning), which no shopper reads. Each shopper's private streams
  // are derived from the shopper's arrival number (one child per purpose), so shopper n has the same
  // private streams under both policies. Up to the add-to-cart decision a shopper reads only their journey stream (pages, dwell,
  // add to cart, cart value), and nothing can interrupt browsing: idle-on-payment's only rule needs
  // step payment or review, and the "Need help?" button is pressed only on the cart and checkout
  // steps. So every browse phase takes the same time and ends the same way, and carts land in the
  // same intervals. From the cart on the runs may differ (the policies share one chat desk, so even
  // a reactive chat at the cart can wait longer); policies whose rules fire while browsing (the
  // aggressive one's `pageViews >= 6`) can change carts too.
  it("reactive-only and idle-on-payment on one seed have identical sessions and carts per interval", () => {
    const reactive = run("reactiveOnly").results;
    const idle = run("idleOnPayment").results;
    expect(idle.intervals.sessions).toEqual(reactive.intervals.sessions);
    expect(idle.intervals.carts).toEqual(reactive.intervals.carts);
    expect(idle.funnel.carts).toBe(reactive.funnel.carts);
    expect(idle.revenue.meanCartValue).toBe(reactive.revenue.meanCartValue);
    // Not vacuous: the policies do act differently after the cart.
    expect(reactive.invitations.offered).toBe(0);
    expect(idle.invitations.offered).toBeGreaterThan(0);
  });

  it("per-session logs of the same shopper id agree on segment, arrival time and cart value across the two policies", () => {
    const reactive = run("reactiveOnly").sessions;
    const idle = run("idleOnPayment").sessions;
    expect(idle.length).toBe(reactive.length);
    const byId = new Map(idle.map((record) => [record.id, record]));
    expect(byId.size).toBe(idle.length);
    for (const record of reactive) {
      const twin = byId.get(record.id);
      expect(twin, `shopper ${record.id}`).toBeDefined();
      if (twin!.segment !== record.segment || twin!.arrivedAtSeconds !== record.arrivedAtSeconds || twin!.cartValue !== record.cartValue) {
        expect({ segment: twin!.segment, arrivedAtSeconds: twin!.arrivedAtSeconds, cartValue: twin!.cartValue }, `shopper ${record.id}`).toEqual({
          segment: record.segment,
          arrivedAtSeconds: record.arrivedAtSeconds,
          cartValue: record.cartValue,
        });
      }
    }
  });
});

describe("simulateStore: pricing levers", () => {
  it("freeShippingThreshold 0 (everything ships free) lowers extraCostsTooHigh abandonments against the baseline", () => {
    const baseline = run("reactiveOnly").results.abandonment.byReason.extraCostsTooHigh;
    const freeShipping = run("freeShipping").results.abandonment.byReason.extraCostsTooHigh;
    expect(baseline).toBeGreaterThan(0);
    expect(freeShipping).toBeLessThan(baseline);
  });

  it("free shipping for all wins conversion but loses contribution profit: the merchant pays the carrier and forgoes the fee", () => {
    const baseline = run("reactiveOnly").results;
    const freeShipping = run("freeShipping").results;
    expect(freeShipping.funnel.orders).toBeGreaterThan(baseline.funnel.orders);
    expect(freeShipping.profit.shippingCharged).toBe(0);
    expect(freeShipping.profit.shippingCost).toBe(freeShipping.funnel.orders * 7.95); // carrier cost defaults to the fee
    // Measured on this seed: about +70 orders and −$2,270 of contribution profit on the day.
    expect(freeShipping.profit.contributionProfit).toBeLessThan(baseline.profit.contributionProfit - 1000);
  });

  it("showTotalUpfront: true (no revealsTotal step) moves every extraCostsTooHigh abandonment to the cart and removes totalNotVisibleUpfront", () => {
    const baseline = run("reactiveOnly").results;
    const upfront = run("totalUpfront").results;
    const stepOf = (results: StoreResults, name: string) => results.funnel.steps.find((step) => step.step === name)!;
    // Baseline: the shock comes at shipping (the reveal step) and hidden totals cost shoppers before it.
    expect(stepOf(baseline, "shipping").byReason.extraCostsTooHigh ?? 0).toBeGreaterThan(0);
    expect(baseline.abandonment.byReason.totalNotVisibleUpfront).toBeGreaterThan(0);

    expect(stepOf(upfront, "cart").byReason.extraCostsTooHigh ?? 0).toBeGreaterThan(0);
    expect(stepOf(upfront, "cart").byReason.extraCostsTooHigh).toBe(upfront.abandonment.byReason.extraCostsTooHigh);
    for (const step of upfront.funnel.steps) {
      if (step.step !== "cart") expect(step.byReason.extraCostsTooHigh, `step ${step.step}`).toBeUndefined();
      expect(step.byReason.totalNotVisibleUpfront, `step ${step.step}`).toBeUndefined();
    }
    expect(upfront.abandonment.byReason.totalNotVisibleUpfront).toBe(0);
    expect(upfront.abandonment.checkoutReasonShares.totalNotVisibleUpfront).toBe(0);
  });
});

describe("simulateStore: chat desk", () => {
  it("agents.schedule 0 all day: every chat request abandons the queue; served, rescued and chatted orders are 0", () => {
    const { results, sessions } = run("zeroAgents");
    expect(results.chat.requests).toBeGreaterThan(0);
    expect(results.chat.served).toBe(0);
    expect(results.chat.abandoned).toBe(results.chat.requests);
    expect(results.chat.queueAbandonmentRate).toBe(1);
    expect(results.chat.probabilityOfWait).toBe(1);
    expect(results.chat.meanWaitOfServedSeconds).toBeNull();
    expect(results.outcome.rescuedOrders).toBe(0);
    expect(results.outcome.rescuedRevenue).toBe(0);
    expect(results.outcome.ordersWithChat).toBe(0);
    expect(count(sessions, (record) => record.chatted || record.rescued)).toBe(0);
  });

  it("the aggressive policy annoys shoppers away (annoyedExits > 0) and invites more than idle-on-payment", () => {
    const aggressive = run("aggressive").results;
    const idle = run("idleOnPayment").results;
    expect(aggressive.invitations.annoyedExits).toBeGreaterThan(0);
    expect(aggressive.abandonment.byReason.annoyedByChat).toBeGreaterThan(0);
    expect(aggressive.invitations.offered).toBeGreaterThan(idle.invitations.offered);
  });

  it("gating.maxQueueLength 0 offers fewer invitations than the same policy ungated when one agent is online", () => {
    const ungated = run("aggressiveOneAgent").results;
    const gated = run("gatedOneAgent").results;
    expect(ungated.chat.abandoned).toBeGreaterThan(0); // agents really are scarce
    expect(gated.invitations.offered).toBeLessThan(ungated.invitations.offered);
    expect(gated.chat.meanWaitSeconds!).toBeLessThan(ungated.chat.meanWaitSeconds!);
  });

  it("more agents online (1, 2, 4, 8) give a strictly lower mean chat wait under the aggressive policy", () => {
    const waits = (["aggressiveOneAgent", "aggressiveTwoAgents", "aggressiveFourAgents", "aggressiveEightAgents"] as const).map(
      (name) => run(name).results.chat.meanWaitSeconds!,
    );
    for (let i = 1; i < waits.length; i++) expect(waits[i], `waits ${waits.join(", ")}`).toBeLessThan(waits[i - 1]);
  });
});

const IDENTITY_RUNS: RunName[] = ["reactiveOnly", "idleOnPayment", "aggressive", "totalUpfront", "zeroAgents", "gatedOneAgent"];

describe("simulateStore: accounting identities", () => {
  for (const name of IDENTITY_RUNS) {
    it(`${name}: sessions, carts, orders, revenue, invitations and chats equal the sums of their per-interval series`, () => {
      const { results } = run(name);
      const { funnel, intervals, chat, invitations, outcome } = results;
      expect(sum(intervals.sessions)).toBe(funnel.sessions);
      expect(sum(intervals.carts)).toBe(funnel.carts);
      expect(sum(intervals.orders)).toBe(funnel.orders);
      expect(Math.abs(sum(intervals.revenue) - results.revenue.revenue)).toBeLessThanOrEqual(1e-9 * results.revenue.revenue);
      expect(sum(intervals.invitations)).toBe(invitations.offered);
      expect(sum(intervals.chatRequests)).toBe(chat.requests);
      expect(sum(intervals.chatsServed)).toBe(chat.served);
      expect(sum(intervals.chatsAbandoned)).toBe(chat.abandoned);
      expect(sum(intervals.rescuedOrders)).toBe(outcome.rescuedOrders);
    });

    it(`${name}: the profit statement adds up: revenue, shipping charged on orders below the threshold, contribution profit`, () => {
      const { results } = run(name);
      const { profit, freeShipping, funnel } = results;
      expect(profit.merchandiseRevenue).toBe(results.revenue.revenue);
      expect(profit.revenue).toBeCloseTo(profit.merchandiseRevenue + profit.shippingCharged + profit.feesCharged, 6);
      expect(profit.shippingCharged).toBeCloseTo((funnel.orders - freeShipping.freeShippedOrders) * 7.95, 6);
      expect(profit.costOfGoods).toBeCloseTo(profit.merchandiseRevenue * 0.65, 6);
      expect(profit.agentCost).toBe(results.chat.agentCost);
      expect(profit.contributionProfit).toBeCloseTo(profit.revenue - profit.costOfGoods - profit.shippingCost - profit.paymentFees - profit.agentCost, 6);
      expect(freeShipping.paddedOrders).toBeLessThanOrEqual(freeShipping.ordersBelowThreshold);
      expect(freeShipping.paddedCarts).toBeLessThanOrEqual(freeShipping.cartsWithinReach);
      expect(freeShipping.cartsWithinReach).toBeLessThanOrEqual(freeShipping.cartsBelowThreshold);
    });

    it(`${name}: each step's reached = continued + abandoned, and browse's reached = carts + bounces + annoyed exits`, () => {
      const { results, sessions } = run(name);
      const { funnel } = results;
      const [browse, cart, firstCheckoutStep] = funnel.steps;
      expect(funnel.steps.map((step) => step.step)).toEqual(["browse", "cart", "account", "shipping", "payment", "review"]);
      expect(browse.reached).toBe(funnel.sessions);
      expect(cart.reached).toBe(funnel.carts);
      expect(firstCheckoutStep.reached).toBe(funnel.checkoutStarts);
      funnel.steps.forEach((step, index) => {
        const next = index + 1 < funnel.steps.length ? funnel.steps[index + 1].reached : funnel.orders;
        expect(step.continued, `step ${step.step}`).toBe(next);
        expect(step.abandoned, `step ${step.step}`).toBe(sum(Object.values(step.byReason) as number[]));
        if (index > 0) expect(step.reached, `step ${step.step}`).toBe(step.continued + step.abandoned);
      });
      // Browsing ends in a cart, a bounce (not an abandonment) or an annoyed exit (the only browse abandonment).
      const bounces = count(sessions, (record) => record.outcome === "bounce");
      expect(Object.keys(browse.byReason).every((reason) => reason === "annoyedByChat")).toBe(true);
      expect(browse.reached).toBe(funnel.carts + bounces + browse.abandoned);
    });

    it(`${name}: reason totals, invitations, chats and rescues add up, and the session log agrees`, () => {
      const { results, sessions } = run(name);
      const { funnel, abandonment, invitations, chat, outcome } = results;
      for (const reason of ABANDONMENT_REASONS) {
        const overSteps = sum(funnel.steps.map((step) => step.byReason[reason] ?? 0));
        expect(abandonment.byReason[reason], reason).toBe(overSteps);
        expect(
          count(sessions, (record) => record.outcome === reason),
          reason,
        ).toBe(abandonment.byReason[reason]);
      }
      expect(invitations.accepted + invitations.declined).toBe(invitations.offered);
      expect(invitations.annoyedExits).toBe(abandonment.byReason.annoyedByChat);
      // Every chat is an accepted invitation or a press of "Need help?"; the run drains, so none is still open.
      expect(chat.requests).toBe(invitations.accepted + invitations.reactiveRequests);
      expect(chat.served + chat.abandoned).toBe(chat.requests);
      expect(outcome.rescuedOrders).toBeLessThanOrEqual(funnel.orders);
      expect(outcome.rescuedRevenue).toBeLessThanOrEqual(results.revenue.revenue);
      expect(outcome.ordersWithChat).toBeLessThanOrEqual(funnel.orders);
      // One log record per session, ending as an order, a bounce or an abandonment with its reason.
      expect(sessions.length).toBe(funnel.sessions);
      expect(count(sessions, (record) => record.outcome === "order")).toBe(funnel.orders);
      expect(count(sessions, (record) => record.outcome === "order" && record.rescued)).toBe(outcome.rescuedOrders);
      expect(count(sessions, (record) => record.outcome === "order" && record.chatted)).toBe(outcome.ordersWithChat);
    });
  }
});

/** Fails on anything JSON would not carry as-is: NaN, ±Infinity, undefined, typed arrays, class instances. */
function expectPlainJson(value: unknown, path: string): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      expectPlainJson(item, `${path}[${index}]`);
    });
    return;
  }
  expect(typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype, `${path} is ${String(value)}`).toBe(true);
  for (const [key, item] of Object.entries(value as object)) expectPlainJson(item, `${path}.${key}`);
}

describe("simulateStore: JSON-safe results", () => {
  for (const name of IDENTITY_RUNS) {
    it(`${name}: results hold only finite numbers, strings, booleans, null, plain arrays and objects, and survive a JSON round trip`, () => {
      const { results } = run(name);
      expectPlainJson(results, "results");
      expect(JSON.parse(JSON.stringify(results))).toStrictEqual(results);
    });
  }
});

describe("simulateStore: results do not grow with sessions", () => {
  // Not a timing or heap test: the results object is the model's only output, and the recorder
  // behind it is fixed-size. So its JSON is a + b·intervals: apart from the per-interval arrays it
  // has about the same size for 4,000 or 40,000 sessions and for 1, 2 or 4 days. (Measured: the
  // non-interval part is ~3.2 kB; with numbers counted as one character each it changes only where a
  // reason with no abandonments in a small run gets a key in a larger one; a per-session list would
  // multiply it.)
  const smallRuns = new Map<number, StoreResults>();
  /** A tenth of the baseline traffic (4,000 sessions a day) over `days` days, simulated once. */
  const small = (days: number): StoreResults => {
    if (!smallRuns.has(days))
      smallRuns.set(
        days,
        simulateStore(
          baselineConfig({ days }, (data) => (data.traffic.sessionsPerDay = 4_000)),
          { seed: SEED },
        ),
      );
    return smallRuns.get(days)!;
  };
  // Numbers count as one character each: the claim is about structure (no per-session list), and a
  // share that happens to be round (0.27 from exactly 100 abandonments) must not look like shrinkage.
  const withoutIntervals = (results: StoreResults): number =>
    JSON.stringify({ ...results, intervals: null }, (_key, value) => (typeof value === "number" ? 0 : value)).length;
  const intervalBytes = (results: StoreResults): number => JSON.stringify(results.intervals).length;
  const arrayLengths = (results: StoreResults): Map<string, number> => {
    const lengths = new Map<string, number>();
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) lengths.set(path, value.length);
      if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    };
    walk(results, "results");
    return lengths;
  };

  it("simulateStore results: every array keeps its length for 10× the sessions, and only per-interval arrays grow with the days", () => {
    const oneDay = arrayLengths(small(1));
    expect(arrayLengths(run("reactiveOnly").results)).toEqual(oneDay);
    const fourDays = arrayLengths(small(4));
    expect([...fourDays.keys()]).toEqual([...oneDay.keys()]);
    for (const [path, length] of oneDay) {
      if (path.startsWith("results.intervals.")) {
        expect(length, path).toBe(48);
        expect(fourDays.get(path), path).toBe(4 * 48);
      } else {
        expect(fourDays.get(path), path).toBe(length);
      }
    }
  });

  it("JSON size is a + b·intervals: each added day adds the same bytes (the interval arrays), 10× the sessions leaves the rest within 10%", () => {
    const [one, two, four] = [1, 2, 4].map(small);
    expect(four.funnel.sessions).toBeGreaterThan(3.5 * one.funnel.sessions);
    const size = (results: StoreResults): number => JSON.stringify(results).length;
    const firstDayIncrement = size(two) - size(one);
    const meanIncrement = (size(four) - size(one)) / 3;
    expect(Math.abs(firstDayIncrement / meanIncrement - 1)).toBeLessThan(0.1);
    // The growth is the interval arrays, and the rest stays put.
    expect(Math.abs(meanIncrement / intervalBytes(one) - 1)).toBeLessThan(0.15);
    expect(Math.abs(withoutIntervals(four) / withoutIntervals(one) - 1)).toBeLessThan(0.05);
    const busyDay = run("reactiveOnly").results;
    expect(busyDay.funnel.sessions).toBeGreaterThan(9 * one.funnel.sessions);
    expect(Math.abs(withoutIntervals(busyDay) / withoutIntervals(one) - 1)).toBeLessThan(0.1);
  });
});
