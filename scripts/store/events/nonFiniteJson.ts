// JSON that keeps Infinity. Resolved policies use Infinity for "no limit" (gating, high-value cart)
// and an unstaffed chat desk predicts an infinite wait; plain JSON would turn both into null and
// the widget would then evaluate a different policy than the simulator.

const MARKER = "$nonFinite";

/**
 * JSON.stringify replacer writing ±Infinity and NaN as `{"$nonFinite": "Infinity"}`.
 *
 * JSON.stringify({max: Infinity}, nonFiniteReplacer) // → '{"max":{"$nonFinite":"Infinity"}}'
 */
export function nonFiniteReplacer(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? { [MARKER]: String(value) } : value;
}

/** JSON.parse reviver undoing nonFiniteReplacer. */
export function nonFiniteReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === MARKER) return Number((value as Record<string, string>)[MARKER]);
  }
  return value;
}
