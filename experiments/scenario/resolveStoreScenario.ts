import type { StoreModelConfig } from "../../sim/model/index.ts";
import { type PolicyOptions, type ResolvedPolicy, resolvePolicy, validatePolicy } from "../../sim/policy/index.ts";
import { BROWSING_PAGES, checkStoreScenario } from "./checkStoreScenario.ts";
import { unknownPolicySteps } from "./policyStepCheck.ts";
import { peakSlots, resolveDesk, resolveSelfService, resolveWarmup } from "./resolveDesk.ts";
import { ratesFromDailyVolume } from "./resolveRates.ts";
import { resolveSchedule } from "./resolveSchedule.ts";
import type { StoreScenario } from "./storeSchema.ts";
import { toDistributionSpec } from "./toDistributionSpec.ts";

/**
 * Checks what a schema cannot (cross-field rules) and turns a validated store scenario into the
 * model's config. `policy` is the policy object (already read from its file if the scenario named
 * one). Problems go to `problems`; the result is only meaningful when none were added.
 */
export function resolveStoreScenario(scenario: StoreScenario, policyOptions: unknown, policyPath: string, problems: string[]): StoreModelConfig {
  const { horizon, pricing, agents } = scenario;
  checkStoreScenario(scenario, problems);
  const policy = resolveStorePolicy(
    policyOptions,
    policyPath,
    scenario.funnel.steps.map((step) => step.name),
    problems,
  );
  const scheduled = resolveSchedule(agents.schedule, horizon.days, horizon.intervalMinutes, problems);
  const weightSum = scenario.segments.reduce((total, segment) => total + segment.weight, 0);
  return {
    kind: "store",
    name: scenario.name,
    horizon: { days: horizon.days, intervalSeconds: horizon.intervalMinutes * 60 },
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
    funnel: resolveFunnel(scenario.funnel),
    chat: resolveChat(scenario.chat, policy),
    agents: {
      scheduled,
      shrinkage: agents.shrinkage,
      concurrency: agents.concurrency,
      costPerHour: agents.costPerHour,
    },
    // Store days start at midnight with little traffic, so the store needs no warm-up by default.
    desk: {
      slowdownMode: scenario.chat.slowdownMode,
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

/**
 * The scenario's trigger policy, checked against the pages the store has. An invalid policy leaves
 * its problems and a stand-in ("reactive-only"), so the rest of the scenario is still checked.
 */
function resolveStorePolicy(policyOptions: unknown, policyPath: string, stepNames: readonly string[], problems: string[]): ResolvedPolicy {
  const policyProblems = validatePolicy(policyOptions, policyPath);
  problems.push(...policyProblems);
  if (policyProblems.length > 0) return resolvePolicy({ name: "reactive-only" });
  const policy = resolvePolicy(policyOptions as PolicyOptions);
  problems.push(...unknownPolicySteps(policy, [...BROWSING_PAGES, ...stepNames], policyPath));
  return policy;
}

function resolveFunnel(funnel: StoreScenario["funnel"]): StoreModelConfig["funnel"] {
  return {
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
  };
}

function resolveChat(chat: StoreScenario["chat"], policy: ResolvedPolicy): StoreModelConfig["chat"] {
  return {
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
  };
}
