import type { FastifyInstance } from "fastify";
import { presenceOf } from "../chat/ChatDesk.ts";
import { requireAccount } from "./agentAccess.ts";
import { botsSchema, onlineSchema, parseBody } from "./apiSchemas.ts";
import { sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";

/**
 * Operations endpoints for admins only (401 without a session, 403 for an agent's): the desk's live
 * state, and staffing changes.
 */
export function adminRoutes(app: FastifyInstance, context: StoreContext): void {
  const { chats, bots, store } = context;

  app.get("/api/admin/state", async (request, reply) => {
    requireAccount(context, request, "admin");
    return sendJson(reply, 200, adminState(context));
  });

  /** Replaces the team's canned replies: `{replies: string[]}` (every agent's console updates). */
  app.put("/api/admin/canned-replies", async (request, reply) => {
    requireAccount(context, request, "admin");
    const replies = context.canned.replace((request.body as { replies?: unknown } | null)?.replies);
    context.streams.refresh();
    return sendJson(reply, 200, { replies });
  });

  /** Sets how many bot agents are online (adds bots as needed). */
  app.post("/api/admin/bots", async (request, reply) => {
    requireAccount(context, request, "admin");
    bots.setOnline(parseBody(botsSchema, request.body).online);
    await store.durable();
    return sendJson(reply, 200, adminState(context));
  });

  /** Puts any agent (bot or human) online or offline. */
  app.post<{ Params: { id: string } }>("/api/admin/agents/:id", async (request, reply) => {
    requireAccount(context, request, "admin");
    chats.desk.setOnline(request.params.id, parseBody(onlineSchema, request.body).online);
    return sendJson(reply, 200, adminState(context));
  });
}

function adminState(context: StoreContext) {
  const { chats, store, policy, loaded } = context;
  const desk = chats.desk;
  return {
    scenario: loaded.scenario.name,
    scenarioHash: loaded.hash,
    policy: policy.name,
    queueState: desk.queueState(),
    capacity: desk.capacity,
    concurrency: desk.options.concurrency,
    meanHandleSeconds: desk.options.meanHandleSeconds,
    agents: [...desk.agents.values()].map((agent) => ({
      id: agent.id,
      name: agent.name,
      bot: agent.bot,
      online: agent.online,
      presence: presenceOf(agent),
      load: agent.chats.size,
    })),
    queue: chats.queueItems(),
    counts: { sessions: store.state.sessions.size, orders: store.state.orders.size, events: store.state.eventCount, openStreams: context.streams.size },
  };
}
