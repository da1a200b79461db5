import { describe, expect, it } from "vitest";
import { erlangB } from "./erlangB.ts";
import { erlangCMetrics } from "./erlangCMetrics.ts";
import { type MMCKResult, mmck } from "./mmck.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

type Expected = Omit<MMCKResult, "stateProbabilities"> & { statesAt0cK: number[] };
// [servers, capacity K, load]: mean service 180 s. From `python3 sim/analytic/reference/erlang_bc_reference.py`
// (line MMCK): product form p_n summed directly in 60-digit Decimal. statesAt0cK = [p_0, p_c, p_K].
const REFERENCE: [number, number, number, Expected][] = [
  [
    1,
    1,
    0.5,
    {
      probabilityOfBlocking: 0.3333333333333333,
      probabilityOfWait: 0,
      meanQueueLength: 0,
      meanInSystem: 0.3333333333333333,
      meanWaitSeconds: 0,
      throughputPerSecond: 0.001851851851851852,
      occupancy: 0.3333333333333333,
      statesAt0cK: [0.6666666666666666, 0.3333333333333333, 0.3333333333333333],
    },
  ],
  [
    2,
    2,
    1.5,
    {
      probabilityOfBlocking: 0.3103448275862069,
      probabilityOfWait: 0,
      meanQueueLength: 0,
      meanInSystem: 1.0344827586206897,
      meanWaitSeconds: 0,
      throughputPerSecond: 0.005747126436781609,
      occupancy: 0.5172413793103449,
      statesAt0cK: [0.27586206896551724, 0.3103448275862069, 0.3103448275862069],
    },
  ],
  [
    10,
    10,
    5,
    {
      probabilityOfBlocking: 0.018384570336648132,
      probabilityOfWait: 0,
      meanQueueLength: 0,
      meanInSystem: 4.908077148316759,
      meanWaitSeconds: 0,
      throughputPerSecond: 0.027267095268426442,
      occupancy: 0.49080771483167596,
      statesAt0cK: [0.006831506312973183, 0.018384570336648132, 0.018384570336648132],
    },
  ],
  [
    3,
    10,
    4,
    {
      probabilityOfBlocking: 0.2657996758416887,
      probabilityOfWait: 0.9411043326048453,
      meanQueueLength: 4.678554499306208,
      meanInSystem: 7.615355795939453,
      meanWaitSeconds: 286.75409903984587,
      throughputPerSecond: 0.016315562759073584,
      occupancy: 0.9789337655444151,
      statesAt0cK: [0.003326247545618666, 0.03547997381993244, 0.2657996758416887],
    },
  ],
  [
    10,
    30,
    9,
    {
      probabilityOfBlocking: 0.008772084480501999,
      probabilityOfWait: 0.6394152083466397,
      meanQueueLength: 4.1252806305977865,
      meanInSystem: 13.046331870273269,
      meanWaitSeconds: 83.23576376348817,
      throughputPerSecond: 0.0495613957759749,
      occupancy: 0.8921051239675482,
      statesAt0cK: [7.509146118674509e-5, 0.07215270489259253, 0.008772084480501999],
    },
  ],
  [
    10,
    3000,
    9,
    {
      probabilityOfBlocking: 1.024129839153321e-138,
      probabilityOfWait: 0.668731524107697,
      meanQueueLength: 6.018583716969273,
      meanInSystem: 15.018583716969273,
      meanWaitSeconds: 120.37167433938546,
      throughputPerSecond: 0.05,
      occupancy: 0.9,
      statesAt0cK: [6.959687424281359e-5, 0.0668731524107697, 1.024129839153321e-138],
    },
  ],
  [
    100,
    150,
    105,
    {
      probabilityOfBlocking: 0.05000991731254999,
      probabilityOfWait: 0.9610387933351442,
      meanQueueLength: 33.33788940050516,
      meanInSystem: 133.08684808268742,
      meanWaitSeconds: 60.15922543322582,
      throughputPerSecond: 0.5541608815676792,
      occupancy: 0.9974895868218225,
      statesAt0cK: [3.09503048265696e-47, 0.0043610511752349415, 0.05000991731254999],
    },
  ],
  [
    1000,
    1200,
    990,
    {
      probabilityOfBlocking: 0.00096762381586515,
      probabilityOfWait: 0.6260602804973701,
      meanQueueLength: 42.761042922189596,
      meanInSystem: 1031.8030953444832,
      meanWaitSeconds: 7.782265382086835,
      throughputPerSecond: 5.494678069012742,
      occupancy: 0.9890420524222935,
      statesAt0cK: [0, 0.007222168712463086, 0.00096762381586515],
    },
  ],
  [
    2000,
    2000,
    1980,
    {
      probabilityOfBlocking: 0.011887026966441247,
      probabilityOfWait: 0,
      meanQueueLength: 0,
      meanInSystem: 1956.4636866064463,
      meanWaitSeconds: 0,
      throughputPerSecond: 10.869242703369146,
      occupancy: 0.9782318433032232,
      statesAt0cK: [0, 0.011887026966441247, 0.011887026966441247],
    },
  ],
];

