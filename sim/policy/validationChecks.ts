// Small checks shared by validatePolicy and validateCondition. Each pushes house-format messages:
// `invalid <path>: <value> (<reason>)`.

import { describeValue } from "./describeValue.ts";

export function invalid(path: string, value: unknown, reason: string): string {
  return `invalid ${path}: ${describeValue(value)} (${reason})`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reports every key of `record` that is not in `allowed`. */
export function checkKeys(record: Record<string, unknown>, allowed: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) problems.push(invalid(`${path}.${key}`, record[key], `unknown key; allowed: ${allowed.join(", ")}`));
  }
}

/** Checks an optional field; `check` returns the reason when the value is wrong. */
export function checkField(record: Record<string, unknown>, key: string, path: string, problems: string[], check: (value: unknown) => string | null): void {
  if (record[key] === undefined) return;
  const reason = check(record[key]);
  if (reason) problems.push(invalid(`${path}.${key}`, record[key], reason));
}

export const integerAtLeastZero = (value: unknown): string | null => (Number.isInteger(value) && (value as number) >= 0 ? null : "must be an integer >= 0");

export const numberAtLeastZero = (value: unknown): string | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? null : "must be a finite number >= 0";

export const finiteNumber = (value: unknown): string | null => (typeof value === "number" && Number.isFinite(value) ? null : "must be a finite number");

export const boolean = (value: unknown): string | null => (typeof value === "boolean" ? null : "must be true or false");

export const text = (value: unknown): string | null => (typeof value === "string" ? null : "must be a string");

export const nonEmptyText = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? null : "must be a non-empty string");
