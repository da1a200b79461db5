import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import type { Device } from "../../../sim/policy/index.ts";
import { deviceContextOptions } from "../../browser/index.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import { RECORDER_BINDING, type RecordedEvent, recorderScript } from "./pageRecorder.ts";
import { watchedSelectors } from "./watchedSelectors.ts";

/** Where a tab sends what it observes while a persona uses it. */
export interface TabSink {
  recorded(event: RecordedEvent): void;
  blocked(url: string): void;
}

/**
 * One browser context with one page, set up once for a device (viewport, touch, user agent), the
 * fake clock, the page recorder and the blocking of other origins, then used by persona after
 * persona. Setting up a context costs about as much CPU as five page loads (a renderer process, its
 * caches, Playwright's per-context scripts), while a model persona loads about sixteen; `reset`
 * makes the next persona a new visitor (no cookies or storage), as a fresh context would.
 */
export class BrowserTab {
  readonly device: Device;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The page's own DevTools session: the recorder's binding, blocking, screenshots. */
  readonly cdp: CDPSession;
  /** What the recorder watches (see watchedSelectors), by index. */
  readonly watch: readonly string[];
  /** Personas that have used the tab. */
  uses = 0;
  #sink: TabSink | null = null;
  #closed = false;

  private constructor(device: Device, context: BrowserContext, page: Page, cdp: CDPSession, watch: readonly string[]) {
    this.device = device;
    this.context = context;
    this.page = page;
    this.cdp = cdp;
    this.watch = watch;
  }

  /** Opens a tab for `device`: context, clock at `startMs` (wall ms), recorder, blocking. */
  static async open(browser: Browser, device: Device, profile: StoreProfile, startMs: number): Promise<BrowserTab> {
    const context = await browser.newContext({
      ...deviceContextOptions(device, browser.version(), profile.userAgent ?? null),
      baseURL: profile.baseUrl,
      locale: "en-US",
    });
    try {
      context.setDefaultTimeout(profile.timeouts.selectorSeconds * 1000);
      context.setDefaultNavigationTimeout(profile.timeouts.navigationSeconds * 1000);
      // The clock goes in before the recorder, so the recorder wraps the fake timers.
      await context.clock.install({ time: startMs });
      const page = await context.newPage();
      const tab = new BrowserTab(device, context, page, await context.newCDPSession(page), watchedSelectors(profile));
      await tab.#instrument(profile);
      return tab;
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  async #instrument(profile: StoreProfile): Promise<void> {
    const chat = profile.chat;
    // A raw binding on the tab's own DevTools session: events arrive one-way (see RECORDER_BINDING).
    this.cdp.on("Runtime.bindingCalled", (event) => {
      if (event.name !== RECORDER_BINDING) return;
      try {
        this.#sink?.recorded(JSON.parse(event.payload) as RecordedEvent);
      } catch {
        // Not the recorder's JSON: a page script called the binding.
      }
    });
    await this.cdp.send("Runtime.enable");
    await this.cdp.send("Runtime.addBinding", { name: RECORDER_BINDING });
    await this.context.addInitScript({
      content: recorderScript({
        invitation: chat?.invitation ?? null,
        widgetReady: chat?.ready ?? null,
        widget: chat?.widget ?? null,
        inputEvents: chat?.inputEvents ?? [],
        queuePath: chat?.queuePath ?? null,
        watch: this.watch,
      }),
    });
    const origin = new URL(profile.baseUrl).origin;
    if (profile.network.blockThirdParty) await this.#blockOtherOrigins([origin, ...profile.network.allow.map((url) => new URL(url).origin)]);
  }

  /**
   * Aborts every request to an origin not in `allowed`. Chromium blocks them itself
   * (Network.setBlockedURLs with allow patterns first), so the store's own requests are not
   * intercepted one by one; where the protocol lacks that, a route aborts them instead.
   */
  async #blockOtherOrigins(allowed: readonly string[]): Promise<void> {
    try {
      await this.cdp.send("Network.enable");
      const urlPatterns = [...allowed.map((origin) => ({ urlPattern: `${origin}/*`, block: false })), { urlPattern: "*://*:*/*", block: true }];
      await this.cdp.send("Network.setBlockedURLs", { urlPatterns } as never);
    } catch {
      const origins = new Set(allowed);
      await this.context.route(
        (url) => /^(https?|wss?):$/.test(url.protocol) && !origins.has(url.origin.replace(/^ws/, "http")),
        async (route) => {
          this.#sink?.blocked(route.request().url());
          await route.abort("blockedbyclient").catch(() => {});
        },
      );
    }
  }

  /** Sends what the tab observes to `sink` (one persona at a time), or nowhere (null). */
  attach(sink: TabSink | null): void {
    this.#sink = sink;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Makes the next persona a new visitor: leaves the store (its scripts and event streams stop),
   * clears its storage and every cookie, and lets the clock run in real time again. The HTTP
   * cache stays, as for a shopper's second visit: static assets may come from it as the store's
   * cache headers allow (the demo store's pages are no-store). False when the tab cannot be reset
   * (then close it).
   */
  async reset(origin: string): Promise<boolean> {
    try {
      await this.page.evaluate("try { sessionStorage.clear(); localStorage.clear(); } catch (error) {}").catch(() => {});
      await this.page.goto("about:blank");
      await this.context.clearCookies();
      await this.cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "local_storage,indexeddb,cache_storage,service_workers,websql,file_systems" });
      await this.page.clock.resume();
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the context. Idempotent; never throws. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sink = null;
    await this.context.close().catch(() => {});
  }
}
