import { describe, expect, it } from "vitest";
import { runTasks, TaskPool } from "./runTasks.ts";
import { BROKEN_CONFIG, tinyChatConfig } from "./testing/tinyChatConfig.ts";

const good = tinyChatConfig();
const broken = BROKEN_CONFIG;

describe("runTasks", () => {
  for (const workers of [1, 2]) {
    it(`records a failing task as errored and runs the others (${workers} worker${workers > 1 ? "s" : ""})`, async () => {
      const outcomes = await runTasks(
        [
          { config: good, seed: 1 },
          { config: broken, seed: 2 },
          { config: good, seed: 3 },
        ],
        { workers },
      );
      expect(outcomes.map((outcome) => outcome.state)).toEqual(["completed", "errored", "completed"]);
      const errored = outcomes[1];
      expect(errored.state === "errored" && errored.error).toMatch(/nonsense|kind/);
    });
  }

  it("with failFast, cancels what has not started after the first error", async () => {
    const outcomes = await runTasks(
      [
        { config: broken, seed: 1 },
        { config: good, seed: 2 },
        { config: good, seed: 3 },
      ],
      { workers: 1, failFast: true },
    );
    expect(outcomes.map((outcome) => outcome.state)).toEqual(["errored", "cancelled", "cancelled"]);
  });

  it("returns outcomes in task order whatever the completion order", async () => {
    const tasks = [5, 1, 4, 2].map((seed) => ({ config: { ...good, chatRatesPerSecond: new Array(24).fill(0.002 * seed) }, seed }));
    const outcomes = await runTasks(tasks, { workers: 2 });
    expect(outcomes.map((outcome) => outcome.index)).toEqual([0, 1, 2, 3]);
    const requests = outcomes.map((outcome) => (outcome.state === "completed" ? outcome.results.chat.requests : -1));
    expect(requests[0]).toBeGreaterThan(requests[1]);
  });

  it("runTasks({pool}) reuses one open pool across calls and gives the serial results", async () => {
    const tasks = [1, 2, 3].map((seed) => ({ config: good, seed }));
    const serial = await runTasks(tasks, { workers: 1 });
    const pool = new TaskPool(2);
    try {
      const first = await runTasks(tasks, { pool });
      const second = await runTasks(tasks, { pool });
      expect(JSON.stringify(first)).toBe(JSON.stringify(serial));
      expect(JSON.stringify(second)).toBe(JSON.stringify(serial));
    } finally {
      await pool.close();
    }
  });

  it("runTasks({pool}) with a one-thread pool runs on that thread, not in process, with the serial results", async () => {
    const tasks = [4, 5].map((seed) => ({ config: good, seed }));
    const serial = await runTasks(tasks, { workers: 1 });
    const pool = new TaskPool(1);
    try {
      const onThread = await runTasks(tasks, { pool });
      expect(pool.piscina.completed).toBe(2);
      expect(JSON.stringify(onThread)).toBe(JSON.stringify(serial));
    } finally {
      await pool.close();
    }
  });

  it("runTasks({clock}) on 2 threads times every task (longest-first order) and still gives the serial bytes, in task order", async () => {
    const cheap = { ...good, chatRatesPerSecond: new Array(24).fill(0.001) };
    const dear = { ...good, chatRatesPerSecond: new Array(24).fill(0.05) };
    const tasks = [1, 2, 3, 4, 5, 6].flatMap((seed) => [
      { config: cheap, seed },
      { config: dear, seed },
    ]);
    const serial = await runTasks(tasks, { workers: 1 });
    let ticks = 0;
    const onThreads = await runTasks(tasks, { workers: 2, clock: () => ++ticks });
    expect(ticks).toBe(2 * tasks.length); // read at the start and the end of every task
    expect(JSON.stringify(onThreads)).toBe(JSON.stringify(serial));
  });

  it("an abort on a pool run cancels the tasks no thread has taken and keeps the finished ones", async () => {
    const controller = new AbortController();
    const tasks = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ config: good, seed }));
    const outcomes = await runTasks(tasks, { workers: 2, signal: controller.signal, onProgress: (finished) => finished === 2 && controller.abort() });
    const states = outcomes.map((outcome) => outcome.state);
    expect(outcomes.map((outcome) => outcome.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(states.filter((state) => state === "completed").length).toBeGreaterThanOrEqual(2);
    expect(states.filter((state) => state === "cancelled").length).toBeGreaterThanOrEqual(4);
    expect(states).not.toContain("errored");
  });
});
