// What a shopper would see of one element: absent, hidden, disabled, off-screen, or covered by
// something (named as a person would: its tag, id or class, and the start of its text). Read in the
// page in one round trip, after Playwright gave up on an action, so a failure says why.

import type { Page } from "playwright-core";

/** The state of the first element matching a selector, as a shopper would find it. */
export type ElementState =
  | { kind: "absent" }
  | { kind: "hidden" }
  | { kind: "disabled" }
  | { kind: "offScreen"; where: string }
  | { kind: "covered"; by: string; byWidget: boolean }
  | { kind: "usable" };

/**
 * Runs in the page: `spec.selector`'s first visible match (else first match), scrolled into view
 * like a click would, then five points of its content (centre and corners, inset) hit-tested with
 * elementFromPoint. `spec.widget` (a selector) says which covering elements are the chat widget.
 */
const INSPECT = `(spec) => {
  const all = [...document.querySelectorAll(spec.selector)];
  if (all.length === 0) return { kind: "absent" };
  const visible = (element) => element.checkVisibility ? element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : element.getClientRects().length > 0;
  const element = all.find(visible);
  if (!element) return { kind: "hidden" };
  if (element.disabled || element.getAttribute("aria-disabled") === "true") return { kind: "disabled" };
  if (spec.scroll) element.scrollIntoView({ block: "nearest", inline: "nearest" });
  // The content's box (a block's text, not its full width), else the element's.
  const range = document.createRange();
  range.selectNodeContents(element);
  const textBox = range.getBoundingClientRect();
  const box = textBox.width > 0 && textBox.height > 0 ? textBox : element.getBoundingClientRect();
  const width = innerWidth, height = innerHeight;
  if (box.right <= 0 || box.bottom <= 0 || box.left >= width || box.top >= height) return { kind: "offScreen", where: Math.round(box.left) + "," + Math.round(box.top) + " (the window is " + width + "×" + height + ")" };
  const inset = (low, high) => [low + Math.min(2, (high - low) / 4), high - Math.min(2, (high - low) / 4)];
  const [left, right] = inset(Math.max(0, box.left), Math.min(width - 1, box.right));
  const [top, bottom] = inset(Math.max(0, box.top), Math.min(height - 1, box.bottom));
  const points = [[(left + right) / 2, (top + bottom) / 2], [left, top], [right, top], [left, bottom], [right, bottom]];
  const describe = (node) => {
    const text = (node.innerText || node.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40);
    const name = node.tagName.toLowerCase() + (node.id ? "#" + node.id : node.classList.length > 0 ? "." + [...node.classList].join(".") : "");
    return text ? name + ' "' + text + '"' : name;
  };
  for (const [x, y] of points) {
    const top = document.elementFromPoint(x, y);
    if (top === null || top === element || element.contains(top) || top.contains(element)) continue;
    const widget = spec.widget ? top.closest(spec.widget) : null;
    // Name the outermost of the widget, else the covering element's outermost positioned ancestor.
    let cover = widget || top;
    if (!widget) for (let node = top; node && node !== document.body; node = node.parentElement) if (getComputedStyle(node).position === "fixed" || getComputedStyle(node).position === "absolute") cover = node;
    return { kind: "covered", by: describe(cover), byWidget: widget !== null };
  }
  return { kind: "usable" };
}`;

/**
 * The state of `selector`'s element on the page; `widget` names the chat widget's elements.
 * `scroll` scrolls it into view first, as a click would. Null when the page cannot answer (mid-navigation).
 */
export async function inspectElement(page: Page, selector: string, widget: string | null, scroll = true): Promise<ElementState | null> {
  try {
    return (await page.evaluate(`(${INSPECT})(${JSON.stringify({ selector, widget, scroll })})`)) as ElementState;
  } catch {
    return null;
  }
}

/** The state as the end of a sentence about `label`: "is not on the page", "is covered by div#consent \"We use cookies\"". */
export function describeElementState(state: ElementState): string {
  switch (state.kind) {
    case "absent":
      return "is not on the page";
    case "hidden":
      return "is on the page but hidden";
    case "disabled":
      return "is disabled";
    case "offScreen":
      return `is off-screen at ${state.where}`;
    case "covered":
      return `is covered by ${state.byWidget ? "the chat widget " : ""}${state.by}`;
    case "usable":
      return "could be clicked but did not respond";
  }
}
