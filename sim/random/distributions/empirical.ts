import { invalidValue } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/** Options of `empirical`. */
export interface EmpiricalOptions {
  /** Draw from the piecewise-linear interpolated ECDF instead of resampling data points. Default false. */
  interpolate?: boolean;
}

/**
 * Empirical distribution from observed data (copied at construction; later edits to `samples`
 * do not leak in).
 * - default: bootstrap resampling, each observation with probability 1/n. Mean = the sample
 *   mean, variance = the population variance (1/n) sum (x_i - mean)^2.
 * - `interpolate: true`: the continuous, piecewise-linear empirical CDF through the sorted data
 *   X_(1) <= ... <= X_(n), uniform on each [X_(i), X_(i+1)] with probability 1/(n - 1)
 *   (Law, "Simulation Modeling and Analysis", 5th ed., section 6.2.4). Its mean is
 *   (sum of segment midpoints)/(n - 1), close to but not exactly the sample mean; the variance
 *   is the mean over segments of (a^2 + ab + b^2)/3 around that mean. A single observation
 *   gives a constant.
 *
 * @example
 * empirical(stream, [1, 2, 6]).mean; // 3
 * empirical(stream, [1, 2, 6], { interpolate: true }).mean; // 2.75
 */
export function empirical(stream: UniformSource, samples: readonly number[], options: EmpiricalOptions = {}): Sampler {
  const count = samples.length;
  if (count === 0) throw invalidValue("empirical samples", samples, "must have at least 1 value");
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = samples[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalidValue(`empirical samples[${i}]`, value, "must be a finite number");
    }
    values[i] = value;
  }
  return options.interpolate === true && count > 1 ? interpolated(stream, values.sort()) : resampled(stream, values);
}

function resampled(stream: UniformSource, values: Float64Array): Sampler {
  const count = values.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (values[i] - mean) ** 2;
  return {
    mean,
    variance: squares / count,
    sample: () => values[Math.floor(stream.next() * count)],
  };
}

function interpolated(stream: UniformSource, sorted: Float64Array): Sampler {
  const segments = sorted.length - 1;
  let midpoints = 0;
  for (let i = 0; i < segments; i++) midpoints += (sorted[i] + sorted[i + 1]) / 2;
  const mean = midpoints / segments;
  // E[(X - mean)^2] per segment for X uniform on [a, b]: (a'^2 + a'b' + b'^2)/3, a' = a - mean.
  let squares = 0;
  for (let i = 0; i < segments; i++) {
    const low = sorted[i] - mean;
    const high = sorted[i + 1] - mean;
    squares += (low * low + low * high + high * high) / 3;
  }
  return {
    mean,
    variance: squares / segments,
    sample: () => {
      const position = stream.next() * segments;
      const index = Math.floor(position);
      return sorted[index] + (position - index) * (sorted[index + 1] - sorted[index]);
    },
  };
}
