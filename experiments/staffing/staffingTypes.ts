import type { Estimate } from "../stats/index.ts";
import type { ShiftScheduling } from "./shifts/index.ts";

/** What a staffing plan must achieve in every interval; any field left out is not a target. */
export interface StaffingTargetOptions {
  /** Minimum share of chats answered within `serviceLevelSeconds` (answered in time ÷ all requests), e.g. 0.8. */
  serviceLevel?: number;
  /** Service-level threshold, seconds. Default: the scenario's own `serviceLevelSeconds`. */
  serviceLevelSeconds?: number;
  /** Maximum share of chats that give up in the queue, e.g. 0.05. */
  maxQueueAbandonment?: number;
  /** Maximum agent occupancy (share of online time an agent holds at least one chat), e.g. 0.85. */
  maxOccupancy?: number;
}

/** The target with every field resolved (null = not a target). */
export interface ResolvedStaffingTarget {
  serviceLevel: number | null;
  serviceLevelSeconds: number;
  maxQueueAbandonment: number | null;
  maxOccupancy: number | null;
}

/** "target": smallest schedule meeting the target; "contributionProfit": the constant staffing with the highest mean contribution profit (store only). */
export type StaffingObjective = "target" | "profit";

/** Where the loads come from and the handle and patience times the Erlang formulas use. */
export interface LoadSummary {
  /** "forecast": the chat-only scenario's arrival rates; "simulated": measured in store runs with generous staffing. */
  source: "forecast" | "simulated";
  /** Mean handle time given to Erlang (chat-only: the scenario's distribution; store: measured, slowdown included). */
  meanHandleSeconds: number;
  /** Mean patience given to Erlang A; null = infinitely patient customers (Erlang C). */
  meanPatienceSeconds: number | null;
  /** Constant staffing of the measurement runs (store only). */
  generousAgentsScheduled: number | null;
  /** Measurement replications (store only; 0 for a forecast). */
  replications: number;
  /** Share of chat requests that were accepted invitations in the measurement runs (store only). */
  invitationShare: number | null;
}

/** One interval of the plan. */
export interface StaffingInterval {
  index: number;
  startSeconds: number;
  /** Chat arrival rate the Erlang answer is for, per hour. */
  chatsPerHour: number;
  /** Closed-form answer (Erlang A with patience, else Erlang C), scheduled agents. */
  erlangAgentsScheduled: number;
  erlangAgentsOnline: number;
  /** Service level the closed form predicts at its answer. */
  erlangServiceLevel: number;
  /** Service level the simulation gives the closed-form schedule (the search's first round; null without one). */
  erlangSimulatedServiceLevel: Estimate | null;
  /** Erlang C's answer (customers never give up), when the main answer is Erlang A; else null. */
  erlangCAgentsScheduled: number | null;
  /** The plan: the search's answer with dips shorter than a shift filled (see smoothPlan). */
  recommendedAgentsScheduled: number;
  /** Online agents of the plan: expected scheduled × (1 − shrinkage) under random absence (may be fractional), ⌊…⌋ under floor. */
  recommendedAgentsOnline: number;
  /** The search's answer before smoothing; the KPIs below are simulated for it (smoothing only adds agents). */
  unsmoothedAgentsScheduled: number;
  /** Mean chat requests per replication in the simulation of the recommendation; null when it was not simulated. */
  meanChats: number | null;
  /** Simulated KPIs of the recommendation, over replications (null when no replication had a chat in the interval). */
  serviceLevel: Estimate | null;
  queueAbandonment: Estimate | null;
  occupancy: Estimate | null;
  /** Mean simulated handle time of chats in service in the interval (slowdown included), seconds. */
  meanHandleSeconds: number | null;
  /** Mean chats an agent holds while busy. */
  meanConcurrency: number | null;
  /** Whether the mean KPIs meet the target; null when the interval has too few chats to judge. */
  meetsTarget: boolean | null;
  /** Scheduled agents after rounding to shifts (null without --shift-hours). */
  shiftAgentsScheduled: number | null;
}

/** Whole-horizon results of one constant staffing level. */
export interface SweepLevel {
  agentsScheduled: number;
  /** As StaffingInterval.recommendedAgentsOnline: expected under random absence, floored under floor. */
  agentsOnline: number;
  serviceLevel: Estimate | null;
  queueAbandonment: Estimate | null;
  occupancy: Estimate | null;
  conversionRate: Estimate | null;
  contributionProfit: Estimate | null;
  agentCost: number;
}

