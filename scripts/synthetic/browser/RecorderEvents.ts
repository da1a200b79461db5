import type { RecordedEvent } from "./pageRecorder.ts";

/**
 * What the page recorder reported in one persona's tab, kept as the harness needs it: every event
 * in order, the document shown now, whether it shows an invitation, which watched selectors are
 * visible and whether the widget started. `until` waits for a condition on these without asking
 * the page anything: it is checked again whenever an event arrives.
 */
export class RecorderEvents {
  /** Every event, in arrival order (the checks read these). */
  readonly events: RecordedEvent[] = [];
  /** The selectors the recorder watches (RecorderConfig.watch), by index. */
  readonly watch: readonly string[];
  #currentDoc: string | null = null;
  #invitationVisible = false;
  readonly #ready = new Set<string>();
  readonly #loadedAt = new Map<string, number>();
  /** Visible watched selectors by document; a new document's markers arrive before its `document` event. */
  readonly #visible = new Map<string, ReadonlySet<number>>();
  readonly #invalid = new Set<number>();
  readonly #waiters = new Set<() => void>();
  #closed = false;

  constructor(watch: readonly string[]) {
    this.watch = watch;
  }

  /** Records one event of the top document (the recorder does not report frames). */
  receive(event: RecordedEvent): void {
    if (this.#closed || (event.type === "document" && event.url.startsWith("about:"))) return;
    switch (event.type) {
      case "markers":
        this.#visible.set(event.doc, new Set(event.visible));
        break;
      case "watchInvalid":
        for (const index of event.invalid) this.#invalid.add(index);
        break;
      default:
        this.events.push(event);
        if (event.type === "document") {
          this.#currentDoc = event.doc;
          this.#invitationVisible = false;
        } else if (event.type === "widgetReady") this.#ready.add(event.doc);
        else if (event.type === "loaded") this.#loadedAt.set(event.doc, event.at);
        else if ((event.type === "invitationShown" || event.type === "invitationHidden") && event.doc === this.#currentDoc) {
          this.#invitationVisible = event.type === "invitationShown";
        }
    }
    for (const wake of [...this.#waiters]) wake();
  }

  /** The document the tab shows (from its DOMContentLoaded on), or null before the first. */
  get currentDoc(): string | null {
    return this.#currentDoc;
  }

  /** Whether the current document shows an invitation, as its recorder last reported. */
  get invitationVisible(): boolean {
    return this.#invitationVisible;
  }

  /** Whether the chat widget started in the current document. */
  widgetReady(): boolean {
    return this.#currentDoc !== null && this.#ready.has(this.#currentDoc);
  }

  /** In-page time of the current document's load event, or null before it. */
  loadedAt(): number | null {
    return this.#currentDoc === null ? null : (this.#loadedAt.get(this.#currentDoc) ?? null);
  }

  /** Whether every selector is one the recorder watches (and can evaluate), so `visibleOf` can answer for it. */
  watches(selectors: readonly string[]): boolean {
    return selectors.every((selector) => {
      const index = this.watch.indexOf(selector);
      return index >= 0 && !this.#invalid.has(index);
    });
  }

  /** The first of `selectors` the current document shows, or null. */
  visibleOf(selectors: readonly string[]): string | null {
    const visible = this.#currentDoc === null ? undefined : this.#visible.get(this.#currentDoc);
    if (visible === undefined) return null;
    return selectors.find((selector) => visible.has(this.watch.indexOf(selector))) ?? null;
  }

  /**
   * Resolves true once `check()` holds (checked now and after every event), false after
   * `timeoutMs` or once closed.
   */
  until(check: () => boolean, timeoutMs: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    if (this.#closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
        resolve(value);
      };
      const wake = () => {
        if (this.#closed) finish(false);
        else if (check()) finish(true);
      };
      // Unref'd: a wait the caller stopped caring about must not keep the process alive.
      const timer = setTimeout(() => finish(false), timeoutMs).unref();
      this.#waiters.add(wake);
    });
  }

  /** Ends every wait (false) and ignores later events: the persona's tab is closing. */
  close(): void {
    this.#closed = true;
    for (const wake of [...this.#waiters]) wake();
  }
}
