import type { FastifyReply, FastifyRequest } from "fastify";
import { nonFiniteReplacer } from "./nonFiniteJson.ts";

/** Seconds between keep-alive comments, so proxies and browsers keep idle streams open. */
export const HEARTBEAT_SECONDS = 20;

interface Stream {
  readonly reply: FastifyReply;
  readonly view: () => unknown;
  readonly event: string;
  last: string;
}

/**
 * Server-sent event streams that each show one live view (a shopper's chat, an agent's console).
 * `refresh()` is coalesced to once per tick: every open stream recomputes its view and is sent it
 * only if it changed. Views are whole snapshots, so a client that misses an event (reconnect)
 * still ends up exact.
 */
export class LiveStreams {
  readonly #streams = new Set<Stream>();
  readonly #heartbeat: NodeJS.Timeout;
  #scheduled = false;

  constructor() {
    this.#heartbeat = setInterval(() => {
      for (const stream of this.#streams) stream.reply.raw.write(": ping\n\n");
    }, HEARTBEAT_SECONDS * 1000);
    this.#heartbeat.unref();
  }

  get size(): number {
    return this.#streams.size;
  }

  /** Turns the reply into an event stream sending `view()` as `event` now and after each change. */
  open(request: FastifyRequest, reply: FastifyReply, event: string, view: () => unknown): void {
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-content-type-options": "nosniff",
    });
    // Ask the browser to reconnect quickly after a restart.
    reply.raw.write("retry: 1000\n\n");
    const stream: Stream = { reply, view, event, last: "" };
    this.#streams.add(stream);
    request.raw.on("close", () => this.#streams.delete(stream));
    this.#send(stream);
  }

  /** Recomputes every stream's view on the next tick. */
  refresh(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      for (const stream of this.#streams) this.#send(stream);
    });
  }

  closeAll(): void {
    clearInterval(this.#heartbeat);
    for (const stream of this.#streams) stream.reply.raw.end();
    this.#streams.clear();
  }

  #send(stream: Stream): void {
    let data: string;
    try {
      data = JSON.stringify(stream.view(), nonFiniteReplacer);
    } catch {
      // The view's subject is gone (an agent removed); the client reconnects and gets an error.
      stream.reply.raw.end();
      this.#streams.delete(stream);
      return;
    }
    if (data === stream.last) return;
    stream.last = data;
    stream.reply.raw.write(`event: ${stream.event}\ndata: ${data}\n\n`);
  }
}
