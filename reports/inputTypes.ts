/**
 * What the report reads from the `compare`, `staff`, `calibrate` and `check` result documents: a structural
 * subset, so the full documents those commands write are accepted as they are (inputTypes.test.ts
 * checks that at compile time for the result types that have landed in experiments/). Fields the
 * report does not read are not listed. Calibration follows the draft in experiments/calibration;
 * add it to that check when `calibrate` lands.
 */
import type { AbTestPlan } from "../experiments/compare/index.ts";
import type { Estimate } from "../experiments/stats/index.ts";

export type { Estimate };

/** Units of a KPI (experiments/kpis); `ratio` is a plain number such as chats per agent. */
export type MetricUnit = "rate" | "money" | "seconds" | "count" | "ratio";

/** `compare`: policies (variants) against a control over common random numbers. */
export interface ComparisonResults {
  kind: "comparison";
  scenario: string;
  /** Metric the verdict is about, a key of `variants[].kpis`. */
  primaryMetric: string;
  /** Confidence level of every interval, e.g. 0.95. */
  level: number;
  replications: number;
  correction: "holm" | "benjamini-hochberg" | "none";
  /** Name of the control variant. */
  control: string;
  variants: { name: string; policy: string; kpis: Record<string, Estimate | null> }[];
  differences: ComparisonDifference[];
  ranking: { variant: string; probabilityBest: number; mean: number | null }[];
  verdict: string;
  /** The live A/B test plan `compare` writes beside the comparison (`{ comparison, abPlan }`), attached on load. */
  abPlan?: AbTestPlan | null;
  /** Replications that failed (shown as a warning). */
  errored?: { variant: string; replication: number; error: string }[];
}

/** A variant minus the control on one metric. */
export interface ComparisonDifference {
  variant: string;
  metric: string;
  label: string;
  unit: MetricUnit;
  /** Which way is better; "neutral" for descriptive figures. */
  direction: "higher" | "lower" | "neutral";
  difference: Estimate;
  /** difference ÷ control mean, or null when the control mean is 0. */
  relativeLift: Estimate | null;
  pValue: number;
  adjustedPValue: number;
  significant: boolean;
}

/** The service target a staffing plan meets; null fields are not targets. */
export interface StaffingTarget {
  /** Share of chats to answer within `serviceLevelSeconds`. */
  serviceLevel: number | null;
  serviceLevelSeconds: number;
  /** Largest acceptable queue abandonment share. */
  maxQueueAbandonment: number | null;
  /** Largest acceptable occupancy. */
  maxOccupancy?: number | null;
}

/** `staff`: the schedule that meets a target per interval, next to the Erlang answer. */
export interface StaffingResults {
  kind: "staffing";
  scenario: string;
  target: StaffingTarget;
  /** Which closed form gave the Erlang answer (Erlang A with patience, else C). */
  analyticModel?: "erlangA" | "erlangC";
  intervalSeconds: number;
  level?: number;
  replications?: number;
  intervals: {
    index: number;
    startSeconds: number;
    chatsPerHour: number;
    erlangAgentsScheduled: number;
    recommendedAgentsScheduled: number;
    /** Simulated KPIs of the recommendation; null when the interval had no chats. */
    serviceLevel: Estimate | null;
    queueAbandonment: Estimate | null;
    occupancy: Estimate | null;
    recommendedAgentsOnline?: number;
    meanChats?: number | null;
    meetsTarget?: boolean | null;
  }[];
  /** Whole-horizon results for a flat number of scheduled agents. */
  sweep: {
    agentsScheduled: number;
    serviceLevel: Estimate | null;
    queueAbandonment: Estimate | null;
    conversionRate: Estimate | null;
    contributionProfit: Estimate | null;
  }[];
  totals: {
    recommendedAgentHours: number;
    recommendedCost: number;
    erlangAgentHours: number;
    erlangCost: number;
    shiftAgentHours?: number | null;
    shiftCost?: number | null;
  };
  /** `--shift-hours`: the recommendation rounded up to shifts. */
  shifts?: { shiftHours: number; shifts: { startSeconds: number; endSeconds: number; agents: number }[] } | null;
  explanation: string[];
  /** The video channel's own plan (desk.video on only): one call per agent, sized apart from text chat. */
  video?: VideoStaffingResults;
}

