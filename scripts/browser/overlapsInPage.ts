// The part of findLayoutOverlaps that runs in the page. Every function here is a plain `function`
// declaration that refers only to the others and to the page's globals: their sources are sent to
// the page together (overlapsScript) and run there in one evaluate, so layout is read synchronously
// and nothing moves between the measurements. No nested named arrow functions: a transpiler that
// keeps function names (tsx) wraps those in a helper the page does not have.

import type { LayoutBox, LayoutOverlap } from "./layoutOverlaps.ts";

/** What the page is told: the overlay selector, the controls as [name, selector] pairs, whether to scroll, the smallest overlap. */
export interface OverlapsInPageInput {
  overlay: string;
  controls: Array<[string, string]>;
  scroll: boolean;
  min: number;
}

/** One painted part of an overlay match (the match itself when it paints). */
interface OverlayPart {
  match: Element;
  part: Element;
}

function intersect(a: LayoutBox, b: LayoutBox): LayoutBox | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function boxOf(rect: DOMRect): LayoutBox {
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

function viewportSize(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

function shown(element: Element): boolean {
  const style = getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0 && element.getClientRects().length > 0;
}

/** The element's box clipped by the viewport and each ancestor that clips overflow. */
function visibleBox(element: Element): LayoutBox | null {
  let box: LayoutBox | null = intersect(boxOf(element.getBoundingClientRect()), { x: 0, y: 0, ...viewportSize() });
  for (let parent = element.parentElement; parent !== null && box !== null; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX !== "visible" || style.overflowY !== "visible") box = intersect(box, boxOf(parent.getBoundingClientRect()));
    if (style.position === "fixed") break;
  }
  return box;
}

/** Whether the element paints anything itself: a background, a shadow or a border. */
function paints(element: Element): boolean {
  const style = getComputedStyle(element);
  const background = style.backgroundColor;
  const transparent = background === "transparent" || /^rgba\(.*,\s*0\)$/.test(background);
  const border = ["Top", "Right", "Bottom", "Left"].some((side) => Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0);
  return !transparent || style.backgroundImage !== "none" || style.boxShadow !== "none" || border;
}

/** The painted elements of an overlay match: itself if it paints (or has nothing visible inside), else its visible children's. */
function paintedParts(element: Element): Element[] {
  const children = Array.from(element.children).filter(shown);
  return paints(element) || children.length === 0 ? [element] : children.flatMap(paintedParts);
}

/** An element as a shopper would name it: tag, id (else data-test, else classes) and the start of its text. */
function describeElement(element: Element): string {
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
}

/** Every control match (or only `only`) against every overlay part, at the scroll positions as they are now. */
function measureControls(input: OverlapsInPageInput, parts: readonly OverlayPart[], position: LayoutOverlap["scroll"], only?: Element): LayoutOverlap[] {
  const found: LayoutOverlap[] = [];
  const viewport = viewportSize();
  for (const [control, selector] of input.controls) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if ((only !== undefined && element !== only) || !shown(element)) continue;
      const controlBox = visibleBox(element);
      if (controlBox === null) continue;
      for (const { match, part } of parts) {
        if (match.contains(element) || element.contains(match)) continue;
        const overlayBox = boxOf(part.getBoundingClientRect());
        const overlapBox = intersect(controlBox, overlayBox);
        if (overlapBox !== null && overlapBox.width >= input.min && overlapBox.height >= input.min)
          found.push({
            control,
            selector,
            coveredBy: describeElement(match),
            part: describeElement(part),
            scroll: position,
            controlBox,
            overlayBox,
            overlapBox,
            viewport,
          });
      }
    }
  }
  return found;
}

/** Each control scrolled to the top, then the bottom, of what is visible and measured there; the page's scroll positions are restored. */
function measureScrolled(input: OverlapsInPageInput, parts: readonly OverlayPart[]): LayoutOverlap[] {
  const scrollers = [
    document.scrollingElement,
    ...Array.from(document.querySelectorAll("*")).filter((element) => element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth),
  ].filter((element): element is Element => element !== null);
  const saved = scrollers.map((element) => [element, element.scrollLeft, element.scrollTop] as const);
  const found: LayoutOverlap[] = [];
  for (const [, selector] of input.controls) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (!shown(element)) continue;
      element.scrollIntoView({ block: "start", inline: "nearest", behavior: "instant" });
      found.push(...measureControls(input, parts, "top", element));
      element.scrollIntoView({ block: "end", inline: "nearest", behavior: "instant" });
      found.push(...measureControls(input, parts, "bottom", element));
    }
  }
  for (const [element, left, top] of saved) element.scrollTo({ left, top, behavior: "instant" });
  return found;
}

function findOverlapsInPage(input: OverlapsInPageInput): LayoutOverlap[] {
  const parts = Array.from(document.querySelectorAll(input.overlay))
    .filter(shown)
    .flatMap((match) => paintedParts(match).map((part) => ({ match, part })));
  const found = measureControls(input, parts, "as loaded");
  if (input.scroll && parts.length > 0) found.push(...measureScrolled(input, parts));
  return found;
}

const IN_PAGE = [
  intersect,
  boxOf,
  viewportSize,
  shown,
  visibleBox,
  paints,
  paintedParts,
  describeElement,
  measureControls,
  measureScrolled,
  findOverlapsInPage,
];

/**
 * The script for `page.evaluate`: the functions above and a call of findOverlapsInPage with
 * `input`. Names are taken from the functions themselves, so a bundler that renames one renames
 * its declaration, its callers and the call here alike.
 */
export function overlapsScript(input: OverlapsInPageInput): string {
  return `(() => {\n${IN_PAGE.map(String).join("\n")}\nreturn ${findOverlapsInPage.name}(${JSON.stringify(input)});\n})()`;
}
