import type { ChatLift, Lift } from "../../experiments/chatLift/index.ts";
import { formatCount, formatMoney, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import type { RunStamp } from "../../experiments/index.ts";
import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import { rows } from "./rows.ts";

/** A readable terminal summary of one simulation. */
export function simulationSummary(results: SimulationResults, stamp: RunStamp, currency: string, chatLift?: ChatLift): string {
  const head = `${results.scenario} · seed ${stamp.seed} · ${results.horizonDays} day${results.horizonDays === 1 ? "" : "s"} · scenario ${stamp.scenarioHash} · ${stamp.runSeconds.toFixed(2)} s`;
  const parts = [head];
  if (results.kind === "store") parts.push(...storeSections(results, currency));
  if (chatLift !== undefined) parts.push(...chatLiftSection(chatLift));
  parts.push("Chat queue", chatRows(results.chat, currency));
  return parts.join("\n") + "\n";
}

/** Causal vs naive chat lift, side by side, with why they differ. */
function chatLiftSection(chatLift: ChatLift): string[] {
  const interval = chatLift.causal.pointsInterval;
  const ci = interval === null ? "" : `, 95% CI ${interval.lower.toFixed(1)} to ${interval.upper.toFixed(1)}`;
  return [
    `Chat lift for chat users (${formatCount(chatLift.chatters)} sessions with an answered chat)`,
    rows([
      ["causal (same shoppers, no desk)", `${liftText(chatLift.causal)}${ci}`],
      ["naive (vs shoppers who did not chat)", liftText(chatLift.naive)],
    ]),
    `  ${chatLift.explanation}`,
  ];
}

function liftText(lift: Lift): string {
  if (lift.points === null) return "–";
  const sign = lift.points >= 0 ? "+" : "";
  const relative = lift.relative === null ? "" : `, ${lift.relative >= 0 ? "+" : ""}${(lift.relative * 100).toFixed(0)}% relative`;
  return `${formatPercent(lift.treatedRate, 1)} vs ${formatPercent(lift.comparisonRate, 1)}: ${sign}${lift.points.toFixed(1)} points${relative}`;
}

function storeSections(results: StoreResults, currency: string): string[] {
  const { funnel, revenue, invitations, outcome, abandonment, profit } = results;
  const steps = funnel.steps
    .filter((step) => step.step !== "browse")
    .map((step) => `${step.step} ${formatCount(step.abandoned)}`)
    .join(" · ");
  const reasons = Object.entries(abandonment.byReason)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => `${reason} ${formatCount(count)}`)
    .join(" · ");
  return [
    "Funnel",
    rows([
      ["sessions", formatCount(funnel.sessions)],
      ["carts", `${formatCount(funnel.carts)} (${formatPercent(funnel.addToCartRate, 2)} of sessions)`],
      ["checkout starts", formatCount(funnel.checkoutStarts)],
      ["orders", `${formatCount(funnel.orders)} (conversion ${formatPercent(funnel.conversionRate, 2)})`],
      ["cart abandonment", formatPercent(funnel.cartAbandonmentRate)],
    ]),
    `  by device:    cart abandonment ${Object.entries(funnel.byDevice)
      .filter(([, group]) => group.carts > 0)
      .map(([device, group]) => `${device} ${formatPercent(group.cartAbandonmentRate)}`)
      .join(" · ")}`,
    `  by visitor:   conversion new ${formatPercent(funnel.byVisitor.new.conversionRate, 2)} · returning ${formatPercent(funnel.byVisitor.returning.conversionRate, 2)}`,
    `  abandoned at: ${steps}`,
    `  top reasons:  ${reasons}`,
    "Revenue",
    rows([
      ["revenue", formatMoney(revenue.revenue, currency)],
      ["average order value", formatMoney(revenue.averageOrderValue, currency)],
      ["margin", formatMoney(revenue.margin, currency)],
    ]),
    "Chat invitations",
    rows([
      ["offered / accepted", `${formatCount(invitations.offered)} / ${formatCount(invitations.accepted)} (${formatPercent(invitations.acceptanceRate)})`],
      ["reactive requests", formatCount(invitations.reactiveRequests)],
      ["annoyed exits", formatCount(invitations.annoyedExits)],
      [
        "rescued orders",
        `${formatCount(outcome.rescuedOrders)} (${formatMoney(outcome.rescuedRevenue, currency)}, margin ${formatMoney(outcome.rescuedMargin, currency)})`,
      ],
    ]),
    "Profit",
    rows([
      [
        "revenue",
        `${formatMoney(profit.revenue, currency)} (goods ${formatMoney(profit.merchandiseRevenue, currency)} + shipping ${formatMoney(profit.shippingCharged, currency)} + fees ${formatMoney(profit.feesCharged, currency)})`,
      ],
      ["− cost of goods", formatMoney(profit.costOfGoods, currency)],
      [
        "− shipping to the carrier",
        `${formatMoney(profit.shippingCost, currency)} (merchant pays ${formatMoney(profit.shippingPaidByMerchant, currency)} net; ${formatCount(results.freeShipping.freeShippedOrders)} orders shipped free)`,
      ],
      ["− card fees", formatMoney(profit.paymentFees, currency)],
      ["− agent cost", formatMoney(profit.agentCost, currency)],
      // Shown only when self-service is on, so runs without it print as before.
      ...(profit.selfServiceCost > 0 || profit.escalationCost > 0
        ? [
            [
              "− help centre / email and phone",
              `${formatMoney(profit.selfServiceCost, currency)} (${formatCount(results.selfService.contacts)} contacts, ${formatCount(results.selfService.resolved)} resolved) / ${formatMoney(profit.escalationCost, currency)} (${formatCount(results.selfService.channelEscalation.email)} emails, ${formatCount(results.selfService.channelEscalation.phone)} calls)`,
            ] as [string, string],
          ]
        : []),
      [
        "= contribution profit",
        `${formatMoney(profit.contributionProfit, currency)} (${formatMoney(profit.contributionProfitPerSession, currency)} per session)`,
      ],
      ...(results.freeShipping.paddedCarts > 0
        ? [
            [
              "topped up to free shipping",
              `${formatCount(results.freeShipping.paddedCarts)} carts; ${formatPercent(results.freeShipping.paddedOrderShare)} of below-threshold orders`,
            ] as [string, string],
          ]
        : []),
    ]),
  ];
}

