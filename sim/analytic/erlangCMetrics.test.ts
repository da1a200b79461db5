import { describe, expect, it } from "vitest";
import { type ErlangCResult, erlangCMetrics } from "./erlangCMetrics.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

type Expected = Omit<ErlangCResult, "offeredLoadErlangs" | "stable">;
// [servers, load]: mean service 180 s, target 20 s. From `python3 sim/analytic/reference/erlang_bc_reference.py`
// (line ERLANG_C_METRICS), 60-digit Decimal, Gross & Harris sec. 2.3 formulas.
const REFERENCE: [number, number, Expected][] = [
  [
    1,
    0.5,
    { probabilityOfWait: 0.5, meanWaitSeconds: 180, meanWaitOfDelayedSeconds: 360, serviceLevel: 0.5270202655466173, meanQueueLength: 0.5, occupancy: 0.5 },
  ],
  [
    10,
    8,
    {
      probabilityOfWait: 0.40918015079644354,
      meanWaitSeconds: 36.826213571679915,
      meanWaitOfDelayedSeconds: 90,
      serviceLevel: 0.672354148726148,
      meanQueueLength: 1.6367206031857742,
      occupancy: 0.8,
    },
  ],
  [
    100,
    95,
    {
      probabilityOfWait: 0.5064568539130206,
      meanWaitSeconds: 18.232446740868742,
      meanWaitOfDelayedSeconds: 36,
      serviceLevel: 0.7094186476114862,
      meanQueueLength: 9.622680224347391,
      occupancy: 0.95,
    },
  ],
  [
    1000,
    990,
    {
      probabilityOfWait: 0.6590804218808545,
      meanWaitSeconds: 11.86344759385538,
      meanWaitOfDelayedSeconds: 18,
      serviceLevel: 0.7830353467153466,
      meanQueueLength: 65.24896176620459,
      occupancy: 0.99,
    },
  ],
  [
    2000,
    1980,
    {
      probabilityOfWait: 0.5460741178972371,
      meanWaitSeconds: 4.914667061075135,
      meanWaitOfDelayedSeconds: 9,
      serviceLevel: 0.9408230273108359,
      meanQueueLength: 54.061337671826486,
      occupancy: 0.99,
    },
  ],
];

describe("erlangCMetrics", () => {
  it.each(REFERENCE)("erlangCMetrics(c = %i, A = %d, 180 s, 20 s) matches the reference to 1e-12 relative", (servers, load, expected) => {
    const result = erlangCMetrics({ arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, servers, targetSeconds: 20 });
    expect(result.stable).toBe(true);
    expectClose(result.offeredLoadErlangs, load, 1e-15);
    for (const key of Object.keys(expected) as (keyof Expected)[]) expectClose(result[key], expected[key], 1e-12);
  });

  it("reproduces the published pyworkforce / R ErlangC example: 100 calls / 30 min, AHT 180 s, 14 agents, 20 s", () => {
    // pyworkforce 0.1.0 README: service_level 0.8883500191794669, occupancy 0.7142857142857143,
    // waiting_probability 0.1741319335950498; R ErlangC 0.1.0: average_speed_of_answer 7.83593701177724 s.
    const result = erlangCMetrics({ arrivalRatePerSecond: 100 / 1800, meanServiceSeconds: 180, servers: 14, targetSeconds: 20 });
    expectClose(result.serviceLevel, 0.8883500191794669, 1e-14);
    expectClose(result.occupancy, 0.7142857142857143, 1e-15);
    expectClose(result.probabilityOfWait, 0.1741319335950498, 1e-14);
    expectClose(result.meanWaitSeconds, 7.83593701177724, 1e-13);
  });

  it("defaults targetSeconds to 20", () => {
    const base = { arrivalRatePerSecond: 8 / 180, meanServiceSeconds: 180, servers: 10 };
    expect(erlangCMetrics(base).serviceLevel).toBe(erlangCMetrics({ ...base, targetSeconds: 20 }).serviceLevel);
  });

  it("load >= servers gives stable: false, infinite waits, service level 0 and occupancy 1", () => {
    const result = erlangCMetrics({ arrivalRatePerSecond: 12 / 180, meanServiceSeconds: 180, servers: 10 });
    expect(result).toEqual({
      offeredLoadErlangs: 12,
      stable: false,
      probabilityOfWait: 1,
      meanWaitSeconds: Infinity,
      meanWaitOfDelayedSeconds: Infinity,
      serviceLevel: 0,
      meanQueueLength: Infinity,
      occupancy: 1,
    });
  });

  it("zero arrivals: nobody waits, service level 1, occupancy 0", () => {
    const result = erlangCMetrics({ arrivalRatePerSecond: 0, meanServiceSeconds: 180, servers: 3 });
    expect([result.probabilityOfWait, result.meanWaitSeconds, result.serviceLevel, result.occupancy]).toEqual([0, 0, 1, 0]);
  });

  it("rejects bad inputs with house-format messages", () => {
    const ok = { arrivalRatePerSecond: 0.01, meanServiceSeconds: 180, servers: 3 };
    expect(() => erlangCMetrics({ ...ok, arrivalRatePerSecond: -1 })).toThrow(/^invalid arrivalRatePerSecond: -1 \(must be a finite number >= 0\)$/);
    expect(() => erlangCMetrics({ ...ok, meanServiceSeconds: 0 })).toThrow(/^invalid meanServiceSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => erlangCMetrics({ ...ok, servers: 0 })).toThrow(/^invalid servers: 0 \(must be an integer >= 1\)$/);
    expect(() => erlangCMetrics({ ...ok, targetSeconds: NaN })).toThrow(/^invalid targetSeconds: NaN \(must be a finite number >= 0\)$/);
  });
});
