import type { PersonaObservations } from "../persona/observations.ts";
import type { CheckVerdict } from "../results/checkResults.ts";

/**
 * The form-validation check of one persona: each deliberately wrong submission showed an error
 * and did not advance. Skipped for personas that made no error (or stopped before making one).
 */
export function formValidationCheck(observations: PersonaObservations): CheckVerdict {
  const { forms } = observations;
  if (forms.length === 0) {
    const planned = observations.spec.formErrors.length;
    return {
      status: "skipped",
      reason: planned === 0 ? "the persona made no form errors" : "the persona stopped before its form errors",
      evidence: [],
      seconds: 0,
      attempts: 1,
      shot: null,
    };
  }
  const seconds = forms.reduce((sum, form) => sum + form.seconds, 0);
  const evidence = forms.map((form) => {
    const fields = form.fields.map((field) => `${field.field}=${JSON.stringify(field.value)}`).join(", ");
    return `${form.step}: ${fields} → ${form.advanced ? "advanced" : "stayed"}, ${form.errorShown ? `error shown (${JSON.stringify(form.errorText)}) in ${form.seconds.toFixed(2)} s` : "no error shown"}`;
  });
  const failedIndex = forms.findIndex((form) => !form.errorShown || form.advanced);
  if (failedIndex >= 0) {
    const form = forms[failedIndex];
    const fields = form.fields.map((field) => `${field.field} ${JSON.stringify(field.value)}`).join(", ");
    const what = form.advanced ? `advanced to the next step${form.errorShown ? "" : " without an error"}` : "showed no error";
    return {
      status: "failed",
      reason: `${form.step}: entering ${fields} ${what}`,
      evidence,
      seconds,
      attempts: 1,
      shot: observations.shotIndex[`form:${failedIndex}`] ?? null,
    };
  }
  return {
    status: "passed",
    reason: `${forms.length} wrong submission${forms.length === 1 ? "" : "s"} rejected with an error`,
    evidence,
    seconds,
    attempts: 1,
    shot: null,
  };
}
