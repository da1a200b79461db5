/**
 * The model travels into the page as JSON, which has no Infinity, -Infinity or NaN (a desk without a
 * queue cap has `maxQueueLength: Infinity`; JSON.stringify would write null and change the run).
 * Non-finite numbers are written as `{ "$number": "Infinity" }` and read back by `decodeModelJson`.
 */
const MARKER = "$number";

/** JSON text of `value` with non-finite numbers kept: `encodeModelJson({ cap: Infinity })` → `{"cap":{"$number":"Infinity"}}`. */
export function encodeModelJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "number" && !Number.isFinite(item) ? { [MARKER]: String(item) } : item));
}

/** The value back from encodeModelJson's output, parsed already (`JSON.parse`) or as text. */
export function decodeModelJson<T>(value: unknown): T {
  const revive = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(revive);
    if (item === null || typeof item !== "object") return item;
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === MARKER && typeof record[MARKER] === "string") return Number(record[MARKER]);
    return Object.fromEntries(keys.map((key) => [key, revive(record[key])]));
  };
  return revive(typeof value === "string" ? JSON.parse(value) : value) as T;
}
