import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import { distributionMean } from "../../sim/random/index.ts";
import { loadScenario, parseScenario, readDataFile } from "../scenario/index.ts";
import { evaluateSchedule } from "./evaluateSchedule.ts";
import { chatWeightedPatienceSeconds, GENEROUS_MAX_PROBABILITY_OF_WAIT, measureLoads } from "./measureLoads.ts";

const options = { replications: 2, seed: 1, level: 0.95, workers: 1 };

describe("measureLoads", () => {
  it("measureLoads(chat-only) uses the forecast rates and the distributions' means, simulating nothing", async () => {
    const { config } = loadScenario(fileURLToPath(new URL("../scenarios/contact-center.yaml", import.meta.url)));
    if (config.kind !== "chatOnly") throw new Error("expected a chat-only scenario");
    const loads = await measureLoads(config, () => Promise.reject(new Error("must not simulate")));
    expect(loads.arrivalRatesPerSecond).toEqual(config.chatRatesPerSecond);
    expect(loads.summary).toMatchObject({ source: "forecast", meanHandleSeconds: 600, meanPatienceSeconds: 150, replications: 0 });
  });

  it("measureLoads(store) measures the chat demand per interval with generous staffing", async () => {
    const path = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
    const data = readDataFile(path, "scenario file") as Record<string, any>;
    data.traffic.sessionsPerDay = 10_000;
    const { config } = parseScenario(data, { path });
    const loads = await measureLoads(config, (scheduled) => evaluateSchedule(config, scheduled, options));
    const runs = loads.evaluation!.runs;
    const requests = runs.reduce((sum, run) => sum + run.chat.requests, 0) / runs.length;
    const measured = loads.arrivalRatesPerSecond.reduce((sum, rate) => sum + rate * config.horizon.intervalSeconds, 0);
    expect(measured).toBeCloseTo(requests, 9);
    expect(runs.every((run) => (run.chat.probabilityOfWait ?? 0) <= GENEROUS_MAX_PROBABILITY_OF_WAIT)).toBe(true);
    expect(loads.summary.source).toBe("simulated");
    expect(loads.summary.meanHandleSeconds).toBeGreaterThan(distributionMean((config as StoreModelConfig).chat.handleSeconds) * 0.8);
    expect(loads.summary.invitationShare).toBe(0);
  });

  it("chatWeightedPatienceSeconds(baseline) lies between the segments' mean patience", () => {
    const { config } = loadScenario(fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url)));
    const patience = chatWeightedPatienceSeconds(config as StoreModelConfig);
    expect(patience).toBeGreaterThan(200);
    expect(patience).toBeLessThan(300);
  });
});
