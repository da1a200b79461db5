import type { IntervalResults, SimulationResults } from "../../sim/model/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL, type Estimate, tInterval } from "../stats/index.ts";

/** Per-interval series the day's charts draw with a band (counts and shares; null: undefined in that interval). */
export const DAY_BAND_SERIES = ["sessions", "chatRequests", "occupancy", "serviceLevel"] as const;
/** One of DAY_BAND_SERIES. */
export type DayBandSeries = (typeof DAY_BAND_SERIES)[number];

/**
 * "The day" across replications: for each interval and series, the mean over the runs with its t
 * interval (null where no run defines the value, e.g. occupancy with no agent online). One run's
 * day is one draw of the arrivals; the band says how much another draw would move it.
 */
export interface DayBands {
  replications: number;
  level: number;
  intervalSeconds: number;
  startSeconds: number[];
  series: Record<DayBandSeries, (Estimate | null)[]>;
}

/**
 * The day's bands from replications of one scenario (same intervals in every run). Each interval's
 * value per run is one observation; runs are independent replications, so the t interval of their
 * mean applies (Law, "Simulation Modeling and Analysis", 5th ed., §9.4.1), interval by interval
 * (pointwise, not a simultaneous band).
 *
 * @example
 * dayBands([runA, runB, runC]).series.chatRequests[0] // tInterval([a0, b0, c0])
 */
export function dayBands(runs: readonly SimulationResults[], level = DEFAULT_CONFIDENCE_LEVEL): DayBands {
  if (runs.length === 0) throw new RangeError("invalid runs: an empty list (day bands need at least 1 replication)");
  const first = runs[0].intervals;
  for (const run of runs) {
    if (run.intervals.startSeconds.length !== first.startSeconds.length || run.intervals.intervalSeconds !== first.intervalSeconds)
      throw new RangeError(
        `invalid runs: intervals differ (${run.intervals.startSeconds.length} × ${run.intervals.intervalSeconds} s vs ${first.startSeconds.length} × ${first.intervalSeconds} s)`,
      );
  }
  const band = (key: DayBandSeries): (Estimate | null)[] =>
    first.startSeconds.map((_, index) => {
      const values = runs.map((run) => (run.intervals as IntervalResults)[key][index]).filter((value): value is number => value !== null);
      return values.length === 0 ? null : tInterval(values, level);
    });
  return {
    replications: runs.length,
    level,
    intervalSeconds: first.intervalSeconds,
    startSeconds: [...first.startSeconds],
    series: { sessions: band("sessions"), chatRequests: band("chatRequests"), occupancy: band("occupancy"), serviceLevel: band("serviceLevel") },
  };
}
