import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../sim/model/index.ts";
import { WEEKDAYS } from "../../sim/policy/index.ts";
import { loadScenario, parseScenario, readDataFile, ScenarioError, type ScenarioOverrides, worldScenario } from "./index.ts";
import { CHAT_ONLY, MINIMAL_STORE, problemsOf } from "./testScenarios.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
const baselineData = readDataFile(baselinePath, "scenario file") as Record<string, any>;

/** Problems of the baseline after `edit` (the policy file resolves next to baseline.yaml). */
function baselineProblems(edit: (data: Record<string, any>) => void, overrides: ScenarioOverrides = {}): readonly string[] {
  const data = structuredClone(baselineData);
  edit(data);
  return problemsOf(() => parseScenario(data, { path: baselinePath, overrides }));
}

function chatOnlyProblems(edit: (data: Record<string, any>) => void): readonly string[] {
  const data: Record<string, any> = structuredClone(CHAT_ONLY);
  edit(data);
  return problemsOf(() => parseScenario(data));
}

/** The same data with object keys in reverse order at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  return value;
}

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

describe("loadScenario: one house-format line per problem", () => {
  const UNKNOWN = "unknown key \\(allowed: ";
  it.each([
    // Unknown keys, at every depth.
    [
      "unknown top-level key",
      (d: any) => (d.colour = "red"),
      new RegExp(`^invalid colour: ${UNKNOWN}mode, name, description, .*agents, desk, selfService\\)$`),
    ],
    [
      "unknown segment key",
      (d: any) => (d.segments[0].cartValu = 1),
      new RegExp(`^invalid segments\\[0\\]\\.cartValu: ${UNKNOWN}name, weight, device, .*invitationSensitivity\\)$`),
    ],
    [
      "unknown step hazard",
      (d: any) => (d.funnel.steps[0].hazards.tooExpensive = 0.1),
      new RegExp(`^invalid funnel\\.steps\\[0\\]\\.hazards\\.tooExpensive: ${UNKNOWN}extraCostsTooHigh, .*cardDeclined\\)$`),
    ],
    [
      "unknown agents key",
      (d: any) => (d.agents.concurency = 3),
      new RegExp(`^invalid agents\\.concurency: ${UNKNOWN}concurrency, shrinkage, shrinkageMethod, costPerHour, schedule\\)$`),
    ],
    [
      "unknown distribution key",
      (d: any) => (d.segments[1].patienceSeconds.sd = 20),
      new RegExp(`^invalid segments\\[1\\]\\.patienceSeconds\\.sd: ${UNKNOWN}kind, mean\\)$`),
    ],
    [
      "unknown inline policy key",
      (d: any) => (d.chat.policy = { name: "p", caps: { perPge: 1 } }),
      /^invalid chat\.policy\.caps\.perPge: 1 \(unknown key; allowed: perPage, perVisit, afterDecline, minGapSeconds\)$/,
    ],
    ["blank key", (d: any) => (d.agents[" "] = 1), new RegExp(`^invalid agents\\[" "\\]: ${UNKNOWN}concurrency, .*\\)$`)],
    ["empty key", (d: any) => (d[""] = 1), new RegExp(`^invalid \\[""\\]: ${UNKNOWN}mode, .*\\)$`)],
    // Wrong types.
    ["text for a number", (d: any) => (d.traffic.sessionsPerDay = "lots"), /^invalid traffic\.sessionsPerDay: "lots" \(must be a number\)$/],
    ["NaN as text", (d: any) => (d.segments[0].weight = "NaN"), /^invalid segments\[0\]\.weight: "NaN" \(must be a number\)$/],
    ["text for a flag", (d: any) => (d.pricing.showTotalUpfront = "yes"), /^invalid pricing\.showTotalUpfront: "yes" \(must be true or false\)$/],
    ["a mapping for a list", (d: any) => (d.segments = { desktop: {} }), /^invalid segments: an object \(.+\)$/],
    ["null for a mapping", (d: any) => (d.agents = null), /^invalid agents: null \(.+\)$/],
    ["infinite volume", (d: any) => (d.traffic.sessionsPerDay = Infinity), /^invalid traffic\.sessionsPerDay: Infinity \(must be .*\)$/],
    ["fractional days", (d: any) => (d.horizon.days = 1.5), /^invalid horizon\.days: 1\.5 \(must be an integer >= 1\)$/],
    // Negative rates and amounts.
    ["negative sessions", (d: any) => (d.traffic.sessionsPerDay = -5), /^invalid traffic\.sessionsPerDay: -5 \(must be > 0\)$/],
    ["negative fee", (d: any) => (d.pricing.shippingFee = -1), /^invalid pricing\.shippingFee: -1 \(must be >= 0\)$/],
    ["negative slowdown", (d: any) => (d.chat.slowdownPerExtraChat = -0.1), /^invalid chat\.slowdownPerExtraChat: -0\.1 \(must be >= 0\)$/],
    ["zero concurrency", (d: any) => (d.agents.concurrency = 0), /^invalid agents\.concurrency: 0 \(must be an integer >= 1\)$/],
    ["negative agents", (d: any) => (d.agents.schedule = -1), /^invalid agents\.schedule: -1 \(must be an integer >= 0\)$/],
    // Sizes the simulator cannot hold in memory.
    ["huge concurrency", (d: any) => (d.agents.concurrency = 1e9), /^invalid agents\.concurrency: 1000000000 \(must be an integer <= 100\)$/],
    ["huge team", (d: any) => (d.agents.schedule = 2e5), /^invalid agents\.schedule: 200000 \(must be an integer <= 100000\)$/],
    ["huge horizon", (d: any) => (d.horizon.days = 4000), /^invalid horizon\.days: 4000 \(must be an integer <= 3650\)$/],
    // Probabilities outside [0, 1].
    [
      "probability above 1",
      (d: any) => (d.segments[1].addToCartProbability = 1.5),
      /^invalid segments\[1\]\.addToCartProbability: 1\.5 \(must be a probability in \[0, 1\]\)$/,
    ],
    [
      "negative hazard",
      (d: any) => (d.funnel.steps[2].hazards.cardDeclined = -0.1),
      /^invalid funnel\.steps\[2\]\.hazards\.cardDeclined: -0\.1 \(must be a probability in \[0, 1\]\)$/,
    ],
    [
      "device probability",
      (d: any) => (d.funnel.hesitation.exitIntentProbability.mobile = 2),
      /^invalid funnel\.hesitation\.exitIntentProbability\.mobile: 2 \(must be a probability in \[0, 1\]\)$/,
    ],
    ["shrinkage of 1", (d: any) => (d.agents.shrinkage = 1), /^invalid agents\.shrinkage: 1 \(must be in \[0, 1\): nobody would be online\)$/],
    ["payment fee above 1", (d: any) => (d.pricing.paymentFeeRate = 1.2), /^invalid pricing\.paymentFeeRate: 1\.2 \(must be a probability in \[0, 1\]\)$/],
    ["negative carrier cost", (d: any) => (d.pricing.shippingCostPerOrder = -2), /^invalid pricing\.shippingCostPerOrder: -2 \(must be >= 0\)$/],
    // Missing required fields.
    ["no name", (d: any) => delete d.name, /^missing name \(required: a string\)$/],
    ["no days", (d: any) => delete d.horizon.days, /^missing horizon\.days \(required: an integer >= 1\)$/],
    ["no segment name", (d: any) => delete d.segments[0].name, /^missing segments\[0\]\.name \(required: a string\)$/],
    ["no steps", (d: any) => delete d.funnel.steps, /^missing funnel\.steps \(required: .+\)$/],
    [
      "no schedule",
      (d: any) => delete d.agents.schedule,
      /^invalid agents\.schedule: undefined \(must be a number of agents, a list of \{from, to, agents\} blocks, or \{perInterval: \[\.\.\.\]\}\)$/,
    ],
    ["no segments", (d: any) => (d.segments = []), /^invalid segments: a list of 0 \(must have at least 1 segment\)$/],
    ["empty name", (d: any) => (d.name = ""), /^invalid name: "" \(must not be empty\)$/],
    // Enums.
    ["device", (d: any) => (d.segments[0].device = "phone"), /^invalid segments\[0\]\.device: "phone" \(allowed: desktop, mobile, tablet\)$/],
    ["queue discipline", (d: any) => (d.chat.queueDiscipline = "lifo"), /^invalid chat\.queueDiscipline: "lifo" \(allowed: fifo, priority\)$/],
    ["mode", (d: any) => (d.mode = "shop"), /^invalid mode: "shop" \(allowed: store, chatOnly\)$/],
    [
      "field type",
      (d: any) => (d.funnel.steps[0].fields[1].type = "checkbox"),
      /^invalid funnel\.steps\[0\]\.fields\[1\]\.type: "checkbox" \(allowed: text, email, .*\)$/,
    ],
    [
      "distribution kind",
      (d: any) => (d.segments[0].cartValue = { kind: "pareto", mean: 3 }),
      /^invalid segments\[0\]\.cartValue\.kind: "pareto" \(allowed: constant, exponential, uniform, normal, lognormal, gamma, erlang, weibull, triangular, empirical\)$/,
    ],
    [
      "distribution without a kind",
      (d: any) => (d.segments[0].cartValue = { mean: 3 }),
      /^missing segments\[0\]\.cartValue\.kind \(allowed: constant, exponential, uniform, normal, lognormal, gamma, erlang, weibull, triangular, empirical\)$/,
    ],
    ["interval minutes", (d: any) => (d.horizon.intervalMinutes = 20), /^invalid horizon\.intervalMinutes: 20 \(must be one of 15, 30, 60\)$/],
    // Distributions.
    [
      "lognormal with only a mean",
      (d: any) => (d.segments[0].cartValue = { kind: "lognormal", mean: 130 }),
      /^invalid segments\[0\]\.cartValue: an object \(must give either mean and sd, or mu and sigma\)$/,
    ],
    [
      "lognormal with mixed parameters",
      (d: any) => (d.segments[0].cartValue = { kind: "lognormal", mean: 130, sigma: 1 }),
      /^invalid segments\[0\]\.cartValue: an object \(must give either mean and sd, or mu and sigma\)$/,
    ],
    [
      "uniform with min = max",
      (d: any) => (d.funnel.cart.seconds = { kind: "uniform", min: 5, max: 5 }),
      /^invalid funnel\.cart\.seconds\.max: 5 \(must be > min \(5\)\)$/,
    ],
    [
      "uniform with min > max",
      (d: any) => (d.funnel.cart.seconds = { kind: "uniform", min: 9, max: 5 }),
      /^invalid funnel\.cart\.seconds\.max: 5 \(must be > min \(9\)\)$/,
    ],
    [
      "triangular mode above max",
      (d: any) => (d.chat.handleSeconds = { kind: "triangular", min: 1, mode: 9, max: 5 }),
      /^invalid chat\.handleSeconds\.mode: 9 \(must lie in \[min, max\] = \[1, 5\]\)$/,
    ],
    [
      "triangular mode below min",
      (d: any) => (d.chat.handleSeconds = { kind: "triangular", min: 1, mode: 0, max: 5 }),
      /^invalid chat\.handleSeconds\.mode: 0 \(must lie in \[min, max\] = \[1, 5\]\)$/,
    ],
    [
      "untruncated normal duration",
      (d: any) => (d.segments[0].patienceSeconds = { kind: "normal", mean: 60, sd: 30 }),
      /^invalid segments\[0\]\.patienceSeconds: -Infinity \(must not produce negative values .*\)$/,
    ],
    [
      "uniform below zero",
      (d: any) => (d.funnel.steps[0].fillSeconds = { kind: "uniform", min: -5, max: 5 }),
      /^invalid funnel\.steps\[0\]\.fillSeconds: -5 \(must not produce negative values .*\)$/,
    ],
    [
      "negative constant",
      (d: any) => (d.funnel.hesitation.pauseSeconds = { kind: "constant", value: -1 }),
      /^invalid funnel\.hesitation\.pauseSeconds: -1 \(must not produce negative values .*\)$/,
    ],
    [
      "non-positive exponential mean",
      (d: any) => (d.chat.handleSeconds = { kind: "exponential", mean: 0 }),
      /^invalid chat\.handleSeconds\.mean: 0 \(must be > 0\)$/,
    ],
    [
      "lognormal whose sd overflows",
      (d: any) => (d.funnel.hesitation.pauseSeconds = { kind: "lognormal", mean: 5e-324, sd: 20 }),
      /^invalid funnel\.hesitation\.pauseSeconds\.sd: 20 \(must keep sd² ÷ mean² finite \(mean 5e-324\)\)$/,
    ],
    [
      "infinite mean",
      (d: any) => (d.segments[2].dwellSeconds = { kind: "weibull", shape: 0.001, scale: 1000 }),
      /^invalid segments\[2\]\.dwellSeconds: an object \(cannot be sampled: invalid weibull shape: 0\.001 \(gives no finite mean and variance; use a shape of about 0\.01 or more\)\)$/,
    ],
    [
      "normal truncated where it has no mass",
      (d: any) => (d.chat.handleSeconds = { kind: "normal", mean: -1e6, sd: 1, min: 0 }),
      /^invalid chat\.handleSeconds: an object \(cannot be sampled: invalid normal min: 0 \(must leave probability > 0 above it .*\)\)$/,
    ],
    // Schedules.
    [
      "gap between blocks",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "08:00", agents: 2 },
          { from: "09:00", to: "24:00", agents: 2 },
        ]),
      /^invalid agents\.schedule: no block covers 08:00 \(blocks must cover 00:00-24:00 every day\)$/,
    ],
    [
      "day not covered to midnight",
      (d: any) => (d.agents.schedule = [{ from: "00:00", to: "22:00", agents: 2 }]),
      /^invalid agents\.schedule: no block covers 22:00 \(blocks must cover 00:00-24:00 every day\)$/,
    ],
    [
      "block off the interval grid",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "08:15", agents: 1 },
          { from: "08:30", to: "24:00", agents: 2 },
        ]),
      /^invalid agents\.schedule\[0\]: 00:00-08:15 \(must start and end on 30-minute interval boundaries\)$/,
    ],
    [
      "block ending before it starts",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "24:00", agents: 2 },
          { from: "10:00", to: "08:00", agents: 2 },
        ]),
      /^invalid agents\.schedule\[1\]: 10:00-08:00 \(must end after it starts, by 24:00\)$/,
    ],
    [
      "time not HH:MM",
      (d: any) => (d.agents.schedule = [{ from: "0:00", to: "24:00", agents: 2 }]),
      /^invalid agents\.schedule\[0\]\.from: "0:00" \(must be a time HH:MM\)$/,
    ],
    [
      "perInterval too short",
      (d: any) => (d.agents.schedule = { perInterval: [1, 2, 3] }),
      /^invalid agents\.schedule\.perInterval: a list of 3 \(must have 48 values \(one day\) or 48 \(the horizon\) for 30-minute intervals\)$/,
    ],
    [
      "perInterval with a negative count",
      (d: any) => (d.agents.schedule = { perInterval: [1, -2, 3] }),
      /^invalid agents\.schedule\.perInterval\[1\]: -2 \(must be an integer >= 0\)$/,
    ],
    // Traffic profiles.
    [
      "dailyProfile too short",
      (d: any) => (d.traffic.dailyProfile = [1, 2, 3]),
      /^invalid traffic\.dailyProfile: a list of 3 \(must have 48 values for 30-minute intervals\)$/,
    ],
    [
      "dailyProfile for 15-minute intervals",
      (d: any) => (d.horizon.intervalMinutes = 15),
      /^invalid traffic\.dailyProfile: a list of 48 \(must have 96 values for 15-minute intervals\)$/,
    ],
    [
      "dailyProfile all zero",
      (d: any) => (d.traffic.dailyProfile = new Array(48).fill(0)),
      /^invalid traffic\.dailyProfile: all zero \(must have a positive weight somewhere\)$/,
    ],
    [
      "dailyProfile whose sum overflows",
      (d: any) => (d.traffic.dailyProfile = new Array(48).fill(1e308)),
      /^invalid traffic\.dailyProfile: a list of 48 \(weights must have a finite sum\)$/,
    ],
    [
      "volume × multiplier overflows",
      (d: any) => Object.assign(d.traffic, { sessionsPerDay: 1e308, dayMultipliers: [10] }),
      /^invalid traffic: 1e\+308 a day \(the arrival rate of interval 0 overflows: .+\)$/,
    ],
    // Names.
    ["duplicate segment", (d: any) => (d.segments[2].name = "desktop"), /^invalid segments\[2\]\.name: "desktop" \(names must be unique\)$/],
    ["duplicate step", (d: any) => (d.funnel.steps[3].name = "payment"), /^invalid funnel\.steps\[3\]\.name: "payment" \(names must be unique\)$/],
    [
      "duplicate field",
      (d: any) => (d.funnel.steps[1].fields[1].name = "fullName"),
      /^invalid funnel\.steps\[1\]\.fields\[1\]\.name: "fullName" \(names must be unique\)$/,
    ],
    [
      "step named cart",
      (d: any) => (d.funnel.steps[0].name = "cart"),
      /^invalid funnel\.steps\[0\]\.name: "cart" \(reserved for browsing pages: browse, product, cart\)$/,
    ],
    [
      "step named browse",
      (d: any) => (d.funnel.steps[0].name = "browse"),
      /^invalid funnel\.steps\[0\]\.name: "browse" \(reserved for browsing pages: browse, product, cart\)$/,
    ],
    // The sticker-shock point.
    [
      "two steps reveal the total",
      (d: any) => (d.funnel.steps[2].revealsTotal = true),
      /^invalid funnel\.steps: 2 steps reveal the total \(at most 1 may set revealsTotal\)$/,
    ],
    [
      "total shown up front and revealed later",
      (d: any) => (d.pricing.showTotalUpfront = true),
      /^invalid pricing\.showTotalUpfront: true \(contradicts funnel\.steps with revealsTotal: .+\)$/,
    ],
    // Policies.
    [
      "unknown signal",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "idleSecs >= 30" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: "idleSecs >= 30" \(unknown signal idleSecs; allowed: step, idleSeconds, .*\)$/,
    ],
    [
      "misspelt step in a rule",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "step == paymnet and idleSeconds >= 30" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: unknown step "paymnet" \(steps: browse, product, cart, account, shipping, payment, review\)$/,
    ],
    [
      "misspelt step in a list",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "step in [cart, paymnet]" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: unknown step "paymnet" \(steps: .+\)$/,
    ],
    [
      "misspelt step for the help button",
      (d: any) => (d.chat.policy = { name: "p", reactive: { steps: ["paymnet"] } }),
      /^invalid chat\.policy\.reactive\.steps\[0\]: unknown step "paymnet" \(steps: .+\)$/,
    ],
    [
      "negative cap",
      (d: any) => (d.chat.policy = { name: "p", caps: { perVisit: -1 } }),
      /^invalid chat\.policy\.caps\.perVisit: -1 \(must be an integer >= 0\)$/,
    ],
    [
      "gap cap as text",
      (d: any) => (d.chat.policy = { name: "p", caps: { minGapSeconds: "a minute" } }),
      /^invalid chat\.policy\.caps\.minGapSeconds: "a minute" \(must be a finite number >= 0\)$/,
    ],
    ["policy without a name", (d: any) => (d.chat.policy = { rules: [] }), /^invalid chat\.policy\.name: undefined \(is required\)$/],
    ["policy as a number", (d: any) => (d.chat.policy = 3), /^invalid chat\.policy: 3 \(must be a policy file path or a policy object\)$/],
  ])("parseScenario(baseline with %s) reports it", (_label, edit, message) => {
    const problems = baselineProblems(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("parseScenario lists every problem at once, one line each", () => {
    const problems = baselineProblems((d) => {
      d.agents.concurrency = 0;
      d.horizon.intervalMinutes = 20;
      d.colour = "red";
      d.segments[1].device = "phone";
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        "invalid agents.concurrency: 0 (must be an integer >= 1)",
        "invalid horizon.intervalMinutes: 20 (must be one of 15, 30, 60)",
        'invalid segments[1].device: "phone" (allowed: desktop, mobile, tablet)',
        expect.stringMatching(/^invalid colour: unknown key/),
      ]),
    );
  });

  it("parseScenario checks dayMultipliers against the horizon", () => {
    expect(baselineProblems((d) => (d.traffic.dayMultipliers = [1, 2, 3]), { days: 2 })).toEqual([
      "invalid traffic.dayMultipliers: a list of 3 (must have 1 value or 2, one per day)",
    ]);
    expect(() => parseScenario({ ...MINIMAL_STORE, traffic: { sessionsPerDay: 400, dayMultipliers: [1, 0.5] } }, { overrides: { days: 2 } })).not.toThrow();
  });

  it.each([
    ["both volumes", (d: any) => (d.arrivals.perInterval = new Array(24).fill(1)), /^invalid arrivals: both chatsPerDay and perInterval \(give one of them\)$/],
    ["no volume", (d: any) => delete d.arrivals.chatsPerDay, /^missing arrivals\.chatsPerDay \(required unless arrivals\.perInterval is given\)$/],
    [
      "perInterval too short",
      (d: any) => (d.arrivals = { perInterval: [1, 2] }),
      /^invalid arrivals\.perInterval: a list of 2 \(must have 24 values \(one day\) or 24 \(the horizon\)\)$/,
    ],
    ["negative volume", (d: any) => (d.arrivals.chatsPerDay = -1), /^invalid arrivals\.chatsPerDay: -1 \(must be > 0\)$/],
    ["store-only section", (d: any) => (d.chat = {}), /^invalid chat: unknown key \(allowed: mode, name, .*agents, desk, selfService\)$/],
    ["no handle time", (d: any) => delete d.handleSeconds, /^missing handleSeconds \(required: a distribution with a kind\)$/],
  ])("parseScenario(chat-only with %s) reports it", (_label, edit, message) => {
    const problems = chatOnlyProblems(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    [null, /^invalid scenario: empty \(must be a mapping of settings\)$/],
    [[MINIMAL_STORE], /^invalid scenario: .+ \(must be a mapping of settings\)$/],
    ["name: minimal", /^invalid scenario: string \(must be a mapping of settings\)$/],
    [42, /^invalid scenario: number \(must be a mapping of settings\)$/],
  ])("parseScenario(%j) rejects a scenario that is not a mapping", (data, message) => {
    expect(problemsOf(() => parseScenario(data))).toEqual([expect.stringMatching(message)]);
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
