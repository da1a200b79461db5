import type { Browser } from "playwright-core";
import type { Device } from "../../../sim/policy/index.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import { BrowserTab } from "./BrowserTab.ts";

/**
 * Personas one tab serves before it is closed and a new one opened. Bounds what a tab accumulates:
 * Playwright's clock adds an init script for every clock step (each new page replays them all),
 * and the fake clock runs ahead of the wall clock by every idle pause it skipped.
 */
export const MAX_PERSONAS_PER_TAB = 8;

/**
 * Browser tabs kept for reuse during one run, per device: a persona takes an idle tab for its
 * device (or a new one) and gives it back reset, or closed when it cannot be trusted (a persona
 * stopped mid-step, a failed reset, enough uses).
 */
export class TabPool {
  readonly #browser: Browser;
  readonly #profile: StoreProfile;
  readonly #startMs: number;
  readonly #origin: string;
  readonly #idle: BrowserTab[] = [];
  readonly #open = new Set<BrowserTab>();

  constructor(browser: Browser, profile: StoreProfile, startMs: number) {
    this.#browser = browser;
    this.#profile = profile;
    this.#startMs = startMs;
    this.#origin = new URL(profile.baseUrl).origin;
  }

  /** An idle tab for `device`, or a new one. */
  async acquire(device: Device): Promise<BrowserTab> {
    const index = this.#idle.findIndex((tab) => tab.device === device);
    const tab = index >= 0 ? this.#idle.splice(index, 1)[0] : await BrowserTab.open(this.#browser, device, this.#profile, this.#startMs);
    this.#open.add(tab);
    tab.uses++;
    return tab;
  }

  /** Takes a tab back: reset for the next persona when `reusable`, else (or if the reset fails) closed. */
  async release(tab: BrowserTab, reusable: boolean): Promise<void> {
    tab.attach(null);
    if (reusable && !tab.closed && tab.uses < MAX_PERSONAS_PER_TAB && (await tab.reset(this.#origin))) {
      this.#idle.push(tab);
      return;
    }
    this.#open.delete(tab);
    await tab.close();
  }

  /** Closes every tab. */
  async close(): Promise<void> {
    const tabs = [...this.#open];
    this.#open.clear();
    this.#idle.length = 0;
    await Promise.all(tabs.map((tab) => tab.close()));
  }
}
