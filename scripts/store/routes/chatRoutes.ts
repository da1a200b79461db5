import type { FastifyInstance } from "fastify";
import { StoreError } from "../shop/StoreError.ts";
import { chatRequestSchema, messageSchema, parseBody, ratingSchema, typingSchema } from "./apiSchemas.ts";
import { sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";
import { existingShopperSession, shopperSession } from "./shopperSession.ts";

/**
 * The shopper's side of chat: the live queue state the widget's gating reads, joining and leaving
 * the queue, messages, and a server-sent event stream of the shopper's chat.
 */
export function chatRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store, chats, streams } = context;

  /** {freeSlots, queueLength, predictedWaitSeconds, closed?} exactly as the simulator's policy sees it. */
  app.get("/api/chat/queue", async (_request, reply) => sendJson(reply, 200, chats.desk.queueState()));

  app.post("/api/chat/request", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const body = parseBody(chatRequestSchema, request.body);
    if (session.holdout) throw new StoreError(409, "invalid chat request: this session is in the policy's holdout (never offered chat)");
    if (body.source === "proactive" && body.rule === undefined)
      throw new StoreError(400, "missing body.rule (required for a proactive chat: the rule whose invitation was accepted)");
    chats.request(session, body.source === "reactive" ? { kind: "reactive" } : { kind: "proactive", rule: body.rule! }, body.signals);
    await store.durable();
    return sendJson(reply, 201, { chat: chats.shopperView(session), visit: session.visit });
  });

  /** The help form while the desk is closed: a message answered later (409 while the desk is open). */
  app.post("/api/chat/offline-message", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const { text } = parseBody(messageSchema, request.body);
    if (chats.desk.isOpen()) throw new StoreError(409, "invalid offline message: the desk is open (start a chat instead)");
    chats.leaveOfflineMessage(session, session.currentStep ?? "browse", text);
    await store.durable();
    return sendJson(reply, 201, { left: true });
  });

  app.post("/api/chat/messages", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const { text } = parseBody(messageSchema, request.body);
    if (session.openChatId === null) throw new StoreError(409, "invalid message: not in a chat (start one first)");
    chats.post(session.openChatId, "shopper", "Shopper", text);
    await store.durable();
    return sendJson(reply, 201, { chat: chats.shopperView(session) });
  });

  /** The shopper is typing in their open chat (or stopped): the agent's console shows it. */
  app.post("/api/chat/typing", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const { typing } = parseBody(typingSchema, request.body);
    if (session.openChatId === null) throw new StoreError(409, "invalid typing: not in a chat (start one first)");
    chats.typing(session.openChatId, "shopper", typing);
    return sendJson(reply, 200, { ok: true });
  });

  /** The post-chat rating of the visit's own ended chat. */
  app.post("/api/chat/rating", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const body = parseBody(ratingSchema, request.body);
    const chat = chats.rate(session, body.chatId, body.rating, body.comment ?? "");
    await store.durable();
    return sendJson(reply, 200, { chat: chats.viewOf(chat) });
  });

  /** Give up waiting, or end the chat. */
  app.post("/api/chat/leave", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const chat = chats.leave(session);
    await store.durable();
    return sendJson(reply, 200, { chat: chat === null ? null : chats.viewOf(chat), visit: session.visit });
  });

  app.get("/api/chat/stream", async (request, reply) => {
    const session = existingShopperSession(store, request);
    await store.durable();
    // Keep showing the last chat after it ended (so "chat ended" appears) until the next one starts.
    let lastChatId = session.openChatId;
    streams.open(
      request,
      reply,
      "chat",
      () => {
        if (session.openChatId !== null) lastChatId = session.openChatId;
        const chat = lastChatId === null ? undefined : chats.desk.chats.get(lastChatId);
        return { chat: chat ? chats.viewOf(chat) : null, visit: session.visit };
      },
      session.id,
    );
  });
}
