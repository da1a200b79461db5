import {
  DEFAULT_LOCALE,
  formatBounds,
  formatCompact,
  formatCount,
  formatInterval,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatPValue,
  formatSeconds,
  formatSignedPercent,
  formatValue,
  type ValueUnit,
} from "./format.ts";

/** The formatter of one scenario: its locale and currency bound, so callers pass only values. */
export interface Formatter {
  /** BCP 47 tag (`"en-US"`, `"de-DE"`). */
  readonly locale: string;
  /** ISO 4217 code for money. */
  readonly currency: string;
  count(value: number | null): string;
  number(value: number | null, digits?: number): string;
  percent(value: number | null, digits?: number): string;
  signedPercent(value: number | null, digits?: number): string;
  pp(value: number | null, digits?: number, signed?: boolean): string;
  money(value: number | null, signed?: boolean, digits?: number): string;
  seconds(value: number | null, signed?: boolean): string;
  compact(value: number): string;
  pValue(value: number | null, relation?: boolean): string;
  value(value: number | null, unit: ValueUnit, options?: { difference?: boolean; moneyDigits?: number; percentDigits?: number }): string;
  interval(mean: number | null, lower: number | null, upper: number | null, unit: ValueUnit, difference?: boolean): string;
  bounds(lower: number | null, upper: number | null, unit: ValueUnit, difference?: boolean): string;
}

/**
 * The scenario's formatter (`report.locale`, `currency`): the CLI summary and the report of one run
 * write every number the same way. `createFormatter({ locale: "de-DE", currency: "EUR" }).money(1234.5)`
 * → `"1.235 €"` (with a no-break space).
 */
export function createFormatter(options: { locale?: string; currency: string }): Formatter {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const { currency } = options;
  return Object.freeze({
    locale,
    currency,
    count: (value: number | null) => formatCount(value, locale),
    number: (value: number | null, digits = 2) => formatNumber(value, digits, locale),
    percent: (value: number | null, digits?: number) => formatPercent(value, digits, locale),
    signedPercent: (value: number | null, digits = 1) => formatSignedPercent(value, digits, locale),
    pp: (value: number | null, digits = 2, signed = true) => formatPp(value, digits, signed, locale),
    money: (value: number | null, signed = false, digits?: number) => formatMoney(value, currency, signed, digits, locale),
    seconds: (value: number | null, signed = false) => formatSeconds(value, signed, locale),
    compact: (value: number) => formatCompact(value, locale),
    pValue: (value: number | null, relation = false) => formatPValue(value, relation, locale),
    value: (value: number | null, unit: ValueUnit, valueOptions: { difference?: boolean; moneyDigits?: number; percentDigits?: number } = {}) =>
      formatValue(value, unit, currency, { ...valueOptions, locale }),
    interval: (mean: number | null, lower: number | null, upper: number | null, unit: ValueUnit, difference = false) =>
      formatInterval(mean, lower, upper, unit, currency, difference, locale),
    bounds: (lower: number | null, upper: number | null, unit: ValueUnit, difference = false) =>
      formatBounds(lower, upper, unit, currency, difference, undefined, locale),
  });
}
