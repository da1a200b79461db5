import { agentsOnline } from "../../sim/model/index.ts";

/**
 * The fewest scheduled agents that put `online` agents on the queue, the inverse of the model's
 * online = ⌊scheduled × (1 − shrinkage)⌋. It equals `requiredAgents`' ceil(online ÷ (1 − shrinkage)),
 * so the search can move in whole online agents (one more scheduled agent may add nobody online).
 *
 * @example
 * scheduledForOnline(7, 0.3) // 10 (⌊10 × 0.7⌋ = 7, ⌊9 × 0.7⌋ = 6)
 */
export function scheduledForOnline(online: number, shrinkage: number): number {
  if (online <= 0) return 0;
  let scheduled = Math.max(online, Math.ceil(online / (1 - shrinkage) - 1e-9));
  while (agentsOnline(scheduled, shrinkage) < online) scheduled++;
  while (scheduled > online && agentsOnline(scheduled - 1, shrinkage) >= online) scheduled--;
  return scheduled;
}

/**
 * Online agents of `scheduled` as the scenario's shrinkage method makes them: `absence` (the default)
 * the expected scheduled × (1 − shrinkage), `floor` ⌊scheduled × (1 − shrinkage)⌋. scheduledForOnline's
 * answer puts at least `online` agents online either way (ceil(online ÷ (1 − s)) × (1 − s) ≥ online).
 *
 * @example
 * onlineForScheduled(2, 0.3, "absence") // 1.4
 * onlineForScheduled(2, 0.3, "floor") // 1
 */
export function onlineForScheduled(scheduled: number, shrinkage: number, method: "absence" | "floor"): number {
  return method === "floor" ? agentsOnline(scheduled, shrinkage) : scheduled * (1 - shrinkage);
}
