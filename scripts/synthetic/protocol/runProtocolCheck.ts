import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type LoadedScenario, loadScenario, resolveSeed, ScenarioError } from "../../../experiments/index.ts";
import type { StoreModelConfig } from "../../../sim/model/index.ts";
import { StreamFactory } from "../../../sim/random/index.ts";
import { DEFAULT_STORE_SCENARIO, readEventLog, type StoreHandle, startStore, Warnings } from "../../store/index.ts";
import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import { resolvePersonaModelOptions, samplePersona } from "../persona/samplePersona.ts";
import { DEMO_STORE, loadProfile } from "../profiles/loadProfile.ts";
import { ProtocolClient } from "./ProtocolClient.ts";
import { predictPersona } from "./predictProtocolRun.ts";
import { DEFAULT_PROTOCOL_SESSIONS } from "./protocolSessions.ts";
import { type ProtocolPersonaOutcome, runProtocolPersona, type StepAnswers } from "./runProtocolPersona.ts";
import { type DeskSetup, type SimLiveRow, simLiveTable } from "./simLiveTable.ts";
import { type CatalogProduct, visitPlan } from "./visitPlan.ts";

export { DEFAULT_PROTOCOL_SESSIONS };
/**
 * Sessions started per second, on average (Poisson arrivals, so the chat desk sees the arrival process
 * the queueing prediction assumes): 25/s is 1,500 a minute, above what the store and the harness
 * serve together on 2 cores, so a run goes as fast as the machine allows.
 */
export const DEFAULT_ARRIVALS_PER_SECOND = 25;
/** Sessions in flight at most (a session waiting in the chat queue holds its place). */
export const DEFAULT_MAX_IN_FLIGHT = 200;
/** Bot agents of the demo store started for the run. */
export const DEFAULT_PROTOCOL_BOTS = 1;
/**
 * Mean patience in the chat queue and mean chat length of the protocol personas, real seconds
 * (exponential). Compressed from the scenario's minutes so a run of thousands of sessions takes
 * minutes: the desk is checked as a queue (arrival rate, service, patience, servers), not at the
 * scenario's time scale. Assumptions.
 */
export const DEFAULT_PROTOCOL_PATIENCE_SECONDS = 3;
export const DEFAULT_PROTOCOL_CHAT_SECONDS = 2;
/** Failed personas' reasons kept in the results, at most. */
const MAX_PROBLEMS = 10;

/** What a protocol run may be told; everything is optional. */
export interface ProtocolCheckOptions {
  scenarioPath?: string;
  scenario?: LoadedScenario;
  /** Policy file replacing the scenario's chat.policy: the prediction's policy, and the store's when the run starts it. */
  policyPath?: string;
  sessions?: number;
  seed?: string | number;
  arrivalsPerSecond?: number;
  maxInFlight?: number;
  bots?: number;
  meanPatienceSeconds?: number;
  meanChatSeconds?: number;
  /** A demo store already running (tests: a deliberately different one), with `bots` bot agents; default: one started for the run. */
  store?: Pick<StoreHandle, "url" | "eventLogPath">;
  log?: (line: string) => void;
  /** Aborting stops starting sessions; the ones that ran are compared. */
  signal?: AbortSignal;
}

/** What a protocol run found. */
export interface ProtocolCheckResults {
  kind: "protocolCheck";
  scenario: string;
  policy: string;
  seed: string | number;
  desk: DeskSetup;
  table: SimLiveRow[];
  personas: { started: number; finished: number; left: number; failed: number; invitations: number; chats: number };
  /** Reasons of failed personas (the first few). */
  problems: string[];
  /** cpuSecondsPerSession: this process's CPU (store and harness together, when the run started the store) per session. */
  summary: { sessions: number; wallSeconds: number; sessionsPerMinute: number; cpuSecondsPerSession: number; disagreements: number; exitCode: 0 | 1 };
}

/**
 * The protocol-level check: personas drawn exactly as for the browser check (samplePersona) walk the
 * demo store over HTTP without a browser (runProtocolPersona), thousands a minute, chatting with the
 * store's bot agents through the widget's own endpoints; then the store's event log is compared with
 * the model's prediction for the same personas and policy (simLiveTable). A disagreement or a persona
 * the store stopped fails the run (exit code 1). Browser personas remain the check of the UI.
 */
