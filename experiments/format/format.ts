/**
 * The one number formatter of the toolkit: CLI summaries, CSV headers, verdict lines and the HTML
 * report all format money, percentages, counts, durations and p-values here, so one figure reads
 * the same everywhere. Units always shown, null ("no denominator") as an en dash.
 */

/** Money from this amount up is shown in whole units (in one figure and in an interval alike). */
const WHOLE_MONEY_FROM = 100;

/** What a missing value (a ratio with a zero denominator) shows. */
export const MISSING = "–";

/** Locale when a scenario names none (`report.locale`): numbers as a US reader writes them. */
export const DEFAULT_LOCALE = "en-US";

/** Units a report value can carry; `rate` is a share in [0, 1], `money` is in the scenario currency, `ratio` a plain number. */
export type ValueUnit = "rate" | "money" | "seconds" | "count" | "ratio";

/** A count with thousands separators, never with decimals: `formatCount(118995)` → `"118,995"`. */
export function formatCount(value: number | null, locale = DEFAULT_LOCALE): string {
  return formatNumber(value, 0, locale);
}

/** A plain number with at most `digits` decimals: `formatNumber(1.9043, 2)` → `"1.9"`. */
export function formatNumber(value: number | null, digits = 2, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const text = fixed(Math.abs(value), 0, digits, locale);
  return value < 0 && text !== fixed(0, 0, 0, locale) ? `−${text}` : text;
}

/**
 * A share as a percentage, two decimals below 10% and one above unless told:
 * `formatPercent(0.02137)` → `"2.14%"`, `formatPercent(0.7056)` → `"70.6%"`.
 */
export function formatPercent(value: number | null, digits?: number, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const decimals = digits ?? (Math.abs(value) < 0.1 && value !== 0 ? 2 : 1);
  return `${value < 0 ? "−" : ""}${percentFormat(locale, decimals).format(Math.abs(value))}`;
}

/**
 * One percent precision for a whole column (a table column, a chart's labels), so figures line up:
 * enough decimals that the smallest non-zero share keeps two significant digits, at most three.
 * `percentDigits([0.0213, 0.7056])` → `1` ("2.1%", "70.6%"); `percentDigits([0.004, 0.2])` → `2`.
 */
export function percentDigits(values: readonly (number | null)[]): number {
  const magnitudes = values.filter((value): value is number => value !== null && Number.isFinite(value) && value !== 0).map((value) => Math.abs(value) * 100);
  if (magnitudes.length === 0) return 1;
  return Math.min(3, Math.max(0, Math.ceil(-Math.log10(Math.min(...magnitudes))) + 1));
}

/** A relative change, signed: `formatSignedPercent(-0.087)` → `"−8.7%"`. */
export function formatSignedPercent(value: number | null, digits = 1, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return `${sign(value * 100, digits)}${percentFormat(locale, digits).format(Math.abs(value))}`;
}

/**
 * A short axis tick: `formatCompact(1500)` → `"1.5K"`, `formatCompact(-500)` → `"−500"`,
 * `formatCompact(0)` → `"0"` (Intl compact notation; d3's "s" would print "0k" on a shared prefix).
 */
export function formatCompact(value: number, locale = DEFAULT_LOCALE): string {
  const text = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(Math.abs(value));
  return `${value < 0 && text !== "0" ? "−" : ""}${text}`;
}

/** A difference of two shares in percentage points, signed: `formatPp(0.0041)` → `"+0.41 pp"`. */
export function formatPp(value: number | null, digits = 2, signed = true, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return `${signed ? sign(value * 100, digits) : value < 0 ? "−" : ""}${fixed(Math.abs(value * 100), digits, digits, locale)} pp`;
}

/**
 * Money in the scenario currency, whole units from 100 up (cents only where they are a visible
 * share of the amount): `formatMoney(12.262, "USD")` → `"$12.26"`, `formatMoney(670, "USD")` →
 * `"$670"`, `formatMoney(326171.2, "EUR")` → `"€326,171"`.
 */
export function formatMoney(value: number | null, currency: string, signed = false, digits?: number, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const formatted = moneyFormat(currency, locale, digits ?? (Math.abs(value) >= WHOLE_MONEY_FROM ? 0 : 2)).format(Math.abs(value));
  return `${signed ? sign(value, 2) : value < 0 ? "−" : ""}${formatted}`;
}

/**
 * A duration: seconds below 90 s, minutes below 90 min, hours above:
 * `formatSeconds(42)` → `"42 s"`, `formatSeconds(210)` → `"3.5 min"`, `formatSeconds(7.25)` → `"7.3 s"`.
 */
export function formatSeconds(value: number | null, signed = false, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const prefix = signed ? sign(value, 1) : value < 0 ? "−" : "";
  const magnitude = Math.abs(value);
  if (magnitude < 10) return `${prefix}${fixed(magnitude, 0, 1, locale)} s`;
  if (magnitude < 90) return `${prefix}${fixed(magnitude, 0, 0, locale)} s`;
  if (magnitude < 5400) return `${prefix}${fixed(magnitude / 60, 0, 1, locale)} min`;
  return `${prefix}${fixed(magnitude / 3600, 0, 1, locale)} h`;
}

