// Keeps the store's page out from under the chat widget. A fixed overlay in a corner covers
// whatever scrolls beneath it (the cart's Checkout button, the order summary's total), so instead
// the widget sits in a dock the page does not extend into: a strip along the bottom for the
// "Need help?" button, an invitation, or the chat panel on a narrow screen; a column on the right for
// the open chat panel on a wide screen. The page scrolls inside the rest of the viewport (see the
// `cs-docked` rules in store.css), so no scroll position puts a control under the widget.

/** Viewports at least this wide (CSS px) dock the open chat panel on the right; narrower ones at the bottom. */
export const WIDE_DOCK_MIN_WIDTH = 960;
/** Space between the page and the widget, CSS px. */
const DOCK_GAP = 8;
/** Class on <html> while the widget shows anything. */
export const DOCKED_CLASS = "cs-docked";

/**
 * Sizes the dock to what the widget shows, now and whenever it changes size (ResizeObserver fires
 * after layout and before paint, so the page never paints under the widget) or the window resizes.
 * `panelOpen` says whether the chat panel is the visible part. Returns a function that undocks.
 */
export function dockWidget(root: HTMLElement, panelOpen: () => boolean): () => void {
  const html = document.documentElement;
  const update = (): void => {
    const box = root.getBoundingClientRect();
    const showing = box.width > 0 && box.height > 0;
    html.classList.toggle(DOCKED_CLASS, showing);
    const right = showing && panelOpen() && window.innerWidth >= WIDE_DOCK_MIN_WIDTH;
    // The dock runs from the widget's far edge to the viewport's edge, plus a gap.
    html.style.setProperty("--cs-dock-right", right ? `${Math.ceil(window.innerWidth - box.left + DOCK_GAP)}px` : "0px");
    html.style.setProperty("--cs-dock-bottom", showing && !right ? `${Math.ceil(window.innerHeight - box.top + DOCK_GAP)}px` : "0px");
  };
  const observer = new ResizeObserver(update);
  observer.observe(root);
  window.addEventListener("resize", update);
  update();
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", update);
    html.classList.remove(DOCKED_CLASS);
  };
}
