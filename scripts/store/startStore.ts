import { join } from "node:path";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { type LoadedScenario, loadScenario, ScenarioError } from "../../experiments/index.ts";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import { distributionMean } from "../../sim/random/index.ts";
import { registerAgentSession } from "./auth/agentSession.ts";
import { type DemoAccount, demoAccounts } from "./auth/demoAccounts.ts";
import { allowedHostValues } from "./auth/hostCheck.ts";
import { registerSecurity } from "./auth/registerSecurity.ts";
import { SessionFileStore } from "./auth/SessionFileStore.ts";
import { storeSecret } from "./auth/storeSecret.ts";
import { readUsersFile, UserDirectory } from "./auth/UserDirectory.ts";
import { bundleAssets } from "./bundleAssets.ts";
import { BotAgents } from "./chat/BotAgents.ts";
import { botLines } from "./chat/botLines.ts";
import { CannedReplies } from "./chat/CannedReplies.ts";
import { ChatDesk } from "./chat/ChatDesk.ts";
import { ChatService } from "./chat/ChatService.ts";
import { LiveStreams } from "./chat/LiveStreams.ts";
import { type RestoredChats, restoreOpenChats } from "./chat/restoreOpenChats.ts";
import { EventLog } from "./events/EventLog.ts";
import { StoreState } from "./events/StoreState.ts";
import { errorContent, layout } from "./pages/index.ts";
import { productImageSvg } from "./pages/productImage.ts";
import { adminRoutes, agentRoutes, apiRoutes, chatRoutes, type StoreContext, sendHtml, sendJson, shopRoutes, teamRoutes } from "./routes/index.ts";
import { StoreError } from "./shop/StoreError.ts";
import { StoreService } from "./shop/StoreService.ts";
import { CANNED_REPLIES_FILE, EVENT_LOG_FILE, resolveStoreOptions, SECRET_FILE, SESSIONS_FILE, type StoreOptions } from "./storeOptions.ts";
import { Warnings } from "./Warnings.ts";

/** A running store. */
export interface StoreHandle {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly eventLogPath: string;
  readonly scenario: LoadedScenario;
  readonly warnings: Warnings;
  /** With `demo`: the throwaway accounts and their passwords (shown once by the CLI); else empty. */
  readonly demoAccounts: readonly DemoAccount[];
  /** Chats the event log showed open at start: restored to the queue or their agent, or closed. */
  readonly restoredChats: RestoredChats;
  /** Stops bots, ends event streams, finishes in-flight requests and closes the log. Idempotent. */
  close(): Promise<void>;
}

/** Headers on every page and answer: no framing, no sniffing, and scripts only from the store itself. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/**
 * Starts the live demo store for a scenario: loads and validates it (a bad scenario throws the same
 * ScenarioError the simulator does), replays the event log in `dataDir`, builds the browser assets,
 * and listens on `host:port` (port 0 = a free port).
 */
