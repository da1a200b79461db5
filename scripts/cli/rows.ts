/** A left-aligned label column and a value column: `rows([["a", "1"], ["bbb", "2"]])` → `"  a    1\n  bbb  2"`. */
export function rows(entries: readonly (readonly [string, string])[], indent = "  "): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`.trimEnd()).join("\n");
}
