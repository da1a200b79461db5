import { describe, expect, it } from "vitest";
import { ChildStream } from "./childStream.ts";
import { RandomStream } from "./randomStream.ts";

const CHILDREN = 100_000;

function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) (meanX += x[i]), (meanY += y[i]);
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) ** 2;
    syy += (y[i] - meanY) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** First and second draws of children 0 .. count − 1 of `key`. */
function firstDraws(key: number, count: number): [Float64Array, Float64Array] {
  const first = new Float64Array(count);
  const second = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const child = new ChildStream(key, i);
    first[i] = child.next();
    second[i] = child.next();
  }
  return [first, second];
}

describe("ChildStream", () => {
  it("new ChildStream(key, index) with the same key and index yields identical sequences", () => {
    const key = new RandomStream(16, "parent").next();
    const first = new ChildStream(key, 12_345);
    const second = new ChildStream(key, 12_345);
    for (let i = 0; i < 100; i++) expect(first.next()).toBe(second.next());
  });

  it("distinct (key, index) pairs start distinct sequences: no repeated first draw among 200,000 children", () => {
    // The state is a bijection of (key, index); with 53-bit outputs a repeat among 2e5 draws has
    // probability ~ 2e10 / 2^54 ≈ 1e-6 for independent draws.
    const parent = new RandomStream(3, "keys");
    const keys = [0, 2 ** -53, 0.5, 1 - 2 ** -53, parent.next(), parent.next(), parent.next(), parent.next()];
    const indices = [0, 1, 2, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    const seen = new Set<number>();
    for (const key of keys) {
      for (const index of indices) seen.add(new ChildStream(key, index).next());
      for (let index = 3; index < 25_000; index++) seen.add(new ChildStream(key, index).next());
    }
    expect(seen.size).toBe(keys.length * (indices.length + 25_000 - 3));
  });

  it("children with successive indices are uncorrelated with each other and with their index (|r| < 0.01)", () => {
    // Under independence r ~ Normal(0, 1/n): SE = 0.0032 at n = 1e5, so 0.01 is ~3 SE.
    const [first, second] = firstDraws(new RandomStream(16, "shoppers").next(), CHILDREN + 1);
    const indices = Float64Array.from({ length: CHILDREN + 1 }, (_, i) => i);
    expect(Math.abs(correlation(indices, first))).toBeLessThan(0.01);
    expect(Math.abs(correlation(first, second))).toBeLessThan(0.01);
    expect(Math.abs(correlation(first.subarray(0, CHILDREN), first.subarray(1)))).toBeLessThan(0.01);
  });

  it("the same index under two keys (two purposes of one shopper) gives uncorrelated draws, also for nearby keys", () => {
    const [journey] = firstDraws(0.25, CHILDREN);
    const [patience] = firstDraws(0.25 + 2 ** -53, CHILDREN);
    expect(Math.abs(correlation(journey, patience))).toBeLessThan(0.01);
  });

  it("first draws across successive children are Uniform(0, 1): mean, variance and a 10 × 10 serial chi-square", () => {
    const [first] = firstDraws(0.5, CHILDREN);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const cells = new Float64Array(100);
    for (let i = 0; i < CHILDREN; i++) {
      const u = first[i];
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
      // Pairs (child i, child i + 1): nearby indices must not give related first draws.
      if (i + 1 < CHILDREN) cells[Math.floor(u * 10) * 10 + Math.floor(first[i + 1] * 10)]++;
    }
    const mean = sum / CHILDREN;
    const variance = (squares - CHILDREN * mean * mean) / (CHILDREN - 1);
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / CHILDREN));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / CHILDREN));
    const expected = (CHILDREN - 1) / 100;
    let chiSquare = 0;
    for (const observed of cells) chiSquare += (observed - expected) ** 2 / expected;
    // Chi-square with 99 degrees of freedom: the 0.1% critical value is 148.23 (NIST/SEMATECH table).
    expect(chiSquare).toBeLessThan(148.23);
  });

  it("new ChildStream(key, index) rejects keys outside [0, 1) and indices that are not safe non-negative integers", () => {
    expect(() => new ChildStream(1, 0)).toThrow(/^invalid child stream key: 1 \(must be in \[0, 1\)\)$/);
    expect(() => new ChildStream(NaN, 0)).toThrow(/^invalid child stream key: NaN/);
    expect(() => new ChildStream(-0.25, 0)).toThrow(/^invalid child stream key: -0\.25 \(must be in \[0, 1\)\)$/);
    // A numeric string compares like a number ("0.5" < 1), so only the type test keeps it out.
    expect(() => new ChildStream("0.5" as unknown as number, 0)).toThrow(/^invalid child stream key: "0\.5" \(must be in \[0, 1\)\)$/);
    expect(() => new ChildStream(0.5, -1)).toThrow(/^invalid child stream index: -1 \(must be an integer in \[0, 2\^53\)\)$/);
    expect(() => new ChildStream(0.5, 1.5)).toThrow(/^invalid child stream index: 1.5/);
    expect(() => new ChildStream(0.5, 2 ** 53)).toThrow(/^invalid child stream index/);
  });
});
