import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StoreResults } from "../../sim/model/index.ts";
import { parseScenario, readDataFile } from "../scenario/index.ts";
import { simulateScenario } from "./simulateScenario.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));

/** The baseline at 20,000 sessions for one day, with `change` applied to its data. */
function runBaseline(change: (data: Record<string, any>) => void, seed = 11): StoreResults {
  const data = structuredClone(readDataFile(baselinePath, "scenario file")) as Record<string, any>;
  data.traffic.sessionsPerDay = 20_000;
  change(data);
  return simulateScenario(parseScenario(data, { path: baselinePath }), { seed }) as StoreResults;
}

describe("simulateScenario on the baseline store", () => {
  it("chat rescues orders: the baseline's reactive chat turns some leaving shoppers into buyers", () => {
    const results = runBaseline(() => {});
    expect(results.chat.served).toBeGreaterThan(0);
    expect(results.outcome.rescuedOrders).toBeGreaterThan(0);
    expect(results.outcome.rescuedRevenue).toBeGreaterThan(0);
  });

  it("sticker shock scales with the segment's price sensitivity (same shoppers, common random numbers)", () => {
    const withSensitivity = (value: number) =>
      runBaseline((data) => {
        for (const segment of data.segments) segment.priceSensitivity = value;
      }).abandonment.byReason.extraCostsTooHigh;
    const none = withSensitivity(0);
    const high = withSensitivity(3);
    // With sensitivity 0 only the steps' base hazard remains; at 3 the shock hazard comes on top.
    expect(high).toBeGreaterThan(none * 1.5);
  });
});
