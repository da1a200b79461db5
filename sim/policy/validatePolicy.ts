// Validates a policy as written in a scenario file. The simulator's scenario loader and the live
// widget both call this, so a policy is accepted or rejected the same way in both places.

import { validateCondition } from "./validateCondition.ts";
import {
  boolean,
  checkField,
  checkKeys,
  finiteNumber,
  integerAtLeastZero,
  invalid,
  isRecord,
  nonEmptyText,
  numberAtLeastZero,
  text,
} from "./validationChecks.ts";

type Check = (value: unknown) => string | null;

const SECTIONS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  reactive: { enabled: boolean, steps: stepList },
  caps: { perPage: integerAtLeastZero, perVisit: integerAtLeastZero, afterDecline: boolean, minGapSeconds: numberAtLeastZero },
  gating: { requireFreeSlot: boolean, maxQueueLength: integerAtLeastZero, maxPredictedWaitSeconds: numberAtLeastZero },
  priority: { highValueCartAbove: numberAtLeastZero, highValueBoost: finiteNumber, reactiveBoost: finiteNumber },
};
const TOP_LEVEL_KEYS = ["name", "description", "reactive", "rules", "caps", "gating", "priority", "holdout"];
const HOLDOUT_FIELDS: Readonly<Record<string, Check>> = { share: holdoutShare, salt: nonEmptyText };
const RULE_KEYS = ["name", "when", "priority"];

/**
 * Every problem with `options` as a house-format message, one per problem; empty when valid.
 * Unknown keys are errors. `path` prefixes every message (default "policy").
 *
 * validatePolicy({name: "p", caps: {perVisit: -1}})
 * // → ["invalid policy.caps.perVisit: -1 (must be an integer >= 0)"]
 */
export function validatePolicy(options: unknown, path = "policy"): string[] {
  if (!isRecord(options)) return [invalid(path, options, "must be an object")];
  const problems: string[] = [];
  checkKeys(options, TOP_LEVEL_KEYS, path, problems);
  if (options.name === undefined) problems.push(invalid(`${path}.name`, undefined, "is required"));
  checkField(options, "name", path, problems, nonEmptyText);
  checkField(options, "description", path, problems, text);
  for (const [section, fields] of Object.entries(SECTIONS)) {
    const value = options[section];
    if (value === undefined) continue;
    if (!isRecord(value)) {
      problems.push(invalid(`${path}.${section}`, value, "must be an object"));
      continue;
    }
    checkKeys(value, Object.keys(fields), `${path}.${section}`, problems);
    for (const [key, check] of Object.entries(fields)) checkField(value, key, `${path}.${section}`, problems, check);
  }
  if (options.rules !== undefined) validateRules(options.rules, `${path}.rules`, problems);
  if (typeof options.holdout === "number") checkField(options, "holdout", path, problems, holdoutShare);
  else if (options.holdout !== undefined) {
    if (!isRecord(options.holdout))
      problems.push(invalid(`${path}.holdout`, options.holdout, "must be a share from 0 to 0.9 or an object with share and salt"));
    else {
      checkKeys(options.holdout, Object.keys(HOLDOUT_FIELDS), `${path}.holdout`, problems);
      for (const [key, check] of Object.entries(HOLDOUT_FIELDS)) checkField(options.holdout, key, `${path}.holdout`, problems, check);
    }
  }
  return problems;
}

function validateRules(rules: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(rules)) {
    problems.push(invalid(path, rules, "must be a list of rules"));
    return;
  }
  const seen = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    const rulePath = `${path}[${index}]`;
    if (!isRecord(rule)) {
      problems.push(invalid(rulePath, rule, "must be an object with name and when"));
      return;
    }
    checkKeys(rule, RULE_KEYS, rulePath, problems);
    if (rule.name === undefined) problems.push(invalid(`${rulePath}.name`, undefined, "is required"));
    checkField(rule, "name", rulePath, problems, nonEmptyText);
    if (typeof rule.name === "string") {
      if (seen.has(rule.name)) problems.push(invalid(`${rulePath}.name`, rule.name, "duplicate rule name"));
      seen.add(rule.name);
    }
    if (rule.when === undefined) problems.push(invalid(`${rulePath}.when`, undefined, "is required"));
    else problems.push(...validateCondition(rule.when, `${rulePath}.when`));
    checkField(rule, "priority", rulePath, problems, finiteNumber);
  });
}

function stepList(value: unknown): string | null {
  return Array.isArray(value) && value.every((step) => typeof step === "string" && step.trim() !== "") ? null : "must be a list of non-empty step names";
}

/** At most 0.9: a holdout is the comparison group, and a store with no chat left has nothing to compare. */
function holdoutShare(value: unknown): string | null {
  return typeof value === "number" && value >= 0 && value <= 0.9 ? null : "must be a share from 0 to 0.9";
}
