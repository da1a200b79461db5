import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/testStore.ts";
import { accountProblems, addUserToFile, readUsersFile, UserDirectory } from "./UserDirectory.ts";

describe("UserDirectory", () => {
  it("addUserToFile stores a salted scrypt hash, owner-readable only; verify accepts the password and nothing else", async () => {
    const path = join(tempDataDir(), "users.json");
    await addUserToFile(path, { username: "sam", role: "agent", password: "twelve chars!" });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).not.toContain("twelve chars!");
    const directory = await UserDirectory.create(readUsersFile(path));
    expect((await directory.verify("sam", "twelve chars!"))?.role).toBe("agent");
    expect(await directory.verify("sam", "twelve chars?")).toBeNull();
    expect(await directory.verify("nobody", "twelve chars!")).toBeNull();
    await expect(addUserToFile(path, { username: "sam", role: "admin", password: "another password" })).rejects.toThrow(
      /^invalid username: "sam" \(already in /,
    );
  });

  it("accountProblems names each bad field in the house format", () => {
    expect(accountProblems({ username: "a b", role: "boss", password: "short" })).toEqual([
      `invalid username: "a b" (must be 1-40 letters, digits, '.', '-' or '_', starting with a letter or digit)`,
      `invalid role: "boss" (allowed: agent, admin)`,
      "invalid password: 5 characters (must be at least 12)",
    ]);
  });

  it("readUsersFile refuses a file with an unknown role, naming the field", () => {
    const path = join(tempDataDir(), "users.json");
    writeFileSync(
      path,
      JSON.stringify({ users: [{ username: "x", displayName: "X", role: "root", password: { algorithm: "scrypt", N: 2, r: 1, p: 1, salt: "a", hash: "b" } }] }),
    );
    expect(() => readUsersFile(path)).toThrow(`invalid users file ${path}: invalid users[0].role: "root" (allowed: agent, admin)`);
  });
});
