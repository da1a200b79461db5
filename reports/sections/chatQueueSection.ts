import * as Plot from "@observablehq/plot";
import { formatCount, formatMoney, formatNumber, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import { plotChart } from "../charts/plotChart.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table, TableCell } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

/** Chat queue: how long answered chats waited, service level, abandonment, and what chat earned. */
export const chatQueueSection: SectionBuilder<SimulationResults> = (results, context) => {
  const { chat } = results;
  if (chat.requests === 0) return null;
  const store = results.kind === "store" ? results : null;
  return {
    id: `${context.idPrefix}-chat`,
    title: "Chat queue",
    takeaway: `${formatPercent(chat.serviceLevel)} of chat requests are answered within ${formatSeconds(chat.serviceLevelSeconds)}; ${formatPercent(chat.queueAbandonmentRate)} give up in the queue${store === null ? "" : `; the run's contribution profit is ${formatMoney(store.profit.contributionProfit, context.currency, true)} after ${formatMoney(chat.agentCost, context.currency)} of agent cost`}`,
    keyFigures: [
      { label: "Service level", value: formatPercent(chat.serviceLevel), detail: `answered ≤ ${formatSeconds(chat.serviceLevelSeconds)}` },
      {
        label: "Queue abandonment",
        value: formatPercent(chat.queueAbandonmentRate),
        detail: `${formatCount(chat.abandoned)} of ${formatCount(chat.requests)}`,
      },
      { label: "Mean wait (answered)", value: formatSeconds(chat.meanWaitOfServedSeconds), detail: `p90 ${formatSeconds(chat.waitOfServedP90Seconds)}` },
      { label: "Occupancy", value: formatPercent(chat.occupancy), detail: `${formatNumber(chat.meanConcurrency, 2)} chats per busy agent` },
      ...(store === null
        ? []
        : [
            {
              label: "Contribution profit",
              value: formatMoney(store.profit.contributionProfit, context.currency, true),
              detail: "revenue − goods − shipping − card fees − agents",
            },
          ]),
    ],
    charts: [waitHistogramChart(chat, context)],
    tables: [chatTable(chat, context), ...(store === null ? [] : [outcomeTable(store, context)])],
    notes: [],
  };
};

interface WaitBucket {
  label: string;
  count: number;
  band: "within target" | "over target";
}

/**
 * Buckets of the answered-wait histogram, labelled by their upper bound ("no wait", "≤ 5 s", ...,
 * "> 10 min"); a bucket holds waits above the previous bound up to its own.
 */
export function waitBuckets(chat: ChatQueueResults): WaitBucket[] {
  const { upperBoundsSeconds, counts } = chat.waitHistogram;
  return counts.map((count, index) => {
    const upper = upperBoundsSeconds[index] ?? null;
    const lower = index === 0 ? 0 : (upperBoundsSeconds[index - 1] ?? 0);
    const label = upper === 0 ? "no wait" : upper === null ? `> ${formatSeconds(lower)}` : `≤ ${formatSeconds(upper)}`;
    const band = upper !== null && upper <= chat.serviceLevelSeconds ? ("within target" as const) : ("over target" as const);
    return { label, count, band };
  });
}

function waitHistogramChart(chat: ChatQueueResults, context: RenderContext): Chart {
  const buckets = waitBuckets(chat);
  const within = buckets.filter((bucket) => bucket.band === "within target").reduce((sum, bucket) => sum + bucket.count, 0);
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const target = `≤ ${formatSeconds(chat.serviceLevelSeconds)}`;
  return plotChart(
    {
      key: "chat-wait-distribution",
      title: "Queue wait of answered chats",
      caption: `${formatPercent(total > 0 ? within / total : null)} of answered chats waited ${target} (each bar: waits above the previous bound up to its own); median ${formatSeconds(chat.waitOfServedP50Seconds)}, 95th percentile ${formatSeconds(chat.waitOfServedP95Seconds)}.`,
      description: `Histogram of queue waits of ${formatCount(total)} answered chats: ${buckets.map((bucket) => `${bucket.label}: ${formatCount(bucket.count)}`).join("; ")}`,
      legend: [
        { label: `waited ${target} (service level target)`, color: COLORS.primary, shape: "square" },
        { label: "waited longer", color: COLORS.secondary, shape: "square" },
      ],
      plot: {
        height: 260,
        marginTop: 30,
        marginBottom: 44,
        x: { domain: buckets.map((bucket) => bucket.label), label: "wait in the queue", labelAnchor: "center", labelArrow: "none", tickSize: 0 },
        y: { label: "answered chats", grid: true, domain: [0, Math.max(1, ...buckets.map((bucket) => bucket.count)) * 1.1], nice: true },
        color: { domain: ["within target", "over target"], range: [COLORS.primary, COLORS.secondary] },
        marks: [
          Plot.barY(buckets, { x: "label", y: "count", fill: "band", insetLeft: 2, insetRight: 2 }),
          Plot.text(buckets, { x: "label", y: "count", text: (bucket: WaitBucket) => formatCount(bucket.count), dy: -8, fill: "#222" }),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

function row(label: string, value: number | null, text: string): TableCell[] {
  return [textCell(label), numberCell(value, text)];
}

function chatTable(chat: ChatQueueResults, context: RenderContext): Table {
  return {
    id: `${context.idPrefix}-chat-figures`,
    caption: "Chat queue figures",
    sortable: false,
    columns: [
      { label: "Measure", numeric: false },
      { label: "Value", numeric: true },
    ],
    rows: [
      row("Requests", chat.requests, formatCount(chat.requests)),
      row("Answered", chat.served, formatCount(chat.served)),
      row("Gave up in the queue", chat.abandoned, `${formatCount(chat.abandoned)} (${formatPercent(chat.queueAbandonmentRate)})`),
      row("Had to wait", chat.probabilityOfWait, formatPercent(chat.probabilityOfWait)),
      row(`Service level (answered ≤ ${formatSeconds(chat.serviceLevelSeconds)} ÷ requests)`, chat.serviceLevel, formatPercent(chat.serviceLevel)),
      row(`Service level of answered chats`, chat.serviceLevelOfAnswered, formatPercent(chat.serviceLevelOfAnswered)),
      row("Mean wait, all requests", chat.meanWaitSeconds, formatSeconds(chat.meanWaitSeconds)),
      row("Mean wait, answered", chat.meanWaitOfServedSeconds, formatSeconds(chat.meanWaitOfServedSeconds)),
      row(
        "Wait p50 / p90 / p95, answered",
        chat.waitOfServedP90Seconds,
        `${formatSeconds(chat.waitOfServedP50Seconds)} / ${formatSeconds(chat.waitOfServedP90Seconds)} / ${formatSeconds(chat.waitOfServedP95Seconds)}`,
      ),
      row("Mean handle time", chat.meanHandleSeconds, formatSeconds(chat.meanHandleSeconds)),
      row("Occupancy (busy ÷ online agent time)", chat.occupancy, formatPercent(chat.occupancy)),
      row("Chat slot utilization", chat.slotUtilization, formatPercent(chat.slotUtilization)),
      row("Chats per busy agent", chat.meanConcurrency, formatNumber(chat.meanConcurrency, 2)),
      row("Agent-hours scheduled", chat.agentHoursScheduled, `${formatNumber(chat.agentHoursScheduled, 1)} h`),
      row("Agent cost", chat.agentCost, formatMoney(chat.agentCost, context.currency)),
    ],
  };
}

function outcomeTable(results: StoreResults, context: RenderContext): Table {
  const { invitations, outcome, revenue, profit } = results;
  const money = (value: number | null): string => formatMoney(value, context.currency);
  return {
    id: `${context.idPrefix}-chat-outcome`,
    caption: "Invitations, revenue and what chat earned",
    sortable: false,
    columns: [
      { label: "Measure", numeric: false },
      { label: "Value", numeric: true },
    ],
    rows: [
      row("Invitations offered", invitations.offered, formatCount(invitations.offered)),
      row("Invitations accepted", invitations.accepted, `${formatCount(invitations.accepted)} (${formatPercent(invitations.acceptanceRate)})`),
      row("Invitations to hesitating shoppers", invitations.toHesitatingShoppers, formatCount(invitations.toHesitatingShoppers)),
      row("“Need help?” requests", invitations.reactiveRequests, formatCount(invitations.reactiveRequests)),
      row(
        "Shoppers annoyed into leaving",
        invitations.annoyedExits,
        `${formatCount(invitations.annoyedExits)} (carts worth ${money(invitations.annoyedCartValue)})`,
      ),
      row("Revenue", revenue.revenue, money(revenue.revenue)),
      row("Average order value", revenue.averageOrderValue, money(revenue.averageOrderValue)),
      row("Revenue per session", revenue.revenuePerSession, money(revenue.revenuePerSession)),
      row("Margin", revenue.margin, money(revenue.margin)),
      row("Orders with a chat", outcome.ordersWithChat, formatCount(outcome.ordersWithChat)),
      row("Orders rescued by chat", outcome.rescuedOrders, `${formatCount(outcome.rescuedOrders)} (${money(outcome.rescuedRevenue)})`),
      row("Shoppers who gave up in the chat queue and left", outcome.leftAfterQueueAbandon, formatCount(outcome.leftAfterQueueAbandon)),
      row("Rescued margin", outcome.rescuedMargin, money(outcome.rescuedMargin)),
      row("Revenue with shipping and fees charged", profit.revenue, money(profit.revenue)),
      row("− Cost of goods", profit.costOfGoods, money(profit.costOfGoods)),
      row("− Shipping paid to the carrier", profit.shippingCost, `${money(profit.shippingCost)} (${money(profit.shippingCharged)} charged to shoppers)`),
      row("− Card processing fees", profit.paymentFees, money(profit.paymentFees)),
      row("− Agent cost", profit.agentCost, money(profit.agentCost)),
      row("= Contribution profit", profit.contributionProfit, formatMoney(profit.contributionProfit, context.currency, true)),
    ],
  };
}
