import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type SessionRecord, type StoreModelConfig, simulateStore } from "../../sim/model/index.ts";
import { CHAT_LIFT_TARGET, publishedFigure } from "../evidence/index.ts";
import { loadScenario } from "../scenario/index.ts";
import { lift, measureChatLift } from "./measureChatLift.ts";
import { withoutChatDesk } from "./withoutChatDesk.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
const baseline = (days: number): StoreModelConfig => loadScenario(baselinePath, { days }).config as StoreModelConfig;

function sessions(config: StoreModelConfig, seed: number): SessionRecord[] {
  const records: SessionRecord[] = [];
  simulateStore(config, { seed, onSession: (record) => (records[record.id] = record) });
  return records;
}

describe("lift", () => {
  it("lift(0.2, 0.05): 15 points and +300%", () => {
    const result = lift(0.2, 0.05);
    expect(result.points).toBeCloseTo(15, 12);
    expect(result.relative).toBeCloseTo(3, 12);
  });

  it("lift(x, 0) has points but no relative lift; a missing rate gives neither", () => {
    expect(lift(0.1, 0)).toMatchObject({ points: 10, relative: null });
    expect(lift(null, 0.1)).toMatchObject({ points: null, relative: null });
  });
});

describe("withoutChatDesk pairs sessions by id", () => {
  const config = baseline(1);
  const withDesk = sessions(config, 3);
  const withoutDesk = sessions(withoutChatDesk(config), 3);

  it("both runs have the same sessions, and no chat happens without the desk", () => {
    expect(withoutDesk.length).toBe(withDesk.length);
    expect(withoutDesk.filter((record) => record.chatted).length).toBe(0);
    expect(withDesk.filter((record) => record.chatted).length).toBeGreaterThan(50);
  });

  it("reactive-only baseline: every shopper who did not chat has the same visit in both runs (same draws)", () => {
    const keep = ({ segment, arrivedAtSeconds, outcome, step, cartValue, pageViews, formErrors }: SessionRecord) => ({
      segment,
      arrivedAtSeconds,
      outcome,
      step,
      cartValue,
      pageViews,
      formErrors,
    });
    let compared = 0;
    for (let id = 0; id < withDesk.length; id++) {
      if (withDesk[id].chatted) continue;
      expect(keep(withoutDesk[id]), `session ${id}`).toEqual(keep(withDesk[id]));
      compared++;
    }
    expect(compared).toBeGreaterThan(30_000);
  });

  it("chatters are the same shoppers too: same segment, arrival and cart value (page views differ: a rescued shopper sees more steps)", () => {
    for (const record of withDesk.filter((session) => session.chatted)) {
      const other = withoutDesk[record.id];
      expect([other.segment, other.arrivedAtSeconds, other.cartValue]).toEqual([record.segment, record.arrivedAtSeconds, record.cartValue]);
    }
  });
});

describe("measureChatLift", () => {
  it("with every rescue probability 0 the causal lift is exactly 0 points, while the naive lift stays positive", () => {
    const config = baseline(1);
    const noRescue = { ...config, chat: { ...config.chat, rescueProbability: {} } };
    const { lift: result } = measureChatLift(noRescue, { seed: 5 });
    expect(result.chatters).toBeGreaterThan(50);
    expect(result.causal.points).toBe(0);
    expect(result.naive.points!).toBeGreaterThan(0);
  });

  it("returns the run with the desk unchanged: same results as a plain run", () => {
    const config = baseline(1);
    expect(measureChatLift(config, { seed: 9 }).results).toEqual(simulateStore(config, { seed: 9 }));
  });

  // Five days of baseline traffic give ~750 chatters: the paired difference's 95% interval is about ±2.5 points.
  const { lift: baselineLift } = measureChatLift(baseline(5), { seed: 7 });
  const published = (publishedFigure(CHAT_LIFT_TARGET.figure).value as number) * 100;

  it(`baseline: causal lift for chat users is within ${CHAT_LIFT_TARGET.lowPoints}-${CHAT_LIFT_TARGET.highPoints} points and within 4 points of Tan, Wang & Tan's 15.99 (points reading)`, () => {
    expect(publishedFigure(CHAT_LIFT_TARGET.figure)).toMatchObject({ reading: CHAT_LIFT_TARGET.reading });
    const points = baselineLift.causal.points!;
    expect(points).toBeGreaterThanOrEqual(CHAT_LIFT_TARGET.lowPoints);
    expect(points).toBeLessThanOrEqual(CHAT_LIFT_TARGET.highPoints);
    expect(Math.abs(points - published)).toBeLessThanOrEqual(4);
  });

  it("baseline: the naive lift (chatters vs non-chatters) exceeds the causal one: self-selection", () => {
    expect(baselineLift.naive.relative!).toBeGreaterThan(baselineLift.causal.relative!);
    expect(baselineLift.causal.comparisonRate!).toBeGreaterThan(baselineLift.naive.comparisonRate!);
    expect(baselineLift.explanation).toMatch(/self-selection/);
  });
});
