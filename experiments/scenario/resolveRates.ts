/**
 * Expected arrivals per interval over the horizon → rates per second. `perDay` is the daily volume,
 * spread over the day by `profile` (flat if absent; must have one weight per interval and a positive
 * sum) and scaled by `dayMultipliers` (one value for every day, or one per day).
 */
export function ratesFromDailyVolume(
  perDay: number,
  profile: readonly number[] | undefined,
  dayMultipliers: readonly number[] | undefined,
  days: number,
  intervalMinutes: number,
  path: string,
  problems: string[],
): number[] {
  const perDayIntervals = (24 * 60) / intervalMinutes;
  const intervalSeconds = intervalMinutes * 60;
  let weights = profile ?? new Array<number>(perDayIntervals).fill(1);
  if (weights.length !== perDayIntervals) {
    problems.push(`invalid ${path}.dailyProfile: a list of ${weights.length} (must have ${perDayIntervals} values for ${intervalMinutes}-minute intervals)`);
    weights = new Array<number>(perDayIntervals).fill(1);
  }
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (!(sum > 0)) {
    problems.push(`invalid ${path}.dailyProfile: all zero (must have a positive weight somewhere)`);
    return [];
  }
  if (!Number.isFinite(sum)) {
    problems.push(`invalid ${path}.dailyProfile: a list of ${weights.length} (weights must have a finite sum)`);
    return [];
  }
  const multipliers = dayMultipliers ?? [1];
  if (multipliers.length !== 1 && multipliers.length !== days) {
    problems.push(`invalid ${path}.dayMultipliers: a list of ${multipliers.length} (must have 1 value or ${days}, one per day)`);
    return [];
  }
  const rates = Array.from({ length: perDayIntervals * days }, (_, i) => {
    const day = Math.floor(i / perDayIntervals);
    const multiplier = multipliers.length === 1 ? multipliers[0] : multipliers[day];
    return (perDay * multiplier * weights[i % perDayIntervals]) / sum / intervalSeconds;
  });
  // Each factor is finite, but huge ones can overflow together; the simulator needs finite rates.
  const overflow = rates.findIndex((rate) => !Number.isFinite(rate));
  if (overflow >= 0) {
    problems.push(
      `invalid ${path}: ${perDay} a day (the arrival rate of interval ${overflow} overflows: lower the volume, day multipliers or profile weights)`,
    );
    return [];
  }
  return rates;
}

/** Expected arrivals given per interval (one day or the whole horizon) → rates per second. */
export function ratesFromPerInterval(values: readonly number[], days: number, intervalMinutes: number, path: string, problems: string[]): number[] {
  const perDayIntervals = (24 * 60) / intervalMinutes;
  const total = perDayIntervals * days;
  const intervalSeconds = intervalMinutes * 60;
  if (values.length !== perDayIntervals && values.length !== total) {
    problems.push(`invalid ${path}: a list of ${values.length} (must have ${perDayIntervals} values (one day) or ${total} (the horizon))`);
    return [];
  }
  return Array.from({ length: total }, (_, i) => values[i % values.length] / intervalSeconds);
}
