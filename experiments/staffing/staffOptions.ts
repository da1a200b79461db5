import type { RunTasksOptions } from "../parallel/index.ts";
import type { StaffingObjective, StaffingTargetOptions } from "./staffingTypes.ts";

/** What a caller of `recommendStaffing` may set (the run's replications, seed and target among them). */
export interface StaffOptions extends Omit<RunTasksOptions, "onProgress"> {
  /**
   * Runs finished of the current stage, the stage's runs, and its name ("loads", "search round 2",
   * "sweep 3/6"). Per stage, because how many search rounds a run takes is known only at its end:
   * a total over all stages would have to change mid-run.
   */
  onProgress?: (finished: number, total: number, stage: string) => void;
  target?: StaffingTargetOptions;
  objective?: StaffingObjective;
  replications: number;
  seed: string | number;
  level?: number;
  /** Simulation rounds of the target search (default 8). */
  maxIterations?: number;
  /** Intervals with fewer mean chats per replication keep the analytic answer (default 5). */
  minChatsForDecision?: number;
  /** Round the recommendation up to shifts of this many hours. */
  shiftHours?: number;
  /** Fill dips of the plan shorter than this many hours (default: shiftHours, else DEFAULT_SMOOTHING_HOURS; 0: off). */
  smoothingHours?: number;
  /** Keep a dip the smoothing would fill when keeping it saves at least this many agent-hours (default: fill every dip). */
  minDipSavingsAgentHours?: number;
  /** Currency code for the explanation lines (default USD). */
  currency?: string;
  /** Locale (BCP 47) for the explanation lines' numbers (default en-US), the scenario's `report.locale`. */
  locale?: string;
  /** Constant staffing levels (scheduled agents) for the sweep; default `sweepLevels` around the analytic range; [] skips it. */
  sweepLevels?: readonly number[];
}