function chatRows(chat: ChatQueueResults, currency: string): string {
  return rows([
    ["requests / served / abandoned", `${formatCount(chat.requests)} / ${formatCount(chat.served)} / ${formatCount(chat.abandoned)}`],
    ["warm-up excluded", warmupText(chat.warmup)],
    [
      "blocked (queue full) / messages left",
      `${formatCount(chat.blocked)} / ${formatCount(chat.messages.left)} (${chat.messages.handleHours.toFixed(1)} agent h to answer)`,
    ],
    ["P(wait)", formatPercent(chat.probabilityOfWait)],
    ["mean wait (answered)", formatSeconds(chat.meanWaitOfServedSeconds)],
    ["p90 / p95 wait (answered)", `${formatSeconds(chat.waitOfServedP90Seconds)} / ${formatSeconds(chat.waitOfServedP95Seconds)}`],
    [`service level (${chat.serviceLevelSeconds} s)`, `${formatPercent(chat.serviceLevel)}: ${chat.serviceLevelDefinition}`],
    ["queue abandonment", formatPercent(chat.queueAbandonmentRate)],
    ["mean handle time", formatSeconds(chat.meanHandleSeconds)],
    ["occupancy / concurrency", `${formatPercent(chat.occupancy)} / ${chat.meanConcurrency === null ? "–" : chat.meanConcurrency.toFixed(2)}`],
    ["agent hours / cost", `${chat.agentHoursScheduled.toFixed(1)} h / ${formatMoney(chat.agentCost, currency)}`],
  ]);
}

/** What the chat figures leave out, in words. */
export function warmupText(warmup: ChatQueueResults["warmup"]): string {
  return warmup.seconds > 0 ? `first ${formatCount(warmup.seconds)} s (${formatCount(warmup.excludedRequests)} chats)` : "none";
}

/** One line naming the warm-up a run command left out (every run command prints it). */
export function warmupLine(warmupSeconds: number): string {
  return `warm-up: ${warmupSeconds > 0 ? `first ${formatCount(warmupSeconds)} s of the horizon left out of the chat figures` : "none (chat figures cover the whole horizon)"}\n`;
}
