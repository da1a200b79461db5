// Internal to sim/random: not re-exported from index.ts.

const TWO_TO_32 = 0x100000000;
const TWO_TO_21 = 0x200000;

/**
 * A number in [0, 1) on the 2^-53 grid from two 32-bit outputs of a generator: the top 21 bits of
 * `high` and all 32 of `low`. This is how `seedrandom`'s `double()` reads every one of its
 * generators, so streams stepped here give the package's sequences bit for bit. Callers reject 0
 * (draw again), which keeps uniforms in the open interval (0, 1).
 *
 * @example
 * unitDouble(-1, -1); // 1 - 2^-53 = 0.9999999999999999
 */
export function unitDouble(high: number, low: number): number {
  return ((high >>> 11) + (low >>> 0) / TWO_TO_32) / TWO_TO_21;
}
