import { type ChatLift, chatLiftExplanation, formatLiftPoints, type Lift } from "../../experiments/chatLift/liftWording.ts";
import { type Formatter, formatCount } from "../../experiments/format/index.ts";
import type { RunStamp } from "../../experiments/index.ts";
import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import { rows } from "./rows.ts";

/**
 * A readable terminal summary of one simulation, every number through the scenario's formatter
 * (`report.locale` and `currency`: the same digits and symbols as the report).
 */
export function simulationSummary(results: SimulationResults, stamp: RunStamp, format: Formatter, chatLift?: ChatLift): string {
  const head = `${results.scenario} · seed ${stamp.seed} · ${results.horizonDays} day${results.horizonDays === 1 ? "" : "s"} · scenario ${stamp.scenarioHash} · ${format.number(stamp.runSeconds, 2)} s`;
  const parts = [head];
  if (results.kind === "store") parts.push(...storeSections(results, format));
  if (chatLift !== undefined) parts.push(...chatLiftSection(chatLift, format));
  parts.push("Chat queue", chatRows(results.chat, format));
  return parts.join("\n") + "\n";
}

/** Causal vs naive chat lift, side by side, with why they differ: one wording for the points throughout (formatLiftPoints). */
function chatLiftSection(chatLift: ChatLift, format: Formatter): string[] {
  const interval = chatLift.causal.pointsInterval;
  const ci = interval === null ? "" : `, 95% CI ${formatLiftPoints(interval.lower, format)} to ${formatLiftPoints(interval.upper, format)}`;
  return [
    `Chat lift for chat users (${format.count(chatLift.chatters)} sessions with an answered chat)`,
    rows([
      ["causal (same shoppers, no desk)", `${liftText(chatLift.causal, format)}${ci}`],
      ["naive (vs shoppers who did not chat)", liftText(chatLift.naive, format)],
    ]),
    `  ${chatLiftExplanation(chatLift.causal, chatLift.naive, format)}`,
  ];
}

function liftText(lift: Lift, format: Formatter): string {
  if (lift.points === null) return "–";
  const relative = lift.relative === null ? "" : `, ${format.signedPercent(lift.relative, 0)} relative`;
  return `${format.percent(lift.treatedRate, 1)} vs ${format.percent(lift.comparisonRate, 1)}: ${formatLiftPoints(lift.points, format)}${relative}`;
}

