// Server-side validation of one checkout form field, by the field type the scenario declares.
// Messages are shown to shoppers next to the field, so they are plain sentences rather than the
// house `invalid x: ...` lines used for developer-facing errors.

import type { StoreScenario } from "../../../experiments/index.ts";
import { luhnValid } from "./luhn.ts";

/** A checkout form field as the scenario defines it. */
export type StoreField = StoreScenario["funnel"]["steps"][number]["fields"][number];

/** Longest value any field accepts; longer input is an error, not silently cut. */
export const MAX_FIELD_LENGTH = 200;

/** The outcome of validating one field: the normalised value, or a message for the shopper. */
export interface FieldResult {
  /** Trimmed value; card numbers without spaces or dashes. */
  value: string;
  error: string | null;
}

/**
 * Validates `raw` (a form or JSON value) for `field`. Empty optional fields pass. `now` decides
 * whether a card expiry date has passed.
 *
 * validateField({name: "email", type: "email", required: true, errorProbability: 0}, "a@b", new Date())
 * // → {value: "a@b", error: "Enter a valid email address, like name@example.com"}
 */
export function validateField(field: StoreField, raw: unknown, now: Date): FieldResult {
  const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  const label = field.label ?? field.name;
  if (value === "") return { value, error: field.required ? `${label} is required` : null };
  if (value.length > MAX_FIELD_LENGTH) return { value, error: `${label} must be at most ${MAX_FIELD_LENGTH} characters` };
  switch (field.type) {
    case "email":
      return check(value, /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(value), "Enter a valid email address, like name@example.com");
    case "phone": {
      const digits = value.replace(/\D/g, "").length;
      return check(value, /^\+?[\d\s().-]+$/.test(value) && digits >= 7 && digits <= 15, "Enter a phone number of 7 to 15 digits");
    }
    case "postalCode":
      return check(value, /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/.test(value), "Enter a valid postal code");
    case "cardNumber": {
      const digits = value.replace(/[\s-]/g, "");
      if (!/^\d{12,19}$/.test(digits)) return { value: digits, error: "Enter the 12 to 19 digits of your card number" };
      return check(digits, luhnValid(digits), "This card number is not valid: please check the digits");
    }
    case "expiry":
      return { value, error: expiryError(value, now) };
    case "cvc":
      return check(value, /^\d{3,4}$/.test(value), "Enter the 3 or 4 digit security code");
    case "choice":
      return check(value, (field.options ?? []).includes(value), `Choose one of: ${(field.options ?? []).join(", ")}`);
    default:
      return { value, error: null };
  }
}

function check(value: string, ok: boolean, message: string): FieldResult {
  return { value, error: ok ? null : message };
}

function expiryError(value: string, now: Date): string | null {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value);
  if (!match) return "Enter the expiry date as MM/YY";
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return "Enter the expiry date as MM/YY";
  // A card is valid through the last day of its expiry month (UTC, to not depend on the server's zone).
  const endOfMonth = Date.UTC(year, month, 1);
  return endOfMonth <= now.getTime() ? "This card has expired" : null;
}
