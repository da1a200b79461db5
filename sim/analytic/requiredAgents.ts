import { invalidValue, requireInInterval, requireNonNegative, requirePositive } from "../errors/index.ts";
import { type ErlangAResult, erlangA } from "./erlangA.ts";
import { type ErlangCResult, erlangCMetrics } from "./erlangCMetrics.ts";

/** What the staffing must achieve; every field given must hold. */
export interface StaffingTarget {
  /** Minimum P(answered within targetSeconds), in [0, 1). Erlang A: over all arrivals (abandoners miss). */
  serviceLevel?: number;
  /** Threshold for serviceLevel; defaults to 20 s (`DEFAULT_TARGET_SECONDS`). */
  targetSeconds?: number;
  /** Maximum P(abandon), in (0, 1]; needs `meanPatienceSeconds` (Erlang A). */
  maxProbabilityOfAbandon?: number;
  /** Maximum occupancy (busy servers / servers), in (0, 1]; WFM tools commonly cap it at 0.85. */
  maxOccupancy?: number;
  /** Maximum mean wait over all arrivals (ASA), > 0. */
  maxMeanWaitSeconds?: number;
}

/** Input of `requiredAgents`. Seconds; rates per second. */
export interface StaffingInput {
  arrivalRatePerSecond: number;
  meanServiceSeconds: number;
  /** Present: Erlang A (M/M/c+M). Absent: Erlang C (M/M/c, nobody abandons). */
  meanPatienceSeconds?: number;
  target: StaffingTarget;
  /** Share of paid time agents are not on the queue (breaks, training, absence), in [0, 1). Default 0. */
  shrinkage?: number;
  /** Chats an agent handles at once, a finite number >= 1 (default 1); servers = floor(agents * concurrency). */
  concurrency?: number;
}

/** Smallest staffing that meets the target, and what it achieves. */
export interface StaffingResult {
  model: "erlangC" | "erlangA";
  /** Agents needed on the queue (logged in and available). */
  agentsOnline: number;
  /** Agents to schedule: ceil(agentsOnline / (1 - shrinkage)). */
  agentsScheduled: number;
  /** Queueing servers: floor(agentsOnline * concurrency). */
  servers: number;
  achieved: ErlangCResult | ErlangAResult;
}

/** Staffing beyond this many servers is treated as unreachable (a bad target, not a real answer). */
const MAX_SERVERS = 10_000_000;
/** Relative slack when rounding products/quotients, so 10 * 2.3 counts as 23 and 8 / (1 - 0.2) as 10. */
const ROUNDING_SLACK = 1e-12;

