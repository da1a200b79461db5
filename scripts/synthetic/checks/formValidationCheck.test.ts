import { describe, expect, it } from "vitest";
import { observationsOf } from "../testing/observations.ts";
import { formValidationCheck } from "./formValidationCheck.ts";

const attempt = (errorShown: boolean, advanced: boolean) => ({
  step: "shipping",
  fields: [{ field: "postalCode", value: "?" }],
  errorShown,
  errorText: errorShown ? "Enter a valid postal code" : null,
  advanced,
  seconds: 0.4,
  submittedAt: 1000,
});

describe("formValidationCheck", () => {
  it("formValidationCheck passes when the wrong value shows an error and the form stays", () => {
    const observations = observationsOf([]);
    observations.forms = [attempt(true, false)];
    expect(formValidationCheck(observations)).toMatchObject({
      status: "passed",
      evidence: ['shipping: postalCode="?" → stayed, error shown ("Enter a valid postal code") in 0.40 s'],
    });
  });

  it.each([
    [false, false, 'shipping: entering postalCode "?" showed no error'],
    [false, true, 'shipping: entering postalCode "?" advanced to the next step without an error'],
    [true, true, 'shipping: entering postalCode "?" advanced to the next step'],
  ])("formValidationCheck(errorShown %s, advanced %s) fails: %s", (shown, advanced, reason) => {
    const observations = observationsOf([]);
    observations.forms = [attempt(shown, advanced)];
    expect(formValidationCheck(observations)).toMatchObject({ status: "failed", reason });
  });

  it("formValidationCheck is skipped for a persona that made no error", () => {
    expect(formValidationCheck(observationsOf([]))).toMatchObject({ status: "skipped", reason: "the persona made no form errors" });
  });
});
