import type { FastifyReply, FastifyRequest } from "fastify";
import { resolvePolicy } from "../../../sim/policy/index.ts";
import { csrfToken } from "../auth/registerSecurity.ts";
import type { Session } from "../events/StoreState.ts";
import type { SafeHtml } from "../pages/html.ts";
import { layout } from "../pages/layout.ts";
import type { WidgetBootstrap } from "../widget/WidgetBootstrap.ts";
import { sendHtml } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";
import { visitId } from "./shopperSession.ts";

export interface StorePage {
  title: string;
  /** The step signal of the page: browse, product, cart, a checkout step, confirmation. */
  step: string;
  content: SafeHtml;
  status?: number;
}

/** What the widget of a holdout session runs: no "Need help?" button and no invitations. */
const HOLDOUT_POLICY = resolvePolicy({
  name: "holdout",
  description: "a session of the policy's holdout: never offered chat",
  reactive: { enabled: false },
  rules: [],
});

/**
 * Records the page view, waits until everything the request changed is on disk, and sends the page
 * with the chat widget's bootstrap (signals the server knows, visit state, the resolved policy and
 * the shopper's chat).
 */
export async function renderStorePage(
  context: StoreContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
  page: StorePage,
): Promise<FastifyReply> {
  const { store, chats, policy, loaded } = context;
  store.pageView(session, page.step, request.url);
  const widget: WidgetBootstrap = {
    visitId: visitId(session),
    step: page.step,
    checkoutSteps: store.steps.map((step) => step.name),
    pageViews: session.pageViews,
    cartValue: store.cartValue(session),
    formErrors: session.formErrors,
    returningVisitor: session.returningVisitor,
    visit: session.visit,
    policy: session.holdout ? HOLDOUT_POLICY : policy,
    chat: chats.shopperView(session),
    currency: store.currency,
    deskOpen: chats.desk.isOpen(),
  };
  const html = layout(
    {
      title: page.title,
      page: page.step,
      csrfToken: csrfToken(reply),
      cartCount: store.cartQuantity(session),
      scenarioName: loaded.scenario.name,
      policyName: policy.name,
      widget,
    },
    page.content,
  );
  await store.durable();
  return sendHtml(reply, page.status ?? 200, html);
}
