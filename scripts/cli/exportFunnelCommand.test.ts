import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFunnelCsv, parseFunnelCsv } from "../../experiments/index.ts";
import { funnelRows, readEventLog, startStore, Warnings } from "../store/index.ts";
import { apiCheckout, TestClient, tempDataDir } from "../store/testing/testStore.ts";
import { cliInProcess } from "./cliInProcess.ts";

const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", ...args], { encoding: "utf8" });

describe("export-funnel command", () => {
  it("export-funnel --data DIR --out FILE writes the store's funnel counts in calibrate's CSV format", async () => {
    const dataDir = tempDataDir();
    const store = await startStore({ port: 0, dataDir });
    await apiCheckout(new TestClient(store.url));
    await apiCheckout(new TestClient(store.url), "leather-bag");
    const leaver = new TestClient(store.url);
    await leaver.send("POST", "/api/cart", { productId: "cotton-tee" });
    await leaver.send("POST", "/api/checkout/account", { checkoutAs: "guest", email: "x@example.com" });
    await new TestClient(store.url).get("/");
    await store.close();

    const out = join(dataDir, "funnel.csv");
    const result = cli(["export-funnel", "--data", dataDir, "--out", out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`funnel counts written to ${out} (4 sessions, 2 orders)\n`);
    const csv = readFileSync(out, "utf8");
    const { events } = readEventLog(join(dataDir, "events.jsonl"), new Warnings());
    expect(csv).toBe(formatFunnelCsv(funnelRows(events, ["account", "shipping", "payment", "review"])));
    const counts = Object.fromEntries(parseFunnelCsv(csv).map((row) => [`${row.kind}:${row.step ?? ""}`, row.count]));
    expect(counts).toMatchObject({ "sessions:": 4, "reached:cart": 3, "reached:shipping": 3, "abandoned:shipping": 1, "orders:": 2 });
  });

  it("export-funnel --data EMPTY explains what is missing and exits 2", async () => {
    const run = await cliInProcess("export-funnel", "--data", tempDataDir());
    expect(run.code).toBe(2);
    const stderr = run.stderr;
    expect(stderr).toMatch(/^error: invalid --data: .* \(no events\.jsonl in it; run the store with --data .* first\)\n$/);
  });
});
