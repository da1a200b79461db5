import type { FastifyInstance } from "fastify";
import { csrfToken } from "../auth/registerSecurity.ts";
import type { Session } from "../events/StoreState.ts";
import { StoreError } from "../shop/StoreError.ts";
import { parseBody, widgetEventSchema } from "./apiSchemas.ts";
import { sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";
import { shopperSession, visitId } from "./shopperSession.ts";

type Body = Record<string, unknown>;

/**
 * The JSON API for scripts and synthetic checks: the same cart, checkout and orders as the pages
 * (same session cookie, same rules, same events), plus the widget's event endpoint. Every answer
 * waits until the changes it reports are on disk.
 */
export function apiRoutes(app: FastifyInstance, context: StoreContext): void {
  cartApiRoutes(app, context);
  checkoutApiRoutes(app, context);
  widgetEventsRoute(app, context);
}

/** Catalog, CSRF token, session and cart. */
function cartApiRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store } = context;

  app.get("/api/catalog", async (_request, reply) =>
    sendJson(reply, 200, { currency: store.currency, products: store.products.map(({ id, name, price, description }) => ({ id, name, price, description })) }),
  );

  /** A CSRF token for API clients (sets the signed secret cookie it belongs to). */
  app.get("/api/csrf-token", async (_request, reply) => sendJson(reply, 200, { token: csrfToken(reply) }));

  app.get("/api/session", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    await store.durable();
    return sendJson(reply, 200, sessionView(context, session));
  });

  app.get("/api/cart", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    await store.durable();
    return sendJson(reply, 200, cartView(context, session));
  });

  app.post<{ Body: Body }>("/api/cart", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const body = request.body ?? {};
    store.addToCart(session, body.productId, body.quantity ?? 1);
    await store.durable();
    return sendJson(reply, 200, cartView(context, session));
  });

  app.put<{ Params: { productId: string }; Body: Body }>("/api/cart/:productId", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    store.setQuantity(session, request.params.productId, (request.body ?? {}).quantity);
    await store.durable();
    return sendJson(reply, 200, cartView(context, session));
  });
}

/** Checkout progress, step submission and the session's orders. */
function checkoutApiRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store } = context;

  app.get("/api/checkout", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    await store.durable();
    return sendJson(reply, 200, checkoutView(context, session));
  });

  app.post<{ Params: { step: string }; Body: Body }>("/api/checkout/:step", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const outcome = store.submitStep(session, request.params.step, request.body ?? {});
    // A page shopper is redirected to the next step and so reaches it; an API shopper is there now.
    if (outcome.kind === "next") store.enterStep(session, outcome.step);
    await store.durable();
    if (outcome.kind === "invalid") return sendJson(reply, 422, { errors: outcome.errors, checkout: checkoutView(context, session) });
    if (outcome.kind === "next") return sendJson(reply, 200, { next: outcome.step, checkout: checkoutView(context, session) });
    return sendJson(reply, 201, { order: outcome.order });
  });

  app.get<{ Params: { id: string } }>("/api/orders/:id", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const order = store.order(request.params.id);
    if (!order || order.sessionId !== session.id)
      throw new StoreError(404, `invalid order id: ${JSON.stringify(request.params.id)} (no such order in this session)`);
    return sendJson(reply, 200, { order });
  });
}

/**
 * The widget's own events. Invitations shown and declined also update the visit state with the
 * simulator's helpers (in StoreState), so caps hold across pages and restarts.
 */
function widgetEventsRoute(app: FastifyInstance, context: StoreContext): void {
  const { store } = context;
  app.post("/api/events", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const event = parseBody(widgetEventSchema, request.body);
    if (event.type === "chatOffered") {
      if (session.holdout) throw new StoreError(409, "invalid chatOffered: this session is in the policy's holdout (never offered chat)");
      if (!context.policy.rules.some((rule) => rule.name === event.rule)) {
        throw new StoreError(422, `invalid body.rule: ${JSON.stringify(event.rule)} (no such rule in policy ${context.policy.name})`);
      }
      store.commit({
        type: "chatOffered",
        sessionId: session.id,
        step: event.signals.step,
        rule: event.rule,
        priority: event.priority,
        signals: event.signals,
      });
    } else store.commit({ ...event, sessionId: session.id });
    await store.durable();
    return sendJson(reply, 200, { visit: session.visit });
  });
}

function sessionView(context: StoreContext, session: Session) {
  return {
    visitId: visitId(session),
    returningVisitor: session.returningVisitor,
    pageViews: session.pageViews,
    formErrors: session.formErrors,
    visit: session.visit,
    cart: cartView(context, session),
    checkout: checkoutView(context, session),
    orders: session.orderIds,
    chat: context.chats.shopperView(session),
  };
}

function cartView(context: StoreContext, session: Session) {
  const { store } = context;
  return { lines: store.cartLines(session), itemCount: store.cartQuantity(session), totals: store.totals(session), currency: store.currency };
}

/** Checkout progress: the order id to be, the steps with their fields, and the next step to submit. */
function checkoutView(context: StoreContext, session: Session) {
  const { store } = context;
  const completed = session.checkout?.completed;
  const next = store.steps.find((step) => !completed?.has(step.name));
  return {
    checkoutId: session.checkout?.id ?? null,
    next: session.cart.size === 0 ? null : (next?.name ?? null),
    steps: store.steps.map((step) => ({
      name: step.name,
      revealsTotal: step.revealsTotal,
      completed: completed?.has(step.name) ?? false,
      fields: step.fields.map(({ name, type, label, required, options }) => ({ name, type, label: label ?? name, required, options: options ?? null })),
    })),
  };
}
