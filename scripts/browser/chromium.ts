// Headless Chromium for synthetic shoppers (and the store's browser tests): Debian's Chromium with
// flags that keep a run quiet and offline, and browser identities that look like ordinary shoppers.

import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";
import type { Device } from "../../sim/policy/index.ts";

/** Environment variable naming another Chromium binary. */
export const CHROMIUM_ENV = "CONVSIM_CHROMIUM";
/** Debian's Chromium (`apt-get install -y chromium`). */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The Chromium to launch: $CONVSIM_CHROMIUM, else Debian's. */
export function chromiumPath(): string {
  return process.env[CHROMIUM_ENV] || DEFAULT_CHROMIUM_PATH;
}

/**
 * Flags for a closed network: no sandbox (containers), no GPU, and none of the background traffic
 * (component updates, sync, QUIC probes) that would stall or leak on a machine without internet.
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
]);

/** Launches headless Chromium; a missing binary is one clear error naming the path and the variable. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/ENOENT|doesn't exist|no such file/i.test(message)) {
      throw new Error(`cannot start chromium at ${executablePath}: no such file (install it with apt-get install -y chromium, or set ${CHROMIUM_ENV})`);
    }
    throw error;
  }
}

/** Viewport, touch and user agent of each device, so a store's device detection sees a real shopper. */
export function deviceContextOptions(device: Device, chromiumVersion: string, userAgent: string | null = null): BrowserContextOptions {
  const major = /^(\d+)/.exec(chromiumVersion)?.[1] ?? "130";
  // Headless Chromium announces "HeadlessChrome": some stores hide chat widgets and prices from bots.
  const chrome = `AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0`;
  switch (device) {
    case "mobile":
      return {
        viewport: { width: 412, height: 915 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 1,
        userAgent: userAgent ?? `Mozilla/5.0 (Linux; Android 14; Pixel 8) ${chrome} Mobile Safari/537.36`,
      };
    case "tablet":
      return {
        viewport: { width: 800, height: 1280 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 1,
        userAgent: userAgent ?? `Mozilla/5.0 (Linux; Android 14; SM-X710) ${chrome} Safari/537.36`,
      };
    case "desktop":
      return {
        viewport: { width: 1280, height: 860 },
        deviceScaleFactor: 1,
        userAgent: userAgent ?? `Mozilla/5.0 (X11; Linux x86_64) ${chrome} Safari/537.36`,
      };
  }
}
