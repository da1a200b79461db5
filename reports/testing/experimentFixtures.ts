// Fixed, formula-built experiment results (compare, staff, calibrate, worlds) for report tests and
// benchmarks: round numbers, no simulator involved.
import { abTestPlan } from "../../experiments/compare/index.ts";
import type { CalibrationResults, ComparisonResults, DecisionResults, Estimate, StaffingResults } from "../inputTypes.ts";
import { DAILY_PROFILE, roundTo } from "./fixtures.ts";

/** An estimate from a mean and a half-width. */
export function estimate(mean: number, halfWidth: number, n = 20): Estimate {
  return { mean, lower: mean - halfWidth, upper: mean + halfWidth, halfWidth, standardDeviation: (halfWidth * Math.sqrt(n)) / 2.09, n };
}

/** Three trigger policies against the reactive-only control, 20 replications. */
export function comparisonFixture(names: { variant?: string } = {}): ComparisonResults {
  const control = "reactive-only";
  const variantNames = [control, names.variant ?? "idle-on-payment", "exit-intent-high-value", "aggressive"];
  const metrics = [
    { metric: "conversionRate", label: "Conversion", unit: "rate", direction: "higher", base: 0.02137, effects: [0, 0.0041, 0.0019, 0.0008], spread: 0.0009 },
    {
      metric: "revenuePerSession",
      label: "Revenue per session",
      unit: "money",
      direction: "higher",
      base: 2.741,
      effects: [0, 0.052, 0.031, 0.004],
      spread: 0.021,
    },
    { metric: "contributionProfit", label: "Contribution profit", unit: "money", direction: "higher", base: 1089.7, effects: [0, 812, 403, -655], spread: 240 },
    { metric: "serviceLevel", label: "Service level", unit: "rate", direction: "higher", base: 0.7036, effects: [0, -0.061, -0.024, -0.214], spread: 0.018 },
    {
      metric: "queueAbandonmentRate",
      label: "Queue abandonment",
      unit: "rate",
      direction: "lower",
      base: 0.1764,
      effects: [0, 0.038, 0.012, 0.121],
      spread: 0.011,
    },
    { metric: "meanWaitSeconds", label: "Mean wait", unit: "seconds", direction: "lower", base: 42.7, effects: [0, 11.3, 4.1, 58.2], spread: 3.4 },
  ] as const;
  const variants = variantNames.map((name, variantIndex) => ({
    name,
    policy: `experiments/policies/${name}.yaml`,
    kpis: Object.fromEntries(metrics.map((metric) => [metric.metric, estimate(metric.base + metric.effects[variantIndex], metric.spread)])),
  }));
  const differences = variantNames.slice(1).flatMap((variant, offset) =>
    metrics.map((metric) => {
      const effect = metric.effects[offset + 1];
      const halfWidth = metric.spread * 1.1;
      const significant = Math.abs(effect) > halfWidth;
      const pValue = significant ? 0.0004 * (offset + 1) : 0.31 + 0.1 * offset;
      return {
        variant,
        metric: metric.metric,
        label: metric.label,
        unit: metric.unit,
        direction: metric.direction,
        difference: estimate(effect, halfWidth),
        relativeLift: estimate(effect / metric.base, halfWidth / metric.base),
        pValue,
        adjustedPValue: Math.min(1, pValue * 3),
        significant,
      };
    }),
  );
  return {
    kind: "comparison",
    scenario: "Baseline mid-size store",
    primaryMetric: "conversionRate",
    level: 0.95,
    replications: 20,
    correction: "holm",
    control,
    variants,
    differences,
    ranking: [
      { variant: variantNames[1], probabilityBest: 0.91, mean: 0.02547 },
      { variant: "exit-intent-high-value", probabilityBest: 0.08, mean: 0.02327 },
      { variant: "aggressive", probabilityBest: 0.01, mean: 0.02217 },
      { variant: control, probabilityBest: 0, mean: 0.02137 },
    ],
    verdict: `${variantNames[1]} lifts conversion by 0.41 pp [0.31, 0.51] over ${control}; it lowers service level by 6.1 pp, within the guardrail`,
  };
}

