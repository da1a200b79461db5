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
  const sessions = new Map<string, { furthest: number; reached: Set<number>; ordered: boolean; chatted: boolean; holdout: boolean }>();
  const orders = new Set<string>();
  const served = new Set<string>();
  let chatRequests = 0;
  let invitations = 0;
  let accepted = 0;
  let abandonedChats = 0;
  let ordersWithChat = 0;
  let holdoutOrders = 0;
  let hasHoldout = false;
  const session = (id: string) => {
    let entry = sessions.get(id);
    if (!entry) {
      entry = { furthest: 0, reached: new Set([0]), ordered: false, chatted: false, holdout: false };
      sessions.set(id, entry);
    }
    return entry;
  };
  const reach = (id: string, step: string) => {
    const index = position.get(step);
    if (index === undefined) return;
    const entry = session(id);
    entry.reached.add(index);
    entry.furthest = Math.max(entry.furthest, index);
  };

  for (const event of events) {
    switch (event.type) {
      case "sessionStarted": {
        const entry = session(event.sessionId);
        if (event.holdout !== undefined) hasHoldout = true;
        entry.holdout = event.holdout === true;
        break;
      }
      case "pageView":
        if (event.step === "product") reach(event.sessionId, "product");
        break;
      case "addToCart":
        reach(event.sessionId, "cart");
        break;
      case "checkoutStep":
        reach(event.sessionId, event.step);
        break;
      case "orderPlaced":
        if (!orders.has(event.orderId)) {
          orders.add(event.orderId);
          const entry = session(event.sessionId);
          entry.ordered = true;
          if (entry.chatted) ordersWithChat++;
          if (entry.holdout) holdoutOrders++;
        }
        break;
      case "chatRequested":
        chatRequests++;
        break;
      case "chatStarted":
        served.add(event.chatId);
        session(event.sessionId).chatted = true;
        break;
      case "queueAbandoned":
        abandonedChats++;
        break;
      case "chatOffered":
        invitations++;
        break;
      case "chatAccepted":
        accepted++;
        break;
      default:
        break;
    }
  }

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
    row("orders", orders.size),
    row("chatRequests", chatRequests),
    row("chatsServed", served.size),
    row("chatsAbandoned", abandonedChats),
    row("invitations", invitations),
    row("invitationsAccepted", accepted),
    row("sessionsWithChat", [...sessions.values()].filter((entry) => entry.chatted).length),
    row("ordersWithChat", ordersWithChat),
    ...(hasHoldout ? [row("holdoutSessions", [...sessions.values()].filter((entry) => entry.holdout).length), row("holdoutOrders", holdoutOrders)] : []),
  ];
}
