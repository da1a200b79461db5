import { formatPath } from "../scenario/formatIssues.ts";
import type { CalibratedValue, ValueInterval } from "./calibrateScenario.ts";
import type { CalibrationParameter } from "./calibrationParameters.ts";
import { clamp, type Evaluation, SIGNIFICANT_DIGITS, samePath, targetOf } from "./calibrationTargets.ts";
import type { ChatIdentifiability } from "./chatParameters.ts";
import { DEFAULT_INTERVAL_LIMIT, type FactorInterval } from "./factorInterval.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";
import type { Dispersion } from "./pearsonDispersion.ts";
import { INTERVAL_LEVEL } from "./scanIntervals.ts";

/** Relative standard error of a chat factor above which its note says it is only weakly identified. */
const WEAK_IDENTIFICATION = 0.25;
/** z of INTERVAL_LEVEL, to turn an interval's log-width into a standard error. */
const INTERVAL_Z = 1.959963984540054;

/**
 * Every fitted scenario value with its factor, its relative standard error (from its scanned interval
 * where there is one: log-width ÷ 2 × 1.96, null when not identified; else the delta method on its
 * target's counts, widened by √dispersion and divided by the elasticity) and its interval.
 */
export function fittedValues(
  parameters: readonly CalibrationParameter[],
  observed: ObservedFunnel,
  fit: Evaluation,
  intervals: ReadonlyMap<CalibrationParameter, FactorInterval>,
  dispersions: readonly Dispersion[],
  elasticity: readonly number[],
): CalibratedValue[] {
  return parameters.flatMap((parameter, k) => {
    const shares = targetOf(parameter, observed, fit);
    const interval = intervals.get(parameter);
    const inflation = Math.sqrt(Math.max(1, dispersions[k].dispersion));
    const standardError =
      interval !== undefined
        ? interval.identified
          ? Math.log(interval.upper! / interval.lower!) / (2 * INTERVAL_Z)
          : null
        : shares.observedCount > 0 && shares.simulatedCount > 0
          ? (shares.logStandardError * inflation) / elasticity[k]
          : null;
    return parameter.values.map((value) => ({
      path: formatPath(value.path),
      before: value.before,
      after: fit.assignments.find((entry) => samePath(entry.path, value.path))!.value,
      factor: fit.factors[k],
      group: parameter.name,
      relativeStandardError: standardError,
      interval: interval === undefined ? null : valueInterval(value, interval),
      dispersion: dispersions[k],
    }));
  });
}

/**
 * A fitted chat parameter's note with what its interval says. A factor the data do not bound within
 * ×5 of the fit becomes "not identified" (its target share hardly moves with it, e.g. queue
 * abandonment in a saturated desk is set by the excess load whatever the patience): the fitted value
 * stays the best fit, but no number is claimed for it. A factor with a relative standard error above
 * WEAK_IDENTIFICATION is said to be only weakly identified; a scanned one gets its interval.
 */
export function weakened(entry: ChatIdentifiability, values: readonly CalibratedValue[]): ChatIdentifiability {
  const value = values.find((candidate) => candidate.group === entry.parameter);
  if (!entry.identified || value === undefined) return entry;
  const interval = value.interval;
  if (interval !== null && !interval.identified) {
    const bounds = `${interval.lower === null ? "unbounded" : format(interval.lower)} to ${interval.upper === null ? "unbounded" : format(interval.upper)}`;
    return {
      parameter: entry.parameter,
      identified: false,
      note: `${entry.parameter}: not identified, its target does not rule out ${DEFAULT_INTERVAL_LIMIT} times more or less (${value.path}: fitted ${format(value.after)}, 95% interval ${bounds}); the fitted value is kept as the best fit, not as an estimate; ${entry.note.slice(entry.parameter.length + 2)}`,
    };
  }
  const error = value.relativeStandardError;
  const span = interval === null ? "" : `; 95% interval of ${value.path}: ${format(interval.lower!)} to ${format(interval.upper!)}`;
  if (error == null || error <= WEAK_IDENTIFICATION) return { ...entry, note: `${entry.note}${span}` };
  return { ...entry, note: `${entry.note}; weakly identified: ±${Math.round(error * 100)}% per standard error (its target share hardly moves with it)${span}` };
}

/** A factor's interval on one of its values (bounds swap for an inverse value; clamped and rounded as the value is written). */
function valueInterval(value: CalibrationParameter["values"][number], interval: FactorInterval): ValueInterval {
  const at = (factor: number | null) =>
    factor === null ? null : Number(clamp(value.inverse ? value.before / factor : value.before * factor, 0, value.max).toPrecision(SIGNIFICANT_DIGITS));
  const [lower, upper] = value.inverse ? [at(interval.upper), at(interval.lower)] : [at(interval.lower), at(interval.upper)];
  return { level: INTERVAL_LEVEL, lower, upper, identified: interval.identified };
}

function format(value: number): string {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS)).toString();
}
