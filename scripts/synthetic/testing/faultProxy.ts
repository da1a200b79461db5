// A reverse proxy in front of the demo store that breaks it in one deliberate way, so tests can
// prove each check catches its fault. The store's code stays clean: every fault is a rewrite here.

import { createServer, type IncomingMessage, type Server } from "node:http";
import { Readable } from "node:stream";
import { type LoopbackServer, listenOnLoopback } from "./loopback.ts";

/** One way to break the store (each applies to pages whose path matches). */
export interface Faults {
  /** Adds `delta` to the grand total the order summary shows. */
  wrongTotal?: { path: RegExp; delta: number };
  /** Deletes a data-test attribute, so its selector finds nothing. */
  removeDataTest?: { path: RegExp; name: string };
  /** Answers GET requests `seconds` late. */
  slow?: { path: RegExp; seconds: number };
  /** A script that shows the chat invitation `seconds` after every page loads, whatever the policy says. */
  earlyInvitation?: { seconds: number };
  /** Answers the first GET request with a server error (a transient outage). */
  failOnce?: { path: RegExp; status: number };
}

/** A running proxy. */
export type FaultProxy = LoopbackServer;

const EARLY_SCRIPT_PATH = "/__fault/early-invitation.js";
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"]);

/** Starts the proxy on a free loopback port in front of `upstream` (e.g. the demo store's url). */
export async function startFaultProxy(upstream: string, faults: Faults): Promise<FaultProxy> {
  let failed = false;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? "/").split("?")[0];
      if (faults.earlyInvitation && path === EARLY_SCRIPT_PATH) {
        response.writeHead(200, { "content-type": "text/javascript" });
        response.end(
          `setTimeout(() => { const invitation = document.querySelector('[data-test="chat-invitation"]'); if (invitation) invitation.hidden = false; }, ${faults.earlyInvitation.seconds * 1000});`,
        );
        return;
      }
      if (request.method === "GET" && faults.failOnce?.path.test(path) && !failed) {
        failed = true;
        response.writeHead(faults.failOnce.status, { "content-type": "text/html" });
        response.end("<!doctype html><title>Unavailable</title><h1>Service unavailable</h1>");
        return;
      }
      if (request.method === "GET" && faults.slow?.path.test(path)) await new Promise((resolve) => setTimeout(resolve, faults.slow!.seconds * 1000));
      const body = await readBody(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name, value]) => !HOP_HEADERS.has(name) && typeof value === "string"),
      ) as Record<string, string>;
      // Like Host, the page's Origin names the proxy; the store accepts only its own (DNS-rebinding guard).
      if (headers.origin !== undefined) headers.origin = new URL(upstream).origin;
      const answer = await fetch(upstream + request.url, {
        method: request.method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: "manual",
      });
      const out: Record<string, string | string[]> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_HEADERS.has(name) && name !== "set-cookie") out[name] = value;
      });
      const cookies = answer.headers.getSetCookie();
      if (cookies.length > 0) out["set-cookie"] = cookies;
      const type = answer.headers.get("content-type") ?? "";
      if (type.includes("text/event-stream") && answer.body) {
        response.writeHead(answer.status, out);
        Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream).pipe(response);
        request.on("close", () => void answer.body?.cancel().catch(() => {}));
        return;
      }
      let content: string | Buffer = Buffer.from(await answer.arrayBuffer());
      if (type.includes("text/html")) content = rewrite(content.toString("utf8"), path, faults);
      response.writeHead(answer.status, out);
      response.end(content);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  return listenOnLoopback(server);
}

function rewrite(html: string, path: string, faults: Faults): string {
  let page = html;
  if (faults.wrongTotal?.path.test(path)) {
    const delta = faults.wrongTotal.delta;
    page = page.replace(/(data-test="total">)\$([\d,]+\.\d{2})/, (_match, prefix: string, amount: string) => {
      const wrong = Number(amount.replace(/,/g, "")) + delta;
      return `${prefix}${wrong.toLocaleString("en-US", { style: "currency", currency: "USD" })}`;
    });
  }
  if (faults.removeDataTest?.path.test(path)) page = page.replaceAll(` data-test="${faults.removeDataTest.name}"`, "");
  if (faults.earlyInvitation) page = page.replace("</body>", `<script src="${EARLY_SCRIPT_PATH}" defer></script>\n</body>`);
  return page;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}
