import type { FastifyReply, FastifyRequest } from "fastify";
import { StoreError } from "../shop/StoreError.ts";

/** Methods that change nothing: they need no CSRF token and may come from anywhere the Host allows. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The Host values a store answers to: `host:port` for the listen address, localhost, 127.0.0.1 and
 * [::1], plus any configured names (`--allowed-host`). A wildcard listen address (0.0.0.0, ::) is
 * not a name a browser uses, so it is left out: such a store must be given its names.
 */
export function allowedHostValues(listenHost: string, port: number, extra: readonly string[] = []): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]", ...extra.map((name) => name.toLowerCase())]);
  if (listenHost !== "0.0.0.0" && listenHost !== "::") names.add(listenHost.includes(":") ? `[${listenHost}]` : listenHost.toLowerCase());
  const values = new Set<string>();
  for (const name of names) {
    if (/:\d+$/.test(name) && !name.endsWith("]")) {
      values.add(name);
      continue;
    }
    values.add(`${name}:${port}`);
    if (port === 80) values.add(name);
  }
  return values;
}

/**
 * DNS-rebinding and cross-site guard, run before anything else on every request: a Host the store
 * does not answer to gets 421 (a rebinding page's requests carry the attacker's name); a
 * state-changing request with an Origin that is not one of the store's own, or that the browser
 * marks as cross-site (Sec-Fetch-Site), gets 403. Requests without Origin (curl, scripts) pass to the
 * CSRF token check, which every state-changing request must also pass.
 */
export function checkHostAndOrigin(allowed: () => ReadonlySet<string>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const hosts = allowed();
    const host = (request.headers.host ?? "").toLowerCase();
    if (!hosts.has(host))
      throw new StoreError(421, `invalid host: ${JSON.stringify(request.headers.host ?? "")} (this store answers only to ${[...hosts].join(", ")})`);
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !(origin.startsWith("http://") && hosts.has(origin.slice("http://".length).toLowerCase()))) {
      throw new StoreError(403, `invalid origin: ${JSON.stringify(origin)} (state-changing requests must come from the store's own pages)`);
    }
    if (request.headers["sec-fetch-site"] === "cross-site")
      throw new StoreError(403, "invalid request: sent cross-site (state-changing requests must come from the store's own pages)");
  };
}
