import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import type { RunStamp } from "../../experiments/index.ts";
import type { ChatLift, Lift } from "../../experiments/chatLift/index.ts";
import { integer, money, percent, rows, seconds } from "./format.ts";

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
    `Chat lift for chat users (${integer(chatLift.chatters)} sessions with an answered chat)`,
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
  return `${percent(lift.treatedRate)} vs ${percent(lift.comparisonRate)}: ${sign}${lift.points.toFixed(1)} points${relative}`;
}

function storeSections(results: StoreResults, currency: string): string[] {
  const { funnel, revenue, invitations, outcome, abandonment, profit } = results;
  const steps = funnel.steps
    .filter((step) => step.step !== "browse")
    .map((step) => `${step.step} ${integer(step.abandoned)}`)
    .join(" · ");
  const reasons = Object.entries(abandonment.byReason)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => `${reason} ${integer(count)}`)
    .join(" · ");
  return [
    "Funnel",
    rows([
      ["sessions", integer(funnel.sessions)],
      ["carts", `${integer(funnel.carts)} (${percent(funnel.addToCartRate, 2)} of sessions)`],
      ["checkout starts", integer(funnel.checkoutStarts)],
      ["orders", `${integer(funnel.orders)} (conversion ${percent(funnel.conversionRate, 2)})`],
      ["cart abandonment", percent(funnel.cartAbandonmentRate)],
    ]),
    `  by device:    cart abandonment ${Object.entries(funnel.byDevice).filter(([, group]) => group.carts > 0).map(([device, group]) => `${device} ${percent(group.cartAbandonmentRate)}`).join(" · ")}`,
    `  by visitor:   conversion new ${percent(funnel.byVisitor.new.conversionRate, 2)} · returning ${percent(funnel.byVisitor.returning.conversionRate, 2)}`,
    `  abandoned at: ${steps}`,
    `  top reasons:  ${reasons}`,
    "Revenue",
    rows([
      ["revenue", money(revenue.revenue, currency)],
      ["average order value", money(revenue.averageOrderValue, currency)],
      ["margin", money(revenue.margin, currency)],
    ]),
    "Chat invitations",
    rows([
      ["offered / accepted", `${integer(invitations.offered)} / ${integer(invitations.accepted)} (${percent(invitations.acceptanceRate)})`],
      ["reactive requests", integer(invitations.reactiveRequests)],
      ["annoyed exits", integer(invitations.annoyedExits)],
      ["rescued orders", `${integer(outcome.rescuedOrders)} (${money(outcome.rescuedRevenue, currency)}, margin ${money(outcome.rescuedMargin, currency)})`],
    ]),
    "Profit",
    rows([
      ["revenue", `${money(profit.revenue, currency)} (goods ${money(profit.merchandiseRevenue, currency)} + shipping ${money(profit.shippingCharged, currency)} + fees ${money(profit.feesCharged, currency)})`],
      ["− cost of goods", money(profit.costOfGoods, currency)],
      ["− shipping to the carrier", `${money(profit.shippingCost, currency)} (merchant pays ${money(profit.shippingPaidByMerchant, currency)} net; ${integer(results.freeShipping.freeShippedOrders)} orders shipped free)`],
      ["− card fees", money(profit.paymentFees, currency)],
      ["− agent cost", money(profit.agentCost, currency)],
      ["= contribution profit", `${money(profit.contributionProfit, currency)} (${money(profit.contributionProfitPerSession, currency)} per session)`],
      ...(results.freeShipping.paddedCarts > 0 ? [["topped up to free shipping", `${integer(results.freeShipping.paddedCarts)} carts; ${percent(results.freeShipping.paddedOrderShare)} of below-threshold orders`] as [string, string]] : []),
    ]),
  ];
}

function chatRows(chat: ChatQueueResults, currency: string): string {
  return rows([
    ["requests / served / abandoned", `${integer(chat.requests)} / ${integer(chat.served)} / ${integer(chat.abandoned)}`],
    ["warm-up excluded", warmupText(chat.warmup)],
    ["blocked (queue full) / messages left", `${integer(chat.blocked)} / ${integer(chat.messages.left)} (${chat.messages.handleHours.toFixed(1)} agent h to answer)`],
    ["P(wait)", percent(chat.probabilityOfWait)],
    ["mean wait (answered)", seconds(chat.meanWaitOfServedSeconds)],
    ["p90 / p95 wait (answered)", `${seconds(chat.waitOfServedP90Seconds)} / ${seconds(chat.waitOfServedP95Seconds)}`],
    [`service level (${chat.serviceLevelSeconds} s)`, `${percent(chat.serviceLevel)}: ${chat.serviceLevelDefinition}`],
    ["queue abandonment", percent(chat.queueAbandonmentRate)],
    ["mean handle time", seconds(chat.meanHandleSeconds)],
    ["occupancy / concurrency", `${percent(chat.occupancy)} / ${chat.meanConcurrency === null ? "–" : chat.meanConcurrency.toFixed(2)}`],
    ["agent hours / cost", `${chat.agentHoursScheduled.toFixed(1)} h / ${money(chat.agentCost, currency)}`],
  ]);
}

/** What the chat figures leave out, in words. */
export function warmupText(warmup: ChatQueueResults["warmup"]): string {
  return warmup.seconds > 0 ? `first ${integer(warmup.seconds)} s (${integer(warmup.excludedRequests)} chats)` : "none";
}

/** One line naming the warm-up a run command left out (every run command prints it). */
export function warmupLine(warmupSeconds: number): string {
  return `warm-up: ${warmupSeconds > 0 ? `first ${integer(warmupSeconds)} s of the horizon left out of the chat figures` : "none (chat figures cover the whole horizon)"}\n`;
}
