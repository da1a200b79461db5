import type { Page } from "playwright-core";
import { parseMoney, parseQuantity } from "../checks/parseMoney.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import type { ProfileLines } from "../profiles/profileSchema.ts";
import type { Amount, LineReading, MoneyReading } from "./observations.ts";

/** Reads a money element: its text when visible, else null. CSS selectors only (run in the page). */
const READ_MONEY = `(spec) => {
  const visible = (element) => element && (element.checkVisibility ? element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : element.getClientRects().length > 0);
  const textOf = (root, selector) => { if (!selector) return null; const element = root.querySelector(selector); return visible(element) ? (element.value !== undefined && element.tagName === "INPUT" ? element.value : element.textContent.trim()) : null; };
  const lines = spec.lines ? [...document.querySelectorAll(spec.lines.line)].filter(visible).map((line) => ({
    id: spec.lines.idAttribute ? line.getAttribute(spec.lines.idAttribute) : null,
    name: textOf(line, spec.lines.name),
    quantity: textOf(line, spec.lines.quantity),
    total: textOf(line, spec.lines.total),
    unitPrice: textOf(line, spec.lines.unitPrice),
  })) : [];
  const amounts = {};
  for (const [key, selector] of Object.entries(spec.amounts)) amounts[key] = textOf(document, selector);
  return { lines, amounts };
}`;

/**
 * The money the page shows right now, read in one round trip: line items (`lines`), subtotal,
 * shipping, tax, fees and total (the profile's totals selectors; `totalOverride` for a page that
 * names its total differently). Null when the page shows no money at all. A line's key is its id
 * attribute when the persona added that id, else what `keyForName` makes of its name.
 */
export async function readMoney(
  page: Page,
  step: string,
  profile: StoreProfile,
  lines: ProfileLines | null,
  totalOverride: string | null,
  keyForName: (name: string) => string,
  isAddedKey: (id: string) => boolean = () => true,
): Promise<MoneyReading | null> {
  const totals = profile.totals;
  const amounts = { subtotal: totals.subtotal, shipping: totals.shipping, tax: totals.tax, fees: totals.fees, total: totalOverride ?? totals.total };
  const raw = (await page.evaluate(`(${READ_MONEY})(${JSON.stringify({ lines, amounts })})`)) as {
    lines: Array<{ id: string | null; name: string | null; quantity: string | null; total: string | null; unitPrice: string | null }>;
    amounts: Record<string, string | null>;
  };
  const parse = (text: string) => parseMoney(text, profile.rules.decimalSeparator, totals.free);
  const amount = (text: string | null | undefined): Amount | null => (text === null || text === undefined ? null : { text, value: parse(text) });
  const readLines: LineReading[] = raw.lines.map((line) => ({
    // An id the persona never added may still be a product it added by the name its page showed.
    key: line.id !== null && (isAddedKey(line.id) || line.name === null) ? line.id : keyForName(line.name ?? line.id ?? ""),
    quantity: line.quantity === null ? null : parseQuantity(line.quantity),
    total: amount(line.total) ?? { text: null, value: null },
    unitPrice: amount(line.unitPrice),
  }));
  const reading: MoneyReading = {
    step,
    url: page.url(),
    lines: readLines,
    subtotal: amount(raw.amounts.subtotal),
    shipping: amount(raw.amounts.shipping),
    tax: amount(raw.amounts.tax),
    fees: amount(raw.amounts.fees),
    total: amount(raw.amounts.total),
  };
  return reading.lines.length === 0 && reading.subtotal === null && reading.total === null ? null : reading;
}
