import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { CHECKOUT_REASONS, type ChatOnlyResults, type ModelConfig, type SimulationResults, type StoreResults, simulate } from "../../sim/model/index.ts";
import { parseDataText, parseScenario, ScenarioError } from "./index.ts";
import { chatOnlyScenarioArbitrary, FUZZ_VOLUME_PER_DAY, POLICY_FILES, storeScenarioArbitrary } from "./testArbitraries.ts";
import { applyMutation, junkValue, mutationArbitrary } from "./testMutations.ts";

// Issue: thousands of random and mutated scenarios go through the loader and the simulator; each one
// either runs to the end with finite numbers everywhere or is rejected with a clear error; none
// crashes or hangs. Any exception other than ScenarioError fails the property, and fast-check
// prints the shrunk scenario and the seed to replay it.

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
const baselineText = readFileSync(baselinePath, "utf8");
/** The baseline at fuzz volume; its policy file is resolved next to baseline.yaml. */
const baselineData = parseDataText(baselineText, "baseline") as Record<string, any>;
baselineData.traffic.sessionsPerDay = FUZZ_VOLUME_PER_DAY;

const chatOnlyBase = {
  mode: "chatOnly",
  name: "fuzz chat desk",
  horizon: { days: 1, intervalMinutes: 30 },
  arrivals: { chatsPerDay: FUZZ_VOLUME_PER_DAY },
  handleSeconds: { kind: "lognormal", mean: 600, sd: 300 },
  patienceSeconds: { kind: "exponential", mean: 90 },
  slowdownPerExtraChat: 0.15,
  agents: {
    concurrency: 3,
    shrinkage: 0.25,
    schedule: [
      { from: "00:00", to: "08:00", agents: 1 },
      { from: "08:00", to: "24:00", agents: 3 },
    ],
  },
};

/** A house-format problem line: `invalid <path>: <value> (<reason>)` or `missing <path> (<reason>)`. */
const PROBLEM_LINE = /^(invalid|missing) [^\s].*\(.+\)$/;
/** Lines about files: unreadable, or not YAML (the parser's own message ends the line). */
const FILE_LINE = /^(cannot read (scenario|policy) file .+: .+|invalid .+: YAML (syntax error at line \d+, column \d+|alias error): .+)$/;

/**
 * Runs above this many expected arrivals are skipped: a scenario that asks for millions of sessions
 * is a big workload, not a hang, and the fuzz budget is for variety. Mutations reach it rarely
 * (a day multiplier of 1e9, say); the loader must still give finite rates for it.
 */
const MAX_EXPECTED_ARRIVALS = 3000;

/**
 * Paths of the fields whose type allows null (the `Ratio`s, null when undefined, and the wait
 * histogram's open last bound), with list indices written `[]`: `funnel.steps[].continueRate`.
 */
type NullablePaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: null extends T[K]
    ? `${Prefix}${K}`
    : T[K] extends readonly (infer Item)[]
      ? null extends Item
        ? `${Prefix}${K}[]`
        : Item extends object
          ? NullablePaths<Item, `${Prefix}${K}[].`>
          : never
      : T[K] extends object
        ? NullablePaths<T[K], `${Prefix}${K}.`>
        : never;
}[keyof T & string];
type NullablePath = NullablePaths<StoreResults> | NullablePaths<ChatOnlyResults>;

const NULLABLE_PATHS = [
  ...(
    ["probabilityOfWait", "meanWaitSeconds", "meanWaitOfServedSeconds", "waitOfServedP50Seconds", "waitOfServedP90Seconds", "waitOfServedP95Seconds"] as const
  ).map((key) => `chat.${key}` as const),
  ...(
    [
      "serviceLevel",
      "serviceLevelOfAnswered",
      "queueAbandonmentRate",
      "meanHandleSeconds",
      "occupancy",
      "slotUtilization",
      "meanConcurrency",
      "meanChatsPerAgent",
      "blockingRate",
    ] as const
  ).map((key) => `chat.${key}` as const),
  "chat.waitHistogram.upperBoundsSeconds[]",
  "chat.agents[].meanHandleSeconds",
  "chat.agents[].occupancy",
  ...(["occupancy", "meanConcurrency", "serviceLevel", "meanWaitOfServedSeconds"] as const).map((key) => `intervals.${key}[]` as const),
  ...(["addToCartRate", "conversionRate", "cartAbandonmentRate", "checkoutAbandonmentRate"] as const).map((key) => `funnel.${key}` as const),
  "funnel.steps[].continueRate",
  ...CHECKOUT_REASONS.map((reason) => `abandonment.checkoutReasonShares.${reason}` as const),
  ...(["averageOrderValue", "orderValueStandardDeviation", "meanCartValue", "revenuePerSession"] as const).map((key) => `revenue.${key}` as const),
  "invitations.acceptanceRate",
  ...(["early", "later", "newVisitors", "returningVisitors", "inCart"] as const).map((group) => `invitations.byGroup.${group}.acceptanceRate` as const),
  "invitations.annoyance.first.annoyanceRate",
  "invitations.annoyance.repeat.annoyanceRate",
  "profit.contributionProfitPerSession",
  ...(["desktop", "mobile", "tablet"] as const).flatMap((device) =>
    (["addToCartRate", "conversionRate", "cartAbandonmentRate"] as const).map((key) => `funnel.byDevice.${device}.${key}` as const),
  ),
  ...(["new", "returning"] as const).flatMap((visitor) =>
    (["addToCartRate", "conversionRate", "cartAbandonmentRate"] as const).map((key) => `funnel.byVisitor.${visitor}.${key}` as const),
  ),
  "freeShipping.paddedOrderShare",
  "friction.confusedShareOfCheckouts",
  "meanSessionSeconds",
] as const satisfies readonly NullablePath[];
// Type check that the list is complete: a nullable results field added later fails `tsc` here, by name.
type UnlistedNullablePath = Exclude<NullablePath, (typeof NULLABLE_PATHS)[number]>;
const everyNullablePathListed: [UnlistedNullablePath] extends [never] ? true : UnlistedNullablePath = true;
const nullablePaths = new Set<string>(NULLABLE_PATHS);

