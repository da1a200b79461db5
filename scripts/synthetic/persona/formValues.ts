// Values a persona types into forms: plausible generated data (seeded, so a replayed persona types
// the same), and for each field type one wrong value that any sensible store rejects.

import type { UniformSource } from "../../../sim/random/index.ts";
import type { Generator, ProfileField, ProfileFieldType } from "../profiles/profileSchema.ts";

const FIRST_NAMES = ["Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Frances", "Tim", "Radia"];
const LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Johnson", "Dijkstra", "Liskov", "Knuth", "Allen", "Berners-Lee", "Perlman"];
const STREETS = ["Market Street", "Mission Street", "Elm Avenue", "Harbour Road", "Station Lane", "Oak Drive"];
const CITIES = ["San Francisco", "Portland", "Austin", "Denver", "Boston", "Madison"];

/**
 * The wrong value a persona enters to provoke a validation error, per field type: each breaks the
 * field's rule in the most common way shoppers do (a missing @, a short phone, a mistyped card digit
 * that fails the Luhn check, a month 13, a short security code, a blank required field).
 * Choice, checkbox and select fields have none: a persona cannot pick an option that is not there.
 */
export const WRONG_VALUES: Readonly<Partial<Record<ProfileFieldType, string>>> = Object.freeze({
  text: "",
  password: "",
  email: "ada.lovelace.example.com",
  phone: "12",
  postalCode: "?",
  cardNumber: "4242 4242 4242 4241",
  expiry: "13/29",
  cvc: "1",
});

/** The wrong value for a field (its own `invalid`, else by type), or null when it has none. */
export function wrongValueFor(field: ProfileField): string | null {
  return field.invalid ?? WRONG_VALUES[field.type] ?? null;
}

/** A plausible value for `generator`, drawn from `stream`; `nowYear` keeps expiry dates in the future. */
export function generateValue(generator: Generator, stream: UniformSource, nowYear: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(stream.next() * list.length)];
  const digits = (count: number): string => Array.from({ length: count }, () => Math.floor(stream.next() * 10)).join("");
  switch (generator) {
    case "firstName":
      return pick(FIRST_NAMES);
    case "lastName":
      return pick(LAST_NAMES);
    case "fullName":
    case "cardholder":
      return `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    case "email":
      return `${pick(FIRST_NAMES).toLowerCase()}.${digits(4)}@example.com`;
    case "address":
      return `${1 + Math.floor(stream.next() * 998)} ${pick(STREETS)}`;
    case "city":
      return pick(CITIES);
    case "postalCode":
      return `9${digits(4)}`;
    case "phone":
      return `+1 555 ${digits(3)} ${digits(4)}`;
    case "cardNumber":
      // A test number that passes the Luhn check; no store should charge it.
      return "4242 4242 4242 4242";
    case "expiry": {
      const month = 1 + Math.floor(stream.next() * 12);
      const year = (nowYear + 2 + Math.floor(stream.next() * 5)) % 100;
      return `${String(month).padStart(2, "0")}/${String(year).padStart(2, "0")}`;
    }
    case "cvc":
      return digits(3);
    case "password":
      return `Pw-${digits(8)}`;
  }
}
