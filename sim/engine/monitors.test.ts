import { describe, expect, it } from "vitest";
import { Counter } from "./Counter.ts";
import { Environment } from "./Environment.ts";
import { QuantileSketch } from "./QuantileSketch.ts";
import { Tally } from "./Tally.ts";
import { TimeWeighted } from "./TimeWeighted.ts";

describe("Counter", () => {
  it("add() counts and rejects non-finite increments", () => {
    const counter = new Counter("orders");
    counter.add();
    counter.add(4);
    expect(counter.value).toBe(5);
    expect(() => counter.add(NaN)).toThrow(/invalid orders increment: NaN/);
  });
});

describe("Tally", () => {
  it("mean and variance match the textbook values of a known sample", () => {
    const tally = new Tally("x");
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    expect(tally.mean).toBe(5);
    expect(tally.variance).toBeCloseTo(32 / 7, 12); // sum of squared deviations 32, n − 1 = 7
    expect(tally.min).toBe(2);
    expect(tally.max).toBe(9);
  });

  it("Welford's method stays accurate with a huge offset where the naive formula fails", () => {
    const tally = new Tally("x", { quantiles: false });
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) tally.add(x);
    expect(tally.variance).toBeCloseTo(30, 9); // Welford 1962 example: variance of 4, 7, 13, 16 is 30
  });

  it("is empty-safe: NaN statistics, no throw", () => {
    const tally = new Tally();
    expect(tally.mean).toBeNaN();
    expect(tally.variance).toBeNaN();
    expect(tally.quantile(0.5)).toBeNaN();
  });
});

describe("QuantileSketch", () => {
  it("quantiles of 1..100000 are within 1% relative error of the exact order statistics", () => {
    const sketch = new QuantileSketch();
    const n = 100_000;
    for (let i = 1; i <= n; i++) sketch.add(i);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99]) {
      const exact = 1 + q * (n - 1);
      expect(Math.abs(sketch.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.0101);
    }
  });

  it("memory stays bounded for values spanning 30 orders of magnitude", () => {
    const sketch = new QuantileSketch(0.01, 512);
    for (let e = -15; e <= 15; e += 0.001) sketch.add(10 ** e);
    expect(sketch.bucketCount).toBeLessThanOrEqual(512);
    expect(sketch.quantile(1)).toBeGreaterThan(0.98e15);
  });

  it("counts zeros apart and reports the fraction at or below a threshold", () => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < 60; i++) sketch.add(0);
    for (let i = 1; i <= 40; i++) sketch.add(i);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.fractionAtOrBelow(0)).toBeCloseTo(0.6, 12);
    expect(sketch.fractionAtOrBelow(20)).toBeCloseTo(0.8, 1);
  });
});

describe("TimeWeighted", () => {
  it("time-weighted mean, variance, min and max of a step function", () => {
    const env = new Environment();
    const level = new TimeWeighted(env, "queue", 0);
    env.timeout(2).addCallback(() => level.set(4)); // 0 on [0,2), 4 on [2,5), 1 on [5,10)
    env.timeout(5).addCallback(() => level.set(1));
    env.timeout(10);
    env.run();
    expect(level.mean).toBeCloseTo((0 * 2 + 4 * 3 + 1 * 5) / 10, 12);
    expect(level.variance).toBeCloseTo((16 * 3 + 1 * 5) / 10 - 1.7 ** 2, 12);
    expect(level.max).toBe(4);
    expect(level.min).toBe(0);
    expect(level.area).toBeCloseTo(17, 12);
  });
});

