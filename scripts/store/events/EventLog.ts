import { mkdirSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { Warnings } from "../Warnings.ts";
import { readEventLog } from "./readEventLog.ts";
import type { StoreEvent } from "./storeEvents.ts";

/**
 * The store's append-only event log: one JSON line per event, fsynced before anything that
 * depends on it is acknowledged, so a restart (or a crash) loses nothing a shopper was told
 * happened.
 *
 * Appends are group-committed: lines that arrive while a write is in flight wait and go out
 * together in the next write + fdatasync. Under 200 concurrent checkouts this turns hundreds of
 * fsyncs into a handful per batch instead of one per request, and every append still resolves only
 * after its own bytes are on disk. Lines are written in append order, so replay order = append order.
 */
export class EventLog {
  readonly path: string;
  readonly #handle: FileHandle;
  #pending: string[] = [];
  #waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #writing: Promise<void> | null = null;
  #last: Promise<void> = Promise.resolve();
  #failure: Error | null = null;
  #closed = false;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  /**
   * Opens (creating if needed) the log at `path` and returns it with the events already in it.
   * A torn last line is cut off the file, so the next append starts on a clean line.
   */
  static async open(path: string, warnings: Warnings): Promise<{ log: EventLog; events: StoreEvent[] }> {
    mkdirSync(dirname(path), { recursive: true });
    const contents = readEventLog(path, warnings);
    const handle = await open(path, "a+");
    try {
      if (contents.intactBytes < contents.fileBytes) {
        await handle.truncate(contents.intactBytes);
        await handle.sync();
      }
      if (contents.fileBytes === 0) await syncDirectory(dirname(path));
    } catch (error) {
      await handle.close();
      throw error;
    }
    return { log: new EventLog(path, handle), events: contents.events };
  }

  /** Queues `event` for writing; resolves once it is on disk (rejects if the write fails). */
  append(event: StoreEvent): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error(`invalid append: the event log ${this.path} is closed`));
    this.#pending.push(`${JSON.stringify(event)}\n`);
    const durable = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    // Nobody may await this particular promise (callers await durable()); never an unhandled rejection.
    durable.catch(() => {});
    this.#last = durable;
    this.#writing ??= this.#drain();
    return durable;
  }

  /** Resolves once every event appended so far is on disk. */
  durable(): Promise<void> {
    return this.#failure ? Promise.reject(this.#failure) : this.#last;
  }

  /** True once a write or fsync failed; the log then refuses further appends. */
  get failed(): boolean {
    return this.#failure !== null;
  }

  /** Waits for pending writes, then closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writing;
    await this.#handle.close();
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0 && this.#failure === null) {
      const batch = Buffer.from(this.#pending.join(""), "utf8");
      const waiters = this.#waiters;
      this.#pending = [];
      this.#waiters = [];
      try {
        let offset = 0;
        while (offset < batch.length) offset += (await this.#handle.write(batch, offset, batch.length - offset)).bytesWritten;
        await this.#handle.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        // After a failed fsync the kernel may have dropped the dirty pages: nothing later can be
        // trusted to be durable, so the log stops accepting events (callers answer 503).
        this.#failure = new Error(`event log ${this.path} write failed: ${error instanceof Error ? error.message : String(error)}`);
        for (const waiter of [...waiters, ...this.#waiters]) waiter.reject(this.#failure);
        this.#pending = [];
        this.#waiters = [];
      }
    }
    this.#writing = null;
  }
}

/** fsync a directory so a newly created file's name survives a crash too (Linux semantics). */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, "r");
  try {
    await directory.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the file itself is still synced.
  } finally {
    await directory.close();
  }
}
