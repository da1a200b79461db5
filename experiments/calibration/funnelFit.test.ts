import { describe, expect, it } from "vitest";
import { fitStatistics, type SimulatedStep, targetShares } from "./funnelFit.ts";
import { emptyChatCounts } from "./observedChat.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";

const observed: ObservedFunnel = {
  steps: [
    { step: "cart", index: 1, reached: 1000, continued: 600, reasons: null },
    { step: "payment", index: 2, reached: 600, continued: 500, reasons: { cardDeclined: 30, websiteErrors: 20 } },
  ],
  notes: [],
  chat: emptyChatCounts(),
};
const simulated = (scale: number): SimulatedStep[] => [
  { reached: 0, continued: 0, byReason: {} },
  { reached: 2000 * scale, continued: 1200 * scale, byReason: { justBrowsing: 800 * scale } },
  { reached: 1200 * scale, continued: 1000 * scale, byReason: { cardDeclined: 60 * scale, websiteErrors: 40 * scale, tooFewPaymentMethods: 100 * scale } },
];

describe("fitStatistics", () => {
  it("fitStatistics(observed, simulated with the same shares) has zero deviance, chi-square and residuals", () => {
    const statistics = fitStatistics(observed, simulated(1));
    expect(statistics.deviance).toBeCloseTo(0, 12);
    expect(statistics.chiSquare).toBeCloseTo(0, 12);
    expect(statistics.rows.map((row) => [row.step, row.outcome, row.observedCount])).toEqual([
      ["cart", "continued", 600],
      ["payment", "continued", 500],
      ["payment", "cardDeclined", 30],
      ["payment", "websiteErrors", 20],
      ["payment", "other", 50],
    ]);
    // cart: 2 cells → 1; payment: 4 cells → 3.
    expect(statistics.freeCells).toBe(4);
  });

  it("fitStatistics(...) is the binomial deviance and Pearson chi-square with the simulation's variance added", () => {
    const sim = simulated(1);
    sim[1] = { reached: 2000, continued: 1300, byReason: {} };
    const statistics = fitStatistics({ steps: [observed.steps[0]], notes: [], chat: emptyChatCounts() }, sim);
    const p = 0.65;
    const expectedDeviance = 2 * (600 * Math.log(600 / 650) + 400 * Math.log(400 / 350));
    expect(statistics.deviance).toBeCloseTo(expectedDeviance, 10);
    expect(statistics.chiSquare).toBeCloseTo(((600 - 650) ** 2 / 650 + (400 - 350) ** 2 / 350) / 1.5, 10);
    expect(statistics.rows[0].residual).toBeCloseTo(-50 / Math.sqrt(1000 * p * (1 - p) * 1.5), 12);
    expect(statistics.rows[0].simulatedRate).toBe(0.65);
  });

  it("targetShares(...) pools a parameter's cells over its steps", () => {
    const shares = targetShares([{ index: 2, cell: "cardDeclined" }], observed, simulated(2));
    expect(shares).toEqual({ observed: 0.05, simulated: 0.05, observedCount: 30, simulatedCount: 120, observedTrials: 600, simulatedTrials: 2400 });
    const pooled = targetShares(
      [
        { index: 1, cell: "abandoned" },
        { index: 2, cell: "abandoned" },
      ],
      observed,
      simulated(1),
    );
    expect(pooled.observed).toBeCloseTo(500 / 1600, 12);
  });
});
