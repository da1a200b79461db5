import { htmlString, type SafeHtml } from "../escapeHtml.ts";

/**
 * A chart's markup made stable and diffable for snapshots: decimals rounded to one place (layout
 * arithmetic differs in the last bits across platforms), Plot's counter-based ids (clip paths,
 * patterns) renumbered in order of appearance, and one element per line.
 */
export function normalizeSvg(markup: SafeHtml | string): string {
  const text = typeof markup === "string" ? markup : htmlString(markup);
  const ids = new Map<string, string>();
  return text
    .replace(/plot-(clip|pattern)-\d+/g, (id, kind: string) => {
      if (!ids.has(id)) ids.set(id, `plot-${kind}-${ids.size + 1}`);
      return ids.get(id)!;
    })
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (number) => {
      const rounded = Number(Number(number).toFixed(1));
      return String(Object.is(rounded, -0) ? 0 : rounded);
    })
    .replace(/></g, ">\n<")
    .concat("\n");
}
