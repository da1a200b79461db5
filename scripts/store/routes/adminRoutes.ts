import type { FastifyInstance } from "fastify";
import { botsSchema, onlineSchema, parseBody } from "./apiSchemas.ts";
import { sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";

/**
 * Test and operations endpoints (synthetic checks use them): the desk's live state, and staffing
 * changes. Unauthenticated like the rest of the demo: keep the store on loopback.
 */
export function adminRoutes(app: FastifyInstance, context: StoreContext): void {
  const { chats, bots, store } = context;

  app.get("/api/admin/state", async (_request, reply) => sendJson(reply, 200, adminState(context)));

  /** Sets how many bot agents are online (adds bots as needed). */
  app.post("/api/admin/bots", async (request, reply) => {
    bots.setOnline(parseBody(botsSchema, request.body).online);
    await store.durable();
    return sendJson(reply, 200, adminState(context));
  });

  /** Puts any agent (bot or human) online or offline. */
  app.post<{ Params: { id: string } }>("/api/admin/agents/:id", async (request, reply) => {
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
    agents: [...desk.agents.values()].map((agent) => ({ id: agent.id, name: agent.name, bot: agent.bot, online: agent.online, load: agent.chats.size })),
    queue: chats.queueItems(),
    counts: { sessions: store.state.sessions.size, orders: store.state.orders.size, events: store.state.eventCount, openStreams: context.streams.size },
  };
}
