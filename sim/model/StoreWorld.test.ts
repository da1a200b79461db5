import { describe, expect, it } from "vitest";
import { Environment } from "../engine/index.ts";
import { resolvePolicy } from "../policy/index.ts";
import { StreamFactory } from "../random/index.ts";
import type { StoreModelConfig } from "./config.ts";
import { REASON_INDEX } from "./reasons.ts";
import { StoreWorld, splitAddToCart } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";

describe("splitAddToCart", () => {
  it("splitAddToCart(p, r, ratio) gives returning = ratio × new and keeps the segment's average", () => {
    const { addToCartNew, addToCartReturning } = splitAddToCart({ addToCartProbability: 0.088, returningProbability: 0.35, returningAddToCartRatio: 1.875 });
    expect(addToCartNew).toBeCloseTo(0.088 / 1.30625, 12);
    expect(addToCartReturning / addToCartNew).toBeCloseTo(1.875, 12);
    expect(0.65 * addToCartNew + 0.35 * addToCartReturning).toBeCloseTo(0.088, 12);
  });

  it("splitAddToCart caps returning at 1 and gives new visitors the rest, so the average still holds", () => {
    // p 0.9, r 0.5, ratio 3: uncapped returning would be 0.9 ÷ 2 × 3 = 1.35.
    const { addToCartNew, addToCartReturning } = splitAddToCart({ addToCartProbability: 0.9, returningProbability: 0.5, returningAddToCartRatio: 3 });
    expect(addToCartReturning).toBe(1);
    expect(addToCartNew).toBeCloseTo(0.8, 12);
    expect(splitAddToCart({ addToCartProbability: 1, returningProbability: 0.3, returningAddToCartRatio: 2 })).toEqual({
      addToCartNew: 1,
      addToCartReturning: 1,
    });
  });

  it("splitAddToCart below the cap keeps the uncapped split; with every visitor returning, returning converts at p", () => {
    // p 0.5, r 0.5, ratio 3: new = 0.5 ÷ (0.5 + 1.5) = 0.25, returning 0.75.
    expect(splitAddToCart({ addToCartProbability: 0.5, returningProbability: 0.5, returningAddToCartRatio: 3 })).toEqual({
      addToCartNew: 0.25,
      addToCartReturning: 0.75,
    });
    // r = 1: new = p ÷ ratio, returning = p.
    expect(splitAddToCart({ addToCartProbability: 0.8, returningProbability: 1, returningAddToCartRatio: 2 })).toEqual({
      addToCartNew: 0.4,
      addToCartReturning: 0.8,
    });
  });
});

/** tinyStore's payment step behind a "shipping" and a "review" step; `reveal` names the step that reveals the total, if any. */
function threeSteps(reveal: "shipping" | "review" | "payment" | null, showTotalUpfront: boolean): StoreModelConfig {
  const base = tinyStore("idleSeconds >= 30", 0.25);
  const step = (name: string, fillSeconds: number, hazards: Record<string, number>) => ({
    name,
    fillSeconds: { kind: "constant", value: fillSeconds } as const,
    fields: [],
    hazards,
    revealsTotal: name === reveal,
  });
  return {
    ...base,
    pricing: { ...base.pricing, showTotalUpfront },
    funnel: {
      ...base.funnel,
      cartHazards: { justBrowsing: 0.4, returnsPolicy: 0.05 },
      steps: [step("shipping", 11, { deliveryTooSlow: 0.1 }), step("review", 12, {}), step("payment", 13, { cardDeclined: 0.25, websiteErrors: 0.02 })],
    },
  };
}

function world(config: StoreModelConfig): StoreWorld {
  const streams = new StreamFactory(1);
  return new StoreWorld(new Environment(), config, streams.stream("unused"), streams.stream("absence"), streams);
}

const flags = (built: StoreWorld) => built.steps.map((plan) => [plan.name, plan.isRevealStep, plan.totalHidden]);

