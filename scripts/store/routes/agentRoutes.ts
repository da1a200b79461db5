import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Agent } from "../ChatDesk.ts";
import { parseCookies, serializeCookie } from "../cookies.ts";
import { newId } from "../newId.ts";
import { agentConsolePage, agentSignInPage } from "../pages/agentPages.ts";
import { StoreError } from "../StoreError.ts";
import { messageSchema, onlineSchema, parseBody, takeSchema } from "./apiSchemas.ts";
import { sendHtml, sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";

/** The agent's sign-in cookie (agents live in memory: after a restart they sign in again). */
export const AGENT_COOKIE = "convsim_agent";
const MAX_NAME_LENGTH = 40;

/**
 * The agent console: sign in by name, a live view over server-sent events (queue, own chats, team
 * capacity), and the actions — go online/offline, take a chat (up to the concurrency limit),
 * reply, close.
 */
export function agentRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store, chats, streams } = context;
  const agentOf = (request: FastifyRequest): Agent | undefined => {
    const id = parseCookies(request.headers.cookie)[AGENT_COOKIE];
    return id === undefined ? undefined : chats.desk.agents.get(id);
  };
  const requireAgent = (request: FastifyRequest): Agent => {
    const agent = agentOf(request);
    if (!agent) throw new StoreError(401, "invalid agent: not signed in (sign in at /agent)");
    return agent;
  };

  app.get("/agent", async (request, reply) => {
    const agent = agentOf(request);
    return sendHtml(reply, 200, agent ? agentConsolePage(agent.name, chats.desk.options.concurrency) : agentSignInPage(null));
  });

  app.post<{ Body: Record<string, unknown> }>("/agent/sign-in", async (request, reply) => {
    const name = typeof request.body?.name === "string" ? request.body.name.trim() : "";
    if (name === "" || name.length > MAX_NAME_LENGTH) return sendHtml(reply, 422, agentSignInPage(`Enter a name of 1 to ${MAX_NAME_LENGTH} characters.`));
    const agent = chats.desk.addAgent(newId("AGENT"), name, false);
    reply.header("set-cookie", serializeCookie(AGENT_COOKIE, agent.id, { httpOnly: true, sameSite: "Strict" }));
    return reply.redirect("/agent", 303);
  });

  app.post("/agent/sign-out", async (request, reply) => {
    const agent = agentOf(request);
    if (agent) chats.desk.setOnline(agent.id, false);
    reply.header("set-cookie", serializeCookie(AGENT_COOKIE, "", { httpOnly: true, sameSite: "Strict", maxAgeSeconds: 0 }));
    return reply.redirect("/agent", 303);
  });

  app.get("/api/agent/stream", async (request, reply) => {
    const agent = requireAgent(request);
    streams.open(request, reply, "console", () => consoleView(context, agent));
  });

  app.post("/api/agent/status", async (request, reply) => {
    const agent = requireAgent(request);
    chats.desk.setOnline(agent.id, parseBody(onlineSchema, request.body).online);
    return sendJson(reply, 200, consoleView(context, agent));
  });

  app.post("/api/agent/take", async (request, reply) => {
    const agent = requireAgent(request);
    const chat = chats.take(agent.id, parseBody(takeSchema, request.body).chatId);
    await store.durable();
    return sendJson(reply, 200, { chatId: chat.id });
  });

  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/messages", async (request, reply) => {
    const agent = requireAgent(request);
    const chat = chats.desk.chat(request.params.id);
    if (chat.agentId !== agent.id) throw new StoreError(403, `invalid message: chat ${chat.id} is not held by this agent`);
    chats.post(chat.id, "agent", agent.name, parseBody(messageSchema, request.body).text);
    await store.durable();
    return sendJson(reply, 201, { ok: true });
  });

  app.post<{ Params: { id: string } }>("/api/agent/chats/:id/close", async (request, reply) => {
    const agent = requireAgent(request);
    chats.close(agent.id, request.params.id);
    await store.durable();
    return sendJson(reply, 200, { ok: true });
  });
}

/** What one agent's console shows; also what /api/admin/state reports per agent. */
export function consoleView(context: StoreContext, agent: Agent) {
  const { chats } = context;
  const desk = chats.desk;
  return {
    agent: { id: agent.id, name: agent.name, online: agent.online, load: agent.chats.size, concurrency: desk.options.concurrency },
    currency: context.store.currency,
    team: { ...desk.queueState(), capacity: desk.capacity, online: [...desk.agents.values()].filter((candidate) => candidate.online).length },
    queue: chats.queueItems(),
    chats: [...agent.chats].map((id) => {
      const chat = desk.chat(id);
      return { id, context: chat.context, source: chat.source, priority: chat.priority, startedAtMs: chat.startedAtMs, messages: chat.messages };
    }),
  };
}
