import { escapeHtml } from "./html.ts";

/**
 * A product picture made from the product itself (no image files, no external hosts): a soft
 * two-tone tile whose hue comes from the product id, with the product's initials. Names are
 * escaped: they come from the scenario.
 */
export function productImageSvg(id: string, name: string): string {
  const hue = hash(id) % 360;
  const initials = name
    .split(/\s+/)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word))
    .slice(0, 2)
    .map((word) => [...word][0].toUpperCase())
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="${escapeHtml(name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 93%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 50% 84%)"/></linearGradient></defs>
<rect width="400" height="300" fill="url(#g)"/>
<circle cx="200" cy="150" r="78" fill="hsl(${hue} 45% 98%)" opacity="0.85"/>
<text x="200" y="150" text-anchor="middle" dominant-baseline="central" font-family="Georgia, 'Times New Roman', serif" font-size="64" fill="hsl(${hue} 35% 35%)">${escapeHtml(initials || "?")}</text>
</svg>`;
}

// FNV-1a: a stable small hash so a product keeps its colour across restarts.
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
