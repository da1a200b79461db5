import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type ModelConfig, type StoreResults, simulate } from "../../sim/model/index.ts";
import { compareVariants, type Variant } from "./compareVariants.ts";
import type { ComparisonResults } from "./comparisonTypes.ts";
import { loadVariants } from "./loadVariants.ts";

const BASELINE = resolve("experiments/scenarios/baseline.yaml");
const POLICIES = ["idle-on-payment", "aggressive"].map((name) => resolve(`experiments/policies/${name}.yaml`));

/** A quarter of the baseline's traffic keeps each run short. */
function lighter(variant: Variant): Variant {
  const config = variant.config as ModelConfig & { kind: "store" };
  return { ...variant, config: { ...config, sessionRatesPerSecond: config.sessionRatesPerSecond.map((rate) => rate / 4) } };
}

describe("compareVariants", () => {
  const loaded = loadVariants(BASELINE, POLICIES, 1);
  const variants = loaded.variants.map(lighter);
  const comparison = compareVariants(variants, { replications: 6, seed: 11, control: loaded.control, workers: 1 });

  it("pairs replications by seed: the paired interval on conversion is much narrower than the unpaired one", async () => {
    const result = await comparison;
    // 2.5×: since the baseline staffs one agent at night with random absence, the desk is sometimes
    // empty and the policies' chat queues diverge more, so pairing removes a little less (2.9× for the first variant at seed 11).
    for (const row of result.differences.filter((entry) => entry.metric === "conversionRate")) {
      expect(row.difference.halfWidth!).toBeLessThan(row.unpairedHalfWidth! / 2.5);
    }
  });

  it("finds that the aggressive policy lowers conversion and raises annoyed exits, with the correction named", async () => {
    const result = await comparison;
    const aggressive = result.differences.find((row) => row.variant === "aggressive" && row.metric === "conversionRate")!;
    expect(aggressive.significant).toBe(true);
    expect(aggressive.difference.upper!).toBeLessThan(0);
    expect(result.correction).toBe("holm");
    expect(aggressive.adjustedPValue).toBeGreaterThanOrEqual(aggressive.pValue);
    expect(result.differences.find((row) => row.variant === "aggressive" && row.metric === "annoyedExits")!.difference.lower!).toBeGreaterThan(0);
    expect(result.ranking.at(-1)!.variant).toBe("aggressive");
    const total = result.ranking.reduce((sum, entry) => sum + entry.probabilityBest, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it("compareVariants({level}) sets the interval: half-widths at 80% and 99% differ by t(0.90, 5) ÷ t(0.995, 5)", async () => {
    const pair = variants.filter((variant) => variant.name === loaded.control || variant.name === "aggressive");
    const at = (level: number) => compareVariants(pair, { replications: 6, seed: 11, control: loaded.control, workers: 1, level });
    const [eighty, ninetyNine] = await Promise.all([at(0.8), at(0.99)]);
    expect([eighty.level, ninetyNine.level]).toEqual([0.8, 0.99]);
    const conversion = (result: ComparisonResults) => result.differences.find((row) => row.metric === "conversionRate")!.difference.halfWidth!;
    // Printed t table (NIST/SEMATECH §1.3.6.7.2), 5 degrees of freedom: t(0.90) = 1.476, t(0.995) = 4.032.
    expect(conversion(eighty) / conversion(ninetyNine)).toBeCloseTo(1.476 / 4.032, 3);
  });

  it("says 'no detectable difference' when two variants are the same policy", async () => {
    const same = [variants[0], { ...variants[0], name: "copy" }];
    const result = await compareVariants(same, { replications: 4, seed: 3, control: variants[0].name, workers: 1 });
    const row = result.differences.find((entry) => entry.primary)!;
    expect(row.difference.mean).toBe(0);
    expect(row.significant).toBe(false);
    expect(result.verdict).toMatch(/^no detectable difference in conversion/);
  });

  it("a desk with no agents has no answered-chat wait: the metric is reported as not comparable, never as a 0 s wait", async () => {
    // The full baseline day: its two agents make answered chats wait about half a minute.
    const control = loaded.variants[0];
    const config = control.config as ModelConfig & { kind: "store" };
    const noAgents = { ...control, name: "no-agents", config: { ...config, agents: { ...config.agents, scheduled: config.agents.scheduled.map(() => 0) } } };
    const result = await compareVariants([control, noAgents], {
      replications: 3,
      seed: 5,
      control: control.name,
      workers: 1,
      guardrails: ["meanWaitOfServedSeconds", "meanWaitSeconds"],
    });
    // Before the fix a missing wait counted as 0 s: a "significant" improvement of about −30 s.
    const bug = result.differences.find((row) => row.metric === "meanWaitOfServedSeconds");
    expect(bug, `reported as ${JSON.stringify(bug?.difference)}`).toBeUndefined();
    expect(result.differences.find((row) => row.metric === "meanWaitOfServedSeconds")).toBeUndefined();
    expect(result.notComparable).toContainEqual({ variant: "no-agents", metric: "meanWaitOfServedSeconds", missingInVariant: 3, missingInControl: 0 });
    // The mean wait of all requests (abandoned ones wait until they give up) exists in both and is compared on all 3 pairs.
    const wait = result.differences.find((row) => row.metric === "meanWaitSeconds")!;
    expect(wait.pairs).toBe(3);
    expect(wait.missingPairs).toBe(0);
  });

  it("rejects an unknown control", async () => {
    await expect(compareVariants(variants, { replications: 2, seed: 1, control: "nope", workers: 1 })).rejects.toThrow(/invalid control: "nope"/);
  });
});

describe("loadVariants", () => {
  it("reads a comparison file with a store lever as a variant (free shipping)", () => {
    const folder = mkdtempSync(join(tmpdir(), "convsim-compare-"));
    const file = join(folder, "levers.yaml");
    writeFileSync(
      file,
      `scenario: ${BASELINE}\ncontrol: today\nvariants:\n  - name: today\n  - name: free-shipping\n    overrides: { pricing: { freeShippingThreshold: 0 } }\n  - name: idle-invites\n    policy: ${POLICIES[0]}\n`,
    );
    const result = loadVariants(file, [], 1);
    expect(result.variants.map((variant) => variant.name)).toEqual(["today", "free-shipping", "idle-invites"]);
    expect(result.control).toBe("today");
    const pricing = (result.variants[1].config as ModelConfig & { kind: "store" }).pricing;
    expect(pricing.freeShippingThreshold).toBe(0);
  });
});

describe("the shipped friction comparison (experiments/comparisons/friction.yaml)", () => {
  const loaded = loadVariants(resolve("experiments/comparisons/friction.yaml"), [], 1);
  const store = (name: string) => loaded.variants.find((variant) => variant.name === name)!.config as ModelConfig & { kind: "store" };

  it("loads inline help and auto-save as store levers and the confusion policy as a variant", () => {
    expect(loaded.variants.map((variant) => variant.name)).toEqual(["today", "inline-help", "auto-save", "confused-invites"]);
    expect(store("today").funnel.inlineHelp.enabled).toBe(false);
    expect(store("inline-help").funnel.inlineHelp).toEqual({ enabled: true, errorReduction: 0.22, readingSecondsPerField: 2 });
    expect(store("auto-save").funnel.autoSave).toEqual({
      enabled: true,
      returnProbability: 0.1,
      returnDelaySeconds: { kind: "exponential", mean: 86_400 },
      finishProbability: 0.9,
      costPerSession: 0,
    });
    expect(store("confused-invites").chat.policy.rules.map((rule) => rule.text)).toEqual(["confusion and step == payment"]);
  });

  it("simulate: the confusion rule invites only confused shoppers, and the levers move what they act on", () => {
    const run = (name: string) => simulate(lighter({ ...loaded.variants.find((variant) => variant.name === name)! }).config, { seed: 5 }) as StoreResults;
    const [today, help, autoSave, invites] = ["today", "inline-help", "auto-save", "confused-invites"].map(run);
    expect(today.invitations.offered).toBe(0);
    expect(invites.friction.confusedShoppers).toBeGreaterThan(20);
    // One invitation per visit at most reaches a confused shopper (per-page cap 1, one payment page).
    expect(invites.invitations.offered).toBeGreaterThan(0);
    expect(invites.invitations.offered).toBeLessThanOrEqual(invites.friction.confusedShoppers);
    expect(help.friction.formErrors).toBeLessThan(today.friction.formErrors);
    expect(today.friction.autoSaveReturns).toBe(0);
    expect(autoSave.friction.autoSaveReturns).toBeGreaterThan(0);
    expect(autoSave.funnel.orders - today.funnel.orders).toBe(autoSave.friction.autoSaveOrders);
  });
});
