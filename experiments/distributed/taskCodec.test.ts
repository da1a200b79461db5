import { describe, expect, it } from "vitest";
import runSimulationTask from "../parallel/simulationWorker.ts";
import { tinyChatConfig } from "../parallel/testing/tinyChatConfig.ts";
import { decodeResults, decodeTask, encodeResults, encodeTasks, runId } from "./taskCodec.ts";

const config = tinyChatConfig({ serviceLevelSeconds: Infinity });

describe("taskCodec", () => {
  it("encodeTasks → decodeTask gives back the config (Infinity included), seed and labels, and the same results", () => {
    const [data] = encodeTasks([{ config, seed: "s:1", variant: "b", world: 3, replication: 1, staffing: 4 }], "v1");
    expect(data).toMatchObject({ version: "v1", seed: "s:1", variant: "b", world: 3, replication: 1, staffing: 4 });
    expect(data.configHash).toMatch(/^[0-9a-f]{64}$/);
    const task = decodeTask(JSON.parse(JSON.stringify(data)), "v1");
    expect(task.config.kind === "chatOnly" && task.config.serviceLevelSeconds).toBe(Infinity);
    expect(task).toEqual({ config, seed: "s:1", variant: "b", world: 3, replication: 1, staffing: 4 });
    const results = runSimulationTask({ config, seed: 1 });
    expect(JSON.stringify(decodeResults(encodeResults(results)))).toBe(JSON.stringify(results));
  });

  it("encodeTasks serializes a config shared by several tasks once (same hash and bytes)", () => {
    const jobs = encodeTasks(
      [
        { config, seed: 1 },
        { config, seed: 2 },
        { config: { ...config, name: "other" }, seed: 1 },
      ],
      "v1",
    );
    expect(jobs[0].configHash).toBe(jobs[1].configHash);
    expect(jobs[2].configHash).not.toBe(jobs[0].configHash);
  });

  it("decodeTask refuses a task of another version and one whose config does not match its hash", () => {
    const [data] = encodeTasks([{ config, seed: 1 }], "v1");
    expect(() => decodeTask(data, "v2")).toThrow(/^refused: the task comes from convsim v1, this worker runs v2$/);
    const altered = encodeTasks([{ config: { ...config, name: "tampered" }, seed: 1 }], "v1")[0].config;
    expect(() => decodeTask({ ...data, config: altered }, "v1")).toThrow(/^refused: the task's scenario does not match its hash [0-9a-f]{12}$/);
  });

  it("runId depends on the version, every task's config, seed and labels, and their order", () => {
    const tasks = [
      { config, seed: 1 },
      { config, seed: 2 },
    ];
    const id = runId(encodeTasks(tasks, "v1"));
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(runId(encodeTasks(tasks, "v1"))).toBe(id);
    expect(runId(encodeTasks(tasks, "v2"))).not.toBe(id);
    expect(runId(encodeTasks([...tasks].reverse(), "v1"))).not.toBe(id);
    expect(
      runId(
        encodeTasks(
          [
            { config, seed: 1, world: 0 },
            { config, seed: 2 },
          ],
          "v1",
        ),
      ),
    ).not.toBe(id);
  });
});
