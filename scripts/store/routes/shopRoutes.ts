import type { FastifyInstance } from "fastify";
import { csrfToken } from "../auth/registerSecurity.ts";
import type { Session } from "../events/StoreState.ts";
import { cartPage } from "../pages/cartPage.ts";
import { checkoutPage } from "../pages/checkoutPage.ts";
import { confirmationPage } from "../pages/confirmationPage.ts";
import { csrfField } from "../pages/csrfField.ts";
import { humanize } from "../pages/humanize.ts";
import { errorContent } from "../pages/layout.ts";
import type { SummaryInput } from "../pages/orderSummary.ts";
import { productListPage } from "../pages/productListPage.ts";
import { productPage } from "../pages/productPage.ts";
import { StoreError } from "../shop/StoreError.ts";
import { renderStorePage } from "./renderStorePage.ts";
import type { StoreContext } from "./StoreContext.ts";
import { shopperSession } from "./shopperSession.ts";

type Body = Record<string, unknown>;

/**
 * The shopper's pages: plain HTML forms posting to the server (they work without scripts), each
 * change answered with a redirect (post/redirect/get) so a reload never resubmits.
 */
export function shopRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store } = context;
  const freeShippingFrom = Number.isFinite(store.config.pricing.freeShippingThreshold) ? store.config.pricing.freeShippingThreshold : null;
  catalogRoutes(app, context, freeShippingFrom);
  cartRoutes(app, context, freeShippingFrom);
  checkoutRoutes(app, context);
}

/** The product list and the product pages. */
function catalogRoutes(app: FastifyInstance, context: StoreContext, freeShippingFrom: number | null): void {
  const { store } = context;
  // The catalog, currency and threshold are fixed for the store's life, so the front page's product
  // grid (the heaviest markup the store serves) is rendered once, not on every visit.
  const productList = productListPage(store.products, store.currency, freeShippingFrom);
  app.get("/", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    return renderStorePage(context, request, reply, session, {
      title: "Shop",
      step: "browse",
      content: productList,
    });
  });

  app.get<{ Params: { id: string } }>("/products/:id", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const product = store.product(request.params.id);
    if (!product) return notFound(context, request, reply, session, "We could not find that product.");
    return renderStorePage(context, request, reply, session, {
      title: product.name,
      step: "product",
      content: productPage(product, store.currency, freeShippingFrom, null, csrfField(csrfToken(reply))),
    });
  });
}

/** Adding to the cart, changing quantities, and the cart page. */
function cartRoutes(app: FastifyInstance, context: StoreContext, freeShippingFrom: number | null): void {
  const { store } = context;
  app.post<{ Body: Body }>("/cart/add", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const body = request.body ?? {};
    try {
      store.addToCart(session, body.productId, body.quantity);
    } catch (error) {
      const product = store.product(String(body.productId));
      if (!(error instanceof StoreError) || !product) throw error;
      return renderStorePage(context, request, reply, session, {
        title: product.name,
        step: "product",
        status: error.status,
        content: productPage(product, store.currency, freeShippingFrom, userMessage(error), csrfField(csrfToken(reply))),
      });
    }
    await store.durable();
    return reply.redirect("/cart", 303);
  });

  app.post<{ Body: Body }>("/cart/update", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const body = request.body ?? {};
    try {
      store.setQuantity(session, body.productId, body.quantity);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      return renderStorePage(context, request, reply, session, {
        title: "Cart",
        step: "cart",
        status: error.status,
        content: cartPage(summaryFor(context, session, 0), userMessage(error), csrfField(csrfToken(reply))),
      });
    }
    await store.durable();
    return reply.redirect("/cart", 303);
  });

  app.get("/cart", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    return renderStorePage(context, request, reply, session, {
      title: "Cart",
      step: "cart",
      content: cartPage(summaryFor(context, session, 0), null, csrfField(csrfToken(reply))),
    });
  });
}

