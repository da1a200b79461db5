/**
 * The stationary law π of a finite, irreducible continuous-time Markov chain: π Q = 0 and Σ π = 1,
 * solved by Gauss-Jordan elimination with partial pivoting on Qᵀ with its last row replaced by
 * Σ π = 1 (Stewart, "Introduction to the Numerical Solution of Markov Chains", 1994, sec. 2.3).
 * Cost O(n³), memory O(n²): meant for the few hundred states of the exact desk chains.
 *
 * @param generator Q, row = from, column = to: off-diagonal rates >= 0, each row summing to 0.
 * @example
 * stationaryDistribution([Float64Array.of(-1, 1), Float64Array.of(2, -2)]); // Float64Array [2/3, 1/3]
 */
export function stationaryDistribution(generator: readonly Float64Array[]): Float64Array {
  const n = generator.length;
  const a = Array.from({ length: n }, (_, row) => {
    const line = new Float64Array(n + 1);
    for (let column = 0; column < n; column++) line[column] = row === n - 1 ? 1 : generator[column][row];
    line[n] = row === n - 1 ? 1 : 0;
    return line;
  });
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) pivot = row;
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = a[row][column] / a[column][column];
      if (factor !== 0) for (let k = column; k <= n; k++) a[row][k] -= factor * a[column][k];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i][n] / a[i][i]);
}
