import type { FunnelRow } from "../../../experiments/index.ts";
import type { StoreEvent } from "../events/storeEvents.ts";

/** Pages before the checkout, in funnel order (the simulator's step names for them). */
const BROWSING = ["browse", "product", "cart"] as const;

/**
 * The funnel counts of a store's event log, as rows for `formatFunnelCsv` (the format `calibrate`
 * reads). `checkoutSteps` are the scenario's step names, in order.
 *
 * - sessions: sessions started.
 * - reached: browse = every session (as in the simulator); product = sessions that viewed a
 *   product page; cart = sessions that put something in the cart; a checkout step = sessions that
 *   reached it. The server only lets a shopper into a step after the ones before it, so the counts
 *   never grow along the funnel.
 * - abandoned: sessions with a cart and no order, at the furthest step they reached (reason left
 *   empty: the store cannot know why). Sessions that never added to cart are bounces, not
 *   abandonments, as in the simulator. So reached(s) = abandoned(s) + reached(next) holds exactly.
 * - orders, chatRequests (queue joins), chatsServed (taken by an agent), chatsAbandoned (the
 *   shopper gave up waiting), invitations (shown), invitationsAccepted.
 * - sessionsWithChat: sessions with a chat taken by an agent; ordersWithChat: orders placed after
 *   the session's chat was taken (as the simulator counts a chat that came before the order).
 * - holdoutSessions, holdoutOrders: only when the log's sessions record a holdout assignment (the
 *   policy has `holdout`), as the simulator writes them only for a policy with one.
 *
 * Every step gets a row, zeros included, so a calibration sees an explicit 0 rather than nothing.
 */
export function funnelRows(events: Iterable<StoreEvent>, checkoutSteps: readonly string[]): FunnelRow[] {
  const funnel = [...BROWSING, ...checkoutSteps];
  const position = new Map(funnel.map((step, index) => [step, index]));
  const cartPosition = position.get("cart")!;
  const tally = emptyTally();
  for (const event of events) countEvent(tally, event, position);
  const { sessions } = tally;

  const reached = new Array<number>(funnel.length).fill(0);
  const abandoned = new Array<number>(funnel.length).fill(0);
  for (const entry of sessions.values()) {
    for (const index of entry.reached) reached[index]++;
    if (!entry.ordered && entry.reached.has(cartPosition)) abandoned[entry.furthest]++;
  }
  reached[0] = sessions.size;
  const row = (kind: FunnelRow["kind"], count: number, step: string | null = null): FunnelRow => ({ kind, step, reason: null, interval: null, count });
  return [
    row("sessions", sessions.size),
    ...funnel.map((step, index) => row("reached", reached[index], step)),
    ...funnel.slice(cartPosition).map((step, index) => row("abandoned", abandoned[cartPosition + index], step)),
    row("orders", tally.orders.size),
    row("chatRequests", tally.chatRequests),
    row("chatsServed", tally.served.size),
    row("chatsAbandoned", tally.abandonedChats),
    row("invitations", tally.invitations),
    row("invitationsAccepted", tally.accepted),
    row("sessionsWithChat", [...sessions.values()].filter((entry) => entry.chatted).length),
    row("ordersWithChat", tally.ordersWithChat),
    ...(tally.hasHoldout
      ? [row("holdoutSessions", [...sessions.values()].filter((entry) => entry.holdout).length), row("holdoutOrders", tally.holdoutOrders)]
      : []),
  ];
}

/** One session as the log tells it: funnel positions reached (the furthest kept apart for abandonment). */
interface SessionTally {
  furthest: number;
  reached: Set<number>;
  ordered: boolean;
  chatted: boolean;
  holdout: boolean;
}

/** Everything counted in one pass over the log. */
interface EventTally {
  sessions: Map<string, SessionTally>;
  /** Order ids: each counted once, however often the log has it. */
  orders: Set<string>;
  /** Chat ids taken by an agent. */
  served: Set<string>;
  chatRequests: number;
  invitations: number;
  accepted: number;
  abandonedChats: number;
  ordersWithChat: number;
  holdoutOrders: number;
  hasHoldout: boolean;
}

function emptyTally(): EventTally {
  return {
    sessions: new Map(),
    orders: new Set(),
    served: new Set(),
    chatRequests: 0,
    invitations: 0,
    accepted: 0,
    abandonedChats: 0,
    ordersWithChat: 0,
    holdoutOrders: 0,
    hasHoldout: false,
  };
}

/** The session's entry, made on first sight: every session has reached browse (position 0). */
function sessionOf(tally: EventTally, id: string): SessionTally {
  let entry = tally.sessions.get(id);
  if (!entry) {
    entry = { furthest: 0, reached: new Set([0]), ordered: false, chatted: false, holdout: false };
    tally.sessions.set(id, entry);
  }
  return entry;
}

function reach(tally: EventTally, position: ReadonlyMap<string, number>, id: string, step: string): void {
  const index = position.get(step);
  if (index === undefined) return;
  const entry = sessionOf(tally, id);
  entry.reached.add(index);
  entry.furthest = Math.max(entry.furthest, index);
}

function countEvent(tally: EventTally, event: StoreEvent, position: ReadonlyMap<string, number>): void {
  switch (event.type) {
    case "sessionStarted": {
      const entry = sessionOf(tally, event.sessionId);
      if (event.holdout !== undefined) tally.hasHoldout = true;
      entry.holdout = event.holdout === true;
      break;
    }
    case "pageView":
      if (event.step === "product") reach(tally, position, event.sessionId, "product");
      break;
    case "addToCart":
      reach(tally, position, event.sessionId, "cart");
      break;
    case "checkoutStep":
      reach(tally, position, event.sessionId, event.step);
      break;
    case "orderPlaced":
      if (!tally.orders.has(event.orderId)) {
        tally.orders.add(event.orderId);
        const entry = sessionOf(tally, event.sessionId);
        entry.ordered = true;
        if (entry.chatted) tally.ordersWithChat++;
        if (entry.holdout) tally.holdoutOrders++;
      }
      break;
    case "chatRequested":
      tally.chatRequests++;
      break;
    case "chatStarted":
      tally.served.add(event.chatId);
      sessionOf(tally, event.sessionId).chatted = true;
      break;
    case "queueAbandoned":
      tally.abandonedChats++;
      break;
    case "chatOffered":
      tally.invitations++;
      break;
    case "chatAccepted":
      tally.accepted++;
      break;
    default:
      break;
  }
}