/** The checkout steps (in order, each posted and checked) and the order confirmation. */
function checkoutRoutes(app: FastifyInstance, context: StoreContext): void {
  const { store } = context;
  app.get("/checkout", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    await store.durable();
    return reply.redirect(store.checkoutRedirect(session, null) ?? `/checkout/${store.steps[store.steps.length - 1].name}`, 303);
  });

  app.get<{ Params: { step: string } }>("/checkout/:step", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const step = store.step(request.params.step);
    if (!step) return notFound(context, request, reply, session, "There is no such checkout step.");
    const redirect = store.checkoutRedirect(session, step.name);
    if (redirect !== null) {
      await store.durable();
      return reply.redirect(redirect, 303);
    }
    const checkoutId = store.enterStep(session, step.name);
    const values = session.checkout?.completed.get(step.name) ?? {};
    return renderStorePage(context, request, reply, session, {
      title: humanize(step.name),
      step: step.name,
      content: checkoutPage({
        steps: store.steps,
        step,
        checkoutId,
        values: withoutCardData(values),
        errors: {},
        completed: session.checkout!.completed,
        summary: summaryFor(context, session, store.steps.indexOf(step) + 1),
        csrf: csrfField(csrfToken(reply)),
      }),
    });
  });

  app.post<{ Params: { step: string }; Body: Body }>("/checkout/:step", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const step = store.step(request.params.step);
    if (!step) return notFound(context, request, reply, session, "There is no such checkout step.");
    let outcome: ReturnType<typeof store.submitStep>;
    try {
      outcome = store.submitStep(session, step.name, request.body ?? {});
    } catch (error) {
      // Out of order (an old tab, an emptied cart): show where the shopper can carry on.
      if (!(error instanceof StoreError) || error.status !== 409) throw error;
      await store.durable();
      return reply.redirect(store.checkoutRedirect(session, step.name) ?? "/checkout", 303);
    }
    if (outcome.kind === "invalid") {
      return renderStorePage(context, request, reply, session, {
        title: humanize(step.name),
        step: step.name,
        status: 422,
        content: checkoutPage({
          steps: store.steps,
          step,
          checkoutId: session.checkout!.id,
          values: outcome.values,
          errors: outcome.errors,
          completed: session.checkout!.completed,
          summary: summaryFor(context, session, store.steps.indexOf(step) + 1),
          csrf: csrfField(csrfToken(reply)),
        }),
      });
    }
    await store.durable();
    return reply.redirect(outcome.kind === "next" ? `/checkout/${encodeURIComponent(outcome.step)}` : `/orders/${outcome.order.orderId}`, 303);
  });

  app.get<{ Params: { id: string } }>("/orders/:id", async (request, reply) => {
    const session = shopperSession(store, request, reply);
    const order = store.order(request.params.id);
    // Only the session that placed an order may see it: order ids are not secrets.
    if (!order || order.sessionId !== session.id) return notFound(context, request, reply, session, "We could not find that order.");
    return renderStorePage(context, request, reply, session, { title: `Order ${order.orderId}`, step: "confirmation", content: confirmationPage(order) });
  });
}

/** The summary box at funnel position `position` (0 = cart, i = checkout step i − 1). */
export function summaryFor(context: StoreContext, session: Session, position: number): SummaryInput {
  const { store } = context;
  const reveal = store.revealPosition;
  return {
    lines: store.cartLines(session),
    totals: store.totals(session),
    currency: store.currency,
    showTotals: store.totalsShownAt(position),
    revealedAt: reveal === 0 ? "the cart" : `the ${humanize(store.steps[reveal - 1].name)} step`,
  };
}

async function notFound(
  context: StoreContext,
  request: Parameters<typeof renderStorePage>[1],
  reply: Parameters<typeof renderStorePage>[2],
  session: Session,
  message: string,
) {
  return renderStorePage(context, request, reply, session, { title: "Not found", step: "notFound", status: 404, content: errorContent("Not found", message) });
}

/** A StoreError's message for a shopper: the house-format detail in parentheses is for developers. */
function userMessage(error: StoreError): string {
  const detail = /\(([^)]*)\)$/.exec(error.message)?.[1];
  return detail ? `Sorry, that did not work: ${detail}.` : "Sorry, that did not work.";
}

/** Stored step values never include card data beyond `**** 1234`; do not put even that in an input. */
function withoutCardData(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !/^\*{4} \d{4}$/.test(value)));
}
