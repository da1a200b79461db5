// Whether an overlay (a chat widget) covers controls a shopper needs (add to cart, checkout,
// continue, place order, the total), measured from bounding boxes in the real page. Shared by the
// store's layout test and the synthetic checks, so it lives beside the browser launcher.

import type { Page } from "playwright-core";

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
  return page.evaluate(({ overlay, controls, scroll, min }) => {
    type Box = { x: number; y: number; width: number; height: number };
    const intersect = (a: Box, b: Box): Box | null => {
      const x = Math.max(a.x, b.x);
      const y = Math.max(a.y, b.y);
      const width = Math.min(a.x + a.width, b.x + b.width) - x;
      const height = Math.min(a.y + a.height, b.y + b.height) - y;
      return width > 0 && height > 0 ? { x, y, width, height } : null;
    };
    const boxOf = (rect: DOMRect): Box => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const shown = (element: Element): boolean => {
      const style = getComputedStyle(element);
      return style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0 && element.getClientRects().length > 0;
    };
    /** The element's box clipped by the viewport and each ancestor that clips overflow. */
    const visibleBox = (element: Element): Box | null => {
      let box: Box | null = intersect(boxOf(element.getBoundingClientRect()), { x: 0, y: 0, ...viewport });
      for (let parent = element.parentElement; parent !== null && box !== null; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") box = intersect(box, boxOf(parent.getBoundingClientRect()));
        if (style.position === "fixed") break;
      }
      return box;
    };
    const paints = (element: Element): boolean => {
      const style = getComputedStyle(element);
      const transparent = (color: string) => color === "transparent" || /^rgba\(.*,\s*0\)$/.test(color);
      const border = ["Top", "Right", "Bottom", "Left"].some((side) => Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0);
      return !transparent(style.backgroundColor) || style.backgroundImage !== "none" || style.boxShadow !== "none" || border;
    };
    /** The painted elements of an overlay match: itself if it paints (or has nothing visible inside), else its visible children's. */
    const paintedParts = (element: Element): Element[] => {
      const children = Array.from(element.children).filter(shown);
      return paints(element) || children.length === 0 ? [element] : children.flatMap(paintedParts);
    };
    const parts = Array.from(document.querySelectorAll(overlay))
      .filter(shown)
      .flatMap((match) => paintedParts(match).map((part) => ({ match, part })));
    const describe = (element: Element): string => {
      const html = element as HTMLElement;
      const text = (html.innerText || element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
      const name =
        element.tagName.toLowerCase() +
        (element.id
          ? `#${element.id}`
          : html.dataset?.test
            ? `[data-test="${html.dataset.test}"]`
            : element.classList.length > 0
              ? `.${Array.from(element.classList).join(".")}`
              : "");
      return text ? `${name} "${text}"` : name;
    };
    const found: LayoutOverlap[] = [];
    const measure = (position: LayoutOverlap["scroll"], only?: Element): void => {
      for (const [control, selector] of controls) {
        for (const element of Array.from(document.querySelectorAll(selector))) {
          if ((only !== undefined && element !== only) || !shown(element)) continue;
          const controlBox = visibleBox(element);
          if (controlBox === null) continue;
          for (const { match, part } of parts) {
            if (match.contains(element) || element.contains(match)) continue;
            const overlayBox = boxOf(part.getBoundingClientRect());
            const overlapBox = intersect(controlBox, overlayBox);
            if (overlapBox !== null && overlapBox.width >= min && overlapBox.height >= min)
              found.push({
                control,
                selector,
                coveredBy: describe(match),
                part: describe(part),
                scroll: position,
                controlBox,
                overlayBox,
                overlapBox,
                viewport,
              });
          }
        }
      }
    };
    measure("as loaded");
    if (scroll && parts.length > 0) {
      const scrollers = [
        document.scrollingElement,
        ...Array.from(document.querySelectorAll("*")).filter(
          (element) => element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth,
        ),
      ].filter((element): element is Element => element !== null);
      const saved = scrollers.map((element) => [element, element.scrollLeft, element.scrollTop] as const);
      for (const [, selector] of controls) {
        for (const element of Array.from(document.querySelectorAll(selector))) {
          if (!shown(element)) continue;
          element.scrollIntoView({ block: "start", inline: "nearest", behavior: "instant" });
          measure("top", element);
          element.scrollIntoView({ block: "end", inline: "nearest", behavior: "instant" });
          measure("bottom", element);
        }
      }
      for (const [element, left, top] of saved) element.scrollTo({ left, top, behavior: "instant" });
    }
    return found;
  }, input);
}

/** One line for a report: `the chat-panel covers checkout ([data-test="checkout-start"]) by 120×40 px at 375×667, control at the bottom`. */
export function describeLayoutOverlap(overlap: LayoutOverlap): string {
  const size = `${Math.round(overlap.overlapBox.width)}×${Math.round(overlap.overlapBox.height)} px`;
  const where = overlap.scroll === "as loaded" ? "as loaded" : `control scrolled to the ${overlap.scroll}`;
  return `the ${overlap.coveredBy} covers ${overlap.control} (${overlap.selector}) by ${size} at ${overlap.viewport.width}×${overlap.viewport.height}, ${where}`;
}
