import type { Condition, ResolvedPolicy } from "../../sim/policy/index.ts";

/**
 * Steps named in a policy that the scenario's pages do not have: such a rule could never fire
 * (typically a typo such as `paymnet`), so the loader rejects it.
 */
export function unknownPolicySteps(policy: ResolvedPolicy, pages: readonly string[], path: string): string[] {
  const problems: string[] = [];
  const allowed = new Set(pages);
  const report = (where: string, value: unknown): void => {
    if (typeof value === "string" && !allowed.has(value)) {
      problems.push(`invalid ${where}: unknown step ${JSON.stringify(value)} (steps: ${pages.join(", ")})`);
    }
  };
  policy.rules.forEach((rule, index) => {
    visit(rule.when, (value) => report(`${path}.rules[${index}].when`, value));
  });
  (policy.reactive.steps ?? []).forEach((step, index) => {
    report(`${path}.reactive.steps[${index}]`, step);
  });
  return [...new Set(problems)];
}

function visit(condition: Condition, onStep: (value: unknown) => void): void {
  if ("all" in condition)
    condition.all.forEach((child) => {
      visit(child, onStep);
    });
  else if ("any" in condition)
    condition.any.forEach((child) => {
      visit(child, onStep);
    });
  else if ("not" in condition) visit(condition.not, onStep);
  else if (condition.signal === "step") {
    const values = Array.isArray(condition.value) ? condition.value : [condition.value];
    values.forEach(onStep);
  }
}
