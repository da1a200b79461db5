import { dirname, resolve } from "node:path";
import type { ModelConfig } from "../../sim/model/index.ts";
import { canonicalHash } from "./canonicalHash.ts";
import { chatOnlyScenarioSchema, type ChatOnlyScenario } from "./chatOnlySchema.ts";
import { formatIssues } from "./formatIssues.ts";
import { readDataFile } from "./readDataFile.ts";
import { resolveChatOnlyScenario } from "./resolveChatOnlyScenario.ts";
import { resolveStoreScenario } from "./resolveStoreScenario.ts";
import { ScenarioError } from "./ScenarioError.ts";
import { storeScenarioSchema, type StoreScenario } from "./storeSchema.ts";

/** A validated scenario, ready to run. */
export interface LoadedScenario {
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

export interface ScenarioOverrides {
  /** Replace the horizon's days. */
  days?: number;
  /** Replace the horizon's warm-up, seconds. */
  warmupSeconds?: number;
  /** Replace the trigger policy: a file path or a policy object. */
  policy?: string | Record<string, unknown>;
}

/** Reads, validates and resolves a scenario file (YAML or JSON). Throws ScenarioError listing every problem. */
export function loadScenario(path: string, overrides: ScenarioOverrides = {}): LoadedScenario {
  const data = readDataFile(path, "scenario file");
  return parseScenario(data, { path, overrides });
}

/**
 * Validates and resolves scenario data. A policy given as a path is read relative to the scenario's
 * folder (or the working directory for data without a file).
 */
export function parseScenario(data: unknown, options: { path?: string | null; overrides?: ScenarioOverrides } = {}): LoadedScenario {
  const path = options.path ?? null;
  const overrides = options.overrides ?? {};
  const source = path ?? "scenario";
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([`invalid scenario: ${data === null || data === undefined ? "empty" : typeof data} (must be a mapping of settings)`], source);
  }
  const raw = structuredClone(data) as Record<string, unknown>;
  if (overrides.days !== undefined) raw.horizon = { ...(raw.horizon as object), days: overrides.days };
  if (overrides.warmupSeconds !== undefined) raw.horizon = { ...(raw.horizon as object), warmupSeconds: overrides.warmupSeconds };
  const problems: string[] = [];

  if (raw.mode === "chatOnly") {
    const parsed = chatOnlyScenarioSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);
    const config = resolveChatOnlyScenario(parsed.data, problems);
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
  if (problems.length > 0) throw new ScenarioError(problems, typeof policyField === "string" && problems.every((p) => p.includes(" policy.")) ? `policy file ${policyField}` : source);
  const { chat, ...rest } = parsed.data;
  return { path, scenario: parsed.data, policy, config, hash: canonicalHash({ ...rest, chat: { ...chat, policy } }) };
}
