// Helpers for the store's tests (not exported from index.ts): scenarios built in memory from the
// baseline, throwaway data folders, and an HTTP client with a cookie jar.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LoadedScenario, parseScenario, readDataFile } from "../../../experiments/index.ts";
import { nonFiniteReviver } from "../events/nonFiniteJson.ts";

export const BASELINE_PATH = "experiments/scenarios/baseline.yaml";

/** The baseline scenario with `changes` merged at the top level (e.g. an inline chat policy). */
export function testScenario(changes: Record<string, unknown> = {}): LoadedScenario {
  const data = readDataFile(BASELINE_PATH, "scenario file") as Record<string, unknown>;
  const chat = { ...(data.chat as object), ...((changes.chat as object) ?? {}) };
  return parseScenario({ ...data, ...changes, chat }, { path: BASELINE_PATH });
}

/** The baseline scenario with an inline policy. */
export function scenarioWithPolicy(policy: Record<string, unknown>, changes: Record<string, unknown> = {}): LoadedScenario {
  return testScenario({ ...changes, chat: { policy } });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "convsim-store-"));
}

/** Valid answers for every field of the baseline's checkout steps. */
export const BASELINE_ANSWERS: Record<string, Record<string, string>> = {
  account: { checkoutAs: "guest", email: "ada@example.com" },
  shipping: { fullName: "Ada Lovelace", address: "12 St James's Square", city: "London", postalCode: "94107", phone: "+1 555 010 9999" },
  payment: { cardNumber: "4242 4242 4242 4242", expiry: "12/39", cvc: "123", cardholder: "Ada Lovelace" },
  review: {},
};

/** A response with its body read. */
export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Per-request options of TestClient.request. */
export interface TestRequestOptions {
  /** Send the client's CSRF token on a state-changing request (default true; false tests the refusal). */
  csrf?: boolean;
  /** Extra or replaced headers (Host, Origin, ...). */
  headers?: Record<string, string>;
}

/**
 * One shopper (or agent): a cookie jar over fetch. Redirects are not followed, so tests see them.
 * State-changing requests carry a CSRF token, fetched once from /api/csrf-token as a script would.
 */
export class TestClient {
  readonly baseUrl: string;
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  get(path: string, options: TestRequestOptions = {}): Promise<TestResponse> {
    return this.request("GET", path, undefined, undefined, options);
  }

  /** POSTs a urlencoded form, as a browser does. */
  form(path: string, fields: Record<string, string>, options: TestRequestOptions = {}): Promise<TestResponse> {
    return this.request("POST", path, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);
  }

  /** Sends JSON. */
  send(method: "POST" | "PUT", path: string, body: unknown, options: TestRequestOptions = {}): Promise<TestResponse> {
    return this.request(method, path, JSON.stringify(body), "application/json", options);
  }

  /** Signs in at the console form; throws unless the store redirects to the console. */
  async signIn(username: string, password: string): Promise<void> {
    const answer = await this.form("/agent/sign-in", { username, password });
    if (answer.status !== 303) throw new Error(`sign-in as ${username}: ${answer.status} ${answer.text.slice(0, 200)}`);
  }

  async request(method: string, path: string, body?: string, contentType?: string, options: TestRequestOptions = {}): Promise<TestResponse> {
    if (method !== "GET" && options.csrf !== false && this.csrfToken === null) this.csrfToken = (await this.get("/api/csrf-token")).json.token;
    const headers: Record<string, string> = {};
    if (contentType) headers["content-type"] = contentType;
    if (method !== "GET" && options.csrf !== false) headers["x-csrf-token"] = this.csrfToken!;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
    Object.assign(headers, options.headers);
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, decodeURIComponent(pair.slice(index + 1).trim()));
    }
    const text = await response.text();
    let json: unknown;
    if ((response.headers.get("content-type") ?? "").includes("application/json") && text !== "") json = JSON.parse(text, nonFiniteReviver);
    return { status: response.status, headers: response.headers, text, json };
  }
}

/** Runs the baseline checkout over the JSON API; returns the order id. */
export async function apiCheckout(client: TestClient, productId = "linen-shirt", quantity = 1): Promise<string> {
  const cart = await client.send("POST", "/api/cart", { productId, quantity });
  if (cart.status !== 200) throw new Error(`add to cart: ${cart.status} ${cart.text}`);
  let order: string | null = null;
  for (const step of ["account", "shipping", "payment", "review"]) {
    const answer = await client.send("POST", `/api/checkout/${step}`, BASELINE_ANSWERS[step]);
    if (step === "review") {
      if (answer.status !== 201) throw new Error(`review: ${answer.status} ${answer.text}`);
      order = answer.json.order.orderId;
    } else if (answer.status !== 200) throw new Error(`${step}: ${answer.status} ${answer.text}`);
  }
  return order!;
}

/** A client signed in as the store's demo account of `role` (the store must run with `demo: true`). */
export async function demoClient(
  store: { url: string; demoAccounts: readonly { username: string; role: string; password: string }[] },
  username = "demo-admin",
): Promise<TestClient> {
  const account = store.demoAccounts.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}: start the store with demo: true`);
  const client = new TestClient(store.url);
  await client.signIn(account.username, account.password);
  return client;
}

/** The first `data:` payload of an event stream (`/api/chat/stream`, `/api/agent/stream`) as the client sees it; the stream is then closed. */
export async function firstStreamData(client: TestClient, path: string): Promise<any> {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
  const aborter = new AbortController();
  const response = await fetch(client.baseUrl + path, { headers: { cookie }, signal: aborter.signal });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`${path}: stream ended before any data`);
      text += value;
      const event = text.split("\n\n").find((block) => block.includes("\ndata: ") || block.startsWith("data: "));
      if (event !== undefined && text.includes(`${event}\n\n`)) {
        const data = event
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        return JSON.parse(data, nonFiniteReviver);
      }
    }
  } finally {
    aborter.abort();
  }
}
