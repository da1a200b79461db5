import { join, resolve } from "node:path";
import type { LoadedScenario } from "../../experiments/index.ts";

/** The demo scenario the store serves when none is given. */
export const DEFAULT_STORE_SCENARIO = "experiments/scenarios/baseline.yaml";
/** Loopback only unless asked: plain HTTP, so anything else belongs behind a TLS proxy. */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 3000;
/** Where orders and events are kept (ignored by git). */
export const DEFAULT_DATA_DIRECTORY = ".store-data";
/** Seconds a bot agent takes to answer (a typing delay). */
export const DEFAULT_BOT_DELAY_SECONDS = 3;
/** Seconds after which a bot agent closes a chat it took. */
export const DEFAULT_BOT_HANDLE_SECONDS = 90;
/**
 * Seconds a chat's shopper may be without a connected page (closed tab, lost network) before the
 * chat is ended. An assumption (plausible 20–120 s): longer than a page change or an event-stream
 * reconnect (1 s retry), shorter than an agent would keep talking to nobody.
 */
export const DEFAULT_DISCONNECT_GRACE_SECONDS = 45;
/** The users file's name inside the data folder (`convsim store users add` writes it). */
export const USERS_FILE = "users.json";
/** Signed-in agents' sessions, kept across restarts. */
export const SESSIONS_FILE = "sessions.json";
/** The team's canned replies, as admins last saved them. */
export const CANNED_REPLIES_FILE = "canned-replies.json";
/** The cookie-signing key, made on first start. */
export const SECRET_FILE = "secret.key";
/** The event log's file name inside the data folder. */
export const EVENT_LOG_FILE = "events.jsonl";

/** How to start a store; everything is optional. */
export interface StoreOptions {
  /** Scenario file (YAML or JSON); default the baseline. Ignored when `scenario` is given. */
  scenarioPath?: string;
  /** A scenario already loaded (tests build one in memory). */
  scenario?: LoadedScenario;
  /** Policy file replacing the scenario's chat.policy (resolved from the working directory). */
  policyPath?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir?: string;
  /** Bot agents online from the start. */
  autoAgents?: number;
  botDelaySeconds?: number;
  botHandleSeconds?: number;
  /** See DEFAULT_DISCONNECT_GRACE_SECONDS. */
  disconnectGraceSeconds?: number;
  /** Accounts file; default `<dataDir>/users.json` (missing = no accounts). */
  usersFile?: string;
  /** Make throwaway accounts for this run (one admin, two agents) with random passwords, kept in memory only. */
  demo?: boolean;
  /** Extra Host names (or name:port) the store answers to besides its listen address and localhost. */
  allowedHosts?: readonly string[];
  /** Wall clock in milliseconds (tests may pin it); default Date.now. */
  now?: () => number;
  /** Receives each new warning (the CLI prints to stderr). */
  onWarning?: (message: string) => void;
}

/** StoreOptions with every default filled in. */
export interface ResolvedStoreOptions {
  readonly scenarioPath: string;
  readonly policyPath: string | null;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly autoAgents: number;
  readonly botDelaySeconds: number;
  readonly botHandleSeconds: number;
  readonly disconnectGraceSeconds: number;
  readonly usersFile: string;
  readonly demo: boolean;
  readonly allowedHosts: readonly string[];
  readonly now: () => number;
}

/** Fills in the defaults above; paths are made absolute (relative to the working directory). */
export function resolveStoreOptions(options: StoreOptions): ResolvedStoreOptions {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIRECTORY);
  return Object.freeze({
    scenarioPath: options.scenario?.path ?? options.scenarioPath ?? DEFAULT_STORE_SCENARIO,
    policyPath: options.policyPath === undefined ? null : resolve(options.policyPath),
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    dataDir,
    disconnectGraceSeconds: options.disconnectGraceSeconds ?? DEFAULT_DISCONNECT_GRACE_SECONDS,
    usersFile: resolve(options.usersFile ?? join(dataDir, USERS_FILE)),
    demo: options.demo ?? false,
    allowedHosts: Object.freeze([...(options.allowedHosts ?? [])]),
    autoAgents: options.autoAgents ?? 0,
    botDelaySeconds: options.botDelaySeconds ?? DEFAULT_BOT_DELAY_SECONDS,
    botHandleSeconds: options.botHandleSeconds ?? DEFAULT_BOT_HANDLE_SECONDS,
    now: options.now ?? Date.now,
  });
}
