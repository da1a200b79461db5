import { existsSync, readFileSync } from "node:fs";
import { writeFileDurable } from "./writeFileDurable.ts";

type Callback = (error?: Error | null) => void;

/** What @fastify/session hands a store: the session's fields and its cookie (with `expires`). */
type StoredSession = { cookie?: { expires?: string | Date | null } };

/**
 * A session store for @fastify/session that keeps sessions in memory and in one file (written whole
 * and fsynced on every sign-in and sign-out), so agents stay signed in across a restart or a crash.
 * Only signed-in agents have sessions (saveUninitialized is off), so the file stays small. Expired
 * sessions are dropped when the file is read and whenever a session is saved.
 */
export class SessionFileStore {
  readonly path: string;
  readonly #sessions = new Map<string, StoredSession>();
  readonly #now: () => number;

  constructor(path: string, now: () => number = Date.now) {
    this.path = path;
    this.#now = now;
    if (existsSync(path)) {
      const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, StoredSession>;
      for (const [id, session] of Object.entries(data)) this.#sessions.set(id, session);
      this.#dropExpired();
    }
  }

  get size(): number {
    return this.#sessions.size;
  }

  get(sessionId: string, callback: (error: Error | null, session?: StoredSession) => void): void {
    const session = this.#sessions.get(sessionId);
    callback(null, session && !this.#expired(session) ? structuredClone(session) : undefined);
  }

  set(sessionId: string, session: StoredSession, callback: Callback): void {
    this.#sessions.set(sessionId, JSON.parse(JSON.stringify(session)) as StoredSession);
    this.#dropExpired();
    this.#persist(callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    if (!this.#sessions.delete(sessionId)) {
      callback();
      return;
    }
    this.#persist(callback);
  }

  /** Ends every session of `username` (an account removed or a password changed). */
  destroyWhere(predicate: (session: StoredSession & { username?: string }) => boolean): number {
    let removed = 0;
    for (const [id, session] of this.#sessions) if (predicate(session) && this.#sessions.delete(id)) removed++;
    if (removed > 0) this.#persist(() => {});
    return removed;
  }

  #expired(session: StoredSession): boolean {
    const expires = session.cookie?.expires;
    return expires !== undefined && expires !== null && new Date(expires).getTime() <= this.#now();
  }

  #dropExpired(): void {
    for (const [id, session] of this.#sessions) if (this.#expired(session)) this.#sessions.delete(id);
  }

  #persist(callback: Callback): void {
    try {
      writeFileDurable(this.path, JSON.stringify(Object.fromEntries(this.#sessions)));
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback();
  }
}
