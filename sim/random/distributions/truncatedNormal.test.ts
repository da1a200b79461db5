import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";
import { truncatedNormal } from "./truncatedNormal.ts";

// Raw moments of Z ~ N(0, 1) conditioned on Z >= alpha, from integration by parts:
// m0 = 1, m1 = lambda, m_k = (k - 1) m_(k-2) + alpha^(k-1) lambda, lambda = phi(alpha) / Q(alpha).
function truncatedStandardMoments(alpha: number, lambda: number) {
  const m = [1, lambda];
  for (let k = 2; k <= 4; k++) m[k] = (k - 1) * m[k - 2] + alpha ** (k - 1) * lambda;
  const variance = m[2] - m[1] ** 2;
  return { mean: m[1], variance, fourthCentralMoment: fourthCentralFromRaw(m[1], m[2], m[3], m[4]) };
}

// phi(alpha) and Q(alpha) = P(Z > alpha) from standard normal tables (A&S 26.1, 17 digits).
const TABLE = {
  0: { phi: 0.3989422804014327, upperTail: 0.5 },
  1: { phi: 0.24197072451914337, upperTail: 0.15865525393145707 },
  [-1]: { phi: 0.24197072451914337, upperTail: 0.8413447460685429 },
  5: { phi: 1.4867195147342977e-6, upperTail: 2.866515718791939e-7 },
} as const;

describe("truncatedNormal", () => {
  for (const alpha of [0, 1, -1, 5] as const) {
    it(`truncatedNormal(stream, {mean, sd, min}) at alpha = ${alpha} matches the truncated-normal moments within 5 SE`, () => {
      const [mu, sd] = [100, 20];
      const { phi, upperTail } = TABLE[alpha];
      const standard = truncatedStandardMoments(alpha, phi / upperTail);
      const exact = {
        mean: mu + sd * standard.mean,
        variance: sd ** 2 * standard.variance,
        fourthCentralMoment: sd ** 4 * standard.fourthCentralMoment,
      };
      const min = mu + alpha * sd;
      const sampler = truncatedNormal(new RandomStream(5, `truncated${alpha}`), { mean: mu, sd, min });
      expect(isRelativelyClose(sampler.mean, exact.mean, 1e-12)).toBe(true);
      expect(isRelativelyClose(sampler.variance, exact.variance, 1e-9)).toBe(true);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  it("truncatedNormal at min = mean is the half-normal: mean mu + sd sqrt(2/pi), variance sd^2 (1 - 2/pi)", () => {
    const sampler = truncatedNormal(new RandomStream(5, "half"), { mean: 10, sd: 3, min: 10 });
    expect(isRelativelyClose(sampler.mean, 10 + 3 * Math.sqrt(2 / Math.PI))).toBe(true);
    expect(isRelativelyClose(sampler.variance, 9 * (1 - 2 / Math.PI))).toBe(true);
  });

  it("truncatedNormal never draws below min, even far in the tail", () => {
    for (const min of [-50, 0, 40, 200]) {
      const sampler = truncatedNormal(new RandomStream(5, `floor${min}`), { mean: 10, sd: 5, min });
      let below = 0;
      for (let i = 0; i < 20_000; i++) if (sampler.sample() < min) below++;
      expect(below).toBe(0);
    }
  });

  it("truncatedNormal rejects a min with no probability above it", () => {
    expect(() => truncatedNormal(new RandomStream(5, "bad"), { mean: 0, sd: 1, min: 50 })).toThrow(
      /^invalid normal min: 50 \(must leave probability > 0 above it/,
    );
  });
  it("truncatedNormal turns the extreme uniforms 2^-53 and 1 - 2^-53 into finite draws >= min at every alpha, 0 included", () => {
    // A source in (0, 1) can return both ends of the 53-bit grid (RandomStream does). Inverting in
    // the lower tail at alpha = 0 would compute 1/2 + (1 - 2^-53)/2, which rounds to 1, whose normal
    // quantile is Infinity; each tail must be inverted where its argument stays below 1.
    for (const alpha of [-8, -1, 0, 1, 5]) {
      for (const u of [2 ** -53, 1 - 2 ** -53]) {
        const draw = truncatedNormal({ next: () => u }, { mean: 0, sd: 1, min: alpha }).sample();
        expect(Number.isFinite(draw), `alpha ${alpha}, u ${u}: ${draw}`).toBe(true);
        expect(draw).toBeGreaterThanOrEqual(alpha);
        // Loose bound: the deepest reachable point, -Phi^-1(2^-53 Q(alpha)), is ~8.3 for alpha <= 0, ~9.9 for alpha = 5.
        expect(draw).toBeLessThan(Math.max(alpha, 0) + 10);
      }
    }
  });
  it("truncatedNormal names the field that is not finite (or not positive, for sd)", () => {
    const stream = new RandomStream(5, "bad-fields");
    expect(() => truncatedNormal(stream, { mean: NaN, sd: 1, min: 0 })).toThrow(/^invalid normal mean: NaN \(must be a finite number\)$/);
    expect(() => truncatedNormal(stream, { mean: 0, sd: 0, min: 0 })).toThrow(/^invalid normal sd: 0 \(must be a finite number > 0\)$/);
    expect(() => truncatedNormal(stream, { mean: 0, sd: 1, min: -Infinity })).toThrow(/^invalid normal min: -Infinity \(must be a finite number\)$/);
  });
});
