/**
 * The house-format error for a bad input to `sim/` (a distribution parameter, a queueing formula's
 * argument): `invalid <path>: <value> (<requirement>)`, lowercase, no trailing period. One
 * definition for every sim folder, so the wording cannot drift between them.
 *
 * @example
 * invalidValue("servers", 0, "must be an integer >= 1").message
 * // "invalid servers: 0 (must be an integer >= 1)"
 */
export function invalidValue(path: string, value: unknown, requirement: string): RangeError {
  return new RangeError(`invalid ${path}: ${formatValue(value)} (${requirement})`);
}

function formatValue(value: unknown): string {
  if (typeof value === "number" || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `value` if it is a finite number, else `invalid <path>: <value> (must be a finite number)`. */
export function requireFinite(path: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidValue(path, value, "must be a finite number");
  return value;
}

/** `value` if it is a finite number >= 0, else `invalid <path>: <value> (must be a finite number >= 0)`. */
export function requireNonNegative(path: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw invalidValue(path, value, "must be a finite number >= 0");
  }
  return value;
}

/** `value` if it is a finite number > 0, else `invalid <path>: <value> (must be a finite number > 0)`. */
export function requirePositive(path: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !(value > 0)) {
    throw invalidValue(path, value, "must be a finite number > 0");
  }
  return value;
}

/** `value` if it is an integer >= `min`, else `invalid <path>: <value> (must be an integer >= <minLabel>)`. */
export function requireInteger(path: string, value: number, min: number, minLabel = String(min)): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw invalidValue(path, value, `must be an integer >= ${minLabel}`);
  }
  return value;
}

/**
 * `value` if it lies in the interval written as `interval` (e.g. "[0, 1)"), else
 * `invalid <path>: <value> (must be in [0, 1))`. Bounds are inclusive or exclusive as the brackets say.
 */
export function requireInInterval(path: string, value: number, interval: `${"[" | "("}${number}, ${number}${"]" | ")"}`): number {
  const [lowText, highText] = interval.slice(1, -1).split(", ");
  const low = Number(lowText);
  const high = Number(highText);
  const aboveLow = interval.startsWith("[") ? value >= low : value > low;
  const belowHigh = interval.endsWith("]") ? value <= high : value < high;
  if (typeof value !== "number" || Number.isNaN(value) || !aboveLow || !belowHigh) {
    throw invalidValue(path, value, `must be in ${interval}`);
  }
  return value;
}
