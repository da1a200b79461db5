import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/testStore.ts";
import { SessionFileStore } from "./SessionFileStore.ts";

const get = (store: SessionFileStore, id: string) => new Promise((resolve) => store.get(id, (_error, session) => resolve(session)));

describe("SessionFileStore", () => {
  it("set then a new store on the same file: the session is still there (a restart keeps agents signed in)", async () => {
    const path = join(tempDataDir(), "sessions.json");
    let now = Date.parse("2026-01-01T00:00:00Z");
    const store = new SessionFileStore(path, () => now);
    await new Promise<void>((resolve, reject) =>
      store.set("id-1", { cookie: { expires: new Date(now + 3600_000) }, username: "lee" } as never, (error) => (error ? reject(error) : resolve())),
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const reopened = new SessionFileStore(path, () => now);
    expect(await get(reopened, "id-1")).toMatchObject({ username: "lee" });
    now += 3600_000;
    expect(await get(reopened, "id-1")).toBeUndefined();
  });

  it("destroy removes the session from the file; expired sessions are dropped when the file is read", async () => {
    const path = join(tempDataDir(), "sessions.json");
    const now = Date.parse("2026-01-01T00:00:00Z");
    const store = new SessionFileStore(path, () => now);
    const set = (id: string, expiresMs: number) =>
      new Promise<void>((resolve) => store.set(id, { cookie: { expires: new Date(expiresMs) } } as never, () => resolve()));
    await set("live", now + 60_000);
    await set("gone", now + 120_000);
    await new Promise<void>((resolve) => store.destroy("gone", () => resolve()));
    expect(Object.keys(JSON.parse(readFileSync(path, "utf8")))).toEqual(["live"]);
    expect(new SessionFileStore(path, () => now + 60_001).size).toBe(0);
  });
});
