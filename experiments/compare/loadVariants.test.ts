import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { ModelConfig } from "../../sim/model/index.ts";
import { MINIMAL_STORE, problemsOf } from "../scenario/testScenarios.ts";
import { deepMerge, loadVariants } from "./loadVariants.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-variants-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("loadVariants", () => {
  it.each([
    ["names itself as its scenario", "self.yaml", "scenario: self.yaml\nvariants:\n  - name: a\n  - name: b\n"],
    ["names another comparison", "outer.yaml", "scenario: self.yaml\nvariants:\n  - name: b\n  - name: c\n"],
  ])("loadVariants refuses a comparison file that %s, in one house-format line", (_, name, text) => {
    writeFileSync(join(folder, "self.yaml"), "scenario: self.yaml\nvariants:\n  - name: a\n  - name: b\n");
    writeFileSync(join(folder, name), text);
    expect(problemsOf(() => loadVariants(join(folder, name), []))).toEqual([
      'invalid scenario: "self.yaml" (must name a scenario file, not a comparison file)',
    ]);
    expect(() => loadVariants(join(folder, name), [])).toThrow(`comparison file ${join(folder, name)}:`);
  });

  it("loadVariants names what it could not read: the scenario file, or the one a comparison file names", () => {
    expect(() => loadVariants(join(folder, "missing.yaml"), [])).toThrow(`cannot read scenario file ${join(folder, "missing.yaml")}: no such file`);
    const comparison = join(folder, "names-missing.yaml");
    writeFileSync(comparison, "scenario: missing.yaml\nvariants:\n  - name: a\n  - name: b\n");
    expect(() => loadVariants(comparison, [])).toThrow(`cannot read scenario file ${join(folder, "missing.yaml")}: no such file`);
  });

  it("loadVariants reads a file holding null or a word as a scenario that is not a mapping, not as a comparison", () => {
    const empty = join(folder, "null.yaml");
    writeFileSync(empty, "null\n");
    expect(problemsOf(() => loadVariants(empty, []))).toEqual(["invalid scenario: empty (must be a mapping of settings)"]);
    const word = join(folder, "word.yaml");
    writeFileSync(word, "hello\n");
    expect(problemsOf(() => loadVariants(word, []))).toEqual(["invalid scenario: string (must be a mapping of settings)"]);
  });

  it("loadVariants of a chat-only scenario names its one variant current (a desk has no trigger policy)", () => {
    const desk = join(folder, "desk.yaml");
    writeFileSync(
      desk,
      "mode: chatOnly\nname: Desk\nhorizon: { days: 1, intervalMinutes: 60 }\narrivals: { chatsPerDay: 10 }\nhandleSeconds: { kind: exponential, mean: 60 }\nagents: { concurrency: 1, schedule: 1 }\n",
    );
    const loaded = loadVariants(desk, []);
    expect(loaded.variants.map((variant) => [variant.name, variant.policy])).toEqual([["current", "current"]]);
    expect(loaded.control).toBe("current");
  });

  it("loadVariants quotes the value a comparison file gives where a list belongs", () => {
    const comparison = join(folder, "not-a-list.yaml");
    writeFileSync(comparison, "scenario: self.yaml\nvariants: 3\n");
    expect(problemsOf(() => loadVariants(comparison, []))).toEqual(["invalid variants: 3 (must be a list)"]);
  });
});

