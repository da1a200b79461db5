import { type Formatter, formatClock } from "../../experiments/format/index.ts";
import type { ChatOnlyResults, StoreResults } from "../../sim/model/index.ts";
import type { ComparisonResults, DecisionResults, StaffingResults } from "../inputTypes.ts";
import type { ReportBody } from "../reportDocument.ts";
import type { Section } from "../reportTypes.ts";
import { type ComparisonVerdict, comparisonDecision, MAX_FEASIBLE_TEST_DAYS } from "./comparisonDecision.ts";
import type { DecisionCard, DecisionFigure } from "./decisionCard.ts";

/**
 * What a card builder needs besides the body: the sections it links to, the scenario's formatter
 * (`report.locale` and currency: the cards write numbers as the sections do), the reader's threshold.
 */
export interface DecisionContext {
  sections: readonly Section[];
  format: Formatter;
  minimumRelativeEffect: number;
}

/** The card for one results body, or null for kinds that answer no decision (calibration, checks). */
export function decisionCard(body: ReportBody, context: DecisionContext): DecisionCard | null {
  switch (body.kind) {
    case "comparison":
      return comparisonCard(body, context);
    case "staffing":
      return staffingCard(body, context);
    case "store":
      return storeCard(body, context);
    case "chatOnly":
      return chatOnlyCard(body, context);
    case "decision":
      return worldsCard(body, context);
    default:
      return null;
  }
}

/** `#id` of the first section whose id ends with `suffix`, else of the body's first section. */
function link(context: DecisionContext, suffix: string): string {
  const section = context.sections.find((candidate) => candidate.id.endsWith(suffix)) ?? context.sections[0];
  return `#${section?.id ?? ""}`;
}

const VERDICT_TONES: Record<ComparisonVerdict, DecisionCard["tone"]> = {
  launch: "good",
  "too small to matter": "neutral",
  "no detectable difference": "neutral",
  "keep the control": "bad",
};

function comparisonCard(comparison: ComparisonResults, context: DecisionContext): DecisionCard {
  const decision = comparisonDecision(comparison, context.minimumRelativeEffect);
  const { primary, challenger } = decision;
  const details = link(context, "-comparison");
  const metricLabel = primary?.label ?? comparison.primaryMetric;
  const figures: DecisionFigure[] = [];
  if (primary !== null) {
    figures.push({
      label: `${challenger} vs ${comparison.control}: ${metricLabel}`,
      value: context.format.interval(primary.difference.mean, primary.difference.lower, primary.difference.upper, primary.unit, true),
      detail:
        primary.relativeLift === null
          ? undefined
          : `${context.format.signedPercent(primary.relativeLift.mean, 2)} relative; worth acting on from ±${context.format.percent(decision.minimumRelativeEffect, 1)}`,
      href: details,
      tone: decision.verdict === "launch" ? "good" : null,
    });
  }
  if (decision.profit !== null) {
    const profit = decision.profit;
    figures.push({
      label: profit.label,
      value: context.format.interval(profit.difference.mean, profit.difference.lower, profit.difference.upper, profit.unit, true),
      href: details,
    });
  }
  figures.push({
    label: "guardrails",
    value: decision.harms.length === 0 ? "none worse" : `${decision.harms.length} worse`,
    detail:
      decision.harms.length === 0
        ? undefined
        : decision.harms.map((harm) => `${harm.label} ${context.format.value(harm.difference.mean, harm.unit, { difference: true })}`).join(" · "),
    href: details,
    tone: decision.harms.length === 0 ? "good" : "bad",
  });
  const test = decision.abTest;
  figures.push(
    test === null
      ? { label: "live A/B test", value: "no plan", detail: "the plan covers conversion or revenue per session", href: details }
      : {
          label: "live A/B test to confirm it",
          value: test.testDays === null ? "nothing to detect" : `${context.format.count(test.visitorsPerArm)} per arm`,
          detail:
            test.testDays === null
              ? undefined
              : `${context.format.count(test.testDays)} days at the store's traffic: ${test.feasible ? "feasible" : `not feasible (over ${MAX_FEASIBLE_TEST_DAYS} days)`}`,
          href: link(context, "-ab-test-plan"),
          tone: test.testDays === null ? null : test.feasible ? "good" : "bad",
        },
  );
  const headline =
    decision.verdict === "launch"
      ? `Launch ${decision.choice}`
      : decision.verdict === "too small to matter"
        ? `Keep ${comparison.control}: ${challenger}'s gain is too small to matter`
        : decision.verdict === "no detectable difference"
          ? `Keep ${comparison.control}: no variant beats it detectably`
          : `Keep ${comparison.control}: every variant does worse`;
  const verdict =
    (decision.verdict === "too small to matter"
      ? "significant but too small to matter"
      : decision.verdict === "launch"
        ? `better on ${metricLabel.toLowerCase()}, by more than the minimum effect`
        : decision.verdict) + (decision.harms.length > 0 ? `; weigh ${decision.harms.length} worse guardrail${decision.harms.length === 1 ? "" : "s"}` : "");
  return { kind: `Policy comparison · ${comparison.scenario}`, headline, verdict, tone: VERDICT_TONES[decision.verdict], figures };
}

