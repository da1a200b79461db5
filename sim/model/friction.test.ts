import { describe, expect, it } from "vitest";
import { RandomStream, type UniformSource } from "../random/index.ts";
import type { FieldConfig } from "./config.ts";
import { confusionProbability, drawFormErrors, typingSeconds } from "./friction.ts";

const DRAWS = 100_000;
/** The cap in friction.ts: at most this many errors on one field. */
const MAX_ATTEMPTS_PER_FIELD = 10;

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

/**
 * Exact mean and variance of the errors on a form, from the model's definition: field i errs with
 * p_i = min(1, errorProbability × (1.5 − techComfort)); an erring field then makes G errors, G
 * geometric on {1, 2, ...} with success probability f (the fix), capped at MAX_ATTEMPTS_PER_FIELD.
 * Uncapped, E[G] = 1/f and E[G²] = (2 − f)/f², so a field contributes p_i/f errors on average.
 */
function exactErrorMoments(fields: readonly FieldConfig[], techComfort: number, fixProbability: number): { mean: number; variance: number } {
  let meanG = 0;
  let meanGSquared = 0;
  const q = 1 - fixProbability;
  for (let k = 1; k <= MAX_ATTEMPTS_PER_FIELD; k++) {
    const probability = k < MAX_ATTEMPTS_PER_FIELD ? q ** (k - 1) * fixProbability : q ** (k - 1);
    meanG += k * probability;
    meanGSquared += k * k * probability;
  }
  let mean = 0;
  let variance = 0;
  for (const field of fields) {
    const p = Math.min(1, field.errorProbability * (1.5 - techComfort));
    mean += p * meanG;
    variance += p * meanGSquared - (p * meanG) ** 2;
  }
  return { mean, variance };
}

function sampleMean(seedName: string, fields: readonly FieldConfig[], techComfort: number, fixProbability: number): number {
  const stream = new RandomStream(1, seedName);
  let total = 0;
  for (let i = 0; i < DRAWS; i++) total += drawFormErrors(stream, fields, techComfort, fixProbability);
  return total / DRAWS;
}

const PAYMENT_FIELDS: FieldConfig[] = [
  { name: "cardNumber", errorProbability: 0.06, typingSeconds: 5 },
  { name: "expiry", errorProbability: 0.2, typingSeconds: 5 },
  { name: "cvc", errorProbability: 0.1, typingSeconds: 5 },
];

