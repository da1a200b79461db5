import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type StoreModelConfig } from "../../sim/model/index.ts";
import { DEFAULT_MAX_OCCUPANCY, DEFAULT_SERVICE_LEVEL, resolveStaffingTarget } from "./resolveStaffingTarget.ts";

const desk: ChatOnlyModelConfig = {
  kind: "chatOnly",
  name: "target desk",
  horizon: { days: 1, intervalSeconds: 43_200 },
  chatRatesPerSecond: [0.01, 0.01],
  handleSeconds: { kind: "exponential", mean: 300 },
  patienceSeconds: { kind: "exponential", mean: 120 },
  slowdownPerExtraChat: 0,
  serviceLevelSeconds: 30,
  agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 1, costPerHour: 20 },
  desk: DEFAULT_DESK_CONFIG,
};
const patient = { ...desk, patienceSeconds: null };

describe("resolveStaffingTarget", () => {
  it("fills 80% within the scenario's threshold and the 85% occupancy cap when nothing is given", () => {
    expect(DEFAULT_SERVICE_LEVEL).toBe(0.8);
    expect(DEFAULT_MAX_OCCUPANCY).toBe(0.85);
    expect(resolveStaffingTarget(desk)).toEqual({ serviceLevel: 0.8, serviceLevelSeconds: 30, maxQueueAbandonment: null, maxOccupancy: 0.85 });
    // A store's threshold is its chat section's.
    const store = { kind: "store", chat: { serviceLevelSeconds: 45 } } as unknown as StoreModelConfig;
    expect(resolveStaffingTarget(store, {}).serviceLevelSeconds).toBe(45);
  });

  it("an abandonment target alone replaces the default service level; an occupancy cap alone does not", () => {
    expect(resolveStaffingTarget(desk, { maxQueueAbandonment: 0.05 })).toEqual({
      serviceLevel: null,
      serviceLevelSeconds: 30,
      maxQueueAbandonment: 0.05,
      maxOccupancy: 0.85,
    });
    expect(resolveStaffingTarget(desk, { maxOccupancy: 0.9 })).toMatchObject({ serviceLevel: 0.8, maxOccupancy: 0.9 });
    expect(resolveStaffingTarget(desk, { serviceLevel: 0.9, serviceLevelSeconds: 0 })).toMatchObject({ serviceLevel: 0.9, serviceLevelSeconds: 0 });
    // The bounds that are allowed: an abandonment and an occupancy of 1.
    expect(resolveStaffingTarget(desk, { maxQueueAbandonment: 1, maxOccupancy: 1 })).toMatchObject({ maxQueueAbandonment: 1, maxOccupancy: 1 });
  });

  it("refuses targets that cannot work, one house-format line each", () => {
    for (const serviceLevel of [0, 1, -0.5, Number.NaN])
      expect(() => resolveStaffingTarget(desk, { serviceLevel })).toThrow(`invalid target.serviceLevel: ${serviceLevel} (must be between 0 and 1, e.g. 0.8)`);
    for (const serviceLevelSeconds of [-1, Number.NaN])
      expect(() => resolveStaffingTarget(desk, { serviceLevelSeconds })).toThrow(
        `invalid target.serviceLevelSeconds: ${serviceLevelSeconds} (must be a number of seconds >= 0)`,
      );
    for (const maxQueueAbandonment of [0, 1.5, Number.NaN])
      expect(() => resolveStaffingTarget(desk, { maxQueueAbandonment })).toThrow(
        `invalid target.maxQueueAbandonment: ${maxQueueAbandonment} (must be in (0, 1], e.g. 0.05)`,
      );
    for (const maxOccupancy of [0, 1.5, Number.NaN])
      expect(() => resolveStaffingTarget(desk, { maxOccupancy })).toThrow(`invalid target.maxOccupancy: ${maxOccupancy} (must be in (0, 1], e.g. 0.85)`);
  });

  it("without patience nobody abandons: an abandonment target alone is refused, with a service level or an occupancy cap it is kept", () => {
    expect(() => resolveStaffingTarget(patient, { maxQueueAbandonment: 0.05 })).toThrow(
      "invalid target.maxQueueAbandonment: 0.05 (the scenario has no patienceSeconds, so nobody abandons; set a service level or maximum occupancy)",
    );
    expect(resolveStaffingTarget(patient, { maxQueueAbandonment: 0.05, serviceLevel: 0.8 })).toMatchObject({ maxQueueAbandonment: 0.05, serviceLevel: 0.8 });
    expect(resolveStaffingTarget(patient, { maxQueueAbandonment: 0.05, maxOccupancy: 0.9 })).toMatchObject({ serviceLevel: null, maxOccupancy: 0.9 });
    // A store's shoppers always have a patience: the same target is fine there.
    const store = { kind: "store", chat: { serviceLevelSeconds: 45 } } as unknown as StoreModelConfig;
    expect(resolveStaffingTarget(store, { maxQueueAbandonment: 0.05 })).toMatchObject({ serviceLevel: null, maxQueueAbandonment: 0.05 });
  });
});