function staffingCard(staffing: StaffingResults, context: DecisionContext): DecisionCard {
  const details = link(context, "-staffing");
  const intervals = staffing.intervals;
  const peak = intervals.reduce(
    (best, interval) => (best === null || interval.recommendedAgentsScheduled > best.recommendedAgentsScheduled ? interval : best),
    null as (typeof intervals)[number] | null,
  );
  // Service level over the day weighs each interval by its chats; occupancy by its agents online.
  const serviceLevel = weightedMean(
    intervals,
    (interval) => interval.serviceLevel?.mean ?? null,
    (interval) => interval.meanChats ?? interval.chatsPerHour,
  );
  const occupancy = weightedMean(
    intervals,
    (interval) => interval.occupancy?.mean ?? null,
    (interval) => interval.recommendedAgentsOnline ?? interval.recommendedAgentsScheduled,
  );
  const below = intervals.filter((interval) => interval.meetsTarget === false).length;
  const shifts = staffing.shifts ?? null;
  const totals = staffing.totals;
  const figures: DecisionFigure[] = [
    {
      label: "agents at peak",
      value: context.format.count(peak?.recommendedAgentsScheduled ?? null),
      detail: peak === null ? undefined : `scheduled from ${formatClock(peak.startSeconds)}`,
      href: details,
    },
    {
      label: "agent-hours and cost",
      value: `${context.format.number(totals.recommendedAgentHours, 1)} h`,
      detail: `${context.format.money(totals.recommendedCost)} · Erlang ${context.format.number(totals.erlangAgentHours, 1)} h`,
      href: details,
    },
    {
      label: "service level achieved",
      value: context.format.percent(serviceLevel),
      detail:
        staffing.target.serviceLevel === null
          ? `within ${staffing.target.serviceLevelSeconds} s`
          : `target ${context.format.percent(staffing.target.serviceLevel, 0)} within ${staffing.target.serviceLevelSeconds} s; ${below === 0 ? "every interval meets it" : `${below} interval${below === 1 ? "" : "s"} below`}`,
      href: details,
      tone: below === 0 ? "good" : "bad",
    },
    {
      label: "occupancy achieved",
      value: context.format.percent(occupancy),
      detail: staffing.target.maxOccupancy == null ? "share of agent time on chats" : `limit ${context.format.percent(staffing.target.maxOccupancy, 0)}`,
      href: details,
    },
  ];
  if (shifts !== null) {
    figures.push({
      label: `shift plan (${context.format.number(shifts.shiftHours, 2)} h shifts)`,
      value: `${context.format.count(shifts.shifts.reduce((sum, shift) => sum + shift.agents, 0))} shifts`,
      detail:
        totals.shiftAgentHours == null
          ? undefined
          : `${context.format.number(totals.shiftAgentHours, 1)} h · ${context.format.money(totals.shiftCost ?? null)}`,
      href: details,
    });
  }
  return {
    kind: `Staffing plan · ${staffing.scenario}`,
    headline: `Staff ${context.format.count(peak?.recommendedAgentsScheduled ?? null)} agents at peak, ${context.format.number(totals.recommendedAgentHours, 1)} agent-hours a day`,
    verdict: below === 0 ? "meets the service target in every interval" : `${below} interval${below === 1 ? "" : "s"} below the service target`,
    tone: below === 0 ? "good" : "bad",
    figures,
  };
}

