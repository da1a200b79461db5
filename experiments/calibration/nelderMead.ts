/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Evaluations of the objective allowed (the starting simplex counts: n + 1 of them). */
  maxEvaluations: number;
  /** Offset of the starting simplex's other vertices from x0, per coordinate (default 0.05). */
  initialStep?: number;
  /** Stop when the simplex's best and worst values differ by less than this (default 1e-8). */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  iterations: number;
  /** True when the value spread fell below the tolerance before the evaluation budget ran out. */
  converged: boolean;
}

// Standard coefficients: reflection, expansion, contraction, shrink (Nelder & Mead 1965).
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/**
 * Minimises f over R^n with the Nelder–Mead simplex method, in the variant of Lagarias, Reeds,
 * Wright & Wright, "Convergence properties of the Nelder–Mead simplex method in low dimensions",
 * SIAM J. Optim. 9(1), 1998 (reflect; expand if the reflection is the new best; outside or inside
 * contraction; shrink towards the best vertex if the contraction fails). Derivative-free, so it suits
 * objectives computed from simulations with fixed seeds (piecewise constant at a tiny scale). The
 * objective may be async. Never exceeds `maxEvaluations`.
 *
 * @example
 * await nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0], { maxEvaluations: 200 })
 * // { x: [1.0000…, −2.0000…], value: ≈ 0, converged: true, … }
 */
export async function nelderMead(f: (x: number[]) => number | Promise<number>, x0: readonly number[], options: NelderMeadOptions): Promise<NelderMeadResult> {
  const n = x0.length;
  const step = options.initialStep ?? 0.05;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = async (x: number[]): Promise<number> => {
    evaluations++;
    return f(x);
  };
  const simplex: { x: number[]; value: number }[] = [];
  for (let i = 0; i <= n && evaluations < options.maxEvaluations; i++) {
    const x = [...x0];
    if (i > 0) x[i - 1] += step;
    simplex.push({ x, value: await evaluate(x) });
  }
  const best = () => simplex.reduce((low, vertex) => (vertex.value < low.value ? vertex : low));
  if (simplex.length < n + 1) return { ...copy(best()), evaluations, iterations: 0, converged: false };

  let iterations = 0;
  let converged = false;
  while (evaluations < options.maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    if (simplex[n].value - simplex[0].value < tolerance) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const worst = simplex[n];
    const along = (coefficient: number) => centroid.map((c, j) => c + coefficient * (c - worst.x[j]));
    const reflected = along(REFLECT);
    const reflectedValue = await evaluate(reflected);
    if (reflectedValue < simplex[0].value) {
      if (evaluations >= options.maxEvaluations) {
        simplex[n] = { x: reflected, value: reflectedValue };
        break;
      }
      const expanded = along(EXPAND);
      const expandedValue = await evaluate(expanded);
      simplex[n] = expandedValue < reflectedValue ? { x: expanded, value: expandedValue } : { x: reflected, value: reflectedValue };
      continue;
    }
    if (reflectedValue < simplex[n - 1].value) {
      simplex[n] = { x: reflected, value: reflectedValue };
      continue;
    }
    if (evaluations >= options.maxEvaluations) break;
    const outside = reflectedValue < worst.value;
    const contracted = along(outside ? REFLECT * CONTRACT : -CONTRACT);
    const contractedValue = await evaluate(contracted);
    if (contractedValue < (outside ? reflectedValue : worst.value)) {
      simplex[n] = { x: contracted, value: contractedValue };
      continue;
    }
    for (let i = 1; i <= n && evaluations < options.maxEvaluations; i++) {
      const x = simplex[0].x.map((value, j) => value + SHRINK * (simplex[i].x[j] - value));
      simplex[i] = { x, value: await evaluate(x) };
    }
  }
  return { ...copy(best()), evaluations, iterations, converged };
}

function copy(vertex: { x: number[]; value: number }): { x: number[]; value: number } {
  return { x: [...vertex.x], value: vertex.value };
}
