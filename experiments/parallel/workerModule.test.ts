import { describe, expect, it } from "vitest";
import runSimulationTask from "./simulationWorker.ts";
import { tinyChatConfig } from "./testing/tinyChatConfig.ts";
import { bundledTask, threadFlags, withoutPreloads, workerModule } from "./workerModule.ts";

const config = tinyChatConfig({ patienceSeconds: { kind: "exponential", mean: 90 } });

describe("workerModule", () => {
  it("workerModule() is a bundled plain ES module whose task gives the in-process results", async () => {
    const module = workerModule();
    expect(module.filename).toMatch(/^file:\/\/.*simulation-worker-[0-9a-f]{16}\.mjs$/);
    expect(module.execArgv).toBeDefined();
    const bundled = (await import(module.filename)) as { default: typeof runSimulationTask };
    const task = { config, seed: 11 };
    expect(JSON.stringify(bundled.default(task))).toBe(JSON.stringify(runSimulationTask(task)));
  });

  it("bundledTask() loads the bundle's task into this thread, with the in-process results", async () => {
    const run = await bundledTask();
    expect(run).toBeTypeOf("function");
    expect(run).not.toBe(runSimulationTask);
    const task = { config, seed: 12 };
    expect(JSON.stringify(run!(task))).toBe(JSON.stringify(runSimulationTask(task)));
    expect(await bundledTask()).toBe(run);
  });

  it("workerModule() builds once per process", () => {
    expect(workerModule()).toBe(workerModule());
  });

  it("withoutPreloads drops loader flags with their values and keeps the rest", () => {
    const tsxParent = [
      "--require",
      "/x/preflight.cjs",
      "--import",
      "file:///x/loader.mjs",
      "--max-old-space-size=4096",
      "--eval",
      "code()",
      "--stack-size=2000",
      "--import=other",
      "-r",
      "y",
    ];
    expect(withoutPreloads(tsxParent)).toEqual(["--max-old-space-size=4096", "--stack-size=2000"]);
    expect(withoutPreloads([])).toEqual([]);
  });

  it("threadFlags keeps the flags Node accepts for a thread and drops process-wide V8 flags", () => {
    const parent = ["--max-old-space-size=4096", "--enable-source-maps", "--trace-gc", "--conditions", "development", "--no-deprecation"];
    expect(threadFlags(parent)).toEqual(["--enable-source-maps", "--conditions", "development", "--no-deprecation"]);
    expect(threadFlags([])).toEqual([]);
  });

  it("threadFlags asks the probe once per flag, with the flag's values", () => {
    const asked: string[][] = [];
    const kept = threadFlags(["--a", "--b", "x", "--c=1"], (flag) => (asked.push([...flag]), flag[0] !== "--b"));
    expect(asked).toEqual([["--a"], ["--b", "x"], ["--c=1"]]);
    expect(kept).toEqual(["--a", "--c=1"]);
  });
});
