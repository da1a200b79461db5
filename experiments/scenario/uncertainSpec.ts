import { createRequire } from "node:module";
import { describeValue } from "./formatIssues.ts";

// The Beta quantile is loaded on first use, not with the module: it is only needed to draw worlds of
// a `{ beta: [a, b] }` spec, and its package (with the incomplete beta and gamma inverses under it) costs
// a plain `simulate` run about a tenth of its start-up when loaded eagerly.
const requireFromHere = createRequire(import.meta.url);

let loadedBetaQuantile: ((p: number, a: number, b: number) => number) | undefined;

/** stdlib's Beta(a, b) quantile at probability p, its package loaded by the first call. */
function betaQuantile(p: number, a: number, b: number): number {
  loadedBetaQuantile ??= requireFromHere("@stdlib/stats-base-dists-beta-quantile") as (p: number, a: number, b: number) => number;
  return loadedBetaQuantile(p, a, b);
}

/**
 * What a scenario may write in place of a number it is unsure of, `{ uncertain: ... }`:
 * - `{ low, high }`: uniform on [low, high];
 * - `{ low, mode, high }`: triangular (most likely at mode);
 * - `{ beta: [a, b] }`: Beta(a, b) on [0, 1], for probabilities.
 */
export type UncertainSpec =
  | { readonly kind: "uniform"; readonly low: number; readonly high: number }
  | { readonly kind: "triangular"; readonly low: number; readonly mode: number; readonly high: number }
  | { readonly kind: "beta"; readonly a: number; readonly b: number };

/**
 * The central value a run without `--worlds` uses: the distribution's mean (the midpoint of a
 * uniform, (low + mode + high) ÷ 3 of a triangular, a ÷ (a + b) of a Beta). The mean, not the
 * mode, so a scenario run at its central values sits where the draws average.
 *
 * @example
 * centralValue({ kind: "beta", a: 2, b: 48 }) // 0.04
 */
export function centralValue(spec: UncertainSpec): number {
  if (spec.kind === "uniform") return (spec.low + spec.high) / 2;
  if (spec.kind === "triangular") return (spec.low + spec.mode + spec.high) / 3;
  return spec.a / (spec.a + spec.b);
}

/** The smallest and largest values a spec can draw: what the field must accept. */
export function supportBounds(spec: UncertainSpec): readonly [number, number] {
  return spec.kind === "beta" ? [0, 1] : [spec.low, spec.high];
}

/**
 * The value at cumulative probability `u` in (0, 1): inversion, so a stratified uniform sample
 * (a Latin hypercube) stays stratified in every parameter. Triangular inverse from its CDF
 * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 2, ch. 26); Beta by stdlib.
 *
 * @example
 * specQuantile({ kind: "uniform", low: 10, high: 20 }, 0.25) // 12.5
 */
export function specQuantile(spec: UncertainSpec, u: number): number {
  if (spec.kind === "uniform") return spec.low + u * (spec.high - spec.low);
  if (spec.kind === "beta") return betaQuantile(u, spec.a, spec.b);
  const { low, mode, high } = spec;
  const width = high - low;
  if (width === 0) return low;
  const split = (mode - low) / width;
  return u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}

/**
 * Reads the value under `uncertain` at `path` (the field's path), adding one house-format line per
 * problem to `problems`; returns the spec, or null when it is invalid.
 */
export function parseUncertainSpec(value: unknown, path: string, problems: string[]): UncertainSpec | null {
  const at = `${path}.uncertain`;
  const allowed = "{low, high} (uniform), {low, mode, high} (triangular) or {beta: [a, b]}";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    problems.push(`invalid ${at}: ${describeValue(value)} (must be ${allowed})`);
    return null;
  }
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields);
  const unknown = keys.filter((key) => !["low", "mode", "high", "beta"].includes(key));
  if (unknown.length > 0) {
    for (const key of unknown) problems.push(`invalid ${at}.${key}: unknown key (allowed: low, mode, high, beta)`);
    return null;
  }
  if ("beta" in fields) {
    if (keys.length > 1) {
      problems.push(`invalid ${at}: beta with ${keys.filter((key) => key !== "beta").join(", ")} (a Beta lies on [0, 1]: give beta alone)`);
      return null;
    }
    const beta = fields.beta;
    if (!Array.isArray(beta) || beta.length !== 2 || !beta.every((parameter) => typeof parameter === "number")) {
      problems.push(`invalid ${at}.beta: ${describeValue(beta)} (must be a list of 2 numbers [a, b])`);
      return null;
    }
    let valid = true;
    beta.forEach((parameter: number, index) => {
      if (!(parameter > 0 && Number.isFinite(parameter))) {
        problems.push(`invalid ${at}.beta[${index}]: ${parameter} (must be a finite number > 0)`);
        valid = false;
      }
    });
    return valid ? { kind: "beta", a: beta[0], b: beta[1] } : null;
  }
  let valid = true;
  for (const key of keys) {
    const number = fields[key];
    if (typeof number !== "number" || !Number.isFinite(number)) {
      problems.push(`invalid ${at}.${key}: ${describeValue(number)} (must be a finite number)`);
      valid = false;
    }
  }
  for (const key of ["low", "high"]) {
    if (!(key in fields)) {
      problems.push(`missing ${at}.${key} (required: ${allowed})`);
      valid = false;
    }
  }
  if (!valid) return null;
  const low = fields.low as number;
  const high = fields.high as number;
  if (low > high) {
    problems.push(`invalid ${at}.high: ${high} (must be >= low (${low}))`);
    return null;
  }
  if (!("mode" in fields)) return { kind: "uniform", low, high };
  const mode = fields.mode as number;
  if (mode < low || mode > high) {
    problems.push(`invalid ${at}.mode: ${mode} (must lie in [low, high] = [${low}, ${high}])`);
    return null;
  }
  return { kind: "triangular", low, mode, high };
}
