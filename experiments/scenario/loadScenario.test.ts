import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../sim/model/index.ts";
import { WEEKDAYS } from "../../sim/policy/index.ts";
import { loadScenario, parseScenario, ScenarioError, worldScenario } from "./index.ts";
import { baselineData, baselinePath, chatOnlyProblems, reverseKeys } from "./testBaseline.ts";
import { CHAT_ONLY, MINIMAL_STORE, problemsOf } from "./testScenarios.ts";

describe("loadScenario: valid scenarios", () => {
  it("loadScenario(baseline) loads the store with its policy file and a 48-interval day", () => {
    const loaded = loadScenario(baselinePath);
    expect(loaded.path).toBe(baselinePath);
    expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(loaded.policy).toMatchObject({ name: "reactive-only", rules: [] });
    const { config } = loaded;
    if (config.kind !== "store") throw new Error("expected a store config");
    expect(config.horizon).toEqual({ days: 1, intervalSeconds: 1800 });
    expect(config.sessionRatesPerSecond).toHaveLength(48);
    // Rates are per second: they add up to the daily volume over the day.
    expect(config.sessionRatesPerSecond.reduce((total, rate) => total + rate * 1800, 0)).toBeCloseTo(40_000, 6);
    expect(config.segments.reduce((total, segment) => total + segment.weight, 0)).toBeCloseTo(1, 12);
    // One agent 22:00-08:00, two by day (baseline.yaml: random absence at 30% shrinkage).
    expect(config.agents.scheduled).toEqual(Array.from({ length: 48 }, (_, interval) => (interval < 16 || interval >= 44 ? 1 : 2)));
  });

  it("parseScenario(minimal) fills in every default", () => {
    const { scenario, config } = parseScenario(MINIMAL_STORE);
    if (scenario.mode !== "store" || config.kind !== "store") throw new Error("expected a store scenario");
    expect(scenario).toMatchObject({
      mode: "store",
      description: "",
      currency: "USD",
      horizon: { days: 1, intervalMinutes: 30 },
      pricing: { shippingFee: 7.95, taxRate: 0.07, fixedFee: 0, showTotalUpfront: false, marginRate: 0.35 },
      chat: { policy: { name: "reactive-only" }, queueDiscipline: "priority", serviceLevelSeconds: 30 },
      agents: { concurrency: 3, shrinkage: 0.25, costPerHour: 28, schedule: 2 },
    });
    expect(scenario.segments[0]).toMatchObject({
      returningProbability: 0.3,
      techComfort: 0.6,
      patienceSeconds: { kind: "exponential", mean: 120 },
      returningAddToCartRatio: 1.875,
      justBrowsingMultiplier: 1,
    });
    // Without a stated carrier cost the shipping fee is taken to recover it; cards at Stripe's list price.
    expect(config.pricing).toMatchObject({
      shippingCostPerOrder: 7.95,
      paymentFeeRate: 0.029,
      paymentFeePerOrder: 0.3,
      thresholdPadding: { probability: 0.28, reachShare: 0.4 },
    });
    expect(scenario.funnel.steps[0]).toMatchObject({ fields: [], hazards: {}, revealsTotal: false, fillSeconds: { kind: "lognormal", mean: 45, sd: 25 } });
    expect(scenario.funnel.cart).toEqual({ seconds: { kind: "lognormal", mean: 30, sd: 20 }, hazards: {} });
    expect(scenario.seed).toBeUndefined();
    // No threshold written means carts never ship free.
    expect(config.pricing.freeShippingThreshold).toBe(Infinity);
  });

  it("parseScenario(minimal) runs: simulate() returns finite figures for about 400 sessions", () => {
    const results = simulate(parseScenario(MINIMAL_STORE).config, { seed: 1 });
    if (results.kind !== "store") throw new Error("expected store results");
    expect(results.funnel.sessions).toBeGreaterThan(300);
    expect(results.funnel.sessions).toBeLessThan(500);
    expect(results.funnel.steps.map((step) => step.step)).toEqual(["browse", "cart", "payment"]);
    expect(Number.isFinite(results.revenue.revenue)).toBe(true);
    expect(results.intervals.sessions).toHaveLength(48);
  });

  it("parseScenario(chatOnly) loads a chat queue and runs it", () => {
    const loaded = parseScenario(CHAT_ONLY);
    expect(loaded.policy).toBeNull();
    expect(loaded.scenario).toMatchObject({ mode: "chatOnly", slowdownPerExtraChat: 0, serviceLevelSeconds: 20 });
    const { config } = loaded;
    if (config.kind !== "chatOnly") throw new Error("expected a chat-only config");
    expect(config.chatRatesPerSecond).toEqual(new Array(24).fill(10 / 3600));
    const results = simulate(config, { seed: 1 });
    expect(results.kind).toBe("chatOnly");
    expect(results.chat.requests).toBeGreaterThan(180);
    expect(results.chat.served + results.chat.abandoned).toBe(results.chat.requests);
  });

  it("parseScenario(chatOnly) defaults the warm-up to 10 mean handle times, at most a tenth of the horizon; the store to 0", () => {
    const chatOnly = parseScenario(CHAT_ONLY).config;
    expect(chatOnly.desk.warmupSeconds).toBe(3000);
    expect(parseScenario({ ...CHAT_ONLY, handleSeconds: { kind: "exponential", mean: 1200 } }).config.desk.warmupSeconds).toBe(8640);
    expect(parseScenario({ ...CHAT_ONLY, horizon: { days: 1, warmupSeconds: 0 } }).config.desk.warmupSeconds).toBe(0);
    expect(parseScenario(CHAT_ONLY, { overrides: { warmupSeconds: 600 } }).config.desk.warmupSeconds).toBe(600);
    expect(parseScenario(MINIMAL_STORE).config.desk.warmupSeconds).toBe(0);
  });

  it("parseScenario: chat-only shrinkage is 0 unless written, the store's 0.25; both as random absence by default", () => {
    const chatOnly = parseScenario(CHAT_ONLY).config;
    const store = parseScenario(MINIMAL_STORE).config;
    expect([chatOnly.agents.shrinkage, chatOnly.desk.shrinkageMethod]).toEqual([0, "absence"]);
    expect([store.agents.shrinkage, store.desk.shrinkageMethod]).toEqual([0.25, "absence"]);
    expect(parseScenario({ ...CHAT_ONLY, agents: { ...CHAT_ONLY.agents, shrinkage: 0.3, shrinkageMethod: "floor" } }).config.desk.shrinkageMethod).toBe(
      "floor",
    );
  });

  it("parseScenario rejects a warm-up as long as the horizon, in one line", () => {
    expect(chatOnlyProblems((data) => (data.horizon = { days: 1, warmupSeconds: 86400 }))).toEqual([
      "invalid horizon.warmupSeconds: 86400 (must be less than the horizon, 86400 s)",
    ]);
    expect(chatOnlyProblems((data) => (data.horizon = { days: 1, warmupSeconds: -5 }))[0]).toMatch(/^invalid horizon\.warmupSeconds: -5 \(must be >= 0\)$/);
  });

  it("parseScenario rejects a queue cap below 0 and reads desk.maxQueueLength (omitted: no cap)", () => {
    expect(chatOnlyProblems((data) => (data.desk = { maxQueueLength: -1 }))[0]).toMatch(/^invalid desk\.maxQueueLength: -1 \(must be an integer >= 0\)$/);
    expect(parseScenario({ ...CHAT_ONLY, desk: { maxQueueLength: 3 } }).config.desk.maxQueueLength).toBe(3);
    expect(parseScenario(CHAT_ONLY).config.desk.maxQueueLength).toBe(Infinity);
  });

  it("parseScenario dates day 0 with horizon.startDate: its weekday fills startWeekday, and the desk's exceptions apply", () => {
    const week = Object.fromEntries(WEEKDAYS.map((day) => [day, "08:00-20:00"]));
    const exceptions = [{ date: "2026-12-25", closed: true }];
    const config = parseScenario({ ...CHAT_ONLY, horizon: { days: 7, startDate: "2026-12-24" }, desk: { openingHours: { ...week, exceptions } } }).config;
    expect(config.desk.openingHours).toMatchObject({ startWeekday: 3, startDate: "2026-12-24", exceptions: [{ date: "2026-12-25", ranges: [] }] });
    // Without startDate nothing changes: a scenario that does not write it keeps its weekday and its hash.
    expect(parseScenario({ ...CHAT_ONLY, horizon: { days: 2, startWeekday: "monday" } }).hash).toBe(parseScenario({ ...CHAT_ONLY, horizon: { days: 2 } }).hash);
  });

  it("parseScenario rejects a startDate that is no date, a startWeekday that disagrees with it, and dated exceptions without it, in one line each", () => {
    expect(chatOnlyProblems((data) => (data.horizon = { days: 1, startDate: "2026-02-30" }))).toEqual([
      'invalid horizon.startDate: "2026-02-30" (must be a calendar date YYYY-MM-DD)',
    ]);
    expect(chatOnlyProblems((data) => (data.horizon = { days: 1, startDate: "2026-12-25", startWeekday: "monday" }))).toEqual([
      'invalid horizon.startWeekday: "monday" (must agree with startDate 2026-12-25, a friday (or be omitted))',
    ]);
    const week = Object.fromEntries(WEEKDAYS.map((day) => [day, "closed"]));
    expect(chatOnlyProblems((data) => (data.desk = { openingHours: { ...week, exceptions: [{ date: "2026-12-24", hours: "09:00-13:00" }] } }))).toEqual([
      "invalid desk.openingHours.exceptions: 1 dated exception (needs horizon.startDate, the calendar date of day 0, to place them on simulated days)",
    ]);
    expect(
      chatOnlyProblems((data) => {
        data.horizon = { days: 1, startDate: "2026-12-24" };
        data.desk = { openingHours: { ...week, exceptions: [{ date: "2026-12-32", closed: true }] } };
      }),
    ).toEqual(['invalid desk.openingHours.exceptions[0].date: "2026-12-32" (must be a calendar date YYYY-MM-DD)']);
    expect(chatOnlyProblems((data) => (data.desk = { openingHours: { ...week, exceptions: [{ date: "2026-12-24", closed: false }] } }))[0]).toMatch(
      /^invalid desk\.openingHours\.exceptions\[0\]\.closed: false \(allowed: true\)$/,
    );
  });

  it("parseScenario(chatOnly) accepts perInterval for one day, repeated over the horizon", () => {
    const { config } = parseScenario({
      ...CHAT_ONLY,
      horizon: { days: 2, intervalMinutes: 60 },
      arrivals: { perInterval: Array.from({ length: 24 }, (_, hour) => hour) },
    });
    if (config.kind !== "chatOnly") throw new Error("expected a chat-only config");
    expect(config.chatRatesPerSecond).toHaveLength(48);
    expect(config.chatRatesPerSecond[25] * 3600).toBeCloseTo(1, 12);
  });

  it("loadScenario(path, {days}) replaces the horizon and stretches rates and schedule", () => {
    const loaded = loadScenario(baselinePath, { days: 3 });
    if (loaded.config.kind !== "store") throw new Error("expected a store config");
    expect(loaded.config.horizon.days).toBe(3);
    expect(loaded.config.sessionRatesPerSecond).toHaveLength(144);
    expect(loaded.config.agents.scheduled).toHaveLength(144);
    expect(loaded.hash).not.toBe(loadScenario(baselinePath).hash);
    expect(problemsOf(() => loadScenario(baselinePath, { days: 0 }))).toEqual(["invalid horizon.days: 0 (must be an integer >= 1)"]);
  });

  it("loadScenario(path, {policy}) reads a policy file relative to the scenario, and checks an inline one", () => {
    const loaded = loadScenario(baselinePath, { policy: "../policies/aggressive.yaml" });
    expect(loaded.policy).toMatchObject({ name: "aggressive" });
    expect(loaded.hash).not.toBe(loadScenario(baselinePath).hash);
    const problems = problemsOf(() => loadScenario(baselinePath, { policy: { name: "typo", rules: [{ name: "r", when: "step == paymnet" }] } }));
    expect(problems).toEqual([
      expect.stringMatching(
        /^invalid chat\.policy\.rules\[0\]\.when: unknown step "paymnet" \(steps: browse, product, cart, account, shipping, payment, review\)$/,
      ),
    ]);
  });

  it("parseScenario does not modify the data it is given", () => {
    const data = structuredClone(MINIMAL_STORE);
    parseScenario(data, { overrides: { days: 2 } });
    expect(data).toEqual(MINIMAL_STORE);
  });

  it("the scenario hash ignores key order and explicit defaults, and changes with any value", () => {
    const hash = parseScenario(baselineData, { path: baselinePath }).hash;
    expect(parseScenario(reverseKeys(baselineData), { path: baselinePath }).hash).toBe(hash);
    expect(loadScenario(baselinePath).hash).toBe(hash);
    expect(parseScenario({ ...MINIMAL_STORE, currency: "USD", pricing: { taxRate: 0.07 } }).hash).toBe(parseScenario(MINIMAL_STORE).hash);

    const changed = structuredClone(baselineData);
    changed.segments[2].weight = 0.081;
    expect(parseScenario(changed, { path: baselinePath }).hash).not.toBe(hash);
    const renamed = structuredClone(baselineData);
    renamed.funnel.steps[3].fields = [{ name: "terms" }];
    expect(parseScenario(renamed, { path: baselinePath }).hash).not.toBe(hash);
    // The hash covers the policy's content, not the name of its file.
    expect(loadScenario(baselinePath, { policy: "../policies/idle-on-payment.yaml" }).hash).not.toBe(hash);
  });

  it("parseScenario accepts an empirical distribution of 200,000 observations", () => {
    const samples = Array.from({ length: 200_000 }, (_, i) => 60 + (i % 900));
    expect(() => parseScenario({ ...CHAT_ONLY, handleSeconds: { kind: "empirical", samples } })).not.toThrow();
  });
});

