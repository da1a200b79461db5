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
