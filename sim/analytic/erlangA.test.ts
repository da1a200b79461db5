import { describe, expect, it } from "vitest";
import { type ErlangAResult, erlangA } from "./erlangA.ts";
import { erlangCMetrics } from "./erlangCMetrics.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// [servers, load, mean service s, mean patience s, target s, measures] from
// `python3 sim/analytic/reference/erlang_a_reference.py` (line ERLANG_A): 60-digit Decimal birth-death sums,
// first-step analysis for abandonment and waits, and service level by uniformization of the tagged-customer
// chain, a different method from the Beta / negative-binomial closed form in erlangA.ts.
const REFERENCE: [number, number, number, number, number, ErlangAResult][] = [
  [
    1,
    0.9,
    180,
    60,
    20,
    {
      offeredLoadErlangs: 0.9,
      probabilityOfWait: 0.5307479134711008,
      probabilityOfAbandon: 0.4102800961432213,
      meanWaitSeconds: 24.61680576859328,
      meanWaitOfServedSeconds: 9.883911566935033,
      meanWaitOfAbandonedSeconds: 45.79326798015782,
      meanQueueLength: 0.1230840288429664,
      occupancy: 0.5307479134711008,
      serviceLevel: 0.5087634188255077,
      serviceLevelOfAnswered: 0.8627204466021681,
    },
  ],
  [
    2,
    1.5,
    180,
    600,
    20,
    {
      offeredLoadErlangs: 1.5,
      probabilityOfWait: 0.5168514791361534,
      probabilityOfAbandon: 0.1176052861395902,
      meanWaitSeconds: 70.56317168375412,
      meanWaitOfServedSeconds: 63.47245706595799,
      meanWaitOfAbandonedSeconds: 123.7649392370391,
      meanQueueLength: 0.588026430697951,
      occupancy: 0.6617960353953073,
      serviceLevel: 0.5293368034483829,
      serviceLevelOfAnswered: 0.599886643849638,
    },
  ],
  [
    10,
    9.5,
    180,
    300,
    20,
    {
      offeredLoadErlangs: 9.5,
      probabilityOfWait: 0.5281551496115598,
      probabilityOfAbandon: 0.08975308871518296,
      meanWaitSeconds: 26.92592661455489,
      meanWaitOfServedSeconds: 25.3036962356567,
      meanWaitOfAbandonedSeconds: 43.37806450665935,
      meanQueueLength: 1.4210905713237303,
      occupancy: 0.8647345657205762,
      serviceLevel: 0.5873499374533929,
      serviceLevelOfAnswered: 0.6452644114159599,
    },
  ],
  [
    10,
    12,
    180,
    120,
    20,
    {
      offeredLoadErlangs: 12,
      probabilityOfWait: 0.6995359317946561,
      probabilityOfAbandon: 0.22488431311152635,
      meanWaitSeconds: 26.98611757338316,
      meanWaitOfServedSeconds: 25.525740104382827,
      meanWaitOfAbandonedSeconds: 32.01964556534797,
      meanQueueLength: 1.7990745048922108,
      occupancy: 0.9301388242661683,
      serviceLevel: 0.4437594622495212,
      serviceLevelOfAnswered: 0.5725073943876597,
    },
  ],
  [
    10,
    9,
    180,
    180,
    20,
    {
      offeredLoadErlangs: 9,
      probabilityOfWait: 0.4125917556680586,
      probabilityOfAbandon: 0.0859121116019606,
      meanWaitSeconds: 15.46418008835291,
      meanWaitOfServedSeconds: 13.845392564031275,
      meanWaitOfAbandonedSeconds: 32.68775942170599,
      meanQueueLength: 0.7732090044176455,
      occupancy: 0.8226790995582355,
      serviceLevel: 0.7035707884145314,
      serviceLevelOfAnswered: 0.7696970907770759,
    },
  ],
  [
    100,
    99,
    180,
    600,
    20,
    {
      offeredLoadErlangs: 99,
      probabilityOfWait: 0.6036593719543947,
      probabilityOfAbandon: 0.024048850733909992,
      meanWaitSeconds: 14.429310440345995,
      meanWaitOfServedSeconds: 14.306583774046862,
      meanWaitOfAbandonedSeconds: 19.409807527108967,
      meanQueueLength: 7.9361207421902975,
      occupancy: 0.9661916377734291,
      serviceLevel: 0.6880022635688867,
      serviceLevelOfAnswered: 0.704955636443751,
    },
  ],
  [
    100,
    110,
    180,
    60,
    30,
    {
      offeredLoadErlangs: 110,
      probabilityOfWait: 0.6615131299848046,
      probabilityOfAbandon: 0.10862157497225015,
      meanWaitSeconds: 6.517294498335009,
      meanWaitOfServedSeconds: 6.380022862547465,
      meanWaitOfAbandonedSeconds: 7.6437831774076885,
      meanQueueLength: 3.982791082315839,
      occupancy: 0.9805162675305248,
      serviceLevel: 0.8828814691817695,
      serviceLevelOfAnswered: 0.9904676222719707,
    },
  ],
  [
    1000,
    990,
    180,
    300,
    20,
    {
      offeredLoadErlangs: 990,
      probabilityOfWait: 0.4253671778941601,
      probabilityOfAbandon: 0.006924623840243047,
      meanWaitSeconds: 2.077387152072914,
      meanWaitOfServedSeconds: 2.063807422624797,
      meanWaitOfAbandonedSeconds: 4.0248857080902525,
      meanQueueLength: 11.425629336401029,
      occupancy: 0.9831446223981594,
      serviceLevel: 0.991903232681577,
      serviceLevelOfAnswered: 0.9988196832724695,
    },
  ],
  [
    2000,
    1980,
    180,
    1800,
    20,
    {
      offeredLoadErlangs: 1980,
      probabilityOfWait: 0.477478447337366,
      probabilityOfAbandon: 0.0015264288478134408,
      meanWaitSeconds: 2.7475719260641935,
      meanWaitOfServedSeconds: 2.7439828947960936,
      meanWaitOfAbandonedSeconds: 5.0952430096983825,
      meanQueueLength: 30.223291186706128,
      occupancy: 0.9884888354406647,
      serviceLevel: 0.9897939205125547,
      serviceLevelOfAnswered: 0.9913070802368699,
    },
  ],
  [
    2000,
    2100,
    240,
    120,
    20,
    {
      offeredLoadErlangs: 2100,
      probabilityOfWait: 0.9356780701772233,
      probabilityOfAbandon: 0.048117694245763454,
      meanWaitSeconds: 5.774123309491615,
      meanWaitOfServedSeconds: 5.863140383230487,
      meanWaitOfAbandonedSeconds: 4.013154112396031,
      meanQueueLength: 50.52357895805163,
      occupancy: 0.9994764210419483,
      serviceLevel: 0.951770763237245,
      serviceLevelOfAnswered: 0.9998828190036549,
    },
  ],
  [
    10,
    9,
    180,
    1e7,
    20,
    {
      offeredLoadErlangs: 9,
      probabilityOfWait: 0.6686956504886009,
      probabilityOfAbandon: 1.2032408657662722e-5,
      meanWaitSeconds: 120.32408657662721,
      meanWaitOfServedSeconds: 120.32336961332255,
      meanWaitOfAbandonedSeconds: 179.9093864328816,
      meanQueueLength: 6.0162043288313605,
      occupancy: 0.8999891708322081,
      serviceLevel: 0.4016361371619816,
      serviceLevelOfAnswered: 0.40164096987026476,
    },
  ],
  [
    100,
    95,
    180,
    1e8,
    20,
    {
      offeredLoadErlangs: 95,
      probabilityOfWait: 0.5064551442279619,
      probabilityOfAbandon: 1.8232129218409727e-7,
      meanWaitSeconds: 18.232129218409728,
      meanWaitOfServedSeconds: 18.23212597908502,
      meanWaitOfAbandonedSeconds: 35.999248356613116,
      meanQueueLength: 9.622512643049578,
      occupancy: 0.9499998267947725,
      serviceLevel: 0.7094210198581502,
      serviceLevelOfAnswered: 0.7094211492007307,
    },
  ],
];
// Same script, line POISSON9_TAIL_GE_10: P(N >= 10), N ~ Poisson(9), in 60 digits.
const POISSON9_TAIL_GE_10 = 0.4125917556680586;
// Same script, line ERLANG_C_AT_LONG_PATIENCE: M/M/c service level at (c, A) = (10, 9) and (100, 95), 180 s, 20 s.
const ERLANG_C_SERVICE_LEVEL: [number, number, number][] = [
  [10, 9, 0.4015927398352362],
  [100, 95, 0.7094186476114862],
];