/** A staffing plan for one day of 30-minute intervals and a sweep of 3 to 12 agents. */
export function staffingFixture(): StaffingResults {
  const intervals = DAILY_PROFILE.map((weight, index) => {
    const chatsPerHour = roundTo(weight * 15.3, 2);
    const erlang = Math.max(1, Math.ceil(chatsPerHour * 0.21 + 0.8));
    const recommended = Math.max(1, erlang - (index % 5 === 0 && erlang > 2 ? 1 : 0) + (index % 11 === 3 ? 1 : 0));
    const level = Math.min(0.97, 0.72 + 0.06 * recommended - 0.01 * chatsPerHour);
    return {
      index,
      startSeconds: index * 1800,
      chatsPerHour,
      erlangAgentsScheduled: erlang,
      recommendedAgentsScheduled: recommended,
      serviceLevel: estimate(roundTo(level), 0.035),
      queueAbandonment: estimate(roundTo(Math.max(0.01, 0.16 - 0.03 * recommended + 0.004 * chatsPerHour)), 0.012),
      occupancy: estimate(roundTo(Math.min(0.95, (chatsPerHour * 0.2) / (recommended * 1.6))), 0.02),
    };
  });
  const sweep = Array.from({ length: 10 }, (_, offset) => {
    const agents = offset + 3;
    const level = 1 - 0.78 * Math.exp(-0.42 * (agents - 2));
    return {
      agentsScheduled: agents,
      serviceLevel: estimate(roundTo(level), 0.05 * Math.exp(-0.15 * offset)),
      queueAbandonment: estimate(roundTo(0.31 * Math.exp(-0.45 * (agents - 2))), 0.02),
      conversionRate: estimate(roundTo(0.0205 + 0.0011 * (1 - Math.exp(-0.5 * (agents - 2)))), 0.0004),
      contributionProfit: estimate(roundTo(2400 * (1 - Math.exp(-0.55 * (agents - 2))) - 336 * (agents - 3), 2), 310),
    };
  });
  const recommendedAgentHours = intervals.reduce((sum, interval) => sum + interval.recommendedAgentsScheduled, 0) / 2;
  const erlangAgentHours = intervals.reduce((sum, interval) => sum + interval.erlangAgentsScheduled, 0) / 2;
  return {
    kind: "staffing",
    scenario: "Baseline mid-size store",
    target: { serviceLevel: 0.8, serviceLevelSeconds: 30, maxQueueAbandonment: 0.05 },
    intervalSeconds: 1800,
    intervals,
    sweep,
    totals: { recommendedAgentHours, recommendedCost: recommendedAgentHours * 28, erlangAgentHours, erlangCost: erlangAgentHours * 28 },
    explanation: [
      "Erlang C assumes one chat per agent and infinitely patient customers; agents here hold up to 3 chats and customers give up after 3-5 minutes.",
      "The recommended schedule is the smallest per-interval staffing whose simulated service level meets the target in 20 replications.",
    ],
  };
}

