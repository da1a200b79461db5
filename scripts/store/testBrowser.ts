// Headless Chromium for the store's browser tests (not exported from index.ts).

import { chromium, type Browser, type Page } from "playwright-core";

/** The Debian Chromium the project's browser tests use (override with CONVSIM_CHROMIUM). */
export const CHROMIUM_PATH = process.env.CONVSIM_CHROMIUM ?? "/usr/bin/chromium";

/** Flags that keep a headless run quiet, offline and fast. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

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
