import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { cliInProcess } from "./cliInProcess.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-init-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("init command", () => {
  it("init writes a commented store starter the loader accepts, with the traffic, agents, concurrency and checkout steps given", async () => {
    const out = join(folder, "store.yaml");
    const run = await cliInProcess("init", "--out", out, "--sessions-per-day", "5000", "--agents", "3", "--concurrency", "2", "--checkout-steps", "2");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`next: convsim simulate ${out}\n`);
    const loaded = loadScenario(out);
    expect(loaded.config.kind).toBe("store");
    const scenario = loaded.scenario as {
      traffic: { sessionsPerDay: number };
      agents: { concurrency: number; schedule: unknown };
      funnel: { steps: { name: string; revealsTotal?: boolean }[] };
    };
    expect(scenario.traffic.sessionsPerDay).toBe(5000);
    expect(scenario.agents).toMatchObject({ concurrency: 2, schedule: 3 });
    expect(scenario.funnel.steps.map((step) => step.name)).toEqual(["shipping", "payment"]);
    expect(readFileSync(out, "utf8")).toMatch(/^# yaml-language-server: \$schema=.*scenario\.schema\.json\n# Written by `convsim init`/);
  });

  it("init --mode chat-only writes a chat desk the loader accepts; one checkout step keeps the sticker-shock point", async () => {
    const desk = join(folder, "desk.yaml");
    expect((await cliInProcess("init", "--mode", "chat-only", "--out", desk, "--chats-per-day", "800", "--agents", "5")).code).toBe(0);
    const loaded = loadScenario(desk);
    expect(loaded.config.kind).toBe("chatOnly");
    expect(loaded.scenario).toMatchObject({ arrivals: { chatsPerDay: 800 }, agents: { schedule: 5, concurrency: 2 } });
    const single = join(folder, "one-step.yaml");
    expect((await cliInProcess("init", "--out", single, "--checkout-steps", "1")).code).toBe(0);
    expect((loadScenario(single).scenario as { funnel: { steps: unknown[] } }).funnel.steps).toEqual([
      expect.objectContaining({ name: "payment", revealsTotal: true }),
    ]);
  });

  it("init never overwrites without --force, and bad numbers or modes exit 2 writing nothing", async () => {
    const out = join(folder, "taken.yaml");
    expect((await cliInProcess("init", "--out", out)).code).toBe(0);
    expect(await cliInProcess("init", "--out", out)).toMatchObject({
      code: 2,
      stderr: `error: invalid --out: ${out} (exists; pass --force to overwrite it)\n`,
    });
    expect((await cliInProcess("init", "--out", out, "--force", "--agents", "7")).code).toBe(0);
    const never = join(folder, "never.yaml");
    expect((await cliInProcess("init", "--out", never, "--mode", "shop")).stderr).toBe('error: invalid --mode: "shop" (allowed: store, chat-only)\n');
    expect((await cliInProcess("init", "--out", never, "--checkout-steps", "5")).stderr).toMatch(
      /^error: invalid --checkout-steps: "5" \(must be an integer from 1 to 4\)\n$/,
    );
    expect((await cliInProcess("init", "--out", never, "--mode", "chat-only", "--sessions-per-day", "9")).code).toBe(2);
    expect(existsSync(never)).toBe(false);
  });
});