export async function startStore(options: StoreOptions = {}): Promise<StoreHandle> {
  const resolved = resolveStoreOptions(options);
  const { loaded, config, scenario } = storeScenario(options, resolved);
  const warnings = new Warnings(options.onWarning);
  const assets = await bundleAssets();

  const demo = resolved.demo ? await demoAccounts() : { accounts: [], credentials: [] };
  const users = await UserDirectory.create([...readUsersFile(resolved.usersFile), ...demo.accounts]);
  const secret = storeSecret(join(resolved.dataDir, SECRET_FILE));
  const sessions = new SessionFileStore(join(resolved.dataDir, SESSIONS_FILE));

  const eventLogPath = join(resolved.dataDir, EVENT_LOG_FILE);
  const { log, events } = await EventLog.open(eventLogPath, warnings);
  const state = new StoreState();
  for (const event of events) state.apply(event);
  const store = new StoreService({ scenario, config, state, log, now: resolved.now });
  const policy = config.chat.policy;
  store.commit({
    type: "storeStarted",
    scenario: scenario.name,
    scenarioHash: loaded.hash,
    policy: policy.name,
    funnelSteps: ["browse", "product", "cart", ...scenario.funnel.steps.map((step) => step.name)],
    currency: scenario.currency,
  });
  const live = startLiveChat(resolved, config, scenario, store, state, events, users);
  const canned = new CannedReplies(join(resolved.dataDir, CANNED_REPLIES_FILE));
  const context: StoreContext = { loaded, policy, store, chats: live.chats, bots: live.bots, streams: live.streams, assets, users, eventLogPath, canned };
  const stopLive = (): void => {
    clearInterval(live.sweep);
    live.bots.stop();
    live.streams.closeAll();
  };

  let allowedHosts: ReadonlySet<string> = new Set();
  let app: FastifyInstance | null = null;
  try {
    await log.durable();
    app = await buildApp(context, { secret, sessions, allowedHosts: () => allowedHosts });
    await app.listen({ host: resolved.host, port: resolved.port });
    allowedHosts = allowedHostValues(resolved.host, listeningPort(app, resolved.port), resolved.allowedHosts);
  } catch (error) {
    stopLive();
    await app?.close();
    await log.close();
    throw error;
  }
  const port = listeningPort(app, resolved.port);
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | null = null;
  const server = app;
  return {
    url: `http://${host}:${port}`,
    port,
    dataDir: resolved.dataDir,
    eventLogPath,
    scenario: loaded,
    warnings,
    demoAccounts: demo.credentials,
    restoredChats: live.restored,
    close() {
      closing ??= (async () => {
        stopLive();
        await server.close();
        await log.close();
      })();
      return closing;
    },
  };
}

type StoreScenario = Extract<LoadedScenario["scenario"], { mode: "store" }>;

/** The scenario to serve, loaded and validated (a bad scenario throws the same ScenarioError the simulator does); only a store scenario can be served. */
function storeScenario(
  options: StoreOptions,
  resolved: ReturnType<typeof resolveStoreOptions>,
): { loaded: LoadedScenario; config: StoreModelConfig; scenario: StoreScenario } {
  const loaded = options.scenario ?? loadScenario(resolved.scenarioPath, resolved.policyPath === null ? {} : { policy: resolved.policyPath });
  if (loaded.config.kind !== "store") {
    throw new ScenarioError([`invalid mode: "chatOnly" (the live store needs a store scenario with a catalog and checkout steps)`], loaded.path ?? "scenario");
  }
  return { loaded, config: loaded.config, scenario: loaded.scenario as StoreScenario };
}

/** The port the server listens on (the one asked for, unless it was 0). */
function listeningPort(app: FastifyInstance, asked: number): number {
  const address = app.server.address();
  return typeof address === "object" && address !== null ? address.port : asked;
}

/**
 * The live chat: the desk, the chat service with the chats the event log showed open, the event
 * streams, the disconnect sweep and the bot agents. `sweep` is a timer to clear on close.
 */
