import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelConfig } from "../../sim/model/index.ts";
import { compareGrid, withConstantStaffing } from "./compareGrid.ts";
import { loadVariants } from "./loadVariants.ts";

describe("compareGrid", () => {
  it("withConstantStaffing sets every interval and leaves the original untouched", () => {
    const { variants } = loadVariants(resolve("experiments/scenarios/baseline.yaml"), [], 1);
    const original = [...variants[0].config.agents.scheduled];
    const staffed = withConstantStaffing(variants[0].config, 7);
    expect(new Set(staffed.agents.scheduled)).toEqual(new Set([7]));
    // The baseline's own schedule (1 agent at night, 2 by day) is not touched.
    expect(variants[0].config.agents.scheduled).toEqual(original);
    expect(new Set(original)).toEqual(new Set([1, 2]));
  });

  it("compares the policies at each staffing level and names the best per level", async () => {
    const { variants, control } = loadVariants(resolve("experiments/scenarios/baseline.yaml"), [resolve("experiments/policies/aggressive.yaml")], 1);
    const light = variants.map((variant) => {
      const config = variant.config as ModelConfig & { kind: "store" };
      return { ...variant, config: { ...config, sessionRatesPerSecond: config.sessionRatesPerSecond.map((rate) => rate / 8) } };
    });
    const grid = await compareGrid(light, [1, 6], { replications: 3, seed: 2, control, workers: 1, primaryMetric: "queueAbandonmentRate" });
    expect(grid.levels.map((level) => level.agentsScheduled)).toEqual([1, 6]);
    expect(grid.bestByLevel).toHaveLength(2);
    // More agents can only shorten the queue: the aggressive policy's queue abandonment falls with staffing.
    const abandonment = grid.levels.map((level) => level.comparison.variants.find((variant) => variant.name === "aggressive")!.kpis.queueAbandonmentRate!.mean);
    expect(abandonment[1]).toBeLessThan(abandonment[0]);
    expect(grid.bestByLevel.every((best) => best.variant === "reactive-only")).toBe(true);
  });
});
