// Launching Debian's Chromium for everything that drives a browser: the synthetic checks, the
// store's browser tests and the report's browser check; and measuring what an overlay covers in a
// page (the chat widget over checkout controls). Its own folder so that scripts/store and
// scripts/synthetic can both use it without importing each other.
export { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath, DEFAULT_CHROMIUM_PATH, deviceContextOptions, launchChromium } from "./chromium.ts";
export {
  describeLayoutOverlap,
  findLayoutOverlaps,
  type LayoutBox,
  type LayoutOverlap,
  type LayoutOverlapOptions,
  MIN_OVERLAP_PIXELS,
} from "./layoutOverlaps.ts";
