// Waits for what a persona expects on its page, driven by the page recorder's reports (see
// RecorderEvents) instead of Playwright's polling. A Playwright poll is several protocol round
// trips, and its back-off (20, 50, 100, 100, 500 ms) adds up to half a second to a wait that the
// recorder ends on the DOM mutation itself.

import type { Page } from "playwright-core";
import type { RecorderEvents } from "./RecorderEvents.ts";

/**
 * Real ms a wait relies on the recorder's reports alone before Playwright also polls the page (for
 * a change no DOM mutation announces); the demo store's pages load in about 0.1 s.
 */
export const FALLBACK_POLL_AFTER_MS = 1000;

/**
 * Waits until the page shows one of `selectors` (CSS) and returns the first visible one, as
 * Playwright's `locator.waitFor({state: "visible"})` on their union would. Selectors the recorder
 * does not watch are polled by Playwright; so is any wait past FALLBACK_POLL_AFTER_MS. Throws like
 * Playwright on timeout (`Timeout N ms exceeded`: describeFailure and isRetryable read it).
 */
export async function waitForVisible(page: Page, recorded: RecorderEvents, selectors: readonly string[], timeoutMs: number): Promise<string> {
  const union = selectors.join(", ");
  const poll = (remainingMs: number) =>
    page
      .locator(union)
      .first()
      .waitFor({ state: "visible", timeout: Math.max(1, remainingMs) });
  if (!recorded.watches(selectors)) {
    await poll(timeoutMs);
    return (await firstVisible(page, selectors)) ?? selectors[0];
  }
  if (!(await untilOrPoll(recorded, () => recorded.visibleOf(selectors) !== null, timeoutMs, poll)))
    throw new Error(`Timeout ${timeoutMs}ms exceeded waiting for ${union} to be visible`);
  return recorded.visibleOf(selectors) ?? (await firstVisible(page, selectors)) ?? selectors[0];
}

/** Waits until the chat widget started on the current page (`ready` attached); false after `timeoutMs`. */
export function waitForWidget(page: Page, recorded: RecorderEvents, ready: string, timeoutMs: number): Promise<boolean> {
  return untilOrPoll(
    recorded,
    () => recorded.widgetReady(),
    timeoutMs,
    (remainingMs) =>
      page
        .locator(ready)
        .first()
        .waitFor({ state: "attached", timeout: Math.max(1, remainingMs) }),
  );
}

/** Waits for the current page's load event; its in-page time, or null if only Playwright saw it. */
export async function waitForLoad(page: Page, recorded: RecorderEvents, timeoutMs: number): Promise<number | null> {
  await untilOrPoll(
    recorded,
    () => recorded.loadedAt() !== null,
    timeoutMs,
    (remainingMs) => page.waitForLoadState("load", { timeout: Math.max(1, remainingMs) }),
    true,
  );
  return recorded.loadedAt();
}

/**
 * true once `check` holds by the recorder's reports; past FALLBACK_POLL_AFTER_MS, Playwright's
 * `poll` runs alongside and may end the wait first. false at the deadline (`poll`'s error instead
 * when `rethrow`).
 */
async function untilOrPoll(
  recorded: RecorderEvents,
  check: () => boolean,
  timeoutMs: number,
  poll: (remainingMs: number) => Promise<unknown>,
  rethrow = false,
): Promise<boolean> {
  const started = Date.now();
  if (await recorded.until(check, Math.min(timeoutMs, FALLBACK_POLL_AFTER_MS))) return true;
  const remainingMs = timeoutMs - (Date.now() - started);
  if (remainingMs <= 0) return false;
  const polled = poll(remainingMs).then(
    () => true,
    (error: unknown) => {
      if (rethrow) throw error;
      return false;
    },
  );
  polled.catch(() => {});
  const reported = recorded.until(check, remainingMs);
  // One side giving up (its deadline, or the tab closing) leaves the other with at most the same deadline.
  return (await Promise.race([reported, polled])) || (await reported) || (await polled);
}

/** The first of `selectors` visible on the page now, or null. */
export async function firstVisible(page: Page, selectors: readonly string[]): Promise<string | null> {
  for (const selector of selectors)
    if (
      await page
        .locator(selector)
        .first()
        .isVisible()
        .catch(() => false)
    )
      return selector;
  return null;
}
