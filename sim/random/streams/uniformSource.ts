/**
 * Anything samplers can draw uniforms from: `RandomStream`, `ChildStream`, `SwitchableSource`.
 *
 * Contract: `next()` returns uniform numbers in the open interval (0, 1), never exactly 0 or 1
 * (a subset of the usual [0, 1)), so samplers take `Math.log(u)` without guards. All sources in
 * sim/random keep it (seedrandom's `double()` rejects 0 and tops out at 1 - 2^-53).
 */
export interface UniformSource {
  /** Next uniform number in (0, 1). */
  next(): number;
}