export async function runProtocolCheck(options: ProtocolCheckOptions = {}): Promise<ProtocolCheckResults> {
  const log = options.log ?? (() => {});
  const loaded =
    options.scenario ??
    loadScenario(options.scenarioPath ?? DEFAULT_STORE_SCENARIO, options.policyPath === undefined ? {} : { policy: resolve(options.policyPath) });
  if (loaded.config.kind !== "store")
    throw new ScenarioError([`invalid mode: "chatOnly" (protocol personas need a store scenario)`], loaded.path ?? "scenario");
  const config: StoreModelConfig = loaded.config;
  const profile = loadProfile(DEMO_STORE, { scenario: loaded, baseUrl: "http://127.0.0.1:0" });
  const seed = resolveSeed(loaded, options.seed);
  const sessions = options.sessions ?? DEFAULT_PROTOCOL_SESSIONS;
  const bots = options.bots ?? DEFAULT_PROTOCOL_BOTS;
  const patienceMean = options.meanPatienceSeconds ?? DEFAULT_PROTOCOL_PATIENCE_SECONDS;
  const chatMean = options.meanChatSeconds ?? DEFAULT_PROTOCOL_CHAT_SECONDS;
  const policy = config.chat.policy;
  const steps = profile.checkout.steps.map((step) => step.name);
  const reveal = profile.rules.totalFirstShownAt ?? steps[steps.length - 1];
  // No reference persona: every leave is drawn, so the funnel shares follow the model.
  const model = resolvePersonaModelOptions({ reference: false });
  const year = new Date().getUTCFullYear();
  const specs: PersonaSpec[] = Array.from({ length: sessions }, (_, index) => samplePersona(config, profile, seed, index, model, year));

  let dataDir: string | null = null;
  let started: StoreHandle | null = null;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    if (options.store === undefined) {
      dataDir = mkdtempSync(join(tmpdir(), "convsim-protocol-"));
      // Bots keep a chat until the persona ends it: the personas' chat length is the service time.
      started = await startStore({ scenario: loaded, port: 0, dataDir, autoAgents: bots, botDelaySeconds: 0.2, botHandleSeconds: 3600 });
      log(`demo store started at ${started.url} (policy ${policy.name}, ${bots} bot agent${bots === 1 ? "" : "s"})`);
    }
    const store = options.store ?? started!;
    const setup = new ProtocolClient(store.url, agent);
    const products = ((await setup.get("/api/catalog")).json.products as CatalogProduct[]).map(({ id, price }) => ({ id, price }));
    // From the scenario the demo store serves (asking the store would start a session of its own).
    const scenarioSteps = (loaded.scenario as Extract<LoadedScenario["scenario"], { mode: "store" }>).funnel.steps;
    const answers = stepAnswers(
      scenarioSteps.map((step) => ({ name: step.name, fields: step.fields.map((field) => ({ name: field.name, options: field.options ?? null })) })),
      profile.checkout.steps,
    );

    const arrivals = new StreamFactory(seed).stream("protocolArrivals");
    const outcomes: ProtocolPersonaOutcome[] = [];
    const running = new Set<Promise<void>>();
    const begin = performance.now();
    const cpuBefore = process.cpuUsage();
    let due = 0;
    for (const [index, spec] of specs.entries()) {
      if (options.signal?.aborted) break;
      due += -Math.log(1 - arrivals.next()) / (options.arrivalsPerSecond ?? DEFAULT_ARRIVALS_PER_SECOND);
      const wait = begin + due * 1000 - performance.now();
      if (wait > 1) await sleep(wait);
      while (running.size >= (options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)) await Promise.race(running);
      const chatStreams = new StreamFactory(spec.seed);
      const chat = {
        patienceSeconds: exponential(chatStreams.stream("protocolPatience").next(), patienceMean),
        chatSeconds: exponential(chatStreams.stream("protocolChatLength").next(), chatMean),
      };
      const task = runProtocolPersona(new ProtocolClient(store.url, agent), spec, visitPlan(spec, products, steps), answers, chat).then((outcome) => {
        outcomes[index] = outcome;
        running.delete(task);
      });
      running.add(task);
      if ((index + 1) % 500 === 0) log(`${index + 1} sessions started, ${running.size} in flight`);
    }
    await Promise.all(running);
    const wallSeconds = (performance.now() - begin) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const ran = outcomes.filter((outcome) => outcome !== undefined);

    const predictions = await Promise.all(
      specs.slice(0, ran.length).map((spec) => predictPersona(config, policy, spec, visitPlan(spec, products, steps), { steps, reveal })),
    );
    const desk: DeskSetup = {
      servers: bots * config.agents.concurrency,
      meanPatienceSeconds: patienceMean,
      meanChatSeconds: chatMean,
    };
    const events = readEventLog(store.eventLogPath, new Warnings()).events;
    const table = simLiveTable(predictions, events, steps, desk);
    const failed = ran.filter((outcome) => outcome.outcome === "failed");
    const disagreements = table.filter((row) => row.agree === false).length;
    return {
      kind: "protocolCheck",
      scenario: loaded.scenario.name,
      policy: policy.name,
      seed,
      desk,
      table,
      personas: {
        started: ran.length,
        finished: ran.filter((outcome) => outcome.outcome === "finished").length,
        left: ran.filter((outcome) => outcome.outcome === "left").length,
        failed: failed.length,
        invitations: ran.reduce((sum, outcome) => sum + outcome.invitations, 0),
        chats: ran.reduce((sum, outcome) => sum + outcome.chats, 0),
      },
      problems: failed.slice(0, MAX_PROBLEMS).map((outcome) => `${outcome.id}: ${outcome.problem}`),
      summary: {
        sessions: ran.length,
        wallSeconds,
        sessionsPerMinute: (ran.length / wallSeconds) * 60,
        cpuSecondsPerSession: (cpu.user + cpu.system) / 1e6 / Math.max(1, ran.length),
        disagreements,
        exitCode: disagreements > 0 || failed.length > 0 ? 1 : 0,
      },
    };
  } finally {
    agent.destroy();
    await started?.close();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An exponential draw of mean `mean` from a uniform in [0, 1) (inversion). */
function exponential(uniform: number, mean: number): number {
  return -Math.log(1 - uniform) * mean;
}

/**
 * The right answer for every field of every step when the persona has no generated value of its own:
 * the profile's fixed value, else the first option of a choice.
 */
function stepAnswers(
  apiSteps: Array<{ name: string; fields: Array<{ name: string; options: readonly string[] | null }> }>,
  profileSteps: ReturnType<typeof loadProfile>["checkout"]["steps"],
): StepAnswers {
  return new Map(
    apiSteps.map((step) => {
      const profileStep = profileSteps.find((candidate) => candidate.name === step.name);
      const values = Object.fromEntries(
        step.fields.map((field) => [field.name, profileStep?.fields.find((candidate) => candidate.name === field.name)?.value ?? field.options?.[0] ?? ""]),
      );
      return [step.name, values];
    }),
  );
}