describe("loadScenario: files", () => {
  let folder: string;
  const file = (name: string, text: string): string => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "convsim-load-scenario-"));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("loadScenario reads JSON as well as YAML, to the same hash", () => {
    const path = file("minimal.json", JSON.stringify(MINIMAL_STORE));
    expect(loadScenario(path).hash).toBe(parseScenario(MINIMAL_STORE).hash);
  });

  it.each([
    [
      "a YAML syntax error",
      "syntax.yaml",
      "name: x\nhorizon: { days: 1\ntraffic: 3\n",
      /^invalid scenario file .*syntax\.yaml: YAML syntax error at line 3, column 1: .+$/,
    ],
    [
      "an unterminated string",
      "quote.yaml",
      'name: x\ndescription: "open\n',
      /^invalid scenario file .*quote\.yaml: YAML syntax error at line \d+, column \d+: .+$/,
    ],
    ["broken JSON", "broken.json", '{"name": "x",, }', /^invalid scenario file .*broken\.json: YAML syntax error at line 1, column 14: .+$/],
    [
      "a duplicate key",
      "duplicate.yaml",
      "name: x\nhorizon: { days: 1 }\nname: y\n",
      /^invalid scenario file .*duplicate\.yaml: YAML syntax error at line 3, column 1: Map keys must be unique$/,
    ],
    [
      "an alias without an anchor",
      "alias.yaml",
      "name: x\ndescription: *nowhere\n",
      /^invalid scenario file .*alias\.yaml: YAML alias error: Unresolved alias .*nowhere$/,
    ],
    ["an empty file", "empty.yaml", "", /^invalid scenario: empty \(must be a mapping of settings\)$/],
    ["only comments", "comments.yaml", "# nothing here\n", /^invalid scenario: empty \(must be a mapping of settings\)$/],
    ["a top-level list", "list.yaml", "- name: x\n- name: y\n", /^invalid scenario: .+ \(must be a mapping of settings\)$/],
    ["a top-level scalar", "scalar.yaml", "just text\n", /^invalid scenario: string \(must be a mapping of settings\)$/],
  ])("loadScenario(file with %s) reports one line", (_label, name, text, message) => {
    expect(problemsOf(() => loadScenario(file(name, text)))).toEqual([expect.stringMatching(message)]);
  });

  it("loadScenario names the file in the error message of a bad scenario", () => {
    const path = file(
      "bad-agents.yaml",
      "name: x\nhorizon: { days: 1 }\ntraffic: { sessionsPerDay: 10 }\nsegments: [{ name: a, weight: 1, device: mobile, addToCartProbability: 0.1 }]\nfunnel: { steps: [{ name: pay }] }\nagents: { concurrency: 0, schedule: 1 }\n",
    );
    expect(() => loadScenario(path)).toThrow(new ScenarioError(["invalid agents.concurrency: 0 (must be an integer >= 1)"], path));
  });

  it("loadScenario reports a missing scenario file or a folder", () => {
    const missing = join(folder, "no-such-scenario.yaml");
    expect(problemsOf(() => loadScenario(missing))).toEqual([`cannot read scenario file ${missing}: no such file`]);
    const directory = join(folder, "a-folder.yaml");
    mkdirSync(directory);
    expect(problemsOf(() => loadScenario(directory))).toEqual([`cannot read scenario file ${directory}: is a directory`]);
  });

  it("loadScenario reports a policy file that does not exist, resolved next to the scenario", () => {
    const path = file("missing-policy.yaml", `${JSON.stringify({ ...MINIMAL_STORE, chat: { policy: "policies/nope.yaml" } })}\n`);
    expect(problemsOf(() => loadScenario(path))).toEqual([`cannot read policy file ${join(folder, "policies/nope.yaml")}: no such file`]);
  });

  it("loadScenario reports problems inside a policy file under the policy file's name", () => {
    file("bad-policy.yaml", "name: bad\nrules:\n  - name: r\n    when: idleSecs >= 30\n");
    const path = file("uses-bad-policy.yaml", JSON.stringify({ ...MINIMAL_STORE, chat: { policy: "bad-policy.yaml" } }));
    let error: unknown;
    try {
      loadScenario(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toMatch(
      /^policy file bad-policy\.yaml:\n {2}invalid policy\.rules\[0\]\.when: "idleSecs >= 30" \(unknown signal idleSecs; .+\)$/,
    );
  });

  it("loadScenario reports a YAML error in a policy file with its line", () => {
    file("broken-policy.yaml", "name: broken\nrules: [\n");
    const path = file("uses-broken-policy.yaml", JSON.stringify({ ...MINIMAL_STORE, chat: { policy: "broken-policy.yaml" } }));
    expect(problemsOf(() => loadScenario(path))).toEqual([
      expect.stringMatching(/^invalid policy file .*broken-policy\.yaml: YAML syntax error at line \d+, column \d+: .+$/),
    ]);
  });
});

