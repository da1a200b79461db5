// Launching Debian's Chromium for everything that drives a browser: the synthetic checks, the
// store's browser tests and the report's browser check; and measuring what an overlay covers in a
// page (the chat widget over checkout controls). Its own folder so that scripts/store and
// scripts/synthetic can both use it without importing each other.
export { CHROMIUM_ARGS, CHROMIUM_ENV, DEFAULT_CHROMIUM_PATH, chromiumPath, deviceContextOptions, launchChromium } from "./chromium.ts";
export { describeLayoutOverlap, findLayoutOverlaps, MIN_OVERLAP_PIXELS, type LayoutBox, type LayoutOverlap, type LayoutOverlapOptions } from "./layoutOverlaps.ts";