/** Funnel continuation rates fitted to observed counts. */
export function calibrationFixture(): CalibrationResults {
  const steps = [
    { step: "cart", observedRate: 0.612, simulatedRate: 0.6094, observedCount: 8710 },
    { step: "account", observedRate: 0.905, simulatedRate: 0.9177, observedCount: 5330 },
    { step: "shipping", observedRate: 0.781, simulatedRate: 0.7791, observedCount: 4824 },
    { step: "payment", observedRate: 0.769, simulatedRate: 0.7752, observedCount: 3768 },
    { step: "review", observedRate: 0.874, simulatedRate: 0.8715, observedCount: 2898 },
  ].map((step) => ({
    ...step,
    outcome: "continued",
    // Standardised residual (O − E) ÷ √(n p (1 − p)), as calibrate reports it.
    residual: roundTo(
      ((step.observedRate - step.simulatedRate) * step.observedCount) / Math.sqrt(step.observedCount * step.simulatedRate * (1 - step.simulatedRate)),
      3,
    ),
  }));
  steps.push({ step: "payment", outcome: "tooFewPaymentMethods", observedRate: 0.061, simulatedRate: 0.0574, observedCount: 3768, residual: 0.94 });
  return {
    kind: "calibration",
    scenario: "Baseline mid-size store",
    method: "Nelder-Mead on common random numbers, 8 replications per evaluation",
    objective: "chi-square of step continuation counts",
    steps,
    parameters: [
      { path: "funnel.steps[1].hazards.accountRequired", before: 0.07, after: 0.081 },
      { path: "funnel.stickerShock.k", before: 0.9, after: 0.84 },
      { path: "segments[1].addToCartProbability", before: 0.062, after: 0.0633 },
    ],
    goodnessOfFit: { chiSquare: 3.12, degreesOfFreedom: 2, pValue: 0.21, rmse: 0.0064 },
  };
}

/**
 * The comparison with the A/B test plan `compare` writes beside it, computed by experiments'
 * abTestPlan from the fixture's conversion rates at `dailySessions` a day.
 */
export function withAbTestPlan(comparison: ComparisonResults, dailySessions = 40_000): ComparisonResults {
  const withTraffic = {
    ...comparison,
    horizonDays: 1,
    variants: comparison.variants.map((variant) => ({ ...variant, kpis: { ...variant.kpis, sessions: estimate(dailySessions, 0) } })),
  };
  return { ...comparison, abPlan: abTestPlan(withTraffic as unknown as Parameters<typeof abTestPlan>[0]) };
}

/** Four policies over 32 worlds, round numbers: idle-on-payment best in 3 of 4 worlds. */
export function worldDecisionFixture(): DecisionResults {
  const variant = (name: string, mean: number, probabilityBest: number, expectedLoss: number) => ({
    variant: name,
    expected: estimate(mean, 0.0002, 32),
    worldRange: { p05: mean - 0.001, p95: mean + 0.001 },
    probabilityBest,
    expectedLoss,
  });
  return {
    kind: "decision",
    scenario: "Baseline mid-size store",
    metric: "conversionRate",
    metricLabel: "conversion",
    metricUnit: "rate",
    direction: "higher",
    worldsRequested: 32,
    replications: 4,
    parameters: [
      { path: "segments[1].invitationSensitivity", central: 0.06 },
      { path: "segments[0].patienceSeconds.mean", central: 300 },
      { path: "segments[2].invitationSensitivity", central: 0.05 },
    ],
    analysis: {
      worlds: 32,
      level: 0.95,
      variants: [
        variant("reactive-only", 0.02, 0, 0.002),
        variant("idle-on-payment", 0.022, 0.75, 0.0001),
        variant("exit-intent-high-value", 0.0215, 0.25, 0.0006),
        variant("aggressive", 0.019, 0, 0.003),
      ],
      choice: "idle-on-payment",
      runnerUp: "exit-intent-high-value",
      evpi: 0.0001,
      sensitivityOf: "idle-on-payment − exit-intent-high-value",
      sensitivity: [
        { parameter: "segments[1].invitationSensitivity", rankCorrelation: -0.5, meanWhenLow: 0.001, meanWhenHigh: 0 },
        { parameter: "segments[0].patienceSeconds.mean", rankCorrelation: 0.25, meanWhenLow: 0.0004, meanWhenHigh: 0.0006 },
        { parameter: "segments[2].invitationSensitivity", rankCorrelation: null, meanWhenLow: 0.0005, meanWhenHigh: 0.0005 },
      ],
      noiseThreshold: 0.35,
    },
  };
}
