import type { UniformSource } from "../random/index.ts";

/**
 * Competing risks at one step: each reason r has a hazard h_r; the shopper leaves with probability
 * 1 − Π(1 − h_r), and the reason is chosen in proportion to the hazards. Returns the index of the
 * reason or −1 (continues). Uses exactly two uniforms, whatever the outcome, so the shopper's stream
 * stays aligned across scenarios that differ only in hazards (common random numbers).
 */
export function drawAbandonment(source: UniformSource, hazards: Float64Array): number {
  const leaveDraw = source.next();
  const reasonDraw = source.next();
  let survive = 1;
  let total = 0;
  for (let i = 0; i < hazards.length; i++) {
    survive *= 1 - hazards[i];
    total += hazards[i];
  }
  if (leaveDraw >= 1 - survive || total <= 0) return -1;
  let cumulative = 0;
  const target = reasonDraw * total;
  for (let i = 0; i < hazards.length; i++) {
    cumulative += hazards[i];
    if (target < cumulative && hazards[i] > 0) return i;
  }
  for (let i = hazards.length - 1; i >= 0; i--) if (hazards[i] > 0) return i;
  return -1;
}
