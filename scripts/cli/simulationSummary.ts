import type { ChatQueueResults, SimulationResults, StoreResults } from "../../sim/model/index.ts";
import type { RunStamp } from "../../experiments/index.ts";
import { integer, money, percent, rows, seconds } from "./format.ts";

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
      ["rescued orders", `${integer(outcome.rescuedOrders)} (${money(outcome.rescuedRevenue, currency)})`],
      ["net benefit", `${money(outcome.netBenefit, currency)} (rescued margin − agent cost)`],
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