describe("mmck", () => {
  it.each(REFERENCE)("mmck(c = %i, K = %i, A = %d) matches the reference to 1e-12 relative", (servers, capacity, load, expected) => {
    const result = mmck({ arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, servers, capacity });
    const { statesAt0cK, ...measures } = expected;
    for (const key of Object.keys(measures) as (keyof typeof measures)[]) expectClose(result[key], measures[key], 1e-12);
    const p = result.stateProbabilities;
    expect(p).toHaveLength(capacity + 1);
    [p[0], p[servers], p[capacity]].forEach((value, i) => {
      expectClose(value, statesAt0cK[i], 1e-12);
    });
  });

  it("K = c is Erlang B: blocking equals erlangB(c, A) and nobody waits", () => {
    for (const [servers, load] of [
      [1, 0.5],
      [10, 5],
      [2000, 1980],
    ]) {
      const result = mmck({ arrivalRatePerSecond: load / 60, meanServiceSeconds: 60, servers, capacity: servers });
      expectClose(result.probabilityOfBlocking, erlangB(servers, load), 1e-13);
      expect(result.probabilityOfWait).toBe(0);
    }
    // An overwhelming load (1e200 × 1e200 s = Infinity erlangs): every arrival is blocked, none is admitted, and
    // the admitted arrivals' figures are 0 (nobody queues when K = c), never 0 ÷ 0.
    const swamped = mmck({ arrivalRatePerSecond: 1e200, meanServiceSeconds: 1e200, servers: 1, capacity: 1 });
    expect(swamped).toMatchObject({ probabilityOfBlocking: 1, probabilityOfWait: 0, meanWaitSeconds: 0, throughputPerSecond: 0, occupancy: 1 });
  });

  it("large K converges to Erlang C (M/M/c) for c = 10 and c = 1000", () => {
    for (const [servers, load, capacity] of [
      [10, 9, 3000],
      [1000, 990, 10000],
    ]) {
      const input = { arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, servers };
      const finite = mmck({ ...input, capacity });
      const infinite = erlangCMetrics(input);
      expectClose(finite.probabilityOfWait, infinite.probabilityOfWait, 1e-12);
      expectClose(finite.meanWaitSeconds, infinite.meanWaitSeconds, 1e-12);
      expectClose(finite.meanQueueLength, infinite.meanQueueLength, 1e-12);
    }
  });

  it("an overloaded finite system stays finite: state probabilities sum to 1 and throughput <= c mu", () => {
    const result = mmck({ arrivalRatePerSecond: 50, meanServiceSeconds: 1, servers: 10, capacity: 5000 });
    expectClose(
      result.stateProbabilities.reduce((a, b) => a + b, 0),
      1,
      1e-13,
    );
    expectClose(result.throughputPerSecond, 10, 1e-12);
    expectClose(result.probabilityOfBlocking, 0.8, 1e-12);
  });

  it("zero arrivals: empty system", () => {
    const result = mmck({ arrivalRatePerSecond: 0, meanServiceSeconds: 5, servers: 2, capacity: 4 });
    expect(result.stateProbabilities).toEqual([1, 0, 0, 0, 0]);
    expect([result.meanWaitSeconds, result.occupancy, result.throughputPerSecond]).toEqual([0, 0, 0]);
  });

  it("rejects capacity below servers and other bad inputs by regex", () => {
    const ok = { arrivalRatePerSecond: 0.1, meanServiceSeconds: 5, servers: 5, capacity: 8 };
    expect(() => mmck({ ...ok, meanServiceSeconds: -1 })).toThrow(/^invalid meanServiceSeconds: -1 \(must be a finite number > 0\)$/);
    expect(() => mmck({ ...ok, capacity: 3 })).toThrow(/^invalid capacity: 3 \(must be an integer >= servers \(5\)\)$/);
    expect(() => mmck({ ...ok, capacity: 7.5 })).toThrow(/^invalid capacity: 7\.5 \(must be an integer >= servers \(5\)\)$/);
    expect(() => mmck({ ...ok, servers: 1.5 })).toThrow(/^invalid servers: 1\.5 \(must be an integer >= 1\)$/);
    expect(() => mmck({ ...ok, arrivalRatePerSecond: NaN })).toThrow(/^invalid arrivalRatePerSecond: NaN/);
  });
});
