// Turns a policy as written into a ResolvedPolicy: validated, defaults filled in, conditions
// parsed, deeply frozen. Resolve once per scenario; evaluate many times.

import { deepFreeze } from "./deepFreeze.ts";
import * as defaults from "./defaults.ts";
import { formatCondition } from "./formatCondition.ts";
import { PolicyError } from "./PolicyError.ts";
import { parseCondition } from "./parseCondition.ts";
import type { Condition, PolicyOptions, ResolvedPolicy } from "./types.ts";
import { validatePolicy } from "./validatePolicy.ts";

/**
 * Validates `options` with validatePolicy and fills in the defaults from `defaults.ts`.
 * Throws PolicyError listing all problems, one per line.
 *
 * resolvePolicy({name: "p"}).caps // → {perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60}
 */
export function resolvePolicy(options: PolicyOptions): ResolvedPolicy {
  const problems = validatePolicy(options);
  if (problems.length > 0) throw new PolicyError(problems);
  const { reactive = {}, caps = {}, gating = {}, priority = {} } = options;
  const resolved: ResolvedPolicy = {
    name: options.name,
    description: options.description ?? "",
    reactive: {
      enabled: reactive.enabled ?? defaults.DEFAULT_REACTIVE_ENABLED,
      steps: reactive.steps ? [...reactive.steps] : null,
    },
    rules: (options.rules ?? []).map((rule) => {
      const when = typeof rule.when === "string" ? parseCondition(rule.when) : copyCondition(rule.when);
      return { name: rule.name, when, text: formatCondition(when), priority: rule.priority ?? defaults.DEFAULT_RULE_PRIORITY };
    }),
    caps: {
      perPage: caps.perPage ?? defaults.DEFAULT_CAP_PER_PAGE,
      perVisit: caps.perVisit ?? defaults.DEFAULT_CAP_PER_VISIT,
      afterDecline: caps.afterDecline ?? defaults.DEFAULT_INVITE_AFTER_DECLINE,
      minGapSeconds: caps.minGapSeconds ?? defaults.DEFAULT_MIN_GAP_SECONDS,
    },
    gating: {
      requireFreeSlot: gating.requireFreeSlot ?? defaults.DEFAULT_REQUIRE_FREE_SLOT,
      maxQueueLength: gating.maxQueueLength ?? defaults.DEFAULT_MAX_QUEUE_LENGTH,
      maxPredictedWaitSeconds: gating.maxPredictedWaitSeconds ?? defaults.DEFAULT_MAX_PREDICTED_WAIT_SECONDS,
    },
    priority: {
      highValueCartAbove: priority.highValueCartAbove ?? defaults.DEFAULT_HIGH_VALUE_CART_ABOVE,
      highValueBoost: priority.highValueBoost ?? defaults.DEFAULT_HIGH_VALUE_BOOST,
      reactiveBoost: priority.reactiveBoost ?? defaults.DEFAULT_REACTIVE_BOOST,
    },
    holdout: {
      share: (typeof options.holdout === "number" ? options.holdout : options.holdout?.share) ?? defaults.DEFAULT_HOLDOUT_SHARE,
      salt: (typeof options.holdout === "number" ? undefined : options.holdout?.salt) ?? defaults.DEFAULT_HOLDOUT_SALT,
    },
  };
  return deepFreeze(resolved);
}

// A copy keeps later edits to the caller's options from reaching the frozen policy (and freezing
// the caller's objects).
function copyCondition(condition: Condition): Condition {
  if ("all" in condition) return { all: condition.all.map(copyCondition) };
  if ("any" in condition) return { any: condition.any.map(copyCondition) };
  if ("not" in condition) return { not: copyCondition(condition.not) };
  const { signal, op, value } = condition;
  return { signal, op, value: Array.isArray(value) ? [...value] : value };
}