describe("Counter and Tally edges", () => {
  it("Counter() without a name says 'counter' in its error", () => {
    expect(() => new Counter().add(Infinity)).toThrow(/^invalid counter increment: Infinity \(must be finite\)$/);
  });

  it("Tally: standard deviation is the root of the sample variance; one value has no variance", () => {
    const tally = new Tally("x");
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    expect(tally.standardDeviation).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const single = new Tally("one");
    single.add(3);
    expect([tally.count, single.count, new Tally().count]).toEqual([8, 1, 0]);
    expect(single.mean).toBe(3);
    expect(single.variance).toBeNaN();
    expect(single.standardDeviation).toBeNaN();
    expect([single.min, single.max]).toEqual([3, 3]);
    expect(new Tally().min).toBeNaN();
    expect(new Tally().max).toBeNaN();
  });

  it("Tally: quantile and fractionAtOrBelow come from the sketch (1% relative error)", () => {
    const tally = new Tally("x");
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    // Sorted: 2 4 4 4 5 5 7 9; rank 0.5 (8 - 1) = 3.5 falls on the fourth value, 4.
    expect(Math.abs(tally.quantile(0.5) - 4) / 4).toBeLessThanOrEqual(0.01);
    expect(tally.fractionAtOrBelow(4)).toBe(0.5);
    expect(tally.fractionAtOrBelow(9)).toBe(1);
  });

  it("Tally({quantiles: false}) accepts negative values, tracks min and max, and has no quantiles", () => {
    const tally = new Tally("delta", { quantiles: false });
    tally.add(-5);
    tally.add(-1);
    expect(tally.mean).toBe(-3);
    expect(tally.min).toBe(-5);
    expect(tally.max).toBe(-1);
    expect(tally.quantile(0.5)).toBeNaN();
    expect(tally.fractionAtOrBelow(0)).toBeNaN();
    // With quantiles on (the default), values must be >= 0: the sketch rejects a negative one.
    expect(() => new Tally("waits").add(-1)).toThrow(/^invalid sketch value: -1 \(must be a number >= 0\)$/);
  });

  it("Tally: min and max of values in no particular order; two values have a sample variance", () => {
    const tally = new Tally("x");
    for (const x of [5, 9, 2, 6]) tally.add(x);
    expect([tally.min, tally.max]).toEqual([2, 9]);
    // Two values 1 and 3: mean 2, squared deviations 1 + 1 over n - 1 = 1.
    const two = new Tally("two");
    two.add(1);
    two.add(3);
    expect(two.variance).toBe(2);
  });

  it("Tally.add rejects non-finite values naming the tally (default name 'tally')", () => {
    expect(() => new Tally("waits").add(Infinity)).toThrow(/^invalid waits observation: Infinity \(must be finite\)$/);
    expect(() => new Tally().add(NaN)).toThrow(/^invalid tally observation: NaN \(must be finite\)$/);
  });
});

describe("QuantileSketch edges", () => {
  // gamma = (1 + a) / (1 - a): bucket k holds (gamma^(k-1), gamma^k] (Masson et al. 2019).
  const gamma = 1.01 / 0.99;

  it("rejects a relative accuracy outside (0, 1), negative or NaN values and quantiles outside [0, 1]", () => {
    for (const accuracy of [0, 1, -0.1, NaN]) {
      expect(() => new QuantileSketch(accuracy)).toThrow(/^invalid relativeAccuracy: .* \(must be in \(0, 1\)\)$/);
    }
    const sketch = new QuantileSketch();
    expect(() => sketch.add(-1)).toThrow(/^invalid sketch value: -1 \(must be a number >= 0\)$/);
    expect(() => sketch.add(NaN)).toThrow(/^invalid sketch value: NaN/);
    sketch.add(1);
    for (const q of [-0.1, 1.1, NaN]) expect(() => sketch.quantile(q)).toThrow(/^invalid quantile: .* \(must be in \[0, 1\]\)$/);
    expect(sketch.quantile(0)).toBeGreaterThan(0);
    expect(sketch.quantile(1)).toBeGreaterThan(0);
  });

  it("an empty sketch has NaN quantiles and fractions; a negative threshold has fraction 0", () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(sketch.fractionAtOrBelow(1)).toBeNaN();
    expect(sketch.fractionAtOrBelow(-1)).toBeNaN(); // no values at all: 0/0, whatever the threshold
    sketch.add(0);
    sketch.add(5);
    expect(sketch.fractionAtOrBelow(-1)).toBe(0);
    expect(sketch.fractionAtOrBelow(0)).toBe(0.5);
  });

  it("every quantile of one value x lies within the relative accuracy a of x (a = 1% and 5%)", () => {
    for (const accuracy of [0.01, 0.05]) {
      for (const x of [1e-6, 0.37, 1, 42, 1e9]) {
        const sketch = new QuantileSketch(accuracy);
        sketch.add(x);
        expect(sketch.count).toBe(1);
        for (const q of [0, 0.5, 1]) expect(Math.abs(sketch.quantile(q) - x)).toBeLessThanOrEqual(accuracy * x * (1 + 1e-12));
      }
    }
  });

  it("a value exactly at the zero threshold (1e-9) is counted as zero; one just above it is not", () => {
    // 1e-9 and 1.001e-9 share bucket ceil(ln(1e-9) / ln(gamma)) = -1036, (gamma^-1037, 1.0026e-9], so
    // only the zero class tells them apart: fractions at or below 1e-9 are exact counts, 1/2 and 0.
    const atThreshold = new QuantileSketch();
    atThreshold.add(1e-9);
    atThreshold.add(5);
    expect(atThreshold.quantile(0)).toBe(0);
    expect(atThreshold.fractionAtOrBelow(0)).toBe(0.5);
    const above = new QuantileSketch();
    above.add(1.001e-9);
    above.add(5);
    expect(above.fractionAtOrBelow(1e-9)).toBe(0);
    expect(above.fractionAtOrBelow(0)).toBe(0);
  });

  it("fractionAtOrBelow(x) above every value is 1, however far above", () => {
    const sketch = new QuantileSketch();
    for (const x of [0, 1, 2, 3]) sketch.add(x);
    for (const x of [3, 3.1, 1e6, Number.MAX_VALUE]) expect(sketch.fractionAtOrBelow(x)).toBe(1);
  });

  it("bucketCount is the span of keys in use: one bucket for equal values, three for x, gamma x, gamma^2 x", () => {
    for (const x of [0.5, 100]) {
      const sketch = new QuantileSketch();
      for (let i = 0; i < 3; i++) sketch.add(x);
      expect(sketch.bucketCount).toBe(1);
      // 1.5 gamma^j (j = 0, 1, 2) lie inside consecutive buckets, away from their edges.
      const spread = new QuantileSketch();
      for (const j of [2, 0, 1]) spread.add(1.5 * x * gamma ** j);
      expect(spread.bucketCount).toBe(3);
    }
    const zeros = new QuantileSketch();
    zeros.add(0);
    expect(zeros.bucketCount).toBe(0); // zeros are counted apart, in no bucket
  });

  it("values added in falling order (the sketch grows downwards) keep their order statistics", () => {
    const sketch = new QuantileSketch();
    const values = [1000, 100, 10, 1, 0.1];
    for (const x of values) sketch.add(x);
    const sorted = [...values].sort((a, b) => a - b);
    // rank q (n - 1) with n = 5: q = i/4 is the i-th smallest value.
    for (const [i, x] of sorted.entries()) expect(Math.abs(sketch.quantile(i / 4) - x) / x).toBeLessThanOrEqual(0.01);
    expect(sketch.fractionAtOrBelow(5)).toBe(0.4);
    expect(sketch.fractionAtOrBelow(10)).toBe(0.6);
  });

  it("past maxBuckets, the lowest buckets fold into the lowest kept one and no count is lost (growing up or down)", () => {
    // 1.5 gamma^j for j = 0..4 fall in five consecutive buckets; a budget of 4 folds the lowest two.
    const values = [0, 1, 2, 3, 4].map((j) => 1.5 * gamma ** j);
    for (const order of [values, [...values].reverse()]) {
      const sketch = new QuantileSketch(0.01, 4);
      for (const x of order) sketch.add(x);
      expect(sketch.bucketCount).toBe(4);
      expect(sketch.count).toBe(5);
      expect(sketch.fractionAtOrBelow(values[4])).toBe(1);
      // Ranks 0 and 1 (q = 0, 0.25) are in the folded bucket, reported at 1.5 gamma; the top stays exact to 1%.
      expect(Math.abs(sketch.quantile(0) - values[1]) / values[1]).toBeLessThanOrEqual(0.01);
      expect(Math.abs(sketch.quantile(0.25) - values[1]) / values[1]).toBeLessThanOrEqual(0.01);
      expect(Math.abs(sketch.quantile(0.5) - values[2]) / values[2]).toBeLessThanOrEqual(0.01);
      expect(Math.abs(sketch.quantile(1) - values[4]) / values[4]).toBeLessThanOrEqual(0.01);
    }
  });
});

