import { dirname, resolve } from "node:path";
import type { ModelConfig } from "../../sim/model/index.ts";
import { canonicalHash } from "./canonicalHash.ts";
import { type ChatOnlyScenario, chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
import { formatIssues } from "./formatIssues.ts";
import { readDataFile } from "./readDataFile.ts";
import { resolveChatOnlyScenario } from "./resolveChatOnlyScenario.ts";
import { resolveStoreScenario } from "./resolveStoreScenario.ts";
import { ScenarioError } from "./ScenarioError.ts";
import { type StoreScenario, storeScenarioSchema } from "./storeSchema.ts";
import { DEFAULT_MAX_SESSIONS, workLimitProblem } from "./workLimit.ts";

export interface ScenarioOverrides {
  /** Replace the horizon's days. */
  days?: number;
  /** Replace the horizon's warm-up, seconds. */
  warmupSeconds?: number;
  /** Replace the trigger policy: a file path or a policy object. */
  policy?: string | Record<string, unknown>;
  /** Refuse scenarios expecting more sessions (or chats) per replication (default DEFAULT_MAX_SESSIONS). */
  maxSessions?: number;
}

/** Where scenario data came from and what the caller changed: enough to parse it again. */
export interface ParseOptions {
  path?: string | null;
  overrides?: ScenarioOverrides;
}

/** A scenario with every number known: validated, defaults filled in, resolved to a model config. */
export interface ConcreteScenario {
  /** File it came from, if any. */
  readonly path: string | null;
  /** The scenario with every default filled in. */
  readonly scenario: StoreScenario | ChatOnlyScenario;
  /** The trigger policy as written (store scenarios), after reading it from its file if named. */
  readonly policy: unknown;
  readonly config: ModelConfig;
  /** Identity of scenario + policy (first 16 hex digits of SHA-256 of their canonical JSON). */
  readonly hash: string;
}

/**
 * Validates and resolves scenario data in which every value is a plain number (no `uncertain`).
 * A policy given as a path is read relative to the scenario's folder (or the working directory
 * for data without a file). Throws ScenarioError listing every problem.
 */
export function parseConcreteScenario(data: Record<string, unknown>, options: ParseOptions): ConcreteScenario {
  const path = options.path ?? null;
  const overrides = options.overrides ?? {};
  const source = path ?? "scenario";
  const raw = structuredClone(data);
  if (overrides.days !== undefined) raw.horizon = { ...(raw.horizon as object), days: overrides.days };
  if (overrides.warmupSeconds !== undefined) raw.horizon = { ...(raw.horizon as object), warmupSeconds: overrides.warmupSeconds };
  const problems: string[] = [];

  if (raw.mode === "chatOnly") {
    const parsed = chatOnlyScenarioSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);
    const config = resolveChatOnlyScenario(parsed.data, problems);
    if (problems.length === 0)
      checkWork(config, overrides, parsed.data.arrivals.chatsPerDay === undefined ? "arrivals.perInterval" : "arrivals.chatsPerDay", problems);
    if (problems.length > 0) throw new ScenarioError(problems, source);
    return { path, scenario: parsed.data, policy: null, config, hash: canonicalHash(parsed.data) };
  }
  if (raw.mode !== undefined && raw.mode !== "store") {
    throw new ScenarioError([`invalid mode: ${JSON.stringify(raw.mode)} (allowed: store, chatOnly)`], source);
  }
  if (overrides.policy !== undefined) raw.chat = { ...((raw.chat as object) ?? {}), policy: overrides.policy };
  const parsed = storeScenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);

  const policyField = parsed.data.chat.policy;
  let policy: unknown = policyField;
  let policyPath = "chat.policy";
  if (typeof policyField === "string") {
    const policyFile = resolve(path === null ? process.cwd() : dirname(path), policyField);
    policy = readDataFile(policyFile, "policy file");
    policyPath = "policy";
  }
  const config = resolveStoreScenario(parsed.data, policy, policyPath, problems);
  if (problems.length === 0)
    checkWork(config, overrides, parsed.data.traffic.sessionsPerDay === undefined ? "traffic.perInterval" : "traffic.sessionsPerDay", problems);
  if (problems.length > 0)
    throw new ScenarioError(problems, typeof policyField === "string" && problems.every((p) => p.includes(" policy.")) ? `policy file ${policyField}` : source);
  const { chat, ...rest } = parsed.data;
  return { path, scenario: parsed.data, policy, config, hash: canonicalHash({ ...rest, chat: { ...chat, policy } }) };
}

/** Refuses, before the clock starts, a run whose expected work is above the limit (one line saying how to raise it). */
function checkWork(config: ModelConfig, overrides: ScenarioOverrides, field: string, problems: string[]): void {
  const problem = workLimitProblem(config, overrides.maxSessions ?? DEFAULT_MAX_SESSIONS, field);
  if (problem !== null) problems.push(problem);
}