/** Every number in `value` that is not finite, and every null where the results type allows none. */
function badNumbers(value: unknown, path = ""): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (value === null) {
    return everyNullablePathListed && nullablePaths.has(path.replace(/\[\d+\]/g, "[]")) ? [] : [`${path}: null`];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => badNumbers(item, `${path}[${index}]`));
  if (typeof value === "object") return Object.entries(value).flatMap(([key, item]) => badNumbers(item, path === "" ? key : `${path}.${key}`));
  return typeof value === "string" || typeof value === "boolean" ? [] : [`${path}: ${typeof value}`];
}

function expectedArrivals(config: ModelConfig): number {
  const rates = config.kind === "store" ? config.sessionRatesPerSecond : config.chatRatesPerSecond;
  return rates.reduce((total, rate) => total + rate, 0) * config.horizon.intervalSeconds;
}

/** Simulator bugs this fuzzing found and that are not fixed yet (messages allowed to escape); none today. */
const KNOWN_SIMULATOR_BUGS: RegExp[] = [];

/** Tally of what happened to the generated scenarios, so a test can check its generator is not degenerate. */
interface Outcomes {
  rejected: number;
  ran: number;
  skipped: number;
  knownBug: number;
}

const newOutcomes = (): Outcomes => ({ rejected: 0, ran: 0, skipped: 0, knownBug: 0 });

/**
 * The property: load `data` (one day); either a ScenarioError with house-format lines, or a config
 * that simulates to the end with finite numbers, bounded arrivals and consistent counts.
 */
function loadsAndRunsOrIsRejected(data: unknown, seed: number, outcomes: Outcomes): void {
  let loaded: ReturnType<typeof parseScenario>;
  try {
    loaded = parseScenario(data, { path: baselinePath, overrides: { days: 1 } });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const line of error.problems) expect(PROBLEM_LINE.test(line) || FILE_LINE.test(line), `not a house-format line: ${JSON.stringify(line)}`).toBe(true);
    outcomes.rejected++;
    return;
  }
  const { config } = loaded;
  const expected = expectedArrivals(config);
  expect(Number.isFinite(expected), `expected arrivals ${expected}`).toBe(true);
  expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/);
  if (expected > MAX_EXPECTED_ARRIVALS) {
    outcomes.skipped++;
    return;
  }
  // Hang guard for runaway arrivals: a Poisson count stays far below expected + 10 sd + 50.
  const arrivalBound = Math.ceil(expected + 10 * Math.sqrt(expected) + 50);
  // (A loop that never yields cannot be interrupted in-process; the run would then hit the test timeout.)
  let sessions = 0;
  let results: SimulationResults;
  try {
    results = simulate(config, {
      seed,
      onSession: () => {
        if (++sessions > arrivalBound) throw new Error(`runaway run: more than ${arrivalBound} sessions for ${expected.toFixed(1)} expected`);
      },
    });
  } catch (error) {
    if (error instanceof RangeError && KNOWN_SIMULATOR_BUGS.some((known) => known.test(error.message))) {
      outcomes.knownBug++;
      return;
    }
    throw error;
  }
  expect(badNumbers(results)).toEqual([]);
  expect(results.kind).toBe(config.kind);
  const intervals = config.horizon.days * (86400 / config.horizon.intervalSeconds);
  for (const [name, series] of Object.entries(results.intervals)) if (Array.isArray(series)) expect(series, `intervals.${name}`).toHaveLength(intervals);
  const { chat } = results;
  expect(chat.served + chat.abandoned).toBeLessThanOrEqual(chat.requests);
  if (results.kind === "store") {
    const { funnel } = results;
    expect(funnel.sessions).toBeLessThanOrEqual(arrivalBound);
    expect(sessions).toBe(funnel.sessions);
    expect(funnel.carts).toBeLessThanOrEqual(funnel.sessions);
    expect(funnel.checkoutStarts).toBeLessThanOrEqual(funnel.carts);
    expect(funnel.orders).toBeLessThanOrEqual(funnel.checkoutStarts);
  } else expect(chat.requests).toBeLessThanOrEqual(arrivalBound);
  outcomes.ran++;
}