describe("StoreWorld step plans", () => {
  it("total shown up front: the cart is the reveal step and no step hides the total", () => {
    expect(flags(world(threeSteps(null, true)))).toEqual([
      ["browse", false, false],
      ["cart", true, false],
      ["shipping", false, false],
      ["review", false, false],
      ["payment", false, false],
    ]);
    // Up front wins over a step that says it reveals the total.
    expect(flags(world(threeSteps("review", true)))).toEqual(flags(world(threeSteps(null, true))));
  });

  it("revealed at review: steps before it hide the total, review is the reveal, payment after it shows it", () => {
    expect(flags(world(threeSteps("review", false)))).toEqual([
      ["browse", false, false],
      ["cart", false, true],
      ["shipping", false, true],
      ["review", true, false],
      ["payment", false, false],
    ]);
  });

  it("revealed at the first checkout step, or at the last", () => {
    expect(flags(world(threeSteps("shipping", false)))).toEqual([
      ["browse", false, false],
      ["cart", false, true],
      ["shipping", true, false],
      ["review", false, false],
      ["payment", false, false],
    ]);
    expect(flags(world(threeSteps("payment", false)))).toEqual([
      ["browse", false, false],
      ["cart", false, true],
      ["shipping", false, true],
      ["review", false, true],
      ["payment", true, false],
    ]);
  });

  it("never revealed: no reveal step, and every step from the cart on hides the total", () => {
    expect(flags(world(threeSteps(null, false)))).toEqual([
      ["browse", false, false],
      ["cart", false, true],
      ["shipping", false, true],
      ["review", false, true],
      ["payment", false, true],
    ]);
  });

  it("each plan carries its step's hazards by reason index and its fill time; browse has none and takes no time", () => {
    const built = world(threeSteps("review", false));
    const hazards = built.steps.map((plan) => Array.from(plan.baseHazards));
    const expected = (entries: [keyof typeof REASON_INDEX, number][]) => {
      const array = new Array(12).fill(0);
      for (const [reason, value] of entries) array[REASON_INDEX[reason]] = value;
      return array;
    };
    expect(hazards).toEqual([
      expected([]),
      expected([
        ["justBrowsing", 0.4],
        ["returnsPolicy", 0.05],
      ]),
      expected([["deliveryTooSlow", 0.1]]),
      expected([]),
      expected([
        ["cardDeclined", 0.25],
        ["websiteErrors", 0.02],
      ]),
    ]);
    expect(built.steps.map((plan) => plan.fillSeconds.sample())).toEqual([0, 5, 11, 12, 13]);
    expect(built.recorder.stepNames).toEqual(["browse", "cart", "shipping", "review", "payment"]);
    expect(built.stepHazards.length).toBe(12);
  });
});