describe("drawFormErrors", () => {
  it("drawFormErrors(source, fields, 0.5, 0.8) averages Σ p_i / 0.8 errors within 4 standard errors", () => {
    // Comfort 0.5 keeps the configured rates; with fix 0.8 the cap's share, 0.2^10 ≈ 1e-7, is negligible.
    const uncappedMean = (0.06 + 0.2 + 0.1) / 0.8; // 0.45
    const exact = exactErrorMoments(PAYMENT_FIELDS, 0.5, 0.8);
    expect(exact.mean).toBeCloseTo(uncappedMean, 6);
    const standardError = Math.sqrt(exact.variance / DRAWS);
    expect(Math.abs(sampleMean("errors-fix-0.8", PAYMENT_FIELDS, 0.5, 0.8) - uncappedMean)).toBeLessThan(4 * standardError);
  });

  it("drawFormErrors(source, fields, 0.5, 0.3) shows the 10-attempt cap: mean p·(1 − 0.7^10)/0.3, not p/0.3", () => {
    const fields = [{ name: "address", errorProbability: 0.4, typingSeconds: 5 }];
    const exact = exactErrorMoments(fields, 0.5, 0.3);
    expect(exact.mean).toBeCloseTo((0.4 * (1 - 0.7 ** 10)) / 0.3, 12); // 1.2803
    const standardError = Math.sqrt(exact.variance / DRAWS);
    const mean = sampleMean("errors-fix-0.3", fields, 0.5, 0.3);
    expect(Math.abs(mean - exact.mean)).toBeLessThan(4 * standardError);
    // The uncapped 0.4/0.3 = 1.333 lies about 7 standard errors away: the cap is real.
    expect(Math.abs(mean - 0.4 / 0.3)).toBeGreaterThan(4 * standardError);
  });

  it("drawFormErrors(source, fields, comfort, 1) scales every field's error rate by 1.5 − comfort (0 → ×1.5, 0.5 → ×1, 1 → ×0.5)", () => {
    // With fix probability 1 an erring field makes exactly one error, so the mean is Σ p_i (1.5 − comfort).
    const fields = [
      { name: "email", errorProbability: 0.2, typingSeconds: 5 },
      { name: "phone", errorProbability: 0.1, typingSeconds: 5 },
    ];
    for (const [comfort, expected] of [
      [0, 0.45],
      [0.5, 0.3],
      [1, 0.15],
    ] as const) {
      const exact = exactErrorMoments(fields, comfort, 1);
      expect(exact.mean).toBeCloseTo(expected, 12);
      const mean = sampleMean(`comfort-${comfort}`, fields, comfort, 1);
      expect(Math.abs(mean - expected), `techComfort ${comfort}: mean ${mean}`).toBeLessThan(4 * Math.sqrt(exact.variance / DRAWS));
    }
  });

  it("drawFormErrors caps a scaled error probability at 1: errorProbability 0.8 at comfort 0 errs on every draw", () => {
    const stream = new RandomStream(1, "always-errs");
    const fields = [
      { name: "a", errorProbability: 0.8, typingSeconds: 5 },
      { name: "b", errorProbability: 1, typingSeconds: 5 },
    ];
    for (let i = 0; i < 1000; i++) expect(drawFormErrors(stream, fields, 0, 1)).toBe(2);
  });

  it("drawFormErrors with a fix chance of 0 or one too small for ln(1 − f) (5e-324) makes the capped 10 errors per erring field", () => {
    const fields = [{ name: "a", errorProbability: 1, typingSeconds: 5 }];
    const stream = new RandomStream(1, "never-fixed");
    for (const fix of [0, 5e-324, 1e-17]) for (let i = 0; i < 100; i++) expect(drawFormErrors(stream, fields, 0.5, fix)).toBe(MAX_ATTEMPTS_PER_FIELD);
  });

  it("drawFormErrors(source, [], comfort, fix) is 0 and draws nothing", () => {
    const source = new CountingSource(new RandomStream(1, "no-fields"));
    for (const comfort of [0, 0.5, 1]) expect(drawFormErrors(source, [], comfort, 0.8)).toBe(0);
    expect(source.count).toBe(0);
  });

  it("drawFormErrors never errs on fields with errorProbability 0, drawing two uniforms per field", () => {
    const source = new CountingSource(new RandomStream(1, "zero-probability"));
    const fields = [
      { name: "a", errorProbability: 0, typingSeconds: 5 },
      { name: "b", errorProbability: 0, typingSeconds: 5 },
    ];
    for (let i = 0; i < 1000; i++) expect(drawFormErrors(source, fields, 0, 0.5)).toBe(0);
    expect(source.count).toBe(4000);
  });

  it("drawFormErrors draws two uniforms per field whatever happens, so a lower error chance keeps the other fields' draws", () => {
    // Same seed, error chance halved by errorScale 0.5: every form takes exactly 2 × fields uniforms,
    // so shopper i's later fields see the same draws, and a field that erred at scale 0.5 errs at 1
    // with the same number of errors (monotone coupling).
    const fields = [
      { name: "a", errorProbability: 0.3, typingSeconds: 5 },
      { name: "b", errorProbability: 0.2, typingSeconds: 5 },
      { name: "c", errorProbability: 0.4, typingSeconds: 5 },
    ];
    const full = new CountingSource(new RandomStream(1, "coupling"));
    const halved = new CountingSource(new RandomStream(1, "coupling"));
    for (let i = 0; i < 5000; i++) {
      const withFull = drawFormErrors(full, fields, 0.5, 0.6);
      const withHalf = drawFormErrors(halved, fields, 0.5, 0.6, 0.5);
      expect(withHalf).toBeLessThanOrEqual(withFull);
      expect(halved.count).toBe(full.count);
    }
    expect(full.count).toBe(5000 * 2 * fields.length);
  });

  it("drawFormErrors(source, fields, comfort, 1, scale) scales every field's error chance by scale (inline help: 1 − errorReduction)", () => {
    // Fix probability 1: one error per erring field, so the mean is Σ p_i × (1.5 − comfort) × scale.
    const fields = [
      { name: "cardNumber", errorProbability: 0.2, typingSeconds: 5 },
      { name: "expiry", errorProbability: 0.1, typingSeconds: 5 },
    ];
    const expected = 0.3 * 1 * (1 - 0.22); // 0.234
    const stream = new RandomStream(1, "inline-help");
    let total = 0;
    for (let i = 0; i < DRAWS; i++) total += drawFormErrors(stream, fields, 0.5, 1, 1 - 0.22);
    // Variance of a sum of independent Bernoullis: Σ q_i (1 − q_i) with q_i = p_i × 0.78.
    const variance = 0.156 * 0.844 + 0.078 * 0.922;
    expect(Math.abs(total / DRAWS - expected)).toBeLessThan(4 * Math.sqrt(variance / DRAWS));
  });
});

describe("confusionProbability", () => {
  it("confusionProbability(k, c) is 1 − (1 − c)^k: 0 without errors, c for one, 1 − 0.7² = 0.51 for two at c = 0.3", () => {
    expect(confusionProbability(0, 0.3)).toBe(0);
    expect(confusionProbability(1, 0.3)).toBeCloseTo(0.3, 15);
    expect(confusionProbability(2, 0.3)).toBeCloseTo(0.51, 15);
    expect(confusionProbability(3, 1)).toBe(1);
    expect(confusionProbability(5, 0)).toBe(0);
  });
});

describe("typingSeconds", () => {
  it("typingSeconds(fields, reading) sums every field's typing time plus the help's reading time per field; a field that never errs still counts", () => {
    const fields = [
      { name: "checkoutAs", errorProbability: 0, typingSeconds: 3 },
      { name: "email", errorProbability: 0.04, typingSeconds: 8 },
    ];
    expect(typingSeconds(fields, 0)).toBe(11);
    expect(typingSeconds(fields, 2)).toBe(15);
    expect(typingSeconds([], 2)).toBe(0);
  });

  it("drawFormErrors: a field errs when its draw is below p × (1.5 − comfort), not at it", () => {
    // p = 0.5 at comfort 0.5: a draw of exactly 0.5 does not err, 0.4999 does (one error with f = 1).
    const field: FieldConfig[] = [{ name: "email", errorProbability: 0.5, typingSeconds: 5 }];
    const scripted = (draws: number[]) => ({ next: () => draws.shift()! });
    expect(drawFormErrors(scripted([0.5, 0.5]), field, 0.5, 1)).toBe(0);
    expect(drawFormErrors(scripted([0.4999, 0.5]), field, 0.5, 1)).toBe(1);
  });
});
