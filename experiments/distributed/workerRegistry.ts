import type { Redis } from "ioredis";

/** What a running worker announces about itself. */
export interface WorkerInfo {
  version: string;
  host: string;
  pid: number;
  concurrency: number;
}

/** Key prefix of the announcements (outside BullMQ's `bull:` keys). */
const PREFIX = "convsim:workers:";
/** An announcement lives this long unless renewed, seconds: a killed worker drops out of the list within it. */
export const WORKER_TTL_SECONDS = 15;

/** Announces (or renews) a worker; call every few seconds, well within WORKER_TTL_SECONDS. */
export async function announceWorker(client: Redis, info: WorkerInfo): Promise<void> {
  await client.set(`${PREFIX}${info.host}:${info.pid}`, JSON.stringify(info), "EX", WORKER_TTL_SECONDS);
}

/** Removes a worker's announcement (it is stopping). */
export async function withdrawWorker(client: Redis, info: WorkerInfo): Promise<void> {
  await client.del(`${PREFIX}${info.host}:${info.pid}`);
}

/** The workers announced on this Redis database, of any version. */
export async function listWorkers(client: Redis): Promise<WorkerInfo[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await client.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 500);
    keys.push(...found);
    cursor = next;
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  const values = await client.mget(...keys);
  return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as WorkerInfo]));
}
