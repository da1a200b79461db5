import type { StoreModelConfig } from "../../sim/model/index.ts";
import { type PolicyOptions, type ResolvedPolicy, resolvePolicy, validatePolicy } from "../../sim/policy/index.ts";
import { unknownPolicySteps } from "./policyStepCheck.ts";
import { peakSlots, resolveDesk, resolveSelfService, resolveWarmup } from "./resolveDesk.ts";
import { ratesFromDailyVolume } from "./resolveRates.ts";
import { resolveSchedule } from "./resolveSchedule.ts";
import type { StoreScenario } from "./storeSchema.ts";
import { toDistributionSpec } from "./toDistributionSpec.ts";
import { uniqueNames } from "./uniqueNames.ts";

/** Pages that exist before checkout; checkout step names must differ from them. */
export const BROWSING_PAGES = ["browse", "product", "cart"] as const;

/**
 * Checks what a schema cannot (cross-field rules) and turns a validated store scenario into the
 * model's config. `policy` is the policy object (already read from its file if the scenario named
 * one). Problems go to `problems`; the result is only meaningful when none were added.
 */
export function resolveStoreScenario(scenario: StoreScenario, policyOptions: unknown, policyPath: string, problems: string[]): StoreModelConfig {
  const { horizon, funnel, pricing, chat, agents } = scenario;
  const intervalSeconds = horizon.intervalMinutes * 60;
  uniqueNames(
    scenario.segments.map((segment) => segment.name),
    "segments",
    problems,
  );
  const stepNames = funnel.steps.map((step) => step.name);
  uniqueNames(stepNames, "funnel.steps", problems);
  stepNames.forEach((name, index) => {
    if ((BROWSING_PAGES as readonly string[]).includes(name)) {
      problems.push(`invalid funnel.steps[${index}].name: ${JSON.stringify(name)} (reserved for browsing pages: ${BROWSING_PAGES.join(", ")})`);
    }
  });
  uniqueNames(
    scenario.catalog.map((product) => product.id),
    "catalog",
    problems,
    "id",
  );
  funnel.steps.forEach((step, stepIndex) => {
    uniqueNames(
      step.fields.map((field) => field.name),
      `funnel.steps[${stepIndex}].fields`,
      problems,
    );
    step.fields.forEach((field, fieldIndex) => {
      const path = `funnel.steps[${stepIndex}].fields[${fieldIndex}]`;
      if (field.type === "choice" && (field.options === undefined || field.options.length < 2))
        problems.push(
          `invalid ${path}.options: ${field.options === undefined ? "missing" : `a list of ${field.options.length}`} (a choice field needs at least 2 options)`,
        );
      if (field.type !== "choice" && field.options !== undefined)
        problems.push(`invalid ${path}.options: a list of ${field.options.length} (only choice fields have options)`);
    });
  });
  const reveals = funnel.steps.filter((step) => step.revealsTotal).length;
  if (reveals > 1) problems.push(`invalid funnel.steps: ${reveals} steps reveal the total (at most 1 may set revealsTotal)`);
  if (pricing.showTotalUpfront && reveals > 0) {
    problems.push(`invalid pricing.showTotalUpfront: true (contradicts funnel.steps with revealsTotal: the total is already shown from the cart)`);
  }
  if (agents.shrinkage >= 1) problems.push(`invalid agents.shrinkage: ${agents.shrinkage} (must be in [0, 1): nobody would be online)`);

  const policyProblems = validatePolicy(policyOptions, policyPath);
  problems.push(...policyProblems);
  let policy: ResolvedPolicy = resolvePolicy({ name: "reactive-only" });
  if (policyProblems.length === 0) {
    policy = resolvePolicy(policyOptions as PolicyOptions);
    problems.push(...unknownPolicySteps(policy, [...BROWSING_PAGES, ...stepNames], policyPath));
  }

  const scheduled = resolveSchedule(agents.schedule, horizon.days, horizon.intervalMinutes, problems);
  const weightSum = scenario.segments.reduce((total, segment) => total + segment.weight, 0);
  return {
    kind: "store",
    name: scenario.name,
    horizon: { days: horizon.days, intervalSeconds },
    sessionRatesPerSecond: ratesFromDailyVolume(
      scenario.traffic.sessionsPerDay,
      scenario.traffic.dailyProfile,
      scenario.traffic.dayMultipliers,
      horizon.days,
      horizon.intervalMinutes,
      "traffic",
      problems,
    ),
    segments: scenario.segments.map((segment) => ({
      ...segment,
      weight: segment.weight / weightSum,
      pageViews: toDistributionSpec(segment.pageViews),
      dwellSeconds: toDistributionSpec(segment.dwellSeconds),
      cartValue: toDistributionSpec(segment.cartValue),
      patienceSeconds: toDistributionSpec(segment.patienceSeconds),
    })),
    // Without a stated carrier cost the shipping fee is taken to recover it (an assumption).
    pricing: {
      ...pricing,
      freeShippingThreshold: pricing.freeShippingThreshold ?? Infinity,
      shippingCostPerOrder: pricing.shippingCostPerOrder ?? pricing.shippingFee,
    },
    funnel: {
      cartHazards: funnel.cart.hazards,
      cartSeconds: toDistributionSpec(funnel.cart.seconds),
      steps: funnel.steps.map((step) => ({ ...step, fillSeconds: toDistributionSpec(step.fillSeconds) })),
      stickerShock: funnel.stickerShock,
      friction: { ...funnel.friction, confusion: { ...funnel.friction.confusion, pauseSeconds: toDistributionSpec(funnel.friction.confusion.pauseSeconds) } },
      inlineHelp: funnel.inlineHelp,
      autoSave: { ...funnel.autoSave, returnDelaySeconds: toDistributionSpec(funnel.autoSave.returnDelaySeconds) },
      hesitation: {
        ...funnel.hesitation,
        lingerSeconds: toDistributionSpec(funnel.hesitation.lingerSeconds),
        pauseSeconds: toDistributionSpec(funnel.hesitation.pauseSeconds),
      },
    },
    chat: {
      policy,
      acceptance: { ifNotHesitating: chat.acceptanceIfNotHesitating, onExitIntent: chat.acceptanceOnExitIntent, ...chat.invitationAcceptance },
      repeatInvitationAnnoyance: chat.repeatInvitationAnnoyance,
      rescueProbability: chat.rescueProbability,
      orderValueUplift: chat.orderValueUplift,
      handleSeconds: toDistributionSpec(chat.handleSeconds),
      slowdownPerExtraChat: chat.slowdownPerExtraChat,
      rescueLossPerExtraChat: chat.rescueLossPerExtraChat,
      serviceLevelSeconds: chat.serviceLevelSeconds,
      queueDiscipline: chat.queueDiscipline,
    },
    agents: {
      scheduled,
      shrinkage: agents.shrinkage,
      concurrency: agents.concurrency,
      costPerHour: agents.costPerHour,
    },
    // Store days start at midnight with little traffic, so the store needs no warm-up by default.
    desk: {
      slowdownMode: chat.slowdownMode,
      warmupSeconds: resolveWarmup(horizon, 0, problems),
      ...resolveDesk(
        scenario.desk,
        horizon,
        { intervals: scheduled.length, peakSlots: peakSlots(scheduled, agents.concurrency), segments: scenario.segments.map((segment) => segment.name) },
        problems,
      ),
      shrinkageMethod: agents.shrinkageMethod,
      selfService: resolveSelfService(scenario.selfService),
    },
  };
}
