import { DATA_TEST, fieldErrorTest, fieldOptionTest, fieldTest, progressStepTest } from "../dataTestAttributes.ts";
import type { CheckoutStep } from "../shop/StoreService.ts";
import type { StoreField } from "../shop/validateField.ts";
import { html, type SafeHtml } from "./html.ts";
import { humanize } from "./humanize.ts";
import { orderSummary, type SummaryInput } from "./orderSummary.ts";

export interface CheckoutPageInput {
  steps: readonly CheckoutStep[];
  step: CheckoutStep;
  checkoutId: string;
  /** Values to show in the fields (previous entry or the rejected submission). */
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Completed steps' stored values, shown on the last step for review. */
  completed: ReadonlyMap<string, Record<string, string>>;
  summary: SummaryInput;
  /** The form's CSRF token field. */
  csrf: SafeHtml;
}

const INPUT_TYPES: Record<StoreField["type"], { type: string; autocomplete: string; inputmode?: string; placeholder?: string }> = {
  text: { type: "text", autocomplete: "on" },
  email: { type: "email", autocomplete: "email", inputmode: "email", placeholder: "name@example.com" },
  phone: { type: "tel", autocomplete: "tel", inputmode: "tel" },
  postalCode: { type: "text", autocomplete: "postal-code" },
  cardNumber: { type: "text", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 5678 9012 3456" },
  expiry: { type: "text", autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM/YY" },
  cvc: { type: "text", autocomplete: "cc-csc", inputmode: "numeric", placeholder: "123" },
  choice: { type: "radio", autocomplete: "off" },
};

/**
 * One checkout step: the progress bar, the step's form (validated on the server only: `novalidate`
 * keeps the browser from blocking a submission, so every error is counted like the simulator's
 * form errors), and the order summary. The last step's button places the order.
 */
export function checkoutPage(input: CheckoutPageInput): SafeHtml {
  const { steps, step, errors } = input;
  const index = steps.indexOf(step);
  const last = index === steps.length - 1;
  const errorCount = Object.keys(errors).length;
  return html`<ol class="progress" data-test="${DATA_TEST.checkoutProgress}">
  <li class="done"><a href="/cart">Cart</a></li>
  ${steps.map((candidate, i) => html`<li class="${i < index ? "done" : i === index ? "current" : ""}" data-test="${progressStepTest(candidate.name)}">${humanize(candidate.name)}</li>`)}
</ol>
<div class="two-column">
  <section class="panel">
    <h1>${humanize(step.name)}</h1>
    ${errorCount > 0 && html`<div class="alert" role="alert" data-test="${DATA_TEST.formErrors}">Please correct ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.</div>`}
    ${last && reviewDetails(steps.slice(0, index), input.completed)}
    <form class="checkout-form" method="post" action="/checkout/${step.name}" novalidate data-test="${DATA_TEST.checkoutForm}" data-step="${step.name}">
      ${input.csrf}
      <input type="hidden" name="checkoutId" value="${input.checkoutId}" data-test="${DATA_TEST.checkoutId}">
      ${step.fields.map((field) => fieldMarkup(field, input.values[field.name] ?? "", errors[field.name] ?? null))}
      <div class="form-actions">
        <a class="link-button" href="${index === 0 ? "/cart" : `/checkout/${steps[index - 1].name}`}" data-test="${DATA_TEST.checkoutBack}">← Back</a>
        <button class="button primary" type="submit" data-test="${DATA_TEST.checkoutContinue}">${last ? "Place order" : "Continue"}</button>
      </div>
    </form>
  </section>
  ${orderSummary(input.summary)}
</div>`;
}

function fieldMarkup(field: StoreField, value: string, error: string | null): SafeHtml {
  const label = field.label ?? humanize(field.name);
  const id = `f-${field.name}`;
  const optional = !field.required && html` <span class="muted">(optional)</span>`;
  const errorMarkup = error !== null && html`<p class="field-error" id="${id}-error" data-test="${fieldErrorTest(field.name)}">${error}</p>`;
  if (field.type === "choice") {
    return html`<fieldset class="field${error !== null ? " invalid" : ""}" data-test="${fieldTest(field.name)}">
      <legend>${label}${optional}</legend>
      <div class="choices">
      ${(field.options ?? []).map(
        (option, i) =>
          html`<label class="choice"><input type="radio" name="${field.name}" value="${option}"${value === option || (value === "" && i === 0) ? html` checked` : ""} data-test="${fieldOptionTest(field.name, option)}"> ${humanize(option)}</label>`,
      )}
      </div>
      ${errorMarkup}
    </fieldset>`;
  }
  const kind = INPUT_TYPES[field.type];
  return html`<div class="field${error !== null ? " invalid" : ""}">
      <label for="${id}">${label}${optional}</label>
      <input id="${id}" name="${field.name}" type="${kind.type}" value="${value}" autocomplete="${kind.autocomplete}"${kind.inputmode && html` inputmode="${kind.inputmode}"`}${kind.placeholder && html` placeholder="${kind.placeholder}"`}${error !== null ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""} data-test="${fieldTest(field.name)}">
      ${errorMarkup}
    </div>`;
}

function reviewDetails(steps: readonly CheckoutStep[], completed: ReadonlyMap<string, Record<string, string>>): SafeHtml {
  return html`<div class="review" data-test="${DATA_TEST.reviewDetails}">
  ${steps.map((step) => {
    const values = completed.get(step.name) ?? {};
    const shown = step.fields.filter((field) => values[field.name] !== undefined && values[field.name] !== "");
    if (shown.length === 0) return "";
    return html`<section class="review-step">
      <h2>${humanize(step.name)} <a class="edit" href="/checkout/${step.name}">Edit</a></h2>
      <dl>${shown.map((field) => html`<div><dt>${field.label ?? humanize(field.name)}</dt><dd>${field.type === "choice" ? humanize(values[field.name]) : values[field.name]}</dd></div>`)}</dl>
    </section>`;
  })}
</div>`;
}