/** A value in its unit; differences of rates are in percentage points (`difference: true`). */
export function formatValue(
  value: number | null,
  unit: ValueUnit,
  currency: string,
  options: { difference?: boolean; moneyDigits?: number; percentDigits?: number; locale?: string } = {},
): string {
  const difference = options.difference ?? false;
  const locale = options.locale ?? DEFAULT_LOCALE;
  switch (unit) {
    case "rate":
      return difference ? formatPp(value, options.percentDigits ?? 2, true, locale) : formatPercent(value, options.percentDigits, locale);
    case "money":
      return formatMoney(value, currency, difference, options.moneyDigits, locale);
    case "seconds":
      return formatSeconds(value, difference, locale);
    case "count":
      // A count is whole, a mean count over replications too: "2.4 chats" reads as a measurement error.
      return difference && value !== null && Number.isFinite(value)
        ? `${sign(value, 0)}${formatNumber(Math.abs(value), 0, locale)}`
        : formatNumber(value, 0, locale);
    case "ratio":
      return difference && value !== null && Number.isFinite(value)
        ? `${sign(value, 2)}${formatNumber(Math.abs(value), 2, locale)}`
        : formatNumber(value, 2, locale);
  }
}

/**
 * A mean with its interval, in one precision throughout and every bound with its unit:
 * `"+0.41 pp [+0.22 pp, +0.60 pp]"`, `"+$812 [+$548, +$1,076]"`, `"2.14% [2.01%, 2.27%]"`. Without
 * bounds (an estimate from one replication) just the mean.
 */
export function formatInterval(
  mean: number | null,
  lower: number | null,
  upper: number | null,
  unit: ValueUnit,
  currency: string,
  difference = false,
  locale = DEFAULT_LOCALE,
): string {
  const moneyDigits = intervalMoneyDigits(mean, lower, upper);
  const bounds = formatBounds(lower, upper, unit, currency, difference, moneyDigits, locale);
  return `${formatValue(mean, unit, currency, { difference, moneyDigits, locale })}${bounds === "" ? "" : ` ${bounds}`}`;
}

/**
 * Just the interval, each bound with its unit (and its sign, for a difference):
 * `"[−0.10 pp, +0.92 pp]"`, `"[$1.20, $3.40]"`; empty when a bound is missing.
 */
export function formatBounds(
  lower: number | null,
  upper: number | null,
  unit: ValueUnit,
  currency: string,
  difference = false,
  moneyDigits = intervalMoneyDigits(lower, upper),
  locale = DEFAULT_LOCALE,
): string {
  if (lower === null || upper === null || !Number.isFinite(lower) || !Number.isFinite(upper)) return "";
  const bound = (value: number | null): string => formatValue(value, unit, currency, { difference, moneyDigits, locale });
  return `[${bound(lower)}, ${bound(upper)}]`;
}

function intervalMoneyDigits(...values: readonly (number | null)[]): number {
  const largest = Math.max(0, ...values.map((value) => (value === null || !Number.isFinite(value) ? 0 : Math.abs(value))));
  return largest >= WHOLE_MONEY_FROM ? 0 : 2;
}

/** Time of day from seconds since midnight of day 1: `formatClock(70200)` → `"19:30"`. */
export function formatClock(secondsSinceStart: number): string {
  const secondsOfDay = ((secondsSinceStart % 86_400) + 86_400) % 86_400;
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Day number (1-based) and clock: `formatDayClock(90000)` → `"day 2, 01:00"`. */
export function formatDayClock(secondsSinceStart: number, multiDay: boolean): string {
  const clock = formatClock(secondsSinceStart);
  return multiDay ? `day ${Math.floor(secondsSinceStart / 86_400) + 1}, ${clock}` : clock;
}

/**
 * A p-value, three decimals, never in scientific notation: `"0.003"`, `"< 0.001"`; with
 * `relation` the comparison sign is part of it, for `p ${...}`: `"= 0.003"`, `"< 0.001"`.
 */
export function formatPValue(value: number | null, relation = false, locale = DEFAULT_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (value < 0.001) return `< ${fixed(0.001, 3, 3, locale)}`;
  return `${relation ? "= " : ""}${fixed(value, 3, 3, locale)}`;
}

function sign(value: number, digits: number): string {
  const rounded = Number(Math.abs(value).toFixed(digits));
  return rounded === 0 ? "±" : value > 0 ? "+" : "−";
}

/** A non-negative number in the locale with between `minimumDigits` and `maximumDigits` decimals. */
function fixed(value: number, minimumDigits: number, maximumDigits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: minimumDigits, maximumFractionDigits: maximumDigits }).format(value);
}

function percentFormat(locale: string, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function moneyFormat(currency: string, locale: string, digits: number): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  } catch {
    // Not an ISO 4217 code: the plain number followed by the code as written.
    const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return { format: (value: number) => `${plain.format(value)} ${currency}` } as Intl.NumberFormat;
  }
}
