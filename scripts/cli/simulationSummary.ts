import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import type { RunStamp } from "../../experiments/index.ts";
import { formatCount, formatMoney, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import { rows } from "./rows.ts";

/** A readable terminal summary of one simulation. */
export function simulationSummary(results: SimulationResults, stamp: RunStamp, currency: string): string {
  const head = `${results.scenario} · seed ${stamp.seed} · ${results.horizonDays} day${results.horizonDays === 1 ? "" : "s"} · scenario ${stamp.scenarioHash} · ${stamp.runSeconds.toFixed(2)} s`;
  const parts = [head];
  if (results.kind === "store") parts.push(...storeSections(results, currency));
  parts.push("Chat queue", chatRows(results.chat, currency));
  return parts.join("\n") + "\n";
}

function storeSections(results: StoreResults, currency: string): string[] {
  const { funnel, revenue, invitations, outcome, abandonment } = results;
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
      ["rescued orders", `${formatCount(outcome.rescuedOrders)} (${formatMoney(outcome.rescuedRevenue, currency)})`],
      ["net benefit", `${formatMoney(outcome.netBenefit, currency)} (rescued margin − agent cost)`],
    ]),
  ];
}

function chatRows(chat: ChatQueueResults, currency: string): string {
  return rows([
    ["requests / served / abandoned", `${formatCount(chat.requests)} / ${formatCount(chat.served)} / ${formatCount(chat.abandoned)}`],
    ["P(wait)", formatPercent(chat.probabilityOfWait)],
    ["mean wait (answered)", formatSeconds(chat.meanWaitOfServedSeconds)],
    ["p90 / p95 wait (answered)", `${formatSeconds(chat.waitOfServedP90Seconds)} / ${formatSeconds(chat.waitOfServedP95Seconds)}`],
    [`service level (${chat.serviceLevelSeconds} s)`, formatPercent(chat.serviceLevel)],
    ["queue abandonment", formatPercent(chat.queueAbandonmentRate)],
    ["mean handle time", formatSeconds(chat.meanHandleSeconds)],
    ["occupancy / concurrency", `${formatPercent(chat.occupancy)} / ${chat.meanConcurrency === null ? "–" : chat.meanConcurrency.toFixed(2)}`],
    ["agent hours / cost", `${chat.agentHoursScheduled.toFixed(1)} h / ${formatMoney(chat.agentCost, currency)}`],
  ]);
}
