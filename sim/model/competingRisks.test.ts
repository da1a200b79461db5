import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RandomStream, type UniformSource } from "../random/index.ts";
import { drawAbandonment } from "./competingRisks.ts";

const DRAWS = 200_000;
/** 99.9% quantile of the chi-square distribution with 2 degrees of freedom: −2 ln(0.001). */
const CHI_SQUARE_2DF_999 = 13.815510557964274;

/** Counts the uniforms drawn through it. */
class CountingSource implements UniformSource {
  count = 0;
  readonly #inner: UniformSource;
  constructor(inner: UniformSource) {
    this.#inner = inner;
  }
  next(): number {
    this.count++;
    return this.#inner.next();
  }
}

/** Returns the given uniforms in turn (for edge values). */
class ScriptedSource implements UniformSource {
  readonly #values: readonly number[];
  #index = 0;
  constructor(values: readonly number[]) {
    this.#values = values;
  }
  next(): number {
    return this.#values[this.#index++ % this.#values.length];
  }
}

describe("drawAbandonment", () => {
  it("drawAbandonment(source, h) leaves with probability 1 − Π(1 − h_r) within 4 standard errors", () => {
    const hazards = new Float64Array([0.1, 0, 0.3, 0.05]);
    const leave = 1 - 0.9 * 1 * 0.7 * 0.95; // 0.4015
    const stream = new RandomStream(1, "competing-leave");
    let leavers = 0;
    for (let i = 0; i < DRAWS; i++) if (drawAbandonment(stream, hazards) >= 0) leavers++;
    const standardError = Math.sqrt((leave * (1 - leave)) / DRAWS);
    expect(Math.abs(leavers / DRAWS - leave)).toBeLessThan(4 * standardError);
  });

  it("drawAbandonment(source, h) picks reasons in proportion to h: chi-square below its 99.9% quantile, zero hazards never", () => {
    const hazards = new Float64Array([0.1, 0, 0.3, 0.05, 0]);
    const total = 0.45;
    const stream = new RandomStream(1, "competing-reasons");
    const counts = new Array<number>(hazards.length).fill(0);
    let leavers = 0;
    for (let i = 0; i < DRAWS; i++) {
      const reason = drawAbandonment(stream, hazards);
      if (reason < 0) continue;
      counts[reason]++;
      leavers++;
    }
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBe(0);
    // Pearson's statistic over the three reasons with a hazard: 2 degrees of freedom.
    let chiSquare = 0;
    for (const r of [0, 2, 3]) {
      const expected = (leavers * hazards[r]) / total;
      chiSquare += (counts[r] - expected) ** 2 / expected;
    }
    expect(chiSquare).toBeLessThan(CHI_SQUARE_2DF_999);
  });

  it("drawAbandonment draws exactly two uniforms whatever the hazards and the outcome (property)", () => {
    const source = new CountingSource(new RandomStream(1, "competing-count"));
    const hazard = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(hazard, { maxLength: 12 }), (values) => {
        const hazards = new Float64Array(values);
        const before = source.count;
        const reason = drawAbandonment(source, hazards);
        expect(source.count - before).toBe(2);
        expect(reason).toBeGreaterThanOrEqual(-1);
        expect(reason).toBeLessThan(hazards.length);
        if (reason >= 0) expect(hazards[reason]).toBeGreaterThan(0);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });

  it("drawAbandonment(source, all zeros or empty) is −1 even for extreme uniforms", () => {
    const extremes = [2 ** -53, 0.5, 1 - 2 ** -53];
    for (const leaveDraw of extremes) {
      for (const reasonDraw of extremes) {
        const source = new ScriptedSource([leaveDraw, reasonDraw]);
        expect(drawAbandonment(source, new Float64Array(12))).toBe(-1);
        expect(drawAbandonment(source, new Float64Array(0))).toBe(-1);
      }
    }
  });

  it("drawAbandonment(source, h) with a certain hazard always leaves, for that reason when it is the only one", () => {
    const stream = new RandomStream(1, "competing-certain");
    const only = new Float64Array([0, 0, 1, 0]);
    const mixed = new Float64Array([0.2, 1, 0, 0.5]);
    for (let i = 0; i < 10_000; i++) {
      expect(drawAbandonment(stream, only)).toBe(2);
      expect(drawAbandonment(stream, mixed)).toBeGreaterThanOrEqual(0);
    }
  });

  it("drawAbandonment at the boundaries: a leave draw equal to 1 − Π(1 − h) continues, one just below leaves", () => {
    // One hazard of 0.5: leave when the draw is below 0.5, continue at 0.5 exactly.
    expect(drawAbandonment(new ScriptedSource([0.5, 0.5]), Float64Array.of(0.5))).toBe(-1);
    expect(drawAbandonment(new ScriptedSource([0.4999, 0.5]), Float64Array.of(0.5))).toBe(0);
  });

  it("drawAbandonment: a reason draw landing exactly on a reason's upper edge picks the next reason", () => {
    // Hazards 0.25 and 0.25: reason 0 owns [0, 0.25) of the total 0.5, reason 1 owns [0.25, 0.5).
    const hazards = Float64Array.of(0.25, 0.25);
    expect(drawAbandonment(new ScriptedSource([0.01, 0.5]), hazards)).toBe(1);
    expect(drawAbandonment(new ScriptedSource([0.01, 0.4999]), hazards)).toBe(0);
  });

  it("drawAbandonment with a reason draw of 1 (the closed end) still picks the last reason with a hazard, never a zero one", () => {
    // target = total, which no cumulative sum exceeds: the fallback takes the last positive hazard.
    expect(drawAbandonment(new ScriptedSource([0.01, 1]), Float64Array.of(0.3, 0.3, 0))).toBe(1);
    expect(drawAbandonment(new ScriptedSource([0.01, 1]), Float64Array.of(0, 0.4, 0.2, 0))).toBe(2);
    expect(drawAbandonment(new ScriptedSource([0.01, 1]), Float64Array.of(0.5, 0))).toBe(0);
  });
});
