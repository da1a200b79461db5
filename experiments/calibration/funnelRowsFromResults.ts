import type { SimulationResults } from "../../sim/model/index.ts";
import type { FunnelRow } from "./funnelCsv.ts";

export interface FunnelRowsOptions {
  /** Also write per-interval rows (sessions, reached cart, orders, chat figures) after the whole-period rows. */
  byInterval?: boolean;
}

/**
 * Simulation results as funnel CSV rows (`formatFunnelCsv`), the format the live store exports and
 * `calibrate` reads: sessions; reached at every funnel step (browse = every session, cart = sessions
 * that added to cart, then each checkout step); abandoned at each step by reason (one row per reason
 * with a count, so the reason mix can be fitted); orders; the chat outcomes (requests, served,
 * abandoned, invitations shown and accepted, sessions with chat and their orders) and, when the
 * policy has a holdout, the holdout's sessions and orders.
 * Chat-only results have no funnel and give only the chat rows. Rows of several replications can be
 * concatenated: the reader sums rows with the same key only across intervals, so merge counts first.
 *
 * @example
 * funnelRowsFromResults(simulate(config, { seed: 1 }))
 * // [{ kind: "sessions", count: 40131, … }, { kind: "reached", step: "browse", count: 40131, … },
 * //  { kind: "reached", step: "cart", count: 2986, … }, …, { kind: "abandoned", step: "cart", reason: "justBrowsing", count: 1156, … }, …]
 */
export function funnelRowsFromResults(results: SimulationResults, options: FunnelRowsOptions = {}): FunnelRow[] {
  const row = (
    kind: FunnelRow["kind"],
    count: number,
    step: string | null = null,
    reason: string | null = null,
    interval: number | null = null,
  ): FunnelRow => ({ kind, step, reason, interval, count });
  const rows: FunnelRow[] = [];
  if (results.kind === "store") {
    const { funnel } = results;
    rows.push(row("sessions", funnel.sessions));
    for (const step of funnel.steps) rows.push(row("reached", step.reached, step.step));
    for (const step of funnel.steps) {
      for (const [reason, count] of Object.entries(step.byReason)) if ((count ?? 0) > 0) rows.push(row("abandoned", count!, step.step, reason));
    }
    rows.push(row("orders", funnel.orders));
  }
  rows.push(row("chatRequests", results.chat.requests), row("chatsServed", results.chat.served), row("chatsAbandoned", results.chat.abandoned));
  if (results.kind === "store") {
    rows.push(
      row("invitations", results.invitations.offered),
      row("invitationsAccepted", results.invitations.accepted),
      row("sessionsWithChat", results.outcome.sessionsWithChat),
      row("ordersWithChat", results.outcome.ordersWithChat),
    );
    // As the live store: holdout rows only when the policy holds sessions out.
    if (results.holdout.share > 0) rows.push(row("holdoutSessions", results.holdout.sessions), row("holdoutOrders", results.holdout.orders));
  }
  if (options.byInterval) {
    const series = results.intervals;
    series.startSeconds.forEach((_, i) => {
      if (results.kind === "store")
        rows.push(
          row("sessions", series.sessions[i], null, null, i),
          row("reached", series.carts[i], "cart", null, i),
          row("orders", series.orders[i], null, null, i),
        );
      rows.push(
        row("chatRequests", series.chatRequests[i], null, null, i),
        row("chatsServed", series.chatsServed[i], null, null, i),
        row("chatsAbandoned", series.chatsAbandoned[i], null, null, i),
      );
      if (results.kind === "store") rows.push(row("invitations", series.invitations[i], null, null, i));
    });
  }
  return rows;
}
