/**
 * Service-level target time used when `targetSeconds` is not given: 20 s, the usual "80/20"
 * convention (80 % answered within 20 s; `experiments/evidence/publishedFigures.json`, staffing.serviceLevel).
 *
 * @example
 * DEFAULT_TARGET_SECONDS; // 20
 */
export const DEFAULT_TARGET_SECONDS = 20;