const inputOf = (servers: number, load: number, service: number, patience: number, target = 20) => ({
  arrivalRatePerSecond: load / service,
  meanServiceSeconds: service,
  meanPatienceSeconds: patience,
  servers,
  targetSeconds: target,
});

describe("erlangA", () => {
  it.each(REFERENCE)(
    "erlangA(c = %i, A = %d, service %i s, patience %i s, target %i s) matches the reference to 1e-12",
    (servers, load, service, patience, target, expected) => {
      const result = erlangA(inputOf(servers, load, service, patience, target));
      // The service level is within 1e-12 of the uniformization value: far inside the 1e-9 asked for.
      for (const key of Object.keys(expected) as (keyof ErlangAResult)[]) expectClose(result[key], expected[key], 1e-11);
    },
  );

  it("patience = service time makes the chain M/M/infinity: P(wait) = P(Poisson(A) >= c)", () => {
    expectClose(erlangA(inputOf(10, 9, 180, 180)).probabilityOfWait, POISSON9_TAIL_GE_10, 1e-14);
  });

  it("converges to Erlang C like 1 / patience as patience grows (c = 10 and 100), stably up to 1e13 s", () => {
    for (const [servers, load, erlangCServiceLevel] of ERLANG_C_SERVICE_LEVEL) {
      const c = erlangCMetrics({ arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, servers });
      const gaps = [1e3, 1e5, 1e7, 1e9, 1e11, 1e13].map((patience) => {
        const a = erlangA(inputOf(servers, load, 180, patience));
        return Math.max(
          Math.abs(a.serviceLevel - erlangCServiceLevel),
          Math.abs(a.probabilityOfWait - c.probabilityOfWait),
          Math.abs(a.meanWaitSeconds - c.meanWaitSeconds) / c.meanWaitSeconds,
        );
      });
      // Past the first step each 100-fold longer patience shrinks the gap ~100-fold (it is O(theta));
      // measured 4e-10 at 1e13 s, so nothing numerical breaks as theta -> 0.
      gaps.slice(1).forEach((gap, i) => {
        expect(gap).toBeLessThan(gaps[i] / (i === 0 ? 10 : 90));
      });
      expect(gaps[5]).toBeLessThan(1e-9);
    }
  });

  it("satisfies P(abandon) = theta Lq / lambda, E[W] = Lq / lambda and the served/abandoned split of E[W]", () => {
    for (const [servers, load, service, patience] of [
      [3, 4, 60, 45],
      [50, 48, 300, 120],
      [500, 520, 200, 90],
    ]) {
      const r = erlangA(inputOf(servers, load, service, patience));
      const lambda = load / service;
      expectClose(r.probabilityOfAbandon, r.meanQueueLength / patience / lambda, 1e-13);
      expectClose(r.meanWaitSeconds, r.meanQueueLength / lambda, 1e-13);
      const split = (1 - r.probabilityOfAbandon) * r.meanWaitOfServedSeconds + r.probabilityOfAbandon * r.meanWaitOfAbandonedSeconds;
      expectClose(split, r.meanWaitSeconds, 1e-13);
      expectClose(r.serviceLevelOfAnswered * (1 - r.probabilityOfAbandon), r.serviceLevel, 1e-15);
    }
  });

  it("service level runs from 1 - P(wait) at target 0 to 1 - P(abandon) for a huge target, increasing in the target", () => {
    const levels = [0, 5, 20, 60, 300, 1e6].map((target) => erlangA(inputOf(10, 9.5, 180, 300, target)));
    const { probabilityOfWait, probabilityOfAbandon } = levels[0];
    expectClose(levels[0].serviceLevel, 1 - probabilityOfWait, 1e-15);
    expectClose(levels[5].serviceLevel, 1 - probabilityOfAbandon, 1e-14);
    levels.slice(1).forEach((r, i) => {
      expect(r.serviceLevel).toBeGreaterThan(levels[i].serviceLevel);
    });
  });

  it("stays exact when c mu t = 40000 (P(N = 0) = e^-40000 underflows): service level = 1 - P(abandon) to 1e-12", () => {
    const r = erlangA(inputOf(2000, 1990, 1, 40));
    expect(Object.values(r).every(Number.isFinite)).toBe(true);
    expect(r.probabilityOfWait).toBeGreaterThan(0.5);
    expectClose(r.serviceLevel, 1 - r.probabilityOfAbandon, 1e-12);
  });

  it("P(wait) underflowing to 0 (c = 2000, A = 500) leaves every measure finite and the conditional waits exact", () => {
    const r = erlangA(inputOf(2000, 500, 180, 300));
    expect([r.probabilityOfWait, r.probabilityOfAbandon, r.serviceLevel]).toEqual([0, 0, 1]);
    expectClose(r.occupancy, 0.25, 1e-15);
    // A delayed caller would mostly find nobody queued: its wait is close to 1 / (c mu + theta).
    const headOfLine = 1 / (2000 / 180 + 1 / 300);
    expect(r.meanWaitOfAbandonedSeconds).toBeGreaterThan(headOfLine);
    expect(r.meanWaitOfAbandonedSeconds).toBeLessThan(2 * headOfLine);
  });

  it("zero arrivals: nobody waits or abandons, service level 1, occupancy 0", () => {
    const r = erlangA(inputOf(4, 0, 180, 60));
    expect([r.probabilityOfWait, r.probabilityOfAbandon, r.meanWaitSeconds, r.serviceLevel, r.occupancy]).toEqual([0, 0, 0, 1, 0]);
    // The limit λ → 0: an abandoner meets an empty queue, so its wait is the first of its patience
    // (rate θ) and a service completion (rate c μ): 1 / (c μ + θ) = 1 / (4/180 + 1/60) = 25.714 s.
    expect(r.meanWaitOfAbandonedSeconds).toBeCloseTo(1 / (4 / 180 + 1 / 60), 10);
    expect(r.meanWaitOfServedSeconds).toBe(0);
  });

  it("c = 2000 at 99% load: the recursions neither overflow nor underflow (every figure finite and in range)", () => {
    // Speed is a benchmark's business; the claim here is numerical: 2000! and ρ^2000 never appear.
    const r = erlangA(inputOf(2000, 1980, 180, 1800));
    for (const value of [r.probabilityOfWait, r.probabilityOfAbandon, r.serviceLevel, r.occupancy]) {
      expect(Number.isFinite(value) && value >= 0 && value <= 1).toBe(true);
    }
    expect(r.probabilityOfWait).toBeGreaterThan(0);
    expect(r.probabilityOfAbandon).toBeLessThan(r.probabilityOfWait);
    expect(Number.isFinite(r.meanWaitSeconds) && r.meanWaitSeconds > 0).toBe(true);
  });

  it("rejects bad inputs with house-format messages", () => {
    const ok = inputOf(5, 4, 180, 60);
    expect(() => erlangA({ ...ok, meanServiceSeconds: 0 })).toThrow(/^invalid meanServiceSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => erlangA({ ...ok, meanPatienceSeconds: 0 })).toThrow(/^invalid meanPatienceSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => erlangA({ ...ok, meanPatienceSeconds: Infinity })).toThrow(/^invalid meanPatienceSeconds: Infinity \(must be a finite number > 0\)$/);
    expect(() => erlangA({ ...ok, servers: 0 })).toThrow(/^invalid servers: 0 \(must be an integer >= 1\)$/);
    expect(() => erlangA({ ...ok, targetSeconds: -1 })).toThrow(/^invalid targetSeconds: -1 \(must be a finite number >= 0\)$/);
    expect(() => erlangA({ ...ok, arrivalRatePerSecond: -0.1 })).toThrow(/^invalid arrivalRatePerSecond: -0\.1/);
  });
});
