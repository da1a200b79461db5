import { type Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { BOOTSTRAP_ELEMENT_ID, CSRF_HEADER, nonFiniteReplacer, nonFiniteReviver, type WidgetBootstrap } from "../../store/index.ts";

/** An answer: status and the parsed JSON body (null for HTML or an empty body). */
export interface ProtocolAnswer {
  status: number;
  json: any;
  text: string;
}

/** Thrown for an answer the shopper could not carry on from (5xx, a refused request, a broken page). */
export class ProtocolError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

/**
 * One shopper's HTTP conversation with a store, as a browser holds it without rendering: a cookie
 * jar, the CSRF token fetched once from /api/csrf-token (as the widget's API clients do), JSON in
 * and out with Infinity kept (the store's nonFiniteJson), and the widget's bootstrap read from each
 * page. Requests go through a shared keep-alive agent: at thousands of sessions a minute a new TCP
 * connection per request would cost more than the request.
 */
export class ProtocolClient {
  readonly #base: URL;
  readonly #agent: Agent;
  readonly #cookies = new Map<string, string>();
  #csrf: string | null = null;

  constructor(baseUrl: string, agent: Agent) {
    this.#base = new URL(baseUrl);
    this.#agent = agent;
  }

  /** GETs a store page; returns its widget bootstrap (null on a page without the widget). Redirects are followed. */
  async page(path: string): Promise<{ path: string; boot: WidgetBootstrap | null }> {
    let current = path;
    for (let hops = 0; hops < 5; hops++) {
      const answer = await this.#send("GET", current, undefined);
      if (answer.status === 303 || answer.status === 302) {
        current = answer.location!;
        continue;
      }
      if (answer.status >= 400) throw new ProtocolError(`GET ${current} answered HTTP ${answer.status}`, answer.status);
      return { path: current, boot: bootstrapOf(answer.text) };
    }
    throw new ProtocolError(`GET ${path}: more than 5 redirects`, null);
  }

  get(path: string): Promise<ProtocolAnswer> {
    return this.#send("GET", path, undefined);
  }

  /** POSTs (or PUTs) JSON with the CSRF token. */
  async send(method: "POST" | "PUT", path: string, body?: unknown): Promise<ProtocolAnswer> {
    if (this.#csrf === null) {
      const answer = await this.#send("GET", "/api/csrf-token", undefined);
      if (answer.status !== 200 || typeof answer.json?.token !== "string")
        throw new ProtocolError(`GET /api/csrf-token answered HTTP ${answer.status}`, answer.status);
      this.#csrf = answer.json.token as string;
    }
    return this.#send(method, path, JSON.stringify(body ?? {}, nonFiniteReplacer));
  }

  /** Opens the chat event stream and resolves with the first chat update `until` accepts, or null when `signal` aborts first. */
  watchChat(until: (update: { chat: { status: string } | null }) => boolean, signal: AbortSignal): Promise<{ chat: { status: string } | null } | null> {
    return new Promise((resolve) => {
      const request = httpRequest(new URL("/api/chat/stream", this.#base), {
        method: "GET",
        agent: false,
        headers: { cookie: this.#cookieHeader(), accept: "text/event-stream" },
      });
      let settled = false;
      const finish = (value: { chat: { status: string } | null } | null): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener("abort", onAbort);
        request.destroy();
        resolve(value);
      };
      const onAbort = (): void => finish(null);
      signal.addEventListener("abort", onAbort);
      request.on("response", (response) => {
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(message)?.[1];
            if (data === undefined) continue;
            const update = JSON.parse(data, nonFiniteReviver);
            if (until(update)) finish(update);
          }
        });
        response.on("end", () => finish(null));
      });
      request.on("error", () => finish(null));
      request.end();
      if (signal.aborted) finish(null);
    });
  }

  #cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  #send(method: string, path: string, body: string | undefined): Promise<ProtocolAnswer & { location?: string }> {
    const headers: Record<string, string> = { cookie: this.#cookieHeader() };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers[CSRF_HEADER] = this.#csrf!;
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const request = httpRequest(new URL(path, this.#base), { method, agent: this.#agent, headers }, (response: IncomingMessage) => {
        for (const line of response.headers["set-cookie"] ?? []) {
          const pair = line.slice(0, line.indexOf(";") < 0 ? undefined : line.indexOf(";"));
          const index = pair.indexOf("=");
          const name = pair.slice(0, index).trim();
          if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.#cookies.delete(name);
          else this.#cookies.set(name, pair.slice(index + 1).trim());
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const json = (response.headers["content-type"] ?? "").includes("application/json") && text !== "" ? JSON.parse(text, nonFiniteReviver) : null;
          resolve({ status: response.statusCode ?? 0, json, text, location: response.headers.location });
        });
        response.on("error", reject);
      });
      request.on("error", (error) => reject(new ProtocolError(`${method} ${path}: ${error.message}`, null)));
      request.end(body);
    });
  }
}

/** The widget's page data from `<script type="application/json" id="convsim-bootstrap">`, as the widget reads it. */
function bootstrapOf(html: string): WidgetBootstrap | null {
  const start = html.indexOf(`id="${BOOTSTRAP_ELEMENT_ID}"`);
  if (start < 0) return null;
  const open = html.indexOf(">", start) + 1;
  const close = html.indexOf("</script>", open);
  // jsonScript writes <, > and & as \u003c etc.: JSON escapes that JSON.parse reads as they are.
  return JSON.parse(html.slice(open, close), nonFiniteReviver) as WidgetBootstrap;
}