describe("uncertain parameters", () => {
  const uncertainStore = (value: unknown, edit: (data: Record<string, any>) => void = () => {}) => {
    const data: Record<string, any> = structuredClone(MINIMAL_STORE);
    data.segments[0].addToCartProbability = value;
    edit(data);
    return data;
  };

  it("parseScenario runs an uncertain number at its mean and lists it with its spec", () => {
    const loaded = parseScenario(uncertainStore({ uncertain: { low: 0.1, high: 0.3 } }));
    expect(loaded.uncertain).toEqual([
      { path: "segments[0].addToCartProbability", keys: ["segments", 0, "addToCartProbability"], spec: { kind: "uniform", low: 0.1, high: 0.3 } },
    ]);
    expect(loaded.config).toEqual(parseScenario(uncertainStore(0.2)).config);
    expect(parseScenario(uncertainStore({ uncertain: { beta: [1, 4] } })).config).toEqual(parseScenario(uncertainStore(0.2)).config);
  });

  it("the scenario hash covers the uncertainty: it differs from the central scenario's and changes with a range", () => {
    const hash = parseScenario(uncertainStore({ uncertain: { low: 0.1, high: 0.3 } })).hash;
    expect(hash).not.toBe(parseScenario(uncertainStore(0.2)).hash);
    expect(parseScenario(uncertainStore({ uncertain: { low: 0.05, high: 0.35 } })).hash).not.toBe(hash);
    expect(parseScenario(reverseKeys(uncertainStore({ uncertain: { high: 0.3, low: 0.1 } }))).hash).toBe(hash);
  });

  it("worldScenario puts a world's value in place and resolves that concrete scenario", () => {
    const loaded = parseScenario(uncertainStore({ uncertain: { low: 0.1, high: 0.3 } }));
    const world = worldScenario(loaded, { "segments[0].addToCartProbability": 0.27 });
    expect(world.config).toEqual(parseScenario(uncertainStore(0.27)).config);
    expect(world.hash).toBe(parseScenario(uncertainStore(0.27)).hash);
  });

  it("an uncertain number inside a distribution is drawn like any other", () => {
    const loaded = parseScenario(
      uncertainStore(0.2, (data) => (data.segments[0].patienceSeconds = { kind: "exponential", mean: { uncertain: { low: 60, mode: 90, high: 300 } } })),
    );
    expect(loaded.uncertain.map((parameter) => parameter.path)).toEqual(["segments[0].patienceSeconds.mean"]);
    expect((loaded.config as any).segments[0].patienceSeconds).toEqual({ kind: "exponential", mean: 150 });
  });

  it.each([
    [
      "a range beyond the field's",
      uncertainStore({ uncertain: { low: 0.5, high: 1.4 } }),
      /^invalid segments\[0\]\.addToCartProbability\.uncertain\.high: 1\.4 \(must be a probability in \[0, 1\]\)$/,
    ],
    [
      "low above high",
      uncertainStore({ uncertain: { low: 0.3, high: 0.1 } }),
      /^invalid segments\[0\]\.addToCartProbability\.uncertain\.high: 0\.1 \(must be >= low \(0\.3\)\)$/,
    ],
    [
      "Beta parameters <= 0",
      uncertainStore({ uncertain: { beta: [0, 2] } }),
      /^invalid segments\[0\]\.addToCartProbability\.uncertain\.beta\[0\]: 0 \(must be a finite number > 0\)$/,
    ],
    [
      "a Beta on a field that must be > 0",
      uncertainStore(0.2, (data) => (data.traffic.sessionsPerDay = { uncertain: { beta: [2, 2] } })),
      /^invalid traffic\.sessionsPerDay\.uncertain\.beta: a Beta reaches 0, which the field rejects \(must be > 0\)$/,
    ],
    [
      "a text field",
      uncertainStore(0.2, (data) => (data.segments[0].name = { uncertain: { low: 1, high: 2 } })),
      /^invalid segments\[0\]\.name: an uncertain number \(only numeric fields may be uncertain; must be a string\)$/,
    ],
    [
      "a choice field",
      uncertainStore(0.2, (data) => (data.segments[0].device = { uncertain: { low: 1, high: 2 } })),
      /^invalid segments\[0\]\.device: an uncertain number \(only numeric fields may be uncertain; allowed: desktop, mobile, tablet\)$/,
    ],
    [
      "a whole-number field",
      uncertainStore(0.2, (data) => (data.agents.concurrency = { uncertain: { low: 1, high: 4 } })),
      /^invalid agents\.concurrency\.uncertain: draws such as 2\.145898 \(must be an integer >= 1; a whole-number field cannot be uncertain\)$/,
    ],
    [
      "other keys beside uncertain",
      uncertainStore({ uncertain: { low: 0.1, high: 0.3 }, note: "x" }),
      /^invalid segments\[0\]\.addToCartProbability: uncertain with note \(write \{uncertain: \.\.\.\} alone in place of the number\)$/,
    ],
  ])("parseScenario rejects %s with one house-format line", (_, data, message) => {
    const problems = problemsOf(() => parseScenario(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
