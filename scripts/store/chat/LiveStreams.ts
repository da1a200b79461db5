import type { FastifyReply, FastifyRequest } from "fastify";
import { nonFiniteReplacer } from "../events/nonFiniteJson.ts";

/** Seconds between keep-alive comments, so proxies and browsers keep idle streams open. */
export const HEARTBEAT_SECONDS = 20;

interface Stream {
  readonly reply: FastifyReply;
  readonly view: () => unknown;
  readonly event: string;
  /** Whose stream this is (a shopper's session id), for presence; null when nobody needs to know. */
  readonly key: string | null;
  last: string;
}

/**
 * Server-sent event streams that each show one live view (a shopper's chat, an agent's console).
 * `refresh()` is coalesced to once per tick: every open stream recomputes its view and is sent it
 * only if it changed. Views are whole snapshots, so a client that misses an event (reconnect)
 * still ends up exact.
 *
 * A view is computed at once but sent only after `settled()` (the event log's durability) resolves
 * for everything committed before it was computed: like the request handlers, a stream never shows
 * a shopper or an agent something ("you left the queue") a crash could still take back, and
 * whoever reads the log after seeing it finds the event there.
 */
export class LiveStreams {
  readonly #streams = new Set<Stream>();
  /** key → open streams, and when the last one closed (ms), for `lastSeenMs`. */
  readonly #openByKey = new Map<string, number>();
  readonly #closedAtMs = new Map<string, number>();
  readonly #now: () => number;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #settled: () => Promise<void>;
  #scheduled = false;

  constructor(now: () => number = Date.now, settled: () => Promise<void> = () => Promise.resolve()) {
    this.#now = now;
    this.#settled = settled;
    this.#heartbeat = setInterval(() => {
      for (const stream of this.#streams) stream.reply.raw.write(": ping\n\n");
    }, HEARTBEAT_SECONDS * 1000);
    this.#heartbeat.unref();
  }

  get size(): number {
    return this.#streams.size;
  }

  /** Turns the reply into an event stream sending `view()` as `event` now and after each change. */
  open(request: FastifyRequest, reply: FastifyReply, event: string, view: () => unknown, key: string | null = null): void {
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-content-type-options": "nosniff",
    });
    // Ask the browser to reconnect quickly after a restart.
    reply.raw.write("retry: 1000\n\n");
    const stream: Stream = { reply, view, event, key, last: "" };
    this.#streams.add(stream);
    if (key !== null) this.#openByKey.set(key, (this.#openByKey.get(key) ?? 0) + 1);
    request.raw.on("close", () => {
      if (!this.#streams.delete(stream) || key === null) return;
      const left = (this.#openByKey.get(key) ?? 1) - 1;
      if (left > 0) this.#openByKey.set(key, left);
      else {
        this.#openByKey.delete(key);
        this.#closedAtMs.set(key, this.#now());
      }
    });
    this.#send(stream);
  }

  /**
   * When `key` was last connected: now while a stream of it is open, else when its last stream
   * closed, or null if it never had one.
   */
  lastSeenMs(key: string): number | null {
    if (this.#openByKey.has(key)) return this.#now();
    return this.#closedAtMs.get(key) ?? null;
  }

  /** Recomputes every stream's view on the next tick. */
  refresh(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      // Views now, then the durability of everything committed so far: commits are synchronous,
      // so nothing these views show can be missing from that promise. The log resolves its
      // waiters in append order, so views go out in the order they were computed.
      const due = [...this.#streams].map((stream) => ({ stream, data: this.#changedView(stream) }));
      this.#settled().then(
        () => {
          for (const { stream, data } of due) if (data !== null && this.#streams.has(stream)) this.#write(stream, data);
        },
        // The log failed: the store refuses further writes, and the streams keep their last durable view.
        () => {},
      );
    });
  }

  closeAll(): void {
    clearInterval(this.#heartbeat);
    for (const stream of this.#streams) stream.reply.raw.end();
    this.#streams.clear();
  }

  #send(stream: Stream): void {
    const data = this.#changedView(stream);
    if (data !== null) this.#write(stream, data);
  }

  /** The stream's view as JSON if it changed since the last one computed, else null. */
  #changedView(stream: Stream): string | null {
    let data: string;
    try {
      data = JSON.stringify(stream.view(), nonFiniteReplacer);
    } catch {
      // The view's subject is gone (an agent removed); the client reconnects and gets an error.
      stream.reply.raw.end();
      this.#streams.delete(stream);
      return null;
    }
    if (data === stream.last) return null;
    stream.last = data;
    return data;
  }

  #write(stream: Stream, data: string): void {
    stream.reply.raw.write(`event: ${stream.event}\ndata: ${data}\n\n`);
  }
}
