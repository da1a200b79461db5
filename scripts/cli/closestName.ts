/** Most edits between a typo and the name it suggests; past this a suggestion is more noise than help. */
const MAX_SUGGESTION_DISTANCE = 2;

/**
 * The candidate a mistyped name most likely meant, for "did you mean": the nearest by edit distance
 * (at most 2 edits, and fewer than the typo's length), else the only candidate the typo is a prefix
 * of; undefined when nothing is close. `closestName("simulat", ["simulate", "staff"])` → `"simulate"`.
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.min(MAX_SUGGESTION_DISTANCE, typed.length - 1)) return best;
  const prefixed = candidates.filter((candidate) => typed.length >= 2 && candidate.startsWith(typed));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
