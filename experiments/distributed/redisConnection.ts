import { isIP } from "node:net";
import type { RedisOptions } from "bullmq";
import { Redis } from "ioredis";
import { QueueError } from "./QueueError.ts";
import type { QueueTarget } from "./queueUrl.ts";
import { withTimeout } from "./withTimeout.ts";

/** How long connecting to the queue may take before the command gives up, seconds. An assumption: a LAN or cloud Redis answers in milliseconds; 5 s covers a slow TLS handshake. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

/**
 * ioredis options for BullMQ's connections to `target`. `maxRetriesPerRequest: null` is what BullMQ
 * requires (a blocked worker must wait out a Redis restart, not fail its command); how long a run
 * may go without Redis is bounded by the coordinator's own watchdog instead (`QueueBackend`).
 */
export function redisOptions(target: QueueTarget, connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS): RedisOptions {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    username: target.username,
    password: target.password,
    // SNI only for names: RFC 6066 forbids an IP address as server name (Node warns); Node then
    // checks the certificate against the IP address itself.
    tls: target.tls ? (isIP(target.host) === 0 ? { servername: target.host } : {}) : undefined,
    connectTimeout: connectTimeoutSeconds * 1000,
    maxRetriesPerRequest: null,
    // Reconnect quickly at first, then every 2 s: a restarted Redis is picked up within seconds.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  };
}

/**
 * Connects once, authenticates and pings, within `timeoutSeconds`; throws a one-line QueueError
 * (exit 2) naming the URL (password hidden) and the reason: unreachable, refused password, not
 * Redis. Run before anything is queued or written, so a bad `--queue` costs nothing.
 */
export async function checkQueue(target: QueueTarget, timeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS): Promise<void> {
  const client = new Redis({
    ...redisOptions(target, timeoutSeconds),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The cause (refused, wrong password) arrives as an event; the awaited call then only says "closed".
  let cause: unknown;
  client.on("error", (error) => (cause ??= error));
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutSeconds,
      `no answer within ${timeoutSeconds} s`,
    );
  } catch (error) {
    throw new QueueError(`cannot use the queue at ${target.display}: ${reason(cause ?? error)}`);
  } finally {
    client.disconnect();
  }
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(message)) return "authentication failed (check the user and password in the URL)";
  if (code === "ECONNREFUSED") return "connection refused (is Redis running there?)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unknown host";
  if (/ETIMEDOUT|no answer/.test(message)) return `no answer (${message.replace(/^connect /, "")})`;
  return message.split("\n")[0].toLowerCase();
}