describe("TimeWeighted edges", () => {
  it("before any time passes: the mean is the current level, variance and area are 0", () => {
    const level = new TimeWeighted({ now: 0 }, "queue", 3);
    expect(level.mean).toBe(3);
    expect(level.variance).toBe(0);
    expect(level.area).toBe(0);
    expect(level.level).toBe(3);
  });

  it("add(delta) moves the level; min and max follow; time is counted from the clock's start, not 0", () => {
    const clock = { now: 100 };
    const level = new TimeWeighted(clock, "agents", 2);
    clock.now = 104;
    level.add(5); // 2 on [100, 104), 7 on [104, 110)
    clock.now = 106;
    level.add(-6);
    level.add(6); // a same-time dip to 1 and back adds no area
    clock.now = 110;
    expect(level.level).toBe(7);
    expect(level.mean).toBeCloseTo((2 * 4 + 7 * 6) / 10, 12);
    expect(level.variance).toBeCloseTo((4 * 4 + 49 * 6) / 10 - 5 ** 2, 12);
    expect(level.area).toBeCloseTo(50, 12);
    expect(level.min).toBe(1);
    expect(level.max).toBe(7);
  });

  it("a constant level has variance exactly 0, never a rounding-negative one", () => {
    // 0.1 held for 3 s: E[X^2] - E[X]^2 = 0.01 - 0.1^2 rounds to -1.7e-18 in doubles.
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, "level", 0.1);
    clock.now = 3;
    expect(level.variance).toBe(0);
  });

  it("set() rejects non-finite levels naming the level (default name 'level')", () => {
    expect(() => new TimeWeighted({ now: 0 }, "queue").set(Infinity)).toThrow(/^invalid queue level: Infinity \(must be finite\)$/);
    expect(() => new TimeWeighted({ now: 0 }).set(NaN)).toThrow(/^invalid level level: NaN \(must be finite\)$/);
  });
});
