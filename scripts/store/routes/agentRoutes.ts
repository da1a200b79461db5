import type { FastifyInstance } from "fastify";
import { roundMoney } from "../../../sim/model/index.ts";
import { AGENT_COOKIE, endAgentSession, startAgentSession } from "../auth/agentSession.ts";
import { csrfToken } from "../auth/registerSecurity.ts";
import { type Agent, presenceOf } from "../chat/ChatDesk.ts";
import { agentConsolePage, agentSignInPage } from "../pages/agentPages.ts";
import { StoreError } from "../shop/StoreError.ts";
import { deskAgent, requireAgent, signedInAccount } from "./agentAccess.ts";
import { messageSchema, parseBody, statusSchema, takeSchema, transferSchema, typingSchema } from "./apiSchemas.ts";
import { sendHtml, sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";

/**
 * Sign-in attempts one client address may make per minute; the 11th gets 429. Guessing a 12-character
 * password at 10 per minute takes longer than any password's lifetime.
 */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;
const MAX_FIELD_LENGTH = 200;

/**
 * The agent console: sign in with username and password (a signed session cookie), a live view
 * over server-sent events (queue, own chats, team capacity), and the actions — go online/offline,
 * take a chat (up to the concurrency limit), reply, close. Every route acts only as the session's
 * account.
 */
export function agentRoutes(app: FastifyInstance, context: StoreContext): void {
  agentSessionRoutes(app, context);
  agentConsoleApiRoutes(app, context);
}

/** The console page, sign-in (rate-limited per client address) and sign-out. */
function agentSessionRoutes(app: FastifyInstance, context: StoreContext): void {
  const { chats, users } = context;

  app.get("/agent", async (request, reply) => {
    const account = signedInAccount(context, request);
    const token = csrfToken(reply);
    if (!account) return sendHtml(reply, 200, agentSignInPage(null, token));
    return sendHtml(reply, 200, agentConsolePage(deskAgent(context, account).name, chats.desk.options.concurrency, token, account.role));
  });

  app.post<{ Body: Record<string, unknown> }>(
    "/agent/sign-in",
    { config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      const field = (name: string) => (typeof request.body?.[name] === "string" ? (request.body[name] as string).slice(0, MAX_FIELD_LENGTH) : "");
      const account = await users.verify(field("username").trim(), field("password"));
      if (!account) return sendHtml(reply, 401, agentSignInPage("Wrong username or password.", csrfToken(reply)));
      await startAgentSession(request, account.username);
      const agent = deskAgent(context, account);
      if (account.role === "agent" && !agent.online) chats.desk.setOnline(agent.id, true);
      return reply.redirect("/agent", 303);
    },
  );

  app.post("/agent/sign-out", async (request, reply) => {
    const account = signedInAccount(context, request);
    if (account) chats.desk.setOnline(deskAgent(context, account).id, false);
    await endAgentSession(request);
    reply.clearCookie(AGENT_COOKIE, { path: "/" });
    return reply.redirect("/agent", 303);
  });
}

/** The signed-in agent's live view and actions: presence, take, reply, typing, transfer, close. */
function agentConsoleApiRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store, chats, streams } = context;

  app.get("/api/agent/stream", async (request, reply) => {
    const agent = requireAgent(context, request);
    streams.open(request, reply, "console", () => consoleView(context, agent));
  });

  app.post("/api/agent/status", async (request, reply) => {
    const agent = requireAgent(context, request);
    const body = parseBody(statusSchema, request.body);
    chats.desk.setPresence(agent.id, "presence" in body ? body.presence : body.online ? "online" : "offline");
    return sendJson(reply, 200, consoleView(context, agent));
  });

  app.post("/api/agent/take", async (request, reply) => {
    const agent = requireAgent(context, request);
    const chat = chats.take(agent.id, parseBody(takeSchema, request.body).chatId);
    await store.durable();
    return sendJson(reply, 200, { chatId: chat.id });
  });

  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/messages", async (request, reply) => {
    const agent = requireAgent(context, request);
    const chat = chats.desk.chat(request.params.id);
    if (chat.agentId !== agent.id) throw new StoreError(403, `invalid message: chat ${chat.id} is not held by this agent`);
    chats.post(chat.id, "agent", agent.name, parseBody(messageSchema, request.body).text);
    await store.durable();
    return sendJson(reply, 201, { ok: true });
  });

  /** The agent is typing in a chat it holds (or stopped): the shopper's widget shows it. */
  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/typing", async (request, reply) => {
    const agent = requireAgent(context, request);
    const chat = chats.desk.chat(request.params.id);
    if (chat.agentId !== agent.id) throw new StoreError(403, `invalid typing: chat ${chat.id} is not held by this agent`);
    chats.typing(chat.id, "agent", parseBody(typingSchema, request.body).typing);
    return sendJson(reply, 200, { ok: true });
  });

  /** Hands a chat this agent holds to another online agent with a free slot. */
  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/transfer", async (request, reply) => {
    const agent = requireAgent(context, request);
    chats.transfer(agent.id, request.params.id, parseBody(transferSchema, request.body).to);
    await store.durable();
    return sendJson(reply, 200, { ok: true });
  });

  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/close", async (request, reply) => {
    const agent = requireAgent(context, request);
    chats.close(agent.id, request.params.id);
    await store.durable();
    return sendJson(reply, 200, { ok: true });
  });
}

/**
 * The shopper as they are now (the chat's `context` is as they were when they asked): page, cart
 * value, and orders placed in the visit with their total. The console shows it; it changes as the
 * shopper moves on, so an order placed during the chat shows at once.
 */
function liveContext(context: StoreContext, sessionId: string) {
  const { store } = context;
  const session = store.state.sessions.get(sessionId);
  if (!session) return null;
  const orders = session.orderIds.map((orderId) => store.state.orders.get(orderId)).filter((order) => order !== undefined);
  return {
    step: session.currentStep,
    cartValue: store.cartValue(session),
    orders: orders.length,
    ordersTotal: roundMoney(orders.reduce((sum, order) => sum + order.total, 0)),
  };
}

/** What one agent's console shows; also what /api/admin/state reports per agent. */
export function consoleView(context: StoreContext, agent: Agent) {
  const { chats } = context;
  const desk = chats.desk;
  return {
    agent: { id: agent.id, name: agent.name, online: agent.online, presence: presenceOf(agent), load: agent.chats.size, concurrency: desk.options.concurrency },
    currency: context.store.currency,
    team: {
      ...desk.queueState(),
      capacity: desk.capacity,
      online: [...desk.agents.values()].filter((candidate) => presenceOf(candidate) === "online").length,
      away: [...desk.agents.values()].filter((candidate) => presenceOf(candidate) === "away").length,
    },
    /** Who a chat can be transferred to: other people online with a free slot (bots take only from the queue). */
    cannedReplies: context.canned.replies,
    transferTo: [...desk.agents.values()]
      .filter(
        (candidate) => !candidate.bot && presenceOf(candidate) === "online" && candidate.id !== agent.id && candidate.chats.size < desk.options.concurrency,
      )
      .map((candidate) => ({ id: candidate.id, name: candidate.name })),
    queue: chats.queueItems(),
    chats: [...agent.chats].map((id) => {
      const chat = desk.chat(id);
      return {
        id,
        context: chat.context,
        live: liveContext(context, chat.sessionId),
        source: chat.source,
        priority: chat.priority,
        requestedAtMs: chat.requestedAtMs,
        startedAtMs: chat.startedAtMs,
        messages: chat.messages,
        shopperTyping: desk.isTyping(chat, "shopper"),
      };
    }),
  };
}