/** The mean of `value` over the intervals that have one, each weighted by `weight`; null when none has a value. */
function weightedMean<T>(intervals: readonly T[], value: (interval: T) => number | null, weight: (interval: T) => number): number | null {
  let sum = 0;
  let total = 0;
  for (const interval of intervals) {
    const v = value(interval);
    if (v === null) continue;
    sum += v * weight(interval);
    total += weight(interval);
  }
  return total > 0 ? sum / total : null;
}

function storeCard(results: StoreResults, context: DecisionContext): DecisionCard {
  const days = results.horizonDays;
  return {
    kind: `Store simulation · ${results.scenario}`,
    headline: `${context.format.percent(results.funnel.conversionRate)} conversion, ${context.format.money(results.revenue.revenue / days)} revenue a day`,
    verdict: `one run of ${context.format.count(days)} day${days === 1 ? "" : "s"} (a single estimate, no interval)`,
    tone: "neutral",
    figures: [
      { label: "cart abandonment", value: context.format.percent(results.funnel.cartAbandonmentRate), href: link(context, "-funnel") },
      {
        label: "chat service level",
        value: context.format.percent(results.chat.serviceLevel),
        detail: `within ${results.chat.serviceLevelSeconds} s`,
        href: link(context, "-chat"),
      },
      {
        label: "contribution profit",
        value: context.format.money(results.profit.contributionProfit / days),
        detail: "a day: revenue − goods, shipping, card fees and agents",
        href: link(context, "-funnel"),
      },
    ],
  };
}

function chatOnlyCard(results: ChatOnlyResults, context: DecisionContext): DecisionCard {
  return {
    kind: `Chat desk simulation · ${results.scenario}`,
    headline: `${context.format.percent(results.chat.serviceLevel)} answered within ${results.chat.serviceLevelSeconds} s`,
    verdict: "one run (a single estimate, no interval)",
    tone: "neutral",
    figures: [
      { label: "queue abandonment", value: context.format.percent(results.chat.queueAbandonmentRate), href: link(context, "-chat") },
      { label: "occupancy", value: context.format.percent(results.chat.occupancy), href: link(context, "-chat") },
      {
        label: "agent cost",
        value: context.format.money(results.chat.agentCost),
        detail: `${context.format.number(results.chat.agentHoursScheduled, 1)} agent-hours`,
        href: link(context, "-chat"),
      },
    ],
  };
}

/** A decision under parameter uncertainty (`--worlds`): the choice, how often it wins, what better knowledge is worth. */
function worldsCard(decision: DecisionResults, context: DecisionContext): DecisionCard {
  const kind = `Decision across worlds · ${decision.scenario}`;
  const analysis = decision.analysis;
  const chosen = analysis?.variants.find((variant) => variant.variant === analysis.choice);
  if (analysis === null || chosen === undefined) {
    return {
      kind,
      headline: "No decision",
      verdict: `fewer than 2 of ${context.format.count(decision.worldsRequested)} worlds completed`,
      tone: "neutral",
      figures: [],
    };
  }
  const href = link(context, "-decision");
  const value = (amount: number) => context.format.value(amount, decision.metricUnit);
  const top = analysis.sensitivity[0];
  const figures: DecisionFigure[] = [
    {
      label: `expected ${decision.metricLabel}`,
      value: value(chosen.expected.mean),
      detail: `worlds' 5th–95th percentile ${value(chosen.worldRange.p05)} to ${value(chosen.worldRange.p95)}`,
      href,
    },
    {
      label: "value of perfect information",
      value: context.format.value(analysis.evpi, decision.metricUnit, { difference: true }),
      detail: "what knowing the uncertain parameters would add",
      href,
    },
  ];
  if (top !== undefined)
    figures.push({
      label: "hinges most on",
      value: top.parameter,
      detail: top.rankCorrelation === null ? undefined : `rank correlation ${context.format.number(top.rankCorrelation)}`,
      href,
    });
  return {
    kind,
    headline: `Choose ${analysis.choice}`,
    verdict: `best ${decision.metricLabel} in ${context.format.percent(chosen.probabilityBest, 0)} of ${context.format.count(analysis.worlds)} parameter worlds${analysis.runnerUp === null ? "" : `; runner-up ${analysis.runnerUp}`}`,
    tone: chosen.probabilityBest >= 0.8 ? "good" : "neutral",
    figures,
  };
}