describe("loadVariants variants", () => {
  const policies = resolve("experiments/policies");
  const write = (name: string, data: unknown): string => {
    const path = join(folder, name);
    writeFileSync(path, typeof data === "string" ? data : stringify(data));
    return path;
  };
  // The policies name the checkout steps: give the minimal store all four.
  const steps = ["account", "shipping", "payment", "review"].map((name) => ({ name }));
  const store = write("store.yaml", { ...MINIMAL_STORE, funnel: { steps } });

  it("loadVariants(scenario, policies) runs the scenario's own policy first as the control, then each policy file named after its policy", () => {
    const loaded = loadVariants(store, [join(policies, "aggressive.yaml"), join(policies, "idle-on-payment.yaml")], 2);
    expect(loaded.variants.map((variant) => [variant.name, variant.policy])).toEqual([
      ["reactive-only", "reactive-only"],
      ["aggressive", "aggressive"],
      ["idle-on-payment", "idle-on-payment"],
    ]);
    expect(loaded.control).toBe("reactive-only");
    expect(loaded.primaryMetric).toBeUndefined();
    expect(loaded.base.config.horizon.days).toBe(2);
    expect(loaded.variants.every((variant) => variant.config.horizon.days === 2)).toBe(true);
    expect(new Set(loaded.variants.map((variant) => variant.scenarioHash)).size).toBe(3);
    expect(loaded.variants[1].scenario?.config).toBe(loaded.variants[1].config);
  });

  it("loadVariants drops a policy file that repeats a variant exactly and numbers different variants that share a policy name", () => {
    // A copy of aggressive under another file name, and the changed copy given twice, are the same runs
    // (same scenario hash): dropped. A copy with another cap is a different variant with the same name:
    // aggressive#2; so is reactive-only.yaml, which differs from the minimal store's built-in default policy.
    const aggressive = readFileSync(join(policies, "aggressive.yaml"), "utf8");
    const copy = write("copy-of-aggressive.yaml", aggressive);
    const changed = write("changed-aggressive.yaml", aggressive.replace("minGapSeconds: 30", "minGapSeconds: 60"));
    expect(readFileSync(changed, "utf8")).not.toBe(aggressive);
    const loaded = loadVariants(store, [join(policies, "reactive-only.yaml"), join(policies, "aggressive.yaml"), copy, changed, changed]);
    expect(loaded.variants.map((variant) => variant.name)).toEqual(["reactive-only", "reactive-only#2", "aggressive", "aggressive#2"]);
    expect(loaded.variants.map((variant) => variant.policy)).toEqual(["reactive-only", "reactive-only", "aggressive", "aggressive"]);
  });

  it("loadVariants(comparison file) merges each variant's overrides into the scenario, resolves policies beside the file and reads control and metric", () => {
    const comparison = write(
      "levers.yaml",
      stringify({
        scenario: "store.yaml",
        control: "today",
        primaryMetric: "revenuePerSession",
        variants: [
          { name: "today" },
          { name: "free-at-50", overrides: { pricing: { freeShippingThreshold: 50 }, horizon: { days: 3 } } },
          { name: "invites", policy: relative(folder, join(policies, "idle-on-payment.yaml")) },
        ],
      }),
    );
    const loaded = loadVariants(comparison, [], undefined, undefined, 120);
    expect(loaded.control).toBe("today");
    expect(loaded.primaryMetric).toBe("revenuePerSession");
    expect(loaded.variants.map((variant) => [variant.name, variant.policy])).toEqual([
      ["today", "reactive-only"],
      ["free-at-50", "reactive-only"],
      ["invites", "idle-on-payment"],
    ]);
    const [today, free] = loaded.variants.map((variant) => variant.config as ModelConfig & { kind: "store" });
    expect(free.pricing.freeShippingThreshold).toBe(50);
    expect(today.pricing.freeShippingThreshold).not.toBe(50);
    // A nested override changes only the key it names: the horizon keeps its other fields.
    expect([today.horizon.days, free.horizon.days]).toEqual([1, 3]);
    expect(free.horizon.intervalSeconds).toBe(today.horizon.intervalSeconds);
    expect(free.pricing.shippingFee).toBe(today.pricing.shippingFee);
    expect(loaded.base.config.desk.warmupSeconds).toBe(120);
    expect(loaded.base.path).toBe(store);
  });

  it("loadVariants(comparison file) defaults the control to the first variant and refuses duplicate names, an unknown control and one variant", () => {
    const file = (name: string, body: object) => write(name, stringify({ scenario: "store.yaml", ...body }));
    const first = loadVariants(file("first.yaml", { variants: [{ name: "a" }, { name: "b", overrides: { agents: { schedule: 3 } } }] }), []);
    expect(first.control).toBe("a");
    const duplicate = file("duplicate.yaml", { variants: [{ name: "a" }, { name: "a" }] });
    expect(problemsOf(() => loadVariants(duplicate, []))).toEqual(["invalid variants: names must be unique"]);
    expect(() => loadVariants(duplicate, [])).toThrow(`comparison file ${duplicate}:`);
    const unknown = file("unknown.yaml", { control: "c", variants: [{ name: "a" }, { name: "b" }] });
    expect(problemsOf(() => loadVariants(unknown, []))).toEqual(['invalid control: "c" (variants: a, b)']);
    expect(() => loadVariants(unknown, [])).toThrow(`comparison file ${unknown}:`);
    const one = file("one.yaml", { variants: [{ name: "a" }] });
    expect(problemsOf(() => loadVariants(one, []))[0]).toMatch(/^invalid variants: .*must list at least 2 variants/);
    expect(() => loadVariants(one, [])).toThrow(`comparison file ${one}:`);
  });
});

describe("deepMerge", () => {
  it("deepMerge merges objects key by key and replaces numbers, arrays and null", () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 4 }, { a: { c: [3] }, e: 5 })).toEqual({ a: { b: 1, c: [3] }, d: 4, e: 5 });
    expect(deepMerge({ a: { b: 1 } }, { a: null })).toEqual({ a: null });
    expect(deepMerge([1, 2], { 0: 3 })).toEqual({ 0: 3 });
    expect(deepMerge({ a: 1 }, [2])).toEqual([2]);
    expect(deepMerge(null, { a: 1 })).toEqual({ a: 1 });
    const base = { a: { b: 1 } };
    deepMerge(base, { a: { b: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });
});