describe("StoreWorld", () => {
  it("binds the config: horizon end, rules, one recorder interval per scheduled agent slot, segments' devices and add-to-cart split", () => {
    const base = tinyStore("idleSeconds >= 30", 0.25);
    const config: StoreModelConfig = {
      ...base,
      horizon: { days: 2, intervalSeconds: 7200 },
      sessionRatesPerSecond: new Array(24).fill(0.001),
      agents: { ...base.agents, scheduled: new Array(24).fill(1) },
      segments: [
        { ...base.segments[0], device: "tablet", addToCartProbability: 0.2, returningProbability: 0.5, returningAddToCartRatio: 3 },
        { ...base.segments[0], name: "phones", device: "mobile" },
      ],
      chat: { ...base.chat, rescueProbability: { cardDeclined: 0.6, justBrowsing: 0.1 } },
    };
    const built = world(config);
    expect(built.horizonSeconds).toBe(2 * 86_400);
    expect(built.hasProactiveRules).toBe(true);
    expect(built.recorder.series.length).toBe(24);
    expect(built.recorder.intervalSeconds).toBe(7200);
    expect(built.video).toBeNull();
    expect(built.videoHandleSeconds).toBeNull();
    expect(built.segments.map((segment) => segment.deviceIndex)).toEqual([2, 1]);
    // 0.2 ÷ (0.5 + 0.5 × 3) = 0.1, returning 0.3
    expect(built.segments[0].addToCartNew).toBeCloseTo(0.1, 12);
    expect(built.segments[0].addToCartReturning).toBeCloseTo(0.3, 12);
    expect(built.segments[1].addToCartNew).toBe(1);
    const rescue = new Array(12).fill(0);
    rescue[REASON_INDEX.cardDeclined] = 0.6;
    rescue[REASON_INDEX.justBrowsing] = 0.1;
    expect(Array.from(built.rescueProbability)).toEqual(rescue);
    // The constant samplers of tinyStore, drawn through the world.
    expect(built.lingerSeconds.sample()).toBe(120);
    expect(built.handleSeconds.sample()).toBe(300);
    expect(built.segments[0].dwellSeconds.sample()).toBe(10);
    expect(built.segments[0].patienceSeconds.sample()).toBe(40);
    expect(built.segments[0].cartValue.sample()).toBe(80);
    expect(built.segments[0].pageViews.sample()).toBe(1);
  });

  it("a policy without rules has no proactive rules; video on builds its desk and handle sampler", () => {
    const base = tinyStore("idleSeconds >= 30", 0.25);
    const config: StoreModelConfig = {
      ...base,
      chat: { ...base.chat, policy: resolvePolicy({ name: "reactive only", reactive: { enabled: true }, rules: [] }) },
      desk: {
        ...base.desk,
        video: { acceptanceProbability: 0.5, scheduled: new Array(24).fill(2), handleSeconds: { kind: "constant", value: 420 }, rescueMultiplier: 1.5 },
      },
    };
    const built = world(config);
    expect(built.hasProactiveRules).toBe(false);
    expect(built.video).not.toBeNull();
    expect(built.videoHandleSeconds?.sample()).toBe(420);
    expect(built.video?.config.rescueMultiplier).toBe(1.5);
  });

  it("draw(sampler, stream) samples from the stream given, whatever the world's source pointed at before", () => {
    const base = tinyStore("idleSeconds >= 30", 0.25);
    const config: StoreModelConfig = {
      ...base,
      segments: [{ ...base.segments[0], dwellSeconds: { kind: "uniform", min: 0, max: 1 } }],
    };
    const built = world(config);
    const fixed = (value: number) => ({ next: () => value });
    expect(built.draw(built.segments[0].dwellSeconds, fixed(0.25))).toBe(0.25);
    expect(built.draw(built.segments[0].dwellSeconds, fixed(0.75))).toBe(0.75);
  });
});

describe("StoreWorld's desk", () => {
  it("queueDiscipline priority serves high-value carts (500 > highValueCartAbove 300) first: their waits shrink, FIFO's do not", () => {
    /** One agent, 600 s chats, half the shoppers hesitating and invited at 30 s: an overloaded queue (load ≈ 200 × 600 ÷ 86,400 ≈ 1.4). */
    const overloaded = (queueDiscipline: "fifo" | "priority") => {
      const base = tinyStore("step == payment and idleSeconds >= 30", 0.5);
      const segment = { ...base.segments[0], patienceSeconds: { kind: "constant", value: 3600 } } as const;
      const config: StoreModelConfig = {
        ...base,
        segments: [
          // A quarter of the shoppers, a third of the agent's capacity: served first, they hardly wait.
          { ...segment, name: "high", weight: 1, cartValue: { kind: "constant", value: 500 } },
          { ...segment, name: "standard", weight: 3 },
        ],
        chat: {
          ...base.chat,
          handleSeconds: { kind: "constant", value: 600 },
          queueDiscipline,
          policy: resolvePolicy({
            name: "idle-on-payment",
            reactive: { enabled: false },
            rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }],
            priority: { highValueCartAbove: 300 },
          }),
        },
        agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 1) },
      };
      const sessions: { segment: string; seconds: number; invited: boolean }[] = [];
      simulateStore(config, {
        seed: 8,
        onSession: (record) =>
          sessions.push({ segment: record.segment, seconds: record.endedAtSeconds - record.arrivedAtSeconds, invited: record.invitations > 0 }),
      });
      const mean = (name: string) => {
        const invited = sessions.filter((entry) => entry.invited && entry.segment === name);
        return invited.reduce((sum, entry) => sum + entry.seconds, 0) / invited.length;
      };
      return { high: mean("high"), standard: mean("standard") };
    };
    const priority = overloaded("priority");
    expect(priority.high).toBeLessThan(0.5 * priority.standard);
    const fifo = overloaded("fifo");
    expect(fifo.high).toBeGreaterThan(0.75 * fifo.standard);
    expect(fifo.high).toBeLessThan(1.25 * fifo.standard);
  });
});