function storeSections(results: StoreResults, format: Formatter): string[] {
  const { funnel, revenue, invitations, outcome, abandonment, profit } = results;
  const steps = funnel.steps
    .filter((step) => step.step !== "browse")
    .map((step) => `${step.step} ${format.count(step.abandoned)}`)
    .join(" · ");
  const reasons = Object.entries(abandonment.byReason)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => `${reason} ${format.count(count)}`)
    .join(" · ");
  return [
    "Funnel",
    rows([
      ["sessions", format.count(funnel.sessions)],
      ["carts", `${format.count(funnel.carts)} (${format.percent(funnel.addToCartRate, 2)} of sessions)`],
      ["checkout starts", format.count(funnel.checkoutStarts)],
      ["orders", `${format.count(funnel.orders)} (conversion ${format.percent(funnel.conversionRate, 2)})`],
      ["cart abandonment", format.percent(funnel.cartAbandonmentRate)],
    ]),
    `  by device:    cart abandonment ${Object.entries(funnel.byDevice)
      .filter(([, group]) => group.carts > 0)
      .map(([device, group]) => `${device} ${format.percent(group.cartAbandonmentRate)}`)
      .join(" · ")}`,
    `  by visitor:   conversion new ${format.percent(funnel.byVisitor.new.conversionRate, 2)} · returning ${format.percent(funnel.byVisitor.returning.conversionRate, 2)}`,
    `  abandoned at: ${steps}`,
    `  top reasons:  ${reasons}`,
    "Revenue",
    rows([
      ["revenue", format.money(revenue.revenue)],
      ["average order value", format.money(revenue.averageOrderValue)],
      ["margin", format.money(revenue.margin)],
    ]),
    "Chat invitations",
    rows([
      ["offered / accepted", `${format.count(invitations.offered)} / ${format.count(invitations.accepted)} (${format.percent(invitations.acceptanceRate)})`],
      ["reactive requests", format.count(invitations.reactiveRequests)],
      ["annoyed exits", format.count(invitations.annoyedExits)],
      ["rescued orders", `${format.count(outcome.rescuedOrders)} (${format.money(outcome.rescuedRevenue)}, margin ${format.money(outcome.rescuedMargin)})`],
    ]),
    "Profit",
    rows([
      [
        "revenue",
        `${format.money(profit.revenue)} (goods ${format.money(profit.merchandiseRevenue)} + shipping ${format.money(profit.shippingCharged)} + fees ${format.money(profit.feesCharged)})`,
      ],
      ["− cost of goods", format.money(profit.costOfGoods)],
      [
        "− shipping to the carrier",
        `${format.money(profit.shippingCost)} (merchant pays ${format.money(profit.shippingPaidByMerchant)} net; ${format.count(results.freeShipping.freeShippedOrders)} orders shipped free)`,
      ],
      ["− card fees", format.money(profit.paymentFees)],
      ["− agent cost", format.money(profit.agentCost)],
      // Shown only when self-service is on, so runs without it print as before.
      ...(profit.selfServiceCost > 0 || profit.escalationCost > 0
        ? [
            [
              "− help centre / email and phone",
              `${format.money(profit.selfServiceCost)} (${format.count(results.selfService.contacts)} contacts, ${format.count(results.selfService.resolved)} resolved) / ${format.money(profit.escalationCost)} (${format.count(results.selfService.channelEscalation.email)} emails, ${format.count(results.selfService.channelEscalation.phone)} calls)`,
            ] as [string, string],
          ]
        : []),
      ["= contribution profit", `${format.money(profit.contributionProfit)} (${format.money(profit.contributionProfitPerSession)} per session)`],
      ...(results.freeShipping.paddedCarts > 0
        ? [
            [
              "topped up to free shipping",
              `${format.count(results.freeShipping.paddedCarts)} carts; ${format.percent(results.freeShipping.paddedOrderShare)} of below-threshold orders`,
            ] as [string, string],
          ]
        : []),
    ]),
  ];
}

function chatRows(chat: ChatQueueResults, format: Formatter): string {
  return rows([
    ["requests / served / abandoned", `${format.count(chat.requests)} / ${format.count(chat.served)} / ${format.count(chat.abandoned)}`],
    ["warm-up excluded", warmupText(chat.warmup, format.count)],
    [
      "blocked (queue full) / messages left",
      `${format.count(chat.blocked)} / ${format.count(chat.messages.left)} (${format.number(chat.messages.handleHours, 1)} agent h to answer)`,
    ],
    ["P(wait)", format.percent(chat.probabilityOfWait)],
    ["mean wait (answered)", format.seconds(chat.meanWaitOfServedSeconds)],
    ["p90 / p95 wait (answered)", `${format.seconds(chat.waitOfServedP90Seconds)} / ${format.seconds(chat.waitOfServedP95Seconds)}`],
    [`service level (${chat.serviceLevelSeconds} s)`, `${format.percent(chat.serviceLevel)}: ${chat.serviceLevelDefinition}`],
    ["queue abandonment", format.percent(chat.queueAbandonmentRate)],
    ["mean handle time", format.seconds(chat.meanHandleSeconds)],
    ["occupancy / concurrency", `${format.percent(chat.occupancy)} / ${format.number(chat.meanConcurrency, 2)}`],
    ["agent hours / cost", `${format.number(chat.agentHoursScheduled, 1)} h / ${format.money(chat.agentCost)}`],
  ]);
}

/** What the chat figures leave out, in words. */
export function warmupText(warmup: ChatQueueResults["warmup"], count: (value: number) => string = formatCount): string {
  return warmup.seconds > 0 ? `first ${count(warmup.seconds)} s (${count(warmup.excludedRequests)} chats)` : "none";
}

/** One line naming the warm-up a run command left out (every run command prints it). */
export function warmupLine(warmupSeconds: number, format?: Formatter): string {
  return `warm-up: ${warmupSeconds > 0 ? `first ${format ? format.count(warmupSeconds) : formatCount(warmupSeconds)} s of the horizon left out of the chat figures` : "none (chat figures cover the whole horizon)"}\n`;
}
