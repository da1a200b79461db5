// Headless Chromium for the store's browser tests (not exported from index.ts).

import type { Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from "../../browser/index.ts";

/** The Debian Chromium the project's browser tests use (override with CONVSIM_CHROMIUM). */
export const CHROMIUM_PATH = chromiumPath();

/** Flags that keep a headless run quiet, offline and fast (shared with the synthetic checks). */
export { CHROMIUM_ARGS, launchChromium };

/** Collects every JavaScript dialog (alert, confirm) and page error a page raises. */
export function watchPage(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  return seen;
}

/** `[data-test="name"]` */
export const byTest = (name: string): string => `[data-test="${name}"]`;
