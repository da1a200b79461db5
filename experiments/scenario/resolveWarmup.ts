/** The warm-up of a horizon: as written (checked to end before the horizon), else `defaultSeconds`. */
export function resolveWarmup(horizon: { days: number; warmupSeconds?: number }, defaultSeconds: number, problems: string[]): number {
  const horizonSeconds = horizon.days * 86400;
  if (horizon.warmupSeconds === undefined) return defaultSeconds;
  if (horizon.warmupSeconds >= horizonSeconds) {
    problems.push(`invalid horizon.warmupSeconds: ${horizon.warmupSeconds} (must be less than the horizon, ${horizonSeconds} s)`);
  }
  return horizon.warmupSeconds;
}