/** The sweep's best level by mean contribution profit, and whether the runner-up is distinguishable from it. */
export interface ProfitChoice {
  agentsScheduled: number;
  contributionProfit: Estimate;
  runnerUpAgentsScheduled: number | null;
  /** Best − runner-up, paired by replication (common random numbers). */
  difference: Estimate | null;
  pValue: number | null;
  distinguishable: boolean;
}

/** Shifts of a fixed length covering every interval's requirement (the plan repeats: shifts wrap past the end of the horizon). */
export interface ShiftPlan {
  shiftHours: number;
  /** Shifts by start time: how many agents start then; `endSeconds` past the horizon wraps to its start. */
  shifts: { startSeconds: number; endSeconds: number; agents: number }[];
  /** Scheduled agents per interval with the shifts (≥ the requirement). */
  coverage: number[];
  agentHours: number;
  cost: number;
  /** Paid agent-hours above the requirement. */
  excessAgentHours: number;
}

export interface StaffingTotals {
  recommendedAgentHours: number;
  recommendedCost: number;
  erlangAgentHours: number;
  erlangCost: number;
  /** Erlang C's agent-hours when the main answer is Erlang A (what ignoring patience would cost); else null. */
  erlangCAgentHours: number | null;
  shiftAgentHours: number | null;
  shiftCost: number | null;
}

/** One round of the simulation search. */
export interface SearchRound {
  iteration: number;
  agentHours: number;
  /** Intervals missing the target in this round. */
  failing: number;
  raised: number;
  lowered: number;
}

/** What `staff` produces. */
export interface StaffingResults {
  kind: "staffing";
  scenario: string;
  mode: "store" | "chatOnly";
  objective: StaffingObjective;
  target: ResolvedStaffingTarget;
  analyticModel: "erlangA" | "erlangC";
  intervalSeconds: number;
  level: number;
  replications: number;
  seeds: string[];
  loads: LoadSummary;
  intervals: StaffingInterval[];
  sweep: SweepLevel[];
  profitChoice: ProfitChoice | null;
  search: { iterations: number; converged: boolean; rounds: SearchRound[] };
  shifts: ShiftPlan | null;
  /** Dip filling of the plan: dips of at most `windowIntervals` intervals between higher levels are filled. */
  /** Dips filled (shorter than `hours`); `minDipSavingsAgentHours` (null: fill all) kept `keptDips` dips whose filling would cost at least that much. */
  smoothing: { hours: number; windowIntervals: number; minDipSavingsAgentHours: number | null; keptDips: number; addedAgentHours: number };
  /** The optimal shift plan (MILP) and, given a team, its weekly roster (with --shift-rules / --roster). */
  shiftScheduling?: ShiftScheduling | null;
  /** The video channel's own requirement (desk.video on only; see videoStaffing.ts for why it is separate). */
  video?: VideoStaffing;
  totals: StaffingTotals;
  explanation: string[];
  errored: { stage: string; replication: number; error: string }[];
  cancelled: number;
  stoppedBy: "converged" | "maxIterations" | "sweep" | "interrupted" | "failFast";
}

/** The video channel's plan: its own agents per interval (one call each), checked by simulation. */
export interface VideoStaffing {
  model: string;
  /** Mean video handle time the closed form used. */
  meanHandleSeconds: number;
  intervals: VideoStaffingInterval[];
  /** Video agent hours and their cost (the text totals exclude them). */
  agentHours: number;
  cost: number;
}

/** One interval of the video plan: the closed form's agents beside what simulating them measured. */
export interface VideoStaffingInterval {
  index: number;
  startSeconds: number;
  videoRequestsPerHour: number;
  agentsScheduled: number;
  agentsOnline: number;
  /** Service level the closed form predicts at that staffing. */
  erlangServiceLevel: number;
  /** Mean video requests per replication; null without a completed replication. */
  meanRequests: number | null;
  serviceLevel: Estimate | null;
  queueAbandonment: Estimate | null;
  occupancy: Estimate | null;
  meanWaitOfServedSeconds: number | null;
  /** False when the simulated interval lies wholly on the wrong side of the target; null without video requests. */
  meetsTarget: boolean | null;
}