/**
 * Agents needed the way workforce-management tools compute it (pyworkforce `ErlangC.required_positions`,
 * the R package ErlangC `calculate_agents`): agentsOnline is the smallest integer whose queue model
 * (Erlang C without `meanPatienceSeconds`, Erlang A with it) meets every target field; agentsScheduled =
 * ceil(agentsOnline / (1 - shrinkage)). Chat concurrency is modelled as floor(agents * concurrency)
 * independent servers each with the given mean handling time: an approximation that ignores agents slowing
 * down when juggling chats (fold that into meanServiceSeconds). There is always at least one agent.
 *
 * Search: start at a lower bound (Erlang C needs servers > A and servers >= A / maxOccupancy; Erlang A
 * starts at 1), double the step until the target holds, then bisect. Bisection finds the smallest count
 * because each measure is monotone in the number of servers. For Erlang C this is classical: C(c, A)
 * decreases in c, hence so do the waits, SL = 1 - C e^{-(c - A) t / s} increases and A / c decreases.
 * For Erlang A we rely on P(wait), P(abandon), the waits and occupancy decreasing and the service level
 * increasing in c; `requiredAgents.test.ts` checks this numerically on a grid that includes patience
 * shorter than service, and checks that one agent fewer misses the target. Cost O(log(answer)) evaluations.
 *
 * @example
 * requiredAgents({ arrivalRatePerSecond: 100 / 1800, meanServiceSeconds: 180, shrinkage: 0.3,
 *   target: { serviceLevel: 0.8, targetSeconds: 20, maxOccupancy: 0.85 } });
 * // { model: "erlangC", agentsOnline: 14, agentsScheduled: 20, servers: 14,
 * //   achieved: { serviceLevel: 0.8883500191794669, occupancy: 0.7142857142857143, ... } }  (pyworkforce README)
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const arrivalRate = requireNonNegative("arrivalRatePerSecond", input.arrivalRatePerSecond);
  const meanService = requirePositive("meanServiceSeconds", input.meanServiceSeconds);
  const patience = input.meanPatienceSeconds;
  if (patience !== undefined) requirePositive("meanPatienceSeconds", patience);
  const shrinkage = requireInInterval("shrinkage", input.shrinkage ?? 0, "[0, 1)");
  const concurrency = input.concurrency ?? 1;
  if (typeof concurrency !== "number" || !Number.isFinite(concurrency) || !(concurrency >= 1)) {
    throw invalidValue("concurrency", concurrency, "must be a finite number >= 1");
  }
  const target = checkTarget(input.target, patience !== undefined);
  const model = patience === undefined ? "erlangC" : "erlangA";
  const load = arrivalRate * meanService;

  const serversFor = (agents: number) => Math.floor(agents * concurrency * (1 + ROUNDING_SLACK));
  const evaluated = new Map<number, ErlangCResult | ErlangAResult>();
  const metricsFor = (agents: number) => {
    const servers = serversFor(agents);
    if (servers > MAX_SERVERS) {
      throw invalidValue("target", target, `not reachable with up to ${MAX_SERVERS} servers`);
    }
    const common = { arrivalRatePerSecond: arrivalRate, meanServiceSeconds: meanService, servers, targetSeconds: target.targetSeconds };
    const metrics = patience === undefined ? erlangCMetrics(common) : erlangA({ ...common, meanPatienceSeconds: patience });
    evaluated.set(agents, metrics);
    return metrics;
  };
  const meets = (agents: number) => {
    const m = metricsFor(agents);
    if ("stable" in m && !m.stable) return false;
    return (
      (target.serviceLevel === undefined || m.serviceLevel >= target.serviceLevel) &&
      (target.maxProbabilityOfAbandon === undefined || (m as ErlangAResult).probabilityOfAbandon <= target.maxProbabilityOfAbandon) &&
      (target.maxOccupancy === undefined || m.occupancy <= target.maxOccupancy) &&
      (target.maxMeanWaitSeconds === undefined || m.meanWaitSeconds <= target.maxMeanWaitSeconds)
    );
  };

  // Every agent count below `low` is known to fail; floors keep the bound on the safe side.
  let minServers = 1;
  if (model === "erlangC") {
    minServers = Math.max(Math.floor(load) + 1, target.maxOccupancy === undefined ? 1 : Math.floor(load / target.maxOccupancy));
  }
  let low = Math.max(1, Math.floor(minServers / concurrency));
  let high = low;
  for (let step = 1; !meets(high); step *= 2) {
    low = high + 1;
    high += step;
  }
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle + 1;
  }
  return {
    model,
    agentsOnline: high,
    agentsScheduled: Math.ceil((high / (1 - shrinkage)) * (1 - ROUNDING_SLACK)),
    servers: serversFor(high),
    achieved: evaluated.get(high) ?? metricsFor(high),
  };
}

function checkTarget(target: StaffingTarget, hasPatience: boolean): StaffingTarget {
  if (typeof target !== "object" || target === null) throw invalidValue("target", target, "must be an object");
  const { serviceLevel, targetSeconds, maxProbabilityOfAbandon, maxOccupancy, maxMeanWaitSeconds } = target;
  if (serviceLevel !== undefined) requireInInterval("target.serviceLevel", serviceLevel, "[0, 1)");
  if (targetSeconds !== undefined) requireNonNegative("target.targetSeconds", targetSeconds);
  if (maxProbabilityOfAbandon !== undefined) {
    requireInInterval("target.maxProbabilityOfAbandon", maxProbabilityOfAbandon, "(0, 1]");
    if (!hasPatience) {
      throw invalidValue("target.maxProbabilityOfAbandon", maxProbabilityOfAbandon, "needs meanPatienceSeconds: erlang C has no abandonment");
    }
  }
  if (maxOccupancy !== undefined) requireInInterval("target.maxOccupancy", maxOccupancy, "(0, 1]");
  if (maxMeanWaitSeconds !== undefined) requirePositive("target.maxMeanWaitSeconds", maxMeanWaitSeconds);
  if ([serviceLevel, maxProbabilityOfAbandon, maxOccupancy, maxMeanWaitSeconds].every((v) => v === undefined)) {
    throw invalidValue("target", target, "must set serviceLevel, maxProbabilityOfAbandon, maxOccupancy or maxMeanWaitSeconds");
  }
  return target;
}
