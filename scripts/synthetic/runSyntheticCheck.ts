import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Browser } from "playwright-core";
import { type LoadedScenario, loadScenario, resolveSeed, ScenarioError } from "../../experiments/index.ts";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import type { Condition, ResolvedPolicy } from "../../sim/policy/index.ts";
import { launchChromium } from "../browser/index.ts";
import { DEFAULT_STORE_SCENARIO, type StoreHandle, startStore } from "../store/index.ts";
import type { BrowserTab } from "./browser/BrowserTab.ts";
import { TabPool } from "./browser/TabPool.ts";
import {
  type CheckOptions,
  DEFAULT_ARTIFACTS_DIRECTORY,
  DEFAULT_CONCURRENCY,
  DEFAULT_PERSONAS,
  MAX_FAILURE_IMAGE_BYTES,
  MAX_FAILURE_IMAGES,
  MAX_FAILURE_IMAGES_PER_CHECK,
} from "./checkOptions.ts";
import { policyConformance } from "./checks/policyConformance.ts";
import { evaluatePersona } from "./persona/evaluatePersona.ts";
import type { PersonaObservations } from "./persona/observations.ts";
import { PersonaSession } from "./persona/PersonaSession.ts";
import type { PersonaSpec } from "./persona/PersonaSpec.ts";
import { runPersona } from "./persona/runPersona.ts";
import { resolvePersonaModelOptions, samplePersona } from "./persona/samplePersona.ts";
import { DEMO_STORE, loadProfile, type StoreProfile } from "./profiles/loadProfile.ts";
import {
  CHECK_NAMES,
  type CheckRecord,
  type CheckSummary,
  type FailureImage,
  type InvitationWindow,
  type PersonaResult,
  type SyntheticCheckResults,
} from "./results/checkResults.ts";
import { failureCause } from "./results/failureCause.ts";
import { stepTimingSummary } from "./results/stepTimingSummary.ts";

/** Seconds a bot agent of the demo store takes to answer (quick: personas wait for it in real time). */
const DEMO_BOT_DELAY_SECONDS = 0.3;
/** Bots of the demo store keep chats open this long (real seconds), so no chat ends mid-persona. */
const DEMO_BOT_HANDLE_SECONDS = 600;

/**
 * Runs synthetic shoppers against a store and checks it: the funnel end to end, the money on every
 * page, form validation, chat-policy conformance against the simulator's evaluator, and page-load
 * timings. With `store` "demo" (the default) it starts the demo store with the scenario and policy
 * under check. Input problems (scenario, profile, options) throw ScenarioError before anything
 * starts; a store that is down or broken yields failed checks, never a throw.
 */
