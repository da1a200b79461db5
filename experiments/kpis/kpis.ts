import type { SimulationResults } from "../../sim/model/index.ts";

/** How a KPI is shown and which way is good. */
export type KpiUnit = "rate" | "money" | "seconds" | "count" | "ratio";

export interface KpiDefinition {
  readonly key: string;
  readonly label: string;
  readonly unit: KpiUnit;
  /** "higher" or "lower" is better; "neutral" for descriptive figures. */
  readonly direction: "higher" | "lower" | "neutral";
  /** The value in one run, or null where it does not apply (e.g. funnel KPIs of a chat-only run). */
  extract(results: SimulationResults): number | null;
}

const store = <T>(results: SimulationResults, pick: (r: Extract<SimulationResults, { kind: "store" }>) => T): T | null =>
  results.kind === "store" ? pick(results) : null;

/** Every KPI the experiment commands summarise, in report order. */
export const KPIS: readonly KpiDefinition[] = [
  { key: "conversionRate", label: "conversion", unit: "rate", direction: "higher", extract: (r) => store(r, (s) => s.funnel.conversionRate) },
  { key: "revenuePerSession", label: "revenue per visitor", unit: "money", direction: "higher", extract: (r) => store(r, (s) => s.revenue.revenuePerSession) },
  { key: "cartAbandonmentRate", label: "cart abandonment", unit: "rate", direction: "lower", extract: (r) => store(r, (s) => s.funnel.cartAbandonmentRate) },
  { key: "sessions", label: "sessions", unit: "count", direction: "neutral", extract: (r) => store(r, (s) => s.funnel.sessions) },
  { key: "orders", label: "orders", unit: "count", direction: "higher", extract: (r) => store(r, (s) => s.funnel.orders) },
  { key: "revenue", label: "revenue", unit: "money", direction: "higher", extract: (r) => store(r, (s) => s.revenue.revenue) },
  { key: "averageOrderValue", label: "average order value", unit: "money", direction: "higher", extract: (r) => store(r, (s) => s.revenue.averageOrderValue) },
  {
    key: "orderValueStandardDeviation",
    label: "order value s.d.",
    unit: "money",
    direction: "neutral",
    extract: (r) => store(r, (s) => s.revenue.orderValueStandardDeviation),
  },
  { key: "invitationsOffered", label: "invitations offered", unit: "count", direction: "neutral", extract: (r) => store(r, (s) => s.invitations.offered) },
  { key: "annoyedExits", label: "annoyed exits", unit: "count", direction: "lower", extract: (r) => store(r, (s) => s.invitations.annoyedExits) },
  { key: "rescuedOrders", label: "rescued orders", unit: "count", direction: "higher", extract: (r) => store(r, (s) => s.outcome.rescuedOrders) },
  { key: "rescuedRevenue", label: "rescued revenue", unit: "money", direction: "higher", extract: (r) => store(r, (s) => s.outcome.rescuedRevenue) },
  { key: "chatRequests", label: "chat requests", unit: "count", direction: "neutral", extract: (r) => r.chat.requests },
  { key: "probabilityOfWait", label: "P(wait)", unit: "rate", direction: "lower", extract: (r) => r.chat.probabilityOfWait },
  { key: "meanWaitSeconds", label: "mean chat wait", unit: "seconds", direction: "lower", extract: (r) => r.chat.meanWaitSeconds },
  { key: "meanWaitOfServedSeconds", label: "mean wait (answered)", unit: "seconds", direction: "lower", extract: (r) => r.chat.meanWaitOfServedSeconds },
  { key: "serviceLevel", label: "service level", unit: "rate", direction: "higher", extract: (r) => r.chat.serviceLevel },
  { key: "queueAbandonmentRate", label: "queue abandonment", unit: "rate", direction: "lower", extract: (r) => r.chat.queueAbandonmentRate },
  { key: "occupancy", label: "agent occupancy", unit: "rate", direction: "neutral", extract: (r) => r.chat.occupancy },
  { key: "agentCost", label: "agent cost", unit: "money", direction: "lower", extract: (r) => r.chat.agentCost },
  { key: "contributionProfit", label: "contribution profit", unit: "money", direction: "higher", extract: (r) => store(r, (s) => s.profit.contributionProfit) },
  {
    key: "contributionProfitPerSession",
    label: "contribution profit per visitor",
    unit: "money",
    direction: "higher",
    extract: (r) => store(r, (s) => s.profit.contributionProfitPerSession),
  },
  {
    key: "shippingPaidByMerchant",
    label: "shipping paid by merchant",
    unit: "money",
    direction: "lower",
    extract: (r) => store(r, (s) => s.profit.shippingPaidByMerchant),
  },
];

export const KPI_KEYS = KPIS.map((kpi) => kpi.key);

type ChatClassFigures = NonNullable<SimulationResults["chat"]["byClass"]>["highValue"];

/** One figure of one class of chats under a desk reservation (null without one). */
function classKpi(
  chatClass: "highValue" | "standard",
  field: keyof ChatClassFigures,
  label: string,
  unit: KpiUnit,
  direction: KpiDefinition["direction"],
): KpiDefinition {
  const classLabel = chatClass === "highValue" ? "high-value" : "standard";
  return {
    key: `${chatClass}${field[0].toUpperCase()}${field.slice(1)}`,
    label: `${classLabel} ${label}`,
    unit,
    direction,
    extract: (r) => r.chat.byClass?.[chatClass][field] ?? null,
  };
}

/**
 * Per-class figures of a desk with a reservation (desk.reservation): what it costs the standard chats
 * and saves the high-value ones. Not in KPIS (runs without a reservation have none); `compare` adds
 * them as guardrails when a variant has a reservation.
 */
export const CLASS_KPIS: readonly KpiDefinition[] = (["highValue", "standard"] as const).flatMap((chatClass) => [
  classKpi(chatClass, "probabilityOfWait", "P(wait)", "rate", "lower"),
  classKpi(chatClass, "meanWaitSeconds", "mean chat wait", "seconds", "lower"),
  classKpi(chatClass, "queueAbandonmentRate", "queue abandonment", "rate", "lower"),
  classKpi(chatClass, "blockingRate", "blocked", "rate", "lower"),
  classKpi(chatClass, "serviceLevel", "service level", "rate", "higher"),
  classKpi(chatClass, "rescuedOrders", "rescued orders", "count", "higher"),
  classKpi(chatClass, "rescuedRevenue", "rescued revenue", "money", "higher"),
]);

/** The KPI called `key`; throws a house-format error listing the allowed keys otherwise. */
export function kpi(key: string): KpiDefinition {
  const found = KPIS.find((definition) => definition.key === key) ?? CLASS_KPIS.find((definition) => definition.key === key);
  if (found === undefined)
    throw new RangeError(`invalid metric: ${JSON.stringify(key)} (allowed: ${[...KPI_KEYS, ...CLASS_KPIS.map((definition) => definition.key)].join(", ")})`);
  return found;
}

/** Guardrails a comparison reports next to its primary metric. */
export const DEFAULT_GUARDRAILS = ["meanWaitOfServedSeconds", "queueAbandonmentRate", "annoyedExits", "agentCost", "contributionProfit"] as const;
