/**
 * Builds the house-format error for a bad distribution parameter:
 * `invalid <path>: <value> (<requirement>)`, lowercase, no trailing period.
 *
 * @example
 * invalidParameter("exponential mean", -1, "must be > 0").message
 * // "invalid exponential mean: -1 (must be > 0)"
 */
export function invalidParameter(path: string, value: unknown, requirement: string): RangeError {
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

/** Returns `value` if it is a finite number, else throws `invalid <path>: <value> (must be a finite number)`. */
export function requireFinite(path: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidParameter(path, value, "must be a finite number");
  }
  return value;
}

/** Returns `value` if it is finite and > 0, else throws `invalid <path>: <value> (must be > 0)`. */
export function requirePositive(path: string, value: number): number {
  requireFinite(path, value);
  if (!(value > 0)) throw invalidParameter(path, value, "must be > 0");
  return value;
}

/** Returns `value` if it is finite and >= 0, else throws `invalid <path>: <value> (must be >= 0)`. */
export function requireNonNegative(path: string, value: number): number {
  requireFinite(path, value);
  if (!(value >= 0)) throw invalidParameter(path, value, "must be >= 0");
  return value;
}