export async function runSyntheticCheck(options: CheckOptions = {}): Promise<SyntheticCheckResults> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const loaded =
    options.scenario ??
    loadScenario(options.scenarioPath ?? DEFAULT_STORE_SCENARIO, options.policyPath === undefined ? {} : { policy: resolve(options.policyPath) });
  if (loaded.config.kind !== "store")
    throw new ScenarioError([`invalid mode: "chatOnly" (synthetic shoppers need a store scenario)`], loaded.path ?? "scenario");
  const config: StoreModelConfig = loaded.config;
  const demo = options.profile === undefined && (options.store === undefined || options.store === DEMO_STORE);
  let profile = options.profile ?? loadProfile(options.store ?? DEMO_STORE, { scenario: loaded, baseUrl: demo ? "http://127.0.0.1:0" : undefined });
  if (options.retries !== undefined) profile = { ...profile, retries: options.retries };
  const toleranceSeconds = options.toleranceSeconds ?? profile.chat?.toleranceSeconds ?? 1;
  const seed = resolveSeed(loaded, options.seed);
  const specs = personaSpecs(options, config, profile, seed);
  // Personas sharing a pool of accounts never use one account at once (one basket per account).
  const accountCount = profile.login?.accounts?.length ?? Number.POSITIVE_INFINITY;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, specs.length || 1, accountCount));
  const policy: ResolvedPolicy = config.chat.policy;
  const artifactsDir = options.artifactsDir ?? DEFAULT_ARTIFACTS_DIRECTORY;
  const notes = planNotes(profile, policy);

  let store: StoreHandle | null = null;
  let dataDir: string | null = null;
  let browser: Browser | null = null;
  let tabs: TabPool | null = null;
  try {
    if (demo) {
      dataDir = mkdtempSync(join(tmpdir(), "convsim-check-"));
      store = await startStore({
        scenario: loaded,
        port: 0,
        dataDir,
        autoAgents: Math.max(1, Math.ceil(concurrency / config.agents.concurrency)),
        botDelaySeconds: DEMO_BOT_DELAY_SECONDS,
        botHandleSeconds: DEMO_BOT_HANDLE_SECONDS,
      });
      profile = { ...profile, baseUrl: store.url };
      log(`demo store started at ${store.url} (policy ${policy.name})`);
    }
    removeStaleArtifacts(artifactsDir);
    const unreachable = await preflight(profile);
    const outcomes: Array<{ observations: PersonaObservations; records: CheckRecord[]; windows: InvitationWindow[]; trace: string | null }> = [];
    if (unreachable !== null) {
      log(unreachable);
      for (const spec of specs) outcomes.push(unreachableOutcome(spec, unreachable));
    } else {
      browser = options.browser ?? (await launchChromium());
      tabs = new TabPool(browser, profile, (options.now ?? Date.now)());
      const freeAccounts = [...(profile.login?.accounts ?? [])];
      const run = async (spec: PersonaSpec, index: number) => {
        const account = freeAccounts.shift() ?? null;
        const outcome = await runOne(tabs!, spec, profile, policy, {
          toleranceSeconds,
          artifactsDir,
          trace: options.trace ?? true,
          signal: options.signal,
          account,
        }).finally(() => {
          if (account !== null) freeAccounts.push(account);
        });
        const counts = CHECK_NAMES.map((name) => outcome.records.find((record) => record.check === name)!.status[0]).join("");
        log(
          `${spec.id} (${spec.segment}, ${spec.device}): ${outcome.observations.outcome} in ${outcome.observations.wallSeconds.toFixed(1)} s [${counts}]${outcome.records
            .filter((record) => record.status === "failed")
            .map((record) => `\n  ✗ ${record.check}: ${record.reason}`)
            .join("")}`,
        );
        outcomes[index] = outcome;
      };
      await pool(specs, concurrency, run, options.signal);
    }
    return assemble({
      interrupted: options.signal?.aborted ?? false,
      loaded,
      profile,
      policy,
      seed,
      demo,
      unreachable,
      outcomes,
      toleranceSeconds,
      notes,
      wallSeconds: (performance.now() - started) / 1000,
    });
  } finally {
    await tabs?.close();
    if (browser !== null && browser !== options.browser) await browser.close().catch(() => {});
    await store?.close();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

function personaSpecs(options: CheckOptions, config: StoreModelConfig, profile: StoreProfile, seed: string | number): PersonaSpec[] {
  if (options.specs !== undefined) return [...options.specs];
  const count = options.personas ?? DEFAULT_PERSONAS;
  const model = resolvePersonaModelOptions(options.model);
  const year = new Date((options.now ?? Date.now)()).getUTCFullYear();
  let indices = Array.from({ length: count }, (_, index) => index);
  if (options.replay !== undefined && options.replay.length > 0) {
    const problems: string[] = [];
    indices = options.replay.map((id) => {
      const match = /^persona(\d+)$/.exec(id);
      if (!match) problems.push(`invalid --replay: ${JSON.stringify(id)} (must be a persona id such as persona3)`);
      return match ? Number(match[1]) : 0;
    });
    if (problems.length > 0) throw new ScenarioError(problems);
  }
  return indices.map((index) => samplePersona(config, profile, seed, index, model, year));
}

interface RunOneOptions {
  toleranceSeconds: number;
  artifactsDir: string;
  trace: boolean;
  signal: AbortSignal | undefined;
  /** The account of the profile's pool this persona signs in with (null: no pool). */
  account: Readonly<Record<string, string>> | null;
}

/** One persona: take a tab for its device, shop (within the time limit), check, keep artifacts of failures. */
async function runOne(tabs: TabPool, spec: PersonaSpec, profile: StoreProfile, policy: ResolvedPolicy, options: RunOneOptions) {
  let session: PersonaSession;
  let tab: BrowserTab;
  try {
    tab = await tabs.acquire(spec.device);
  } catch (error) {
    return contextFailure(spec, error);
  }
  try {
    session = await PersonaSession.open(tab, spec, profile, {
      trace: options.trace,
      policy: profile.chat ? policy : null,
      toleranceSeconds: options.toleranceSeconds,
      account: options.account,
    });
  } catch (error) {
    await tabs.release(tab, false);
    return contextFailure(spec, error);
  }
  const limitMs = profile.timeouts.personaSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const overtime = new Promise<"overtime">((resolve) => (timer = setTimeout(() => resolve("overtime"), limitMs)));
  let onAbort = () => {};
  const interrupted = new Promise<"interrupted">((resolve) => {
    onAbort = () => resolve("interrupted");
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  // The harness's own event-loop stalls during this persona (a loaded machine makes every wait run late).
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  const running = runPersona(session);
  let observations: PersonaObservations;
  const first = await Promise.race([running, overtime, interrupted]);
  clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);
  if (first === "overtime" || first === "interrupted") {
    await session.abort();
    observations = await running;
    observations.outcome = "stopped";
    const reason =
      first === "overtime" ? `persona exceeded ${profile.timeouts.personaSeconds} s (stopped at ${session.step})` : `interrupted at ${session.step} (Ctrl-C)`;
    observations.failure = { step: session.step, reason, attempts: 1, screenshot: null };
  } else observations = first;

  lag.disable();
  const maxLagSeconds = lag.max / 1e9;
  const { verdicts, windows } = evaluatePersona(observations, profile, policy, options.toleranceSeconds);
  const keep = Object.values(verdicts).some((verdict) => verdict.status === "failed" || verdict.status === "flaky");
  mkdirSync(options.artifactsDir, { recursive: true });
  const tracePath = keep && options.trace && typeof first !== "string" ? join(options.artifactsDir, `${spec.id}-trace.zip`) : null;
  await session.finish(tracePath);
  // A persona stopped mid-step leaves its tab in an unknown state: closed (abort did), never reused.
  await tabs.release(tab, typeof first !== "string");
  const records: CheckRecord[] = CHECK_NAMES.map((check) => {
    const verdict = verdicts[check];
    const artifacts: CheckRecord["artifacts"] = {};
    const shot = verdict.shot === null ? undefined : observations.shots.find((candidate) => candidate.id === verdict.shot);
    if (verdict.status === "failed" && shot !== undefined) {
      const path = join(options.artifactsDir, `${spec.id}-${check}.png`);
      writeFileSync(path, shot.png);
      artifacts.screenshot = relative(process.cwd(), path) || path;
    }
    if ((verdict.status === "failed" || verdict.status === "flaky") && tracePath !== null) artifacts.trace = relative(process.cwd(), tracePath) || tracePath;
    if (verdict.status !== "failed")
      return {
        persona: spec.id,
        check,
        status: verdict.status,
        reason: verdict.reason,
        evidence: verdict.evidence,
        seconds: round(verdict.seconds),
        attempts: verdict.attempts,
        artifacts,
      };
    const cause = failureCause(check, verdict.reason, maxLagSeconds);
    const evidence = [
      ...verdict.evidence,
      `the harness's event loop lagged up to ${maxLagSeconds.toFixed(2)} s during this persona${cause === "store" ? "" : " (environment suspected)"}`,
    ];
    return {
      persona: spec.id,
      check,
      status: verdict.status,
      reason: verdict.reason,
      evidence,
      seconds: round(verdict.seconds),
      attempts: verdict.attempts,
      artifacts,
      cause,
    };
  });
  return { observations, records, windows, trace: tracePath, thumbnails: thumbnailsFor(records, verdicts, observations) };
}

function thumbnailsFor(
  records: CheckRecord[],
  verdicts: Record<string, { shot: string | null; reason: string }>,
  observations: PersonaObservations,
): FailureImage[] {
  const images: FailureImage[] = [];
  for (const record of records) {
    if (record.status !== "failed") continue;
    const shot = observations.shots.find((candidate) => candidate.id === verdicts[record.check].shot);
    if (shot)
      images.push({ persona: record.persona, check: record.check, dataUri: shot.thumbnail, caption: `${record.persona} · ${record.check}: ${record.reason}` });
  }
  return images;
}

/** A browser context (tab) that cannot be opened fails the persona like an unreachable store. */
function contextFailure(spec: PersonaSpec, error: unknown) {
  return unreachableOutcome(spec, `cannot open a browser context: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
}

/** A store that cannot be reached fails every persona's funnel with the same clear reason. */
function unreachableOutcome(spec: PersonaSpec, reason: string) {
  const observations: PersonaObservations = {
    spec,
    outcome: "stopped",
    failure: { step: "start", reason, attempts: 1, screenshot: null },
    visits: [],
    items: [],
    money: [],
    forms: [],
    problems: [],
    blocked: [],
    events: [],
    actions: [],
    queue: [],
    offered: [],
    chatProblems: [],
    layout: [],
    orderId: null,
    wallSeconds: 0,
    shots: [],
    shotIndex: {},
  };
  const records: CheckRecord[] = CHECK_NAMES.map((check) =>
    check === "funnel"
      ? { persona: spec.id, check, status: "failed", reason, evidence: [], seconds: 0, attempts: 1, artifacts: {} }
      : { persona: spec.id, check, status: "skipped", reason: "the store could not be reached", evidence: [], seconds: 0, attempts: 1, artifacts: {} },
  );
  return { observations, records, windows: [] as InvitationWindow[], trace: null, thumbnails: [] as FailureImage[] };
}

/** Screenshots and traces a previous run left under the names this run writes: the folder shows this run only. */
function removeStaleArtifacts(directory: string): void {
  if (!existsSync(directory)) return;
  const ours = new RegExp(`^persona\\d+-(trace\\.zip|(${CHECK_NAMES.join("|")})\\.png)$`);
  for (const name of readdirSync(directory)) if (ours.test(name)) rmSync(join(directory, name), { force: true });
}

/** Fetches the store's front page once; a store that is down fails fast with the reason, not per step. */
async function preflight(profile: StoreProfile): Promise<string | null> {
  const url = profile.baseUrl + profile.catalog.url;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(profile.timeouts.navigationSeconds * 1000), redirect: "follow" });
    await response.body?.cancel();
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name = (error as Error).name;
    const detail =
      name === "TimeoutError"
        ? `no answer within ${profile.timeouts.navigationSeconds} s`
        : cause?.code === "ECONNREFUSED"
          ? "connect ECONNREFUSED"
          : (cause?.code ?? cause?.message ?? (error as Error).message);
    return `store unreachable at ${profile.baseUrl}: ${detail}`;
  }
}

/** Runs `work` over `items` (with each one's index) with at most `limit` at once; once `signal` aborts, no new item starts. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function planNotes(profile: StoreProfile, policy: ResolvedPolicy): string[] {
  const notes: string[] = [];
  if (profile.chat && policy.rules.length === 0) notes.push(`policy ${policy.name} has no proactive rules: the chat check verifies that no invitation appears`);
  const steps = new Set(profile.funnelSteps);
  const unknown = [...new Set(policy.rules.flatMap((rule) => stepsIn(rule.when)))].filter((step) => !steps.has(step));
  if (unknown.length > 0)
    notes.push(`policy ${policy.name} names steps the profile does not have (${unknown.join(", ")}): its rules for them cannot fire on this store`);
  return notes;
}

/** Step names a condition compares the step signal with. */
function stepsIn(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(stepsIn);
  if ("any" in condition) return condition.any.flatMap(stepsIn);
  if ("not" in condition) return stepsIn(condition.not);
  if (condition.signal !== "step") return [];
  return (Array.isArray(condition.value) ? condition.value : [condition.value]).map(String);
}

interface AssembleInput {
  interrupted: boolean;
  loaded: LoadedScenario;
  profile: StoreProfile;
  policy: ResolvedPolicy;
  seed: string | number;
  demo: boolean;
  unreachable: string | null;
  outcomes: Array<{
    observations: PersonaObservations;
    records: CheckRecord[];
    windows: InvitationWindow[];
    trace: string | null;
    thumbnails?: FailureImage[];
  }>;
  toleranceSeconds: number;
  notes: string[];
  wallSeconds: number;
}

function assemble(input: AssembleInput): SyntheticCheckResults {
  const { profile } = input;
  // Personas an interrupted run never started leave holes.
  const outcomes = input.outcomes.filter((outcome) => outcome !== undefined);
  const checks = outcomes.flatMap((outcome) => outcome.records);
  const windows = outcomes.flatMap((outcome) => outcome.windows);
  const personas: PersonaResult[] = outcomes.map(({ observations, trace }) => {
    const times = observations.events.map((event) => event.at);
    return {
      id: observations.spec.id,
      spec: observations.spec,
      outcome: observations.outcome,
      items: observations.items.map((item) => ({ key: item.key, unitPrice: item.unitPrice, quantity: item.quantity })),
      orderId: observations.orderId,
      steps: observations.visits.map((visit) => ({
        step: visit.step,
        loadSeconds: visit.loadSeconds === null ? null : round(visit.loadSeconds),
        attempts: visit.attempts,
      })),
      wallSeconds: round(observations.wallSeconds),
      virtualSeconds: times.length === 0 ? 0 : round((Math.max(...times) - Math.min(...times)) / 1000),
      trace: trace === null ? null : relative(process.cwd(), trace) || trace,
    };
  });
  const loads = outcomes.flatMap(({ observations }) =>
    observations.visits.filter((visit) => visit.loadSeconds !== null).map((visit) => ({ step: visit.step, seconds: visit.loadSeconds! })),
  );
  const images: FailureImage[] = [];
  for (const image of outcomes.flatMap((outcome) => outcome.thumbnails ?? [])) {
    const sameCheck = images.filter((candidate) => candidate.check === image.check).length;
    if (images.length < MAX_FAILURE_IMAGES && sameCheck < MAX_FAILURE_IMAGES_PER_CHECK && image.dataUri.length <= MAX_FAILURE_IMAGE_BYTES) images.push(image);
  }
  const summary = {
    ...summarize(checks, outcomes.length, outcomes.filter((outcome) => outcome.observations.outcome === "finished").length, input.wallSeconds),
    interrupted: input.interrupted,
  };
  return {
    kind: "syntheticCheck",
    store: { url: profile.baseUrl, demo: input.demo, reachable: input.unreachable === null, problem: input.unreachable },
    profile: { name: profile.name, source: profile.source },
    scenario: input.loaded.scenario.name,
    policy: input.policy.name,
    seed: input.seed,
    toleranceSeconds: input.toleranceSeconds,
    personas,
    checks,
    stepTimings: stepTimingSummary(loads, profile.funnelSteps),
    policyConformance: { toleranceSeconds: input.toleranceSeconds, rows: policyConformance(windows), windows },
    failureImages: images,
    notes: input.notes,
    summary,
  };
}

function summarize(checks: readonly CheckRecord[], personas: number, finished: number, wallSeconds: number): Omit<CheckSummary, "interrupted"> {
  const count = (status: CheckRecord["status"], list: readonly CheckRecord[] = checks) => list.filter((check) => check.status === status).length;
  const byCheck = Object.fromEntries(
    CHECK_NAMES.map((name) => {
      const list = checks.filter((check) => check.check === name);
      return [name, { passed: count("passed", list), failed: count("failed", list), flaky: count("flaky", list), skipped: count("skipped", list) }];
    }),
  ) as CheckSummary["byCheck"];
  const failed = count("failed");
  return {
    personas,
    checks: checks.length,
    passed: count("passed"),
    failed,
    flaky: count("flaky"),
    skipped: count("skipped"),
    byCheck,
    checkoutsPerMinute: wallSeconds > 0 ? round((finished / wallSeconds) * 60) : null,
    wallSeconds: round(wallSeconds),
    exitCode: failed > 0 ? 1 : 0,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
