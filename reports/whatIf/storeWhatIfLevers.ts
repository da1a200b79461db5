import type { StoreModelConfig, StoreResults } from "../../sim/model/index.ts";
import { type Condition, formatCondition, type ResolvedPolicy, type SignalComparison } from "../../sim/policy/index.ts";

/**
 * What the reader of a store report may change. The policy is picked from the panel's list (the
 * run's own first) by name; `thresholds` are the numbers of its rules' conditions, in the order
 * policyThresholds lists them.
 */
export interface StoreWhatIfLevers {
  /** Multiplier on every interval's session arrival rate (> 0). */
  readonly trafficScale: number;
  /** Agents added to (or, negative, taken from) every interval's schedule; never below 0. */
  readonly agentsDelta: number;
  /** Chats one agent holds at once (integer ≥ 1). */
  readonly concurrency: number;
  /** Name of the trigger policy to run, one of the panel's policies. */
  readonly policy: string;
  /** The policy's rule thresholds, one per numeric comparison (policyThresholds order). */
  readonly thresholds: readonly number[];
  /** Carts at or above this value ship free; null: never (no threshold). */
  readonly freeShippingThreshold: number | null;
}

/** One number in a policy's rule conditions that the reader may move, e.g. `idleSeconds >= 30` of rule idle-payment. */
export interface PolicyThreshold {
  readonly rule: string;
  readonly signal: SignalComparison["signal"];
  readonly op: SignalComparison["op"];
  readonly value: number;
}

/** The headline figures of a store run, as the CLI summary prints them (mean wait is of answered chats). */
export interface StoreWhatIfFigures {
  readonly sessions: number;
  readonly conversionRate: number | null;
  readonly orders: number;
  readonly revenue: number;
  readonly contributionProfit: number;
  readonly chatRequests: number;
  readonly serviceLevel: number | null;
  readonly meanWaitOfServedSeconds: number | null;
  readonly agentCost: number;
}

/** The numeric comparisons of a policy's rules, rule by rule, each condition depth first. */
export function policyThresholds(policy: ResolvedPolicy): PolicyThreshold[] {
  return policy.rules.flatMap((rule) =>
    numericLeaves(rule.when).map((leaf) => ({ rule: rule.name, signal: leaf.signal, op: leaf.op, value: leaf.value as number })),
  );
}

/** The published run's levers: applying them (with the run's own policy first in the list) changes nothing. */
export function neutralStoreLevers(config: StoreModelConfig): StoreWhatIfLevers {
  const threshold = config.pricing.freeShippingThreshold;
  return {
    trafficScale: 1,
    agentsDelta: 0,
    concurrency: config.agents.concurrency,
    policy: config.chat.policy.name,
    thresholds: policyThresholds(config.chat.policy).map((item) => item.value),
    freeShippingThreshold: Number.isFinite(threshold) ? threshold : null,
  };
}

/**
 * The store with the levers applied; nothing else changes, seeds included, so a what-if run sees
 * the same shoppers as the published run as far as the change allows (common random numbers: one
 * named stream per random source). `policies` are the ones the reader may pick from; the config's
 * own policy is always among them. Neutral levers give a config that simulates to the same bytes.
 */
export function applyStoreLevers(config: StoreModelConfig, levers: StoreWhatIfLevers, policies: readonly ResolvedPolicy[] = []): StoreModelConfig {
  const freeShipping = levers.freeShippingThreshold;
  if (
    !(levers.trafficScale > 0 && Number.isFinite(levers.trafficScale)) ||
    !Number.isInteger(levers.concurrency) ||
    levers.concurrency < 1 ||
    !Number.isInteger(levers.agentsDelta) ||
    (freeShipping !== null && !(freeShipping >= 0 && Number.isFinite(freeShipping))) ||
    !levers.thresholds.every(Number.isFinite)
  ) {
    throw new RangeError(
      `invalid what-if levers: ${JSON.stringify(levers)} (traffic scale > 0, integer concurrency >= 1, integer agent change, free shipping >= 0 or null, finite thresholds)`,
    );
  }
  const base = [config.chat.policy, ...policies].find((policy) => policy.name === levers.policy);
  if (base === undefined)
    throw new RangeError(
      `invalid what-if policy: ${JSON.stringify(levers.policy)} (allowed: ${[config.chat.policy, ...policies].map((policy) => policy.name).join(", ")})`,
    );
  return {
    ...config,
    sessionRatesPerSecond: levers.trafficScale === 1 ? config.sessionRatesPerSecond : config.sessionRatesPerSecond.map((rate) => rate * levers.trafficScale),
    pricing: { ...config.pricing, freeShippingThreshold: freeShipping ?? Infinity },
    chat: { ...config.chat, policy: withThresholds(base, levers.thresholds) },
    agents: {
      ...config.agents,
      concurrency: levers.concurrency,
      scheduled: levers.agentsDelta === 0 ? config.agents.scheduled : config.agents.scheduled.map((agents) => Math.max(0, agents + levers.agentsDelta)),
    },
  };
}

/** The panel's figures from a store run. */
export function storeWhatIfFigures(results: StoreResults): StoreWhatIfFigures {
  return {
    sessions: results.funnel.sessions,
    conversionRate: results.funnel.conversionRate,
    orders: results.funnel.orders,
    revenue: results.revenue.revenue,
    contributionProfit: results.profit.contributionProfit,
    chatRequests: results.chat.requests,
    serviceLevel: results.chat.serviceLevel,
    meanWaitOfServedSeconds: results.chat.meanWaitOfServedSeconds,
    agentCost: results.chat.agentCost,
  };
}

/** The policy with its rules' numbers replaced in policyThresholds order (same list length required). */
function withThresholds(policy: ResolvedPolicy, values: readonly number[]): ResolvedPolicy {
  const current = policyThresholds(policy);
  if (values.length !== current.length)
    throw new RangeError(`invalid what-if thresholds: ${values.length} numbers (policy ${policy.name} has ${current.length})`);
  // Unchanged numbers keep the policy object itself (its rule texts as written).
  if (current.every((item, index) => Object.is(item.value, values[index]))) return policy;
  let next = 0;
  const replace = (condition: Condition): Condition => {
    if ("all" in condition) return { all: condition.all.map(replace) };
    if ("any" in condition) return { any: condition.any.map(replace) };
    if ("not" in condition) return { not: replace(condition.not) };
    return typeof condition.value === "number" ? { ...condition, value: values[next++] } : condition;
  };
  const rules = policy.rules.map((rule) => {
    const when = replace(rule.when);
    return { ...rule, when, text: formatCondition(when) };
  });
  return { ...policy, rules };
}

function numericLeaves(condition: Condition): SignalComparison[] {
  if ("all" in condition) return condition.all.flatMap(numericLeaves);
  if ("any" in condition) return condition.any.flatMap(numericLeaves);
  if ("not" in condition) return numericLeaves(condition.not);
  return typeof condition.value === "number" ? [condition] : [];
}
