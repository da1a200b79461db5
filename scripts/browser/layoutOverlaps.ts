// Whether an overlay (a chat widget) covers controls a shopper needs (add to cart, checkout,
// continue, place order, the total), measured from bounding boxes in the real page. Shared by the
// store's layout test and the synthetic checks, so it lives beside the browser launcher.

import type { Page } from "playwright-core";
import { overlapsScript } from "./overlapsInPage.ts";

/** What to measure. Selectors are CSS. */
export interface LayoutOverlapOptions {
  /**
   * The overlay: every visible match is measured; a match that paints nothing itself (no background,
   * border or shadow: a wrapper) by its visible children instead, the same way down, so the gaps
   * between a dock's launcher and panel cover nothing while a panel's padding does.
   */
  overlay: string;
  /** Controls that must stay uncovered, by name (`{checkout: '[data-test="checkout-start"]'}`); every match is measured. */
  controls: Readonly<Record<string, string>>;
  /**
   * Also scroll each control to the top and to the bottom of its scroll container and measure again
   * (default true): an overlay fixed in a corner covers whatever scrolls beneath it.
   */
  scrollEachIntoView?: boolean;
}

/** A rectangle in CSS pixels of the viewport. */
export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One control covered by the overlay. */
export interface LayoutOverlap {
  /** The control's name from `controls`. */
  control: string;
  selector: string;
  /**
   * The overlay match covering it, as a shopper would name it: tag, id (else data-test, else
   * classes) and the start of its text, e.g. `section#chat-panel "Hi! Need help? Close"`.
   */
  coveredBy: string;
  /** The painted part of that match that overlaps, named the same way (the match itself when it paints). */
  part: string;
  /** Where the control was: `as loaded`, or scrolled to the `top`/`bottom` of the visible area. */
  scroll: "as loaded" | "top" | "bottom";
  /** The visible part of the control, the overlay part, and their intersection. */
  controlBox: LayoutBox;
  overlayBox: LayoutBox;
  overlapBox: LayoutBox;
  viewport: { width: number; height: number };
}

/** Overlaps smaller than this (CSS px, either side) are rounding, not covering. */
export const MIN_OVERLAP_PIXELS = 1;

/**
 * Measures, in the page as it is now, every visible match of every control against every visible
 * part of the overlay and returns the overlaps (none: the overlay covers nothing). A control's box
 * is its visible part: clipped by the viewport and by every ancestor that clips its overflow, so a
 * control scrolled out of its container is not "under" a widget docked outside that container.
 * With `scrollEachIntoView`, each control is also scrolled to the top and to the bottom of what is
 * visible and measured again; the page's scroll positions are restored afterwards. Controls or an
 * overlay that are absent or hidden are skipped (whether they should be there is another check's
 * business).
 *
 * ```ts
 * const overlaps = await findLayoutOverlaps(page, { overlay: '[data-test="chat-widget"]', controls: { checkout: '[data-test="checkout-start"]' } });
 * if (overlaps.length > 0) throw new Error(overlaps.map(describeLayoutOverlap).join("\n"));
 * ```
 */
export async function findLayoutOverlaps(page: Page, options: LayoutOverlapOptions): Promise<LayoutOverlap[]> {
  const input = { overlay: options.overlay, controls: Object.entries(options.controls), scroll: options.scrollEachIntoView ?? true, min: MIN_OVERLAP_PIXELS };
  // One evaluate: layout is read synchronously, so nothing moves between the measurements.
  return (await page.evaluate(overlapsScript(input))) as LayoutOverlap[];
}

/** One line for a report: `the chat-panel covers checkout ([data-test="checkout-start"]) by 120×40 px at 375×667, control at the bottom`. */
export function describeLayoutOverlap(overlap: LayoutOverlap): string {
  const size = `${Math.round(overlap.overlapBox.width)}×${Math.round(overlap.overlapBox.height)} px`;
  const where = overlap.scroll === "as loaded" ? "as loaded" : `control scrolled to the ${overlap.scroll}`;
  return `the ${overlap.coveredBy} covers ${overlap.control} (${overlap.selector}) by ${size} at ${overlap.viewport.width}×${overlap.viewport.height}, ${where}`;
}