function startLiveChat(
  resolved: ReturnType<typeof resolveStoreOptions>,
  config: StoreModelConfig,
  scenario: StoreScenario,
  store: StoreService,
  state: StoreState,
  events: Awaited<ReturnType<typeof EventLog.open>>["events"],
  users: UserDirectory,
): { chats: ChatService; bots: BotAgents; streams: LiveStreams; restored: RestoredChats; sweep: ReturnType<typeof setInterval> } {
  const { now } = resolved;
  const desk = new ChatDesk({
    concurrency: scenario.agents.concurrency,
    meanHandleSeconds: distributionMean(config.chat.handleSeconds),
    discipline: config.chat.queueDiscipline,
    openingHours: config.desk.openingHours,
    reservation: config.desk.reservation,
    segments: config.segments,
    now,
  });
  const chats = new ChatService(desk, store, config.chat.policy);
  // Open chats come back (queued in their place, active with their agent); bots' chats are closed.
  const restored = restoreOpenChats(chats, events, state.openChats, (username) => users.get(username)?.displayName);
  const streams = new LiveStreams(now, () => store.durable());
  // Heartbeat: a chat whose shopper's page stopped listening is ended after the grace time.
  const sweep = setInterval(
    () => chats.endDisconnected((sessionId) => streams.lastSeenMs(sessionId), resolved.disconnectGraceSeconds),
    Math.min(5, resolved.disconnectGraceSeconds / 2) * 1000,
  );
  sweep.unref();
  desk.onChange(() => streams.refresh());
  // A chatting shopper's page, cart and orders are in their agent's console: refresh it as they change.
  store.onCommit((event) => {
    if (event.type !== "storeStarted" && state.sessions.get(event.sessionId)?.openChatId) streams.refresh();
  });
  const bots = new BotAgents(chats, resolved.autoAgents, {
    replyDelaySeconds: resolved.botDelaySeconds,
    handleSeconds: resolved.botHandleSeconds,
    lines: botLines(config, scenario.currency),
  });
  return { chats, bots, streams, restored, sweep };
}

async function buildApp(
  context: StoreContext,
  security: { secret: string; sessions: SessionFileStore; allowedHosts: () => ReadonlySet<string> },
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 64 * 1024 });
  await app.register(formbody);
  await registerSecurity(app, { secret: security.secret, allowedHosts: security.allowedHosts });
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  app.get("/healthz", async (_request, reply) => sendJson(reply, 200, { ok: true }));
  for (const [path, asset] of context.assets) {
    app.get(path, async (_request, reply) => reply.header("cache-control", "no-cache").type(asset.contentType).send(asset.body));
  }
  app.get<{ Params: { file: string } }>("/images/products/:file", async (request, reply) => {
    const id = request.params.file.replace(/\.svg$/, "");
    const product = context.store.product(id);
    if (!product || !request.params.file.endsWith(".svg")) throw new StoreError(404, `invalid image: ${JSON.stringify(request.params.file)} (no such product)`);
    return reply.header("cache-control", "public, max-age=3600").type("image/svg+xml").send(productImageSvg(product.id, product.name));
  });

  app.register(async (scope) => {
    shopRoutes(scope, context);
    apiRoutes(scope, context);
    chatRoutes(scope, context);
  });
  // Only the console and admin routes see agent sessions: shoppers never get one.
  app.register(async (scope) => {
    await registerAgentSession(scope, security.secret, security.sessions);
    agentRoutes(scope, context);
    adminRoutes(scope, context);
    teamRoutes(scope, context);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith("/api/"))
      return sendJson(reply, 404, { error: `invalid path: ${request.method} ${request.url.split("?")[0]} (no such endpoint)` });
    return sendHtml(reply, 404, plainPage(context, "Not found", "We could not find that page."));
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    let status: number;
    let problems: readonly string[];
    if (error instanceof StoreError) {
      status = error.status;
      problems = error.problems;
    } else if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: malformed JSON, an unsupported content type, a body too large.
      status = error.statusCode;
      problems = [`invalid request: ${error.message.replace(/\.$/, "")}`];
    } else if ((error.message ?? "").startsWith("event log ")) {
      status = 503;
      problems = [`${error.message} (nothing was recorded; try again later)`];
    } else {
      process.stderr.write(`internal error (a bug, please report it): ${error.stack ?? error.message}\n`);
      status = 500;
      problems = ["internal error (a bug): see the store's log"];
    }
    if (request.url.startsWith("/api/")) return sendJson(reply, status, { error: problems[0], problems });
    return sendHtml(reply, status, plainPage(context, status === 404 ? "Not found" : "Something went wrong", problems.join("; ")));
  });
  return app;
}

function plainPage(context: StoreContext, heading: string, message: string) {
  return layout(
    { title: heading, page: "error", csrfToken: null, cartCount: 0, scenarioName: context.loaded.scenario.name, policyName: context.policy.name, widget: null },
    errorContent(heading, message),
  );
}
