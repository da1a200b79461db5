import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { type StoreModelConfig, simulateStore } from "../../sim/model/index.ts";
import { decodeModelJson, encodeModelJson } from "./modelJson.ts";
import { applyStoreLevers, neutralStoreLevers, policyThresholds, storeWhatIfFigures } from "./storeWhatIfLevers.ts";

const BASELINE = "experiments/scenarios/baseline.yaml";
const folder = mkdtempSync(join(tmpdir(), "convsim-store-levers-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The shipped baseline with its traffic and policy file swapped, as a user would edit it. */
function baselineWith(name: string, sessionsPerDay: number, policyPath: string): StoreModelConfig {
  const text = readFileSync(BASELINE, "utf8")
    .replace("sessionsPerDay: 40000", `sessionsPerDay: ${sessionsPerDay}`)
    .replace("../policies/reactive-only.yaml", JSON.stringify(resolve(policyPath)));
  writeFileSync(join(folder, name), text);
  return loadScenario(join(folder, name)).config as StoreModelConfig;
}

/** A policy file of the shipped ones with one text change. */
function policyWith(file: string, from: string, to: string): string {
  const text = readFileSync(`experiments/policies/${file}`, "utf8");
  expect(text).toContain(from);
  const path = join(folder, `${to.replace(/\W/g, "")}-${file}`);
  writeFileSync(path, text.replace(from, to));
  return path;
}

describe("storeWhatIfLevers", () => {
  const config = baselineWith("base.yaml", 4000, "experiments/policies/aggressive.yaml");

  it("policyThresholds lists every numeric comparison of the rules, rule by rule, as the policy file writes them", () => {
    // aggressive.yaml: `step in [...] and idleSeconds >= 10`, then `pageViews >= 6 and idleSeconds >= 5`.
    expect(policyThresholds(config.chat.policy)).toEqual([
      { rule: expect.any(String), signal: "idleSeconds", op: ">=", value: 10 },
      { rule: expect.any(String), signal: "pageViews", op: ">=", value: 6 },
      { rule: expect.any(String), signal: "idleSeconds", op: ">=", value: 5 },
    ]);
    const exitIntent = baselineWith("exit.yaml", 4000, "experiments/policies/exit-intent-high-value.yaml");
    expect(policyThresholds(exitIntent.chat.policy).map((item) => [item.signal, item.op, item.value])).toEqual([["cartValue", ">=", 150]]);
  });

  it("applyStoreLevers(neutralStoreLevers) after the page's JSON round trip simulates to the published run's figures", () => {
    const published = storeWhatIfFigures(simulateStore(config, { seed: 3 }));
    const viaPage = decodeModelJson<StoreModelConfig>(JSON.parse(encodeModelJson(config)));
    expect(storeWhatIfFigures(simulateStore(applyStoreLevers(viaPage, neutralStoreLevers(config)), { seed: 3 }))).toEqual(published);
  });

  it("a threshold lever gives the policy the loader resolves from the policy file with that number", () => {
    const edited = baselineWith("edited.yaml", 4000, policyWith("aggressive.yaml", "pageViews >= 6", "pageViews >= 9"));
    const levers = { ...neutralStoreLevers(config), thresholds: [10, 9, 5] };
    expect(applyStoreLevers(config, levers).chat.policy).toEqual(edited.chat.policy);
  });

  it("another policy of the list, with its thresholds, is the loader's policy from that file", () => {
    const idle = baselineWith("idle.yaml", 4000, "experiments/policies/idle-on-payment.yaml");
    const edited = baselineWith("idle-20.yaml", 4000, policyWith("idle-on-payment.yaml", "idleSeconds >= 30", "idleSeconds >= 20"));
    const levers = { ...neutralStoreLevers(config), policy: idle.chat.policy.name, thresholds: [20] };
    expect(applyStoreLevers(config, levers, [idle.chat.policy]).chat.policy).toEqual(edited.chat.policy);
  });

  it("traffic × 2 gives the loader's rates for twice the sessions per day, bit for bit (doubling is exact in floating point)", () => {
    const doubled = baselineWith("double.yaml", 8000, "experiments/policies/aggressive.yaml");
    expect(applyStoreLevers(config, { ...neutralStoreLevers(config), trafficScale: 2 }).sessionRatesPerSecond).toEqual(doubled.sessionRatesPerSecond);
  });

  it("applyStoreLevers sets agents (never below 0), concurrency and free shipping (null: never), and nothing else", () => {
    const changed = applyStoreLevers(config, { ...neutralStoreLevers(config), agentsDelta: -1000, concurrency: 1, freeShippingThreshold: null });
    expect(changed.agents.scheduled.every((agents) => agents === 0)).toBe(true);
    expect(changed.agents.concurrency).toBe(1);
    expect(changed.pricing.freeShippingThreshold).toBe(Infinity);
    expect({ ...changed, agents: config.agents, pricing: config.pricing }).toEqual(config);
    expect(applyStoreLevers(config, { ...neutralStoreLevers(config), agentsDelta: 1 }).agents.scheduled).toEqual(
      config.agents.scheduled.map((agents) => agents + 1),
    );
    expect(applyStoreLevers(config, { ...neutralStoreLevers(config), freeShippingThreshold: 50 }).pricing.freeShippingThreshold).toBe(50);
  });

  it("applyStoreLevers rejects bad levers and unknown policies with one line", () => {
    const neutral = neutralStoreLevers(config);
    expect(() => applyStoreLevers(config, { ...neutral, trafficScale: 0 })).toThrow(/^invalid what-if levers: .* \(traffic scale > 0/);
    expect(() => applyStoreLevers(config, { ...neutral, concurrency: 1.5 })).toThrow(/invalid what-if levers/);
    expect(() => applyStoreLevers(config, { ...neutral, freeShippingThreshold: -1 })).toThrow(/invalid what-if levers/);
    expect(() => applyStoreLevers(config, { ...neutral, thresholds: [10, Number.NaN, 5] })).toThrow(/invalid what-if levers/);
    expect(() => applyStoreLevers(config, { ...neutral, thresholds: [10] })).toThrow(/^invalid what-if thresholds: 1 numbers \(policy aggressive has 3\)$/);
    expect(() => applyStoreLevers(config, { ...neutral, policy: "nope" })).toThrow(/^invalid what-if policy: "nope" \(allowed: aggressive\)$/);
  });
});