/** `staff`'s video plan: the closed form's agents per interval beside what simulating them measured. */
export interface VideoStaffingResults {
  model: string;
  meanHandleSeconds: number;
  agentHours: number;
  cost: number;
  intervals: {
    index: number;
    startSeconds: number;
    videoRequestsPerHour: number;
    agentsScheduled: number;
    serviceLevel: Estimate | null;
    queueAbandonment: Estimate | null;
    occupancy: Estimate | null;
    meetsTarget: boolean | null;
  }[];
}

/**
 * `calibrate`: scenario parameters fitted to observed funnel counts. Written against the draft in
 * experiments/calibration (not yet landed): one row per step and outcome ("continued", a reason,
 * "other"), `residual` standardised; rows without `outcome` are read as "continued".
 */
export interface CalibrationResults {
  kind: "calibration";
  scenario: string;
  method: string;
  objective: string;
  replications?: number;
  steps: {
    step: string;
    outcome?: string;
    observedRate: number;
    simulatedRate: number;
    observedCount: number;
    /** Standardised residual (O − E) ÷ its standard deviation. */
    residual: number;
  }[];
  parameters: { path: string; before: number; after: number }[];
  /** pValue is null when no degrees of freedom are left. */
  goodnessOfFit: { chiSquare: number; degreesOfFreedom: number; pValue: number | null; rmse: number };
  /**
   * What the chat counts identify (one line per chat parameter) and the lift for chat users a holdout
   * measures in the data and in the fitted model, in points with a 95% interval (null without a holdout).
   * Absent in results written before chat was calibrated.
   */
  chat?: {
    identifiability: { parameter: string; identified: boolean; note: string }[];
    causalLift: { data: HoldoutLiftFigures | null; model: HoldoutLiftFigures | null };
  };
}

/** A holdout's lift for chat users, in percentage points, with its 95% interval. */
export interface HoldoutLiftFigures {
  points: number;
  lower: number;
  upper: number;
  chatShare: number;
}

/** The checks each synthetic shopper gets (scripts/synthetic CHECK_NAMES), in report order. */
export type CheckName = "funnel" | "money" | "formValidation" | "chatPolicy" | "stepTimings" | "layout";
/** passed; failed; flaky = passed only after a retry; skipped = did not apply. */
export type CheckStatus = "passed" | "failed" | "flaky" | "skipped";

/**
 * `check`: synthetic shoppers against a live store (`{stamp, check}`, kind "syntheticCheck";
 * scripts/synthetic/results/checkResults.ts has the full type and checks it fits this one). Declared here
 * because reports never import from scripts.
 */
