// The results of a synthetic check run: what `check --json` writes under `check`, and what the
// report section and the JUnit file read.

import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import type { FailureCause } from "./failureCause.ts";

/** The checks every persona gets, in report order. */
export const CHECK_NAMES = ["funnel", "money", "formValidation", "chatPolicy", "stepTimings", "layout"] as const;
/** One of CHECK_NAMES. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** passed; failed; flaky = passed only after a retry (reported, never hidden); skipped = did not apply. */
export type CheckStatus = "passed" | "failed" | "flaky" | "skipped";

/** One check of one persona. */
export interface CheckRecord {
  persona: string;
  check: CheckName;
  status: CheckStatus;
  /** One line: why it failed, was flaky or was skipped; what was verified when it passed. */
  reason: string;
  /** What was looked at, one fact per line. */
  evidence: string[];
  /**
   * Wall seconds the checked steps took: the persona's run (funnel), the wrong submissions
   * (formValidation), the page loads (stepTimings); 0 for money and chatPolicy, whose timings
   * (virtual seconds of each window) are in the evidence.
   */
  seconds: number;
  /** Most attempts any checked step needed (1 = no retry). */
  attempts: number;
  /** Paths relative to the working directory. */
  artifacts: { screenshot?: string; trace?: string };
  /** A failed check's cause: the store, or the machine running the check (see failureCause). */
  cause?: FailureCause;
}

/** A check's outcome before the run attaches persona, artifacts and file paths. */
export interface CheckVerdict {
  status: CheckStatus;
  reason: string;
  evidence: string[];
  seconds: number;
  attempts: number;
  /** Id of the screenshot that shows the failure (see PersonaObservations.shots). */
  shot: string | null;
}

/** p50 and p95 of a step's page-load seconds over the run's personas. */
export interface StepTiming {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

/** One idle or exit-intent window: what the policy predicted there and what the store did. */
export interface InvitationWindow {
  persona: string;
  step: string;
  trigger: "idle" | "exitIntent";
  /** Virtual seconds since the visit started, when the window opened. */
  startSeconds: number;
  /** Length of the window (idle until the next input or the end of the page), seconds. */
  lengthSeconds: number;
  /** Seconds into the window the policy says the invitation appears, or null. */
  predictedSeconds: number | null;
  predictedRule: string | null;
  /** Seconds into the window a rule would first allow an invitation, even past the window's end; null if never. */
  earliestSeconds: number | null;
  /** Why the policy holds back (caps, gating, no rule), when it does. */
  blockedBy: string | null;
  observedSeconds: number | null;
  observedRule: string | null;
  /** observed − predicted, when both fired. */
  timingErrorSeconds: number | null;
  agree: boolean;
  /** One line on the disagreement, or null. */
  problem: string | null;
}

/** Predicted vs observed per step and trigger kind. */
export interface ConformanceRow {
  step: string;
  trigger: "idle" | "exitIntent";
  /** Rules that fired or should have. */
  rules: string[];
  windows: number;
  predictedFires: number;
  observedFires: number;
  predictedFireRate: number | null;
  observedFireRate: number | null;
  meanTimingErrorSeconds: number | null;
  maxTimingErrorSeconds: number | null;
  agree: boolean;
}

/** A failure screenshot small enough to embed in the report. */
export interface FailureImage {
  persona: string;
  check: CheckName;
  /** data:image/jpeg;base64,... */
  dataUri: string;
  caption: string;
}

/** What one persona did, for the results. */
export interface PersonaResult {
  id: string;
  spec: PersonaSpec;
  outcome: "finished" | "left" | "stopped";
  /** Items as added: key, unit price shown, quantity. */
  items: Array<{ key: string; unitPrice: number | null; quantity: number }>;
  orderId: string | null;
  /** Funnel steps reached, in order, with their page-load seconds. */
  steps: Array<{ step: string; loadSeconds: number | null; attempts: number }>;
  wallSeconds: number;
  /** Virtual seconds the visit lasted (idle pauses included). */
  virtualSeconds: number;
  trace: string | null;
}

/** Counts over the run, and the exit code they mean. */
export interface CheckSummary {
  personas: number;
  checks: number;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  byCheck: Record<CheckName, { passed: number; failed: number; flaky: number; skipped: number }>;
  /** Full checkouts per minute of wall time. */
  checkoutsPerMinute: number | null;
  wallSeconds: number;
  /** Stopped by Ctrl-C: only the personas that started are reported (the command exits 130). */
  interrupted: boolean;
  /** 0 all passed (flaky included), 1 a check failed. */
  exitCode: 0 | 1;
}

/** `check.kind === "syntheticCheck"`: the body of `check --json`. */
export interface SyntheticCheckResults {
  kind: "syntheticCheck";
  store: { url: string; demo: boolean; reachable: boolean; problem: string | null };
  profile: { name: string; source: string };
  scenario: string;
  policy: string | null;
  seed: string | number;
  toleranceSeconds: number;
  personas: PersonaResult[];
  checks: CheckRecord[];
  stepTimings: Record<string, StepTiming>;
  policyConformance: { toleranceSeconds: number; rows: ConformanceRow[]; windows: InvitationWindow[] };
  failureImages: FailureImage[];
  notes: string[];
  summary: CheckSummary;
}
