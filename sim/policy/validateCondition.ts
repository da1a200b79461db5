// Validates a condition as written in a scenario: compact text or an AST object.

import { ConditionParseError } from "./ConditionParseError.ts";
import { MAX_CONDITION_DEPTH, parseCondition } from "./parseCondition.ts";
import { comparisonProblem } from "./signalKinds.ts";
import { checkKeys, invalid, isRecord } from "./validationChecks.ts";

const SHAPE = "must be a condition text or an object with all, any, not or signal/op/value";

/**
 * House-format problems with a condition; empty when it is valid. Text is parsed, and its problem
 * quotes the whole text: `invalid policy.rules[0].when: "idleSecs >= 30" (unknown signal idleSecs; allowed: ...)`.
 * Objects are checked field by field: `invalid policy.rules[0].when.all[1].op: "=~" (unknown operator ...)`.
 */
export function validateCondition(condition: unknown, path: string): string[] {
  const problems: string[] = [];
  check(condition, path, problems, 0);
  return problems;
}

/** `depth`: the all/any/not objects around this one (limited like the text form's nesting). */
function check(condition: unknown, path: string, problems: string[], depth: number): void {
  if (depth > MAX_CONDITION_DEPTH) {
    problems.push(invalid(path, condition, `nested deeper than ${MAX_CONDITION_DEPTH} levels of all, any and not`));
    return;
  }
  if (typeof condition === "string") {
    try {
      parseCondition(condition);
    } catch (error) {
      // Anything else is a bug in the parser (its nesting limit keeps hostile text from its stack).
      if (!(error instanceof ConditionParseError)) throw error;
      problems.push(invalid(path, condition, error.message));
    }
    return;
  }
  if (!isRecord(condition)) {
    problems.push(invalid(path, condition, SHAPE));
    return;
  }
  for (const group of ["all", "any"] as const) {
    if (!(group in condition)) continue;
    checkKeys(condition, [group], path, problems);
    const items = condition[group];
    if (!Array.isArray(items) || items.length === 0) {
      problems.push(invalid(`${path}.${group}`, items, "must be a non-empty list of conditions"));
      return;
    }
    items.forEach((item, index) => {
      check(item, `${path}.${group}[${index}]`, problems, depth + 1);
    });
    return;
  }
  if ("not" in condition) {
    checkKeys(condition, ["not"], path, problems);
    check(condition.not, `${path}.not`, problems, depth + 1);
    return;
  }
  if (!("signal" in condition)) {
    problems.push(invalid(path, condition, SHAPE));
    return;
  }
  checkKeys(condition, ["signal", "op", "value"], path, problems);
  const problem = comparisonProblem(condition.signal, condition.op, condition.value);
  if (problem) problems.push(invalid(`${path}.${problem.field}`, condition[problem.field], problem.reason));
}
