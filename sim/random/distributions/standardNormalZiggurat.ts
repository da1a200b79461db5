// Standard normal variates by the ziggurat method, for the normal and lognormal samplers.
// Internal to sim/random: not re-exported from index.ts.
import type { UniformSource } from "../streams/uniformSource.ts";

/** Layers of the ziggurat. */
const LAYERS = 128;
/** Start of the tail, and the common area of every layer, for 128 layers (Doornik 2005, ZIGNOR). */
const TAIL_START = 3.442619855899;
const LAYER_AREA = 9.91256303526217e-3;
const TWO_TO_46 = 2 ** 46;
const TWO_TO_53 = 2 ** 53;
const TWO_TO_45 = 2 ** 45;

/**
 * Layer edges x[0..128] (x[0] = area ÷ f(R) is the bottom layer's virtual width, x[1] = R, x[128] = 0),
 * f(x[i]) = exp(−x[i]²/2), and the share x[i+1] ÷ x[i] of layer i that lies wholly under the curve.
 * Built once from the two constants above; read only.
 */
const EDGES = new Float64Array(LAYERS + 1);
const DENSITIES = new Float64Array(LAYERS + 1);
const INNER_SHARE = new Float64Array(LAYERS);
{
  let density = Math.exp(-0.5 * TAIL_START * TAIL_START);
  EDGES[0] = LAYER_AREA / density;
  EDGES[1] = TAIL_START;
  for (let i = 2; i < LAYERS; i++) {
    EDGES[i] = Math.sqrt(-2 * Math.log(LAYER_AREA / EDGES[i - 1] + density));
    density = Math.exp(-0.5 * EDGES[i] * EDGES[i]);
  }
  EDGES[LAYERS] = 0;
  for (let i = 0; i <= LAYERS; i++) DENSITIES[i] = Math.exp(-0.5 * EDGES[i] * EDGES[i]);
  for (let i = 0; i < LAYERS; i++) INNER_SHARE[i] = EDGES[i + 1] / EDGES[i];
}

/**
 * One standard normal variate from `stream`, exact (a rejection method, no approximation of the
 * density): the ziggurat of G. Marsaglia & W. W. Tsang, "The ziggurat method for generating random
 * variables", J. Stat. Software 5(8), 2000, in J. A. Doornik's form ("An improved ziggurat method to
 * generate normal random samples", 2005: ZIGNOR, 128 layers, his R and V). The density under
 * exp(−x²/2) is cut into 128 layers of equal area; a draw picks a layer and a point across it and is
 * returned at once when the point lies in the part of the layer wholly under the curve (≈ 97% of
 * draws: a multiply and a compare, where inversion evaluates a rational function and, in the tails,
 * a log and a square root). Otherwise it tests the point against the curve (one exp) or, in the
 * bottom layer, draws from the tail beyond R by Marsaglia's method (1964), drawing again on rejection.
 *
 * One uniform per attempt, one more to test a point against the curve (≈ 1.04 per variate): its lowest 7 of 53 bits pick the
 * layer and its top 46 bits the point, so layer and point are independent (Doornik's fix for the
 * correlation of the original, which took both from the same bits). The number of uniforms a draw
 * takes depends only on the stream's own values, so the same stream gives the same variates under
 * every compared policy. No second variate is cached between calls.
 *
 * @example
 * standardNormalZiggurat(new RandomStream(1, "z")); // a standard normal number, the same every run
 */
export function standardNormalZiggurat(stream: UniformSource): number {
  for (;;) {
    const uniform = stream.next();
    const top = Math.floor(uniform * TWO_TO_46);
    const layer = Math.floor(uniform * TWO_TO_53) - top * 128;
    // In (−1, 1), symmetric, never 0: the sign is the variate's.
    const across = (top + 0.5) / TWO_TO_45 - 1;
    if (Math.abs(across) < INNER_SHARE[layer]) return across * EDGES[layer];
    if (layer === 0) return tail(stream, across < 0);
    const x = across * EDGES[layer];
    // Height uniform between the layer's bottom f(x[i]) and top f(x[i+1]); keep x if under the curve.
    if (DENSITIES[layer] + stream.next() * (DENSITIES[layer + 1] - DENSITIES[layer]) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** |Z| beyond R, by Marsaglia's tail method: x = −ln(U1) ÷ R kept when −2 ln(U2) ≥ x². */
function tail(stream: UniformSource, negative: boolean): number {
  for (;;) {
    const x = -Math.log(stream.next()) / TAIL_START;
    const y = -Math.log(stream.next());
    if (2 * y >= x * x) return negative ? -(TAIL_START + x) : TAIL_START + x;
  }
}