export interface SyntheticCheckResults {
  kind: "syntheticCheck";
  store: { url: string; demo: boolean; reachable: boolean; problem: string | null };
  profile: { name: string; source: string };
  /** The scenario's name. */
  scenario: string;
  policy: string | null;
  seed: string | number;
  personas: ReadonlyArray<{ id: string; outcome: string; spec: { segment: string; device: string } }>;
  checks: ReadonlyArray<{
    persona: string;
    check: CheckName;
    status: CheckStatus;
    reason: string;
    artifacts: { screenshot?: string; trace?: string };
    cause?: "store" | "environment suspected";
  }>;
  /** Page-load seconds per step over the run's personas. */
  stepTimings: Readonly<Record<string, { p50: number; p95: number; max: number; count: number }>>;
  policyConformance: {
    /** Virtual seconds. */
    toleranceSeconds: number;
    rows: ReadonlyArray<{
      step: string;
      trigger: string;
      rules: readonly string[];
      windows: number;
      predictedFires: number;
      observedFires: number;
      predictedFireRate: number | null;
      observedFireRate: number | null;
      meanTimingErrorSeconds: number | null;
      maxTimingErrorSeconds: number | null;
      agree: boolean;
    }>;
    windows: ReadonlyArray<{ persona: string; step: string; trigger: string; predictedSeconds: number | null; observedSeconds: number | null; agree: boolean }>;
  };
  /** Small screenshots of failures as data: URIs (the report's CSP allows data: images only). */
  failureImages: ReadonlyArray<{ persona: string; check: CheckName; dataUri: string; caption: string }>;
  notes: readonly string[];
  summary: {
    personas: number;
    checks: number;
    passed: number;
    failed: number;
    flaky: number;
    skipped: number;
    checkoutsPerMinute: number | null;
    wallSeconds: number;
  };
}

/**
 * A decision under parameter uncertainty (`compare|staff|simulate --worlds N`, `{stamp, decision}`;
 * experiments/worlds/runWorldDecision.ts has the full type).
 */
export interface DecisionResults {
  kind: "decision";
  scenario: string;
  metric: string;
  metricLabel: string;
  metricUnit: MetricUnit;
  direction: "higher" | "lower";
  worldsRequested: number;
  replications: number;
  parameters: { path: string; central: number }[];
  analysis: {
    worlds: number;
    level: number;
    variants: { variant: string; expected: Estimate; worldRange: { p05: number; p95: number }; probabilityBest: number; expectedLoss: number }[];
    choice: string;
    runnerUp: string | null;
    evpi: number;
    sensitivityOf: string;
    /** Which measure the tornado shows; absent in results written before Sobol indices (rank correlations). */
    sensitivityMeasure?: "rankCorrelation" | "sobolFirstOrder";
    /** firstOrder and totalOrder: Sobol indices, with `--sensitivity sobol` only. */
    sensitivity: { parameter: string; rankCorrelation: number | null; meanWhenLow: number; meanWhenHigh: number; firstOrder?: number; totalOrder?: number }[];
    noiseThreshold: number | null;
  } | null;
  errored?: { variant: string; world: number; replication: number; error: string }[];
}

/**
 * One row of the live store's team export (scripts/store `GET /api/admin/team`): an agent's, or the
 * team's (`agentId` "team"), figures for one interval. Figure names match the simulator's per-agent
 * figures where they mean the same (chatsHandled, meanHandleSeconds, rescuedOrders).
 */
export interface TeamFigureExportRow {
  intervalStartMs: number;
  agentId: string;
  agentName: string;
  /** Chats the agent took that started in the interval. */
  chatsHandled: number;
  /** Mean seconds from taking a chat to the first reply, over chats with a reply; null without one. */
  firstResponseSeconds: number | null;
  /** Mean handle time of the interval's chats that have ended; null when none has. */
  meanHandleSeconds: number | null;
  /** Time-weighted mean number of chats held at once over the interval (chat-seconds ÷ interval seconds). */
  concurrency: number;
  /** Orders placed by the shoppers of the interval's chats after their chat started. */
  rescuedOrders: number;
  /** Their totals, in the store's currency. */
  revenue: number;
  /** Mean post-chat rating (1–5) of the interval's rated chats; null when none is rated. */
  rating: number | null;
  ratings: number;
}

/** The live store's team export (JSON, or its CSV), read as a report input: per-agent and team figures per interval. */
export interface TeamFiguresResults {
  kind: "teamFigures";
  /** What the run card calls it ("Live desk"). */
  scenario: string;
  /** The store's currency, when the export says (the CSV does not). */
  currency: string | null;
  /** Interval length of the rows; null when unknown (a CSV with one interval). */
  intervalSeconds: number | null;
  rows: TeamFigureExportRow[];
}
