import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadScenario, type ScenarioError } from "../../experiments/index.ts";
import { readUsersFile, startStore } from "../store/index.ts";
import { apiCheckout, demoClient, TestClient } from "../store/testing/testStore.ts";
import { cliInProcess } from "./cliInProcess.ts";

/** Runs `store ...` in this process through runCli, as main.ts does; returns exit code and stderr. */
async function runStore(args: string[]): Promise<{ exitCode: number; stderr: string; stdout: string }> {
  const run = await cliInProcess("store", ...args);
  return { exitCode: run.code, stderr: run.stderr, stdout: run.stdout };
}
afterEach(() => vi.restoreAllMocks());

describe("store command", () => {
  it("store --scenario BAD prints the simulator's problems, one per line, and exits 2", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "convsim-cli-")), "bad.yaml");
    writeFileSync(
      file,
      "name: bad\nhorizon: { days: 1 }\ntraffic: { sessionsPerDay: 10 }\nsegments: [{ name: a, weight: 1, device: desk, addToCartProbability: 0.1 }]\nfunnel: { steps: [{ name: cart }] }\nagents: { concurrency: 0, schedule: 1 }\n",
    );
    let expected = "";
    try {
      loadScenario(file);
    } catch (error) {
      expected = (error as ScenarioError).message;
    }
    const result = await runStore(["--scenario", file, "--port", "0"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`error: ${expected}\n`);
    expect(result.stderr).toMatch(/^error: .*bad\.yaml:\n {2}invalid segments\[0\]\.device: "desk" \(allowed: desktop, mobile, tablet\)/);
    expect(result.stderr).toMatch(/invalid agents\.concurrency: 0 \(must be an integer >= 1\)/);
    expect(result.stdout).toBe("");
  });

  it("store --prot 1 and --port 70000 name the bad option and exit 2", async () => {
    const unknown = await runStore(["--prot", "1"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe("error: invalid option --prot: unknown option (did you mean --port?)\n");
    const range = await runStore(["--port", "70000"]);
    expect(range.stderr).toBe('error: invalid --port: "70000" (must be an integer from 0 to 65535)\n');
  });

  it("store users add writes a hashed account; the store then lets it sign in and refuses a second add of the name", async () => {
    const data = mkdtempSync(join(tmpdir(), "convsim-cli-"));
    const added = await runStore(["users", "add", "--username", "lee", "--role", "admin", "--name", "Lee Lead", "--data", data]);
    expect(added.exitCode).toBe(0);
    const password = /^password: (\S+)$/m.exec(added.stdout)![1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const [account] = readUsersFile(join(data, "users.json"));
    expect(account).toMatchObject({ username: "lee", role: "admin", displayName: "Lee Lead", password: { algorithm: "scrypt" } });
    expect(JSON.stringify(account)).not.toContain(password);
    const again = await runStore(["users", "add", "--username", "lee", "--role", "agent", "--data", data]);
    expect([again.exitCode, again.stderr]).toEqual([2, `error: invalid --username: "lee" (already in ${join(data, "users.json")})\n`]);
    const bad = await runStore(["users", "add", "--username", "no spaces", "--role", "boss", "--data", data]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/invalid --username: "no spaces" \(must be 1-40 letters.*\n {0,2}.*invalid --role: "boss" \(allowed: agent, admin\)/s);
    const store = await startStore({ port: 0, dataDir: data });
    try {
      const lead = new TestClient(store.url);
      await lead.signIn("lee", password);
      expect((await lead.get("/api/admin/state")).status).toBe(200);
    } finally {
      await store.close();
    }
  });

  it("store --port 0 prints its loopback URL, serves the shop and closes cleanly on SIGTERM", async () => {
    const data = mkdtempSync(join(tmpdir(), "convsim-cli-"));
    const { child, url, output } = await spawnStore(["--data", data, "--auto-agents", "2", "--demo"]);
    const page = await fetch(`${url}/products/linen-shirt`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-test="add-to-cart"');
    expect((await fetch(`${url}/api/admin/state`)).status).toBe(401);
    const password = /demo admin +demo-admin \/ (\S+) {2}\(this run only\)/.exec(output())![1];
    const admin = await demoClient({ url, demoAccounts: [{ username: "demo-admin", role: "admin", password }] });
    expect((await admin.get("/api/admin/state")).json.capacity).toBe(6);
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(output()).toContain(`agents     ${url}/agent · 2 bot agents online`);
    expect(output()).toMatch(/SIGTERM: closing the store…\nstore closed\n$/);
  });

  it("a store killed with SIGKILL right after acknowledging 30 orders has all 30 after a restart", async () => {
    const data = mkdtempSync(join(tmpdir(), "convsim-cli-"));
    const { child, url } = await spawnStore(["--data", data]);
    const orderIds = await Promise.all(Array.from({ length: 30 }, () => apiCheckout(new TestClient(url))));
    const exit = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exit;
    const store = await startStore({ port: 0, dataDir: data, demo: true });
    try {
      const state = (await (await demoClient(store)).get("/api/admin/state")).json;
      expect(state.counts.orders).toBe(30);
      expect(new Set(orderIds).size).toBe(30);
    } finally {
      await store.close();
    }
  });
});

/** Starts `store --port 0 ...` as a real process; resolves once it printed its URL. */
async function spawnStore(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "store", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = /store listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`store exited early with ${code}: ${stdout}`)));
  });
  return { child, url, output: () => stdout };
}