const seedArbitrary = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("scenario fuzzing: every scenario runs with finite results or is rejected clearly", () => {
  it("parseScenario + simulate on 1,000 mutations of the baseline and a chat-only scenario", () => {
    const outcomes = newOutcomes();
    fc.assert(
      fc.property(
        fc.constantFrom("store", "store", "store", "chatOnly"),
        fc.constantFrom(...POLICY_FILES),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
        seedArbitrary,
        (base, policy, mutations, seed) => {
          const data: Record<string, unknown> = base === "store" ? structuredClone(baselineData) : structuredClone(chatOnlyBase);
          if (base === "store") (data.chat as Record<string, unknown>).policy = policy;
          for (const mutation of mutations) applyMutation(data, mutation);
          loadsAndRunsOrIsRejected(data, seed, outcomes);
        },
      ),
      { numRuns: 1000 },
    );
    // One to three junk edits break most scenarios, but a fair share must still load and run.
    expect(outcomes.rejected).toBeGreaterThan(300);
    expect(outcomes.ran).toBeGreaterThan(100);
  }, 300_000); // 1,000 runs passed the 120 s default on a loaded machine: a bound on a hang, not a timing claim

  it("parseScenario + simulate on 600 random store scenarios built from scratch (extreme but valid)", () => {
    const outcomes = newOutcomes();
    fc.assert(
      fc.property(storeScenarioArbitrary, seedArbitrary, (data, seed) => loadsAndRunsOrIsRejected(data, seed, outcomes)),
      { numRuns: 600 },
    );
    // The generator stays on the valid side: every one of them must load, and none is too big to run.
    expect(outcomes.rejected + outcomes.skipped).toBe(0);
  });

  it("parseScenario + simulate on 400 random chat-only scenarios", () => {
    const outcomes = newOutcomes();
    fc.assert(
      fc.property(chatOnlyScenarioArbitrary, seedArbitrary, (data, seed) => loadsAndRunsOrIsRejected(data, seed, outcomes)),
      { numRuns: 400 },
    );
    expect(outcomes.rejected + outcomes.skipped).toBe(0);
  });

  it("parseDataText + parseScenario + simulate on 300 character-level edits of the baseline YAML", () => {
    const outcomes = newOutcomes();
    const text = baselineText.replace(/sessionsPerDay: \d+/, `sessionsPerDay: ${FUZZ_VOLUME_PER_DAY}`);
    const edit = fc.record({
      at: fc.nat(text.length),
      remove: fc.nat(6),
      insert: fc.oneof(
        fc.constantFrom("", ":", "- ", "{", "}", "[", "]", "\n", "\n  ", "\t", '"', "'", "#", "&a ", "*a", "!!str ", "? ", "0", "-", ".nan", "1e400", "~"),
        fc.string({ maxLength: 4 }),
      ),
    });
    // yaml reports unknown tags and ambiguous anchors through process warnings and carries on; keep
    // the test output readable.
    const warnings = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    onTestFinished(() => warnings.mockRestore());
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), seedArbitrary, (edits, seed) => {
        let mutated = text;
        for (const { at, remove, insert } of edits) mutated = mutated.slice(0, at) + insert + mutated.slice(at + remove);
        let data: unknown;
        try {
          data = parseDataText(mutated, "scenario file fuzz.yaml");
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.problems).toHaveLength(1);
          expect(error.problems[0]).toMatch(FILE_LINE);
          outcomes.rejected++;
          return;
        }
        loadsAndRunsOrIsRejected(data, seed, outcomes);
      }),
      { numRuns: 300 },
    );
    // Most edits break the YAML or the schema; about one in ten still loads and runs.
    expect(outcomes.rejected).toBeGreaterThan(100);
    expect(outcomes.ran).toBeGreaterThan(10);
  });

  it("parseScenario rejects 200 data roots that are not a mapping, or junk mappings, with house-format lines", () => {
    const outcomes = newOutcomes();
    fc.assert(
      fc.property(fc.oneof(junkValue, fc.dictionary(fc.string({ maxLength: 6 }), junkValue, { maxKeys: 4 })), (data) => {
        loadsAndRunsOrIsRejected(data, 1, outcomes);
      }),
      { numRuns: 200 },
    );
    expect(outcomes.rejected).toBe(200);
  });

  // Regression: sessions that take no time at all (one page, no dwell, no cart), sparse enough that
  // the clock takes long steps between arrivals, once recorded a tiny negative duration (seed 156).
  it("simulate() of zero-length sessions never records a negative session duration", () => {
    const loaded = parseScenario({
      name: "zero-length sessions",
      horizon: { days: 1 },
      traffic: { sessionsPerDay: 3 },
      segments: [
        {
          name: "all",
          weight: 1,
          device: "desktop",
          addToCartProbability: 0,
          pageViews: { kind: "constant", value: 1 },
          dwellSeconds: { kind: "constant", value: 0 },
        },
      ],
      funnel: { steps: [{ name: "payment" }] },
      agents: { schedule: 1 },
    });
    for (let seed = 1; seed <= 3000; seed++) simulate(loaded.config, { seed });
  });
});
