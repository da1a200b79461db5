import type { StoreScenario } from "./storeSchema.ts";
import { uniqueNames } from "./uniqueNames.ts";

/** Pages that exist before checkout; checkout step names must differ from them. */
export const BROWSING_PAGES = ["browse", "product", "cart"] as const;

/**
 * The cross-field rules of a store scenario that its schema cannot state: unique names, reserved
 * step names, choice fields with options, at most one step revealing the total, a shrinkage that
 * leaves someone online. Problems go to `problems`, in the scenario's order, so a file with several
 * mistakes gets them all at once.
 */
export function checkStoreScenario(scenario: StoreScenario, problems: string[]): void {
  const { funnel, pricing, agents } = scenario;
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
  checkStepFields(scenario, problems);
  const reveals = funnel.steps.filter((step) => step.revealsTotal).length;
  if (reveals > 1) problems.push(`invalid funnel.steps: ${reveals} steps reveal the total (at most 1 may set revealsTotal)`);
  if (pricing.showTotalUpfront && reveals > 0) {
    problems.push(`invalid pricing.showTotalUpfront: true (contradicts funnel.steps with revealsTotal: the total is already shown from the cart)`);
  }
  if (agents.shrinkage >= 1) problems.push(`invalid agents.shrinkage: ${agents.shrinkage} (must be in [0, 1): nobody would be online)`);
}

/** Each step's fields: unique names, options on choice fields (at least 2) and on no other kind. */
function checkStepFields(scenario: StoreScenario, problems: string[]): void {
  scenario.funnel.steps.forEach((step, stepIndex) => {
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
}
