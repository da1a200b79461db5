import { setTimeout as sleep } from "node:timers/promises";
import { onDeclined, type QueueState, type VisitState } from "../../../sim/policy/index.ts";
import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import { type ProtocolClient, ProtocolError } from "./ProtocolClient.ts";
import type { PlannedPage } from "./visitPlan.ts";
import { walkIdleWindow } from "./walkIdleWindow.ts";

/** How a protocol persona chats once it accepted an invitation (real seconds: the bots answer in real time). */
export interface ProtocolChatPlan {
  /** How long it waits in the queue before giving up. */
  patienceSeconds: number;
  /** How long it chats once an agent took the chat, then ends it. */
  chatSeconds: number;
}

/** What one protocol persona did. */
export interface ProtocolPersonaOutcome {
  id: string;
  outcome: "finished" | "left" | "failed";
  /** The store's answer that stopped a failed persona. */
  problem: string | null;
  invitations: number;
  chats: number;
}

/** The right answer of each field of each checkout step where the persona has no generated value of its own (the wrong ones come from the plan). */
export type StepAnswers = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * Walks one persona's planned pages against the store over HTTP, as a browser with the widget would
 * and without rendering anything: GET each page (the store records the page view and serves the
 * widget's bootstrap: policy, signals it knows, visit state), idle in virtual time through the
 * trigger contract with the live queue (GET /api/chat/queue), report invitations and declines to
 * /api/events, join the chat with /api/chat/request and follow it on /api/chat/stream (waiting in real
 * time up to the chat plan's patience, then chatting, then /api/chat/leave), add to the cart and submit
 * checkout steps through the JSON API (wrong entries first, then the right ones), and stop where the
 * plan leaves. A store answer it cannot carry on from ends the persona as failed, with the reason.
 */
export async function runProtocolPersona(
  client: ProtocolClient,
  spec: PersonaSpec,
  pages: readonly PlannedPage[],
  answers: StepAnswers,
  chat: ProtocolChatPlan,
): Promise<ProtocolPersonaOutcome> {
  const result: ProtocolPersonaOutcome = { id: spec.id, outcome: "finished", problem: null, invitations: 0, chats: 0 };
  let clock = 0;
  let orderId = "";
  try {
    for (const page of pages) {
      const { boot } = await client.page(page.step === "confirmation" ? `${page.path}${encodeURIComponent(orderId)}` : page.path);
      if (boot === null) throw new ProtocolError(`${page.path}: no chat widget data on the page`, null);
      const exitVia = page.leaves && page.exitIntent ? (spec.device === "desktop" ? "mouse" : "back") : null;
      if (exitVia !== null) await expectOk(client.send("POST", "/api/events", { type: "exitIntent", step: boot.step, via: exitVia }), "exit intent");
      const window = await walkIdleWindow(
        {
          policy: boot.policy,
          signals: {
            step: boot.step,
            pageViews: boot.pageViews,
            cartValue: boot.cartValue,
            formErrors: boot.formErrors,
            confusion: false,
            returningVisitor: boot.returningVisitor,
            device: spec.device,
          },
          visit: boot.visit,
          startSeconds: clock,
          lengthSeconds: page.idleSeconds,
          exitIntent: exitVia,
          reactionSeconds: spec.reactionSeconds,
        },
        {
          queue: async () => (await expectOk(client.get("/api/chat/queue"), "queue state")) as QueueState,
          invited: async (decision, signals, visit) => {
            await expectOk(
              client.send("POST", "/api/events", { type: "chatOffered", rule: decision.rule, priority: decision.priority, signals }),
              "invitation",
            );
            if (spec.invitationResponse === "dismiss") {
              await expectOk(client.send("POST", "/api/events", { type: "chatDeclined", step: signals.step, rule: decision.rule }), "decline");
              return { visit: onDeclined(visit), goOn: true };
            }
            result.chats++;
            // Patience runs from the moment the shopper asks, as the store's wait does (from its request stamp): a
            // clock started after the answer would add the request's round trip to every give-up.
            const patience = AbortSignal.timeout(Math.max(1, Math.round(chat.patienceSeconds * 1000)));
            await expectOk(client.send("POST", "/api/chat/request", { source: "proactive", rule: decision.rule, signals }), "chat request");
            return { visit: await chatTurn(client, chat, patience), goOn: false };
          },
        },
      );
      result.invitations += window.invitations;
      clock += page.idleSeconds;
      if (page.leaves) {
        result.outcome = "left";
        return result;
      }
      if (page.add !== null) await expectOk(client.send("POST", "/api/cart", { productId: page.add.productId, quantity: page.add.quantity }), "add to cart");
      const fallback = answers.get(page.step);
      if (fallback !== undefined) orderId = (await submitStep(client, page, { ...fallback, ...personaValues(spec, page.step) })) ?? orderId;
    }
  } catch (error) {
    result.outcome = "failed";
    result.problem = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/** The persona's generated values for `step` (the spec keys them `step.field`). */
function personaValues(spec: PersonaSpec, step: string): Record<string, string> {
  const prefix = `${step}.`;
  return Object.fromEntries(Object.entries(spec.values).flatMap(([key, value]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), value]] : [])));
}

/** Submits a checkout step: the plan's wrong entries first (they must be refused with 422), then the right ones. Returns the order id on the last step. */
async function submitStep(client: ProtocolClient, page: PlannedPage, values: Readonly<Record<string, string>>): Promise<string | null> {
  const path = `/api/checkout/${encodeURIComponent(page.step)}`;
  if (page.formErrors.length > 0) {
    const wrong = { ...values, ...Object.fromEntries(page.formErrors.map((error) => [error.field, error.value])) };
    const refused = await client.send("POST", path, wrong);
    if (refused.status !== 422)
      throw new ProtocolError(
        `${page.step}: wrong entries (${page.formErrors.map((error) => error.field).join(", ")}) answered HTTP ${refused.status}, not 422`,
        refused.status,
      );
  }
  const answer = await expectOk(client.send("POST", path, values), `${page.step} form`);
  return typeof answer?.order?.orderId === "string" ? answer.order.orderId : null;
}

/** Waits for an agent until `patience` aborts, chats, then leaves; resolves with the store's visit state afterwards. */
async function chatTurn(client: ProtocolClient, plan: ProtocolChatPlan, patience: AbortSignal): Promise<VisitState> {
  const update = await client.watchChat((next) => next.chat === null || next.chat.status !== "queued", patience);
  if (update?.chat?.status === "active") await sleep(Math.round(plan.chatSeconds * 1000));
  const left = await expectOk(client.send("POST", "/api/chat/leave"), "leaving the chat");
  return left.visit as VisitState;
}

async function expectOk(pending: Promise<{ status: number; json: any; text: string }>, what: string): Promise<any> {
  const answer = await pending;
  if (answer.status >= 400) throw new ProtocolError(`${what}: HTTP ${answer.status}${answer.json?.error ? ` (${answer.json.error})` : ""}`, answer.status);
  return answer.json;
}
