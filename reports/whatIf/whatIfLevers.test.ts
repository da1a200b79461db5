import { describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { type ChatOnlyModelConfig, simulateChatOnly } from "../../sim/model/index.ts";
import { decodeModelJson, encodeModelJson } from "./modelJson.ts";
import { applyLevers, neutralLevers, whatIfFigures } from "./whatIfLevers.ts";

const config = loadScenario("experiments/scenarios/contact-center.yaml", { days: 1 }).config as ChatOnlyModelConfig;

describe("whatIfLevers", () => {
  it("applyLevers(neutralLevers) and the page's JSON round trip simulate to the published run's figures", () => {
    const published = whatIfFigures(simulateChatOnly(config, { seed: 3 }));
    const viaPage = decodeModelJson<ChatOnlyModelConfig>(JSON.parse(encodeModelJson(config)));
    expect(whatIfFigures(simulateChatOnly(applyLevers(viaPage, neutralLevers(config)), { seed: 3 }))).toEqual(published);
  });

  it("applyLevers changes only agents, concurrency and arrival rates, never below zero agents", () => {
    const changed = applyLevers(config, { agentsDelta: -1000, concurrency: 3, arrivalScale: 1.5 });
    expect(changed.agents.scheduled.every((agents) => agents === 0)).toBe(true);
    expect(changed.agents.concurrency).toBe(3);
    expect(changed.chatRatesPerSecond[10]).toBeCloseTo(config.chatRatesPerSecond[10] * 1.5, 15);
    expect(changed.handleSeconds).toBe(config.handleSeconds);
    expect(() => applyLevers(config, { agentsDelta: 0.5, concurrency: 2, arrivalScale: 1 })).toThrow(/invalid what-if levers/);
  });

  it("more agents (common random numbers: same arrivals) answer more chats within the threshold", () => {
    const base = whatIfFigures(simulateChatOnly(config, { seed: 3 }));
    const more = whatIfFigures(simulateChatOnly(applyLevers(config, { agentsDelta: 2, concurrency: config.agents.concurrency, arrivalScale: 1 }), { seed: 3 }));
    expect(more.requests).toBe(base.requests);
    expect(more.serviceLevel!).toBeGreaterThan(base.serviceLevel!);
  });
});
