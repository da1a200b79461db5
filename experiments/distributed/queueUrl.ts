import { QueueError } from "./QueueError.ts";

/** Where the queue is: connection options for Redis, and the URL to show (password hidden). */
export interface QueueTarget {
  /** The URL with any password replaced by `***`: safe to print and to stamp on results. */
  readonly display: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** `rediss://`: TLS with Node's certificate checks (a private CA goes in NODE_EXTRA_CA_CERTS). */
  readonly tls: boolean;
}

/** Redis's port when the URL gives none. */
export const DEFAULT_REDIS_PORT = 6379;

const SHAPE = "must be redis://[[user]:password@]host[:port][/db], or rediss://… for TLS";

/**
 * Reads a queue URL: `redis://[[user]:password@]host[:port][/db]` or `rediss://` (TLS). The user
 * and password are percent-decoded (a password holding `@` or `/` is written `%40`, `%2F`). Throws
 * a one-line QueueError naming `field` and the value, with any password hidden.
 */
export function parseQueueUrl(text: string, field = "--queue"): QueueTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueError(`invalid ${field}: ${JSON.stringify(hidePassword(text))} (${SHAPE})`);
  }
  const shown = JSON.stringify(hidePassword(text));
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new QueueError(`invalid ${field}: ${shown} (${SHAPE})`);
  if (url.hostname === "") throw new QueueError(`invalid ${field}: ${shown} (no host; ${SHAPE})`);
  if (url.search !== "" || url.hash !== "") throw new QueueError(`invalid ${field}: ${shown} (no query or fragment allowed; ${SHAPE})`);
  const path = url.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d{1,4}$/.test(path)) throw new QueueError(`invalid ${field}: ${shown} (the database must be a number, e.g. /0; ${SHAPE})`);
  const port = url.port === "" ? DEFAULT_REDIS_PORT : Number(url.port);
  const username = url.username === "" ? undefined : decodeURIComponent(url.username);
  const password = url.password === "" ? undefined : decodeURIComponent(url.password);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const display = `${url.protocol}//${username ?? ""}${password === undefined ? "" : ":***"}${username !== undefined || password !== undefined ? "@" : ""}${url.host}/${path === "" ? 0 : Number(path)}`;
  return { display, host, port, db: path === "" ? 0 : Number(path), username, password, tls: url.protocol === "rediss:" };
}

/** The text with the password part of a `scheme://user:password@` prefix replaced by `***`. */
export function hidePassword(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, "$1:***@");
}
