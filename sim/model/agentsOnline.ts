import type { UniformSource } from "../random/index.ts";

/** Agents online in an interval under the "floor" method: online = ⌊scheduled × (1 − shrinkage)⌋. */
export function agentsOnline(scheduled: number, shrinkage: number): number {
  return Math.floor(scheduled * (1 - shrinkage) + 1e-9);
}

/**
 * Agents online in one interval: with an `absence` source each scheduled agent is present with
 * probability 1 − shrinkage (one draw per agent and interval, so the expected online agents are
 * scheduled × (1 − shrinkage)); without one, the "floor" method.
 */
export function drawAgentsOnline(absence: UniformSource | null, scheduled: number, shrinkage: number): number {
  if (absence === null) return agentsOnline(scheduled, shrinkage);
  let online = 0;
  for (let agent = 0; agent < scheduled; agent++) if (absence.next() >= shrinkage) online++;
  return online;
}
