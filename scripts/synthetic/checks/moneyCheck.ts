import { roundMoney } from "../../../sim/model/index.ts";
import type { AddedItem, Amount, MoneyReading, PersonaObservations } from "../persona/observations.ts";
import type { MoneyRules } from "../profiles/loadProfile.ts";
import type { CheckVerdict } from "../results/checkResults.ts";
import { moneyTextProblem, parseMoney } from "./parseMoney.ts";

/** What a cart should cost under the profile's rules (null where a rule is not stated). */
export interface ExpectedMoney {
  lines: Map<string, { unitPrice: number | null; quantity: number; total: number | null }>;
  subtotal: number | null;
  shipping: number | null;
  tax: number | null;
  fees: number;
}

/**
 * The expected amounts for the items added: unit prices from the catalog when the profile has one
 * (the demo store's scenario), else as the product pages showed them; shipping free at or above
 * the threshold; tax on the subtotal, rounded to cents; the fixed fee.
 */
export function expectedMoney(items: readonly AddedItem[], rules: MoneyRules): ExpectedMoney {
  const lines = new Map<string, { unitPrice: number | null; quantity: number; total: number | null }>();
  for (const item of items) {
    const unitPrice = rules.catalog?.get(item.key) ?? rules.catalog?.get(item.name) ?? item.unitPrice;
    const previous = lines.get(item.key);
    const quantity = (previous?.quantity ?? 0) + item.quantity;
    lines.set(item.key, { unitPrice, quantity, total: unitPrice === null ? null : roundMoney(unitPrice * quantity) });
  }
  const totals = [...lines.values()].map((line) => line.total);
  const subtotal = totals.every((total) => total !== null) ? roundMoney(totals.reduce((sum: number, total) => sum + total!, 0)) : null;
  const shipping = subtotal === null || rules.shippingFee === null ? null : subtotal >= rules.freeShippingThreshold ? 0 : rules.shippingFee;
  const tax = subtotal === null || rules.taxRate === null ? null : roundMoney(subtotal * rules.taxRate);
  return { lines, subtotal, shipping, tax, fees: rules.fixedFee };
}

/**
 * Problems with one page's money, one line each (empty when it adds up): catalog prices, line
 * items, subtotal, shipping (free-shipping threshold), tax, fees, and a total that matches both
 * the rules and the page's own lines.
 */
export function assessMoneyReading(reading: MoneyReading, items: readonly AddedItem[], rules: MoneyRules): string[] {
  const expected = expectedMoney(items, rules);
  const problems: string[] = [];
  const where = reading.step;
  const off = (actual: number, wanted: number) => Math.abs(actual - wanted) > rules.tolerance + 1e-9;
  // A text a shopper would find wrong in itself (unreadable, float noise, negative) fails whatever it is checked against.
  const unreadable = (label: string, amount: Amount | null): boolean => {
    if (amount === null || amount.text === null) return false;
    const problem = moneyTextProblem(amount.text, amount.value, rules.decimalSeparator, rules.currencyDecimals, "amount");
    if (problem !== null) problems.push(`${where}: ${label} ${problem}`);
    return problem !== null;
  };
  const check = (label: string, amount: Amount | null, wanted: number | null, why: string) => {
    if (amount === null || unreadable(label, amount) || wanted === null) return;
    if (off(amount.value!, wanted)) problems.push(`${where}: ${label} shows ${amount.text}, expected ${wanted.toFixed(2)} (${why})`);
  };

  for (const line of reading.lines) {
    const wanted = expected.lines.get(line.key);
    if (wanted === undefined) {
      problems.push(`${where}: line ${JSON.stringify(line.key)} was never added to the cart`);
      continue;
    }
    if (line.quantity !== null && line.quantity !== wanted.quantity)
      problems.push(`${where}: line ${line.key} has quantity ${line.quantity}, expected ${wanted.quantity}`);
    if (line.unitPrice !== null) check(`line ${line.key} unit price`, line.unitPrice, wanted.unitPrice, "the price shown where it was added");
    if (line.total.text !== null) check(`line ${line.key}`, line.total, wanted.total, `${wanted.quantity} × ${wanted.unitPrice?.toFixed(2)}`);
    // Each row must agree with itself: unit price × quantity = line total.
    const quantity = line.quantity ?? wanted.quantity;
    if (
      line.unitPrice !== null &&
      line.unitPrice.value !== null &&
      line.total.value !== null &&
      off(line.total.value, roundMoney(line.unitPrice.value * quantity))
    ) {
      problems.push(`${where}: line ${line.key} total ${line.total.text} is not ${quantity} × ${line.unitPrice.text}`);
    }
  }
  if (reading.lines.length > 0) {
    for (const key of expected.lines.keys()) if (!reading.lines.some((line) => line.key === key)) problems.push(`${where}: line ${key} is missing`);
  }
  check("subtotal", reading.subtotal, expected.subtotal, "sum of the lines at catalog prices");
  const threshold = Number.isFinite(rules.freeShippingThreshold) ? `free from ${rules.freeShippingThreshold}` : "never free";
  check(
    "shipping",
    reading.shipping,
    expected.shipping,
    expected.shipping === 0 ? `subtotal ${expected.subtotal?.toFixed(2)} ships free (${threshold})` : `fee ${rules.shippingFee}, ${threshold}`,
  );
  check("tax", reading.tax, expected.tax, `${rules.taxRate} × subtotal`);
  if (reading.fees !== null) check("fees", reading.fees, expected.fees, "fixed fee per order");
  // Every amount shown is read as text first (dedupe below keeps one line per problem).
  for (const [label, amount] of [
    ["subtotal", reading.subtotal],
    ["shipping", reading.shipping],
    ["tax", reading.tax],
    ["fees", reading.fees],
    ["total", reading.total],
  ] as const)
    unreadable(label, amount);
  if (reading.total !== null) {
    if (reading.fees === null && expected.fees > 0) problems.push(`${where}: fees of ${expected.fees.toFixed(2)} are not shown`);
    const parts = [expected.subtotal, expected.shipping, expected.tax];
    if (parts.every((part) => part !== null)) {
      const wanted = roundMoney(parts.reduce((sum: number, part) => sum + part!, 0) + expected.fees);
      check("total", reading.total, wanted, `${parts.map((part) => part!.toFixed(2)).join(" + ")}${expected.fees > 0 ? ` + ${expected.fees.toFixed(2)}` : ""}`);
    }
    // The page must also agree with itself, whatever the rules.
    const shown = [reading.subtotal, reading.shipping, reading.tax, reading.fees].filter((amount): amount is Amount => amount !== null);
    if (reading.total.value !== null && reading.subtotal !== null && shown.every((amount) => amount.value !== null)) {
      const sum = roundMoney(shown.reduce((total, amount) => total + amount.value!, 0));
      if (off(reading.total.value, sum)) problems.push(`${where}: total ${reading.total.text} is not the sum of the amounts above it (${sum.toFixed(2)})`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Problems with the prices the persona saw where it added each item: unreadable or impossible
 * texts (quoted), a list price that differs from the product page's, and, when the profile has a
 * catalog, a price other than the catalog's.
 */
export function assessItemPrices(items: readonly AddedItem[], rules: MoneyRules): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const catalogPrice = rules.catalog?.get(item.key) ?? rules.catalog?.get(item.name);
    const listPrice = item.listPriceText === null ? null : parseMoney(item.listPriceText, rules.decimalSeparator);
    const listProblem =
      item.listPriceText === null ? null : moneyTextProblem(item.listPriceText, listPrice, rules.decimalSeparator, rules.currencyDecimals, "price");
    const problem = moneyTextProblem(item.unitPriceText ?? "", item.unitPrice, rules.decimalSeparator, rules.currencyDecimals, "price");
    if (listProblem !== null) problems.push(`product ${item.key}: list price ${listProblem}`);
    if (problem !== null && item.unitPriceText !== item.listPriceText) problems.push(`product ${item.key}: price ${problem}`);
    if (problem !== null || listProblem !== null) continue;
    if (listPrice !== null && Math.abs(listPrice - item.unitPrice!) > rules.tolerance + 1e-9) {
      problems.push(`product ${item.key}: the list shows ${item.listPriceText}, the product page ${item.unitPriceText}`);
    } else if (catalogPrice !== undefined && Math.abs(item.unitPrice! - catalogPrice) > rules.tolerance + 1e-9) {
      problems.push(`product ${item.key}: page shows ${item.unitPriceText}, catalog price ${catalogPrice.toFixed(2)}`);
    }
  }
  return problems;
}

/**
 * The money check of one persona: every page that showed money adds up (see assessMoneyReading), the
 * product prices match the catalog, and the full total first appears where the profile says (the
 * sticker-shock point). Skipped when the persona never reached a page with money on it.
 */
export function moneyCheck(observations: PersonaObservations, rules: MoneyRules): CheckVerdict {
  const readings = observations.money;
  if (readings.length === 0) {
    return {
      status: "skipped",
      reason: observations.failure ? `no page with totals reached (stopped at ${observations.failure.step})` : "no page with totals reached",
      evidence: [],
      seconds: 0,
      attempts: 1,
      shot: null,
    };
  }
  const problems = assessItemPrices(observations.items, rules);
  let shot: string | null = null;
  const evidence: string[] = [];
  readings.forEach((reading, index) => {
    const found = assessMoneyReading(reading, observations.items, rules);
    if (found.length > 0) shot ??= observations.shotIndex[`money:${index}`] ?? null;
    problems.push(...found);
    evidence.push(describeReading(reading) + (found.length === 0 ? " ✓" : " ✗"));
  });
  const firstTotal = readings.find((reading) => reading.total !== null);
  const revealedAt = firstTotal?.step ?? null;
  evidence.push(revealedAt === null ? "the full total never appeared" : `sticker-shock point: the full total first appears on ${revealedAt}`);
  const wantedReveal = rules.totalFirstShownAt;
  if (wantedReveal !== null && revealedAt !== null && revealedAt !== wantedReveal) {
    problems.push(`the full total first appears on ${revealedAt}, the profile says ${wantedReveal}`);
  }
  const reachedReveal = wantedReveal !== null && readings.some((reading) => reading.step === wantedReveal);
  if (wantedReveal !== null && reachedReveal && revealedAt === null)
    problems.push(`the full total does not appear on ${wantedReveal} (the profile's sticker-shock point)`);
  if (problems.length > 0)
    return {
      status: "failed",
      reason: problems[0] + (problems.length > 1 ? ` (+${problems.length - 1} more)` : ""),
      evidence: [...problems, ...evidence],
      seconds: 0,
      attempts: 1,
      shot,
    };
  return {
    status: "passed",
    reason: `${readings.length === 1 ? "1 page adds" : `${readings.length} pages add`} up${revealedAt ? `; total first shown on ${revealedAt}` : ""}`,
    evidence,
    seconds: 0,
    attempts: 1,
    shot: null,
  };
}

function describeReading(reading: MoneyReading): string {
  const amount = (label: string, value: Amount | null) => (value === null ? null : `${label} ${value.text}`);
  const parts = [
    `${reading.lines.length} line${reading.lines.length === 1 ? "" : "s"}`,
    amount("subtotal", reading.subtotal),
    amount("shipping", reading.shipping),
    amount("tax", reading.tax),
    amount("fees", reading.fees),
    amount("total", reading.total),
  ].filter((part) => part !== null);
  return `${reading.step}: ${parts.join(", ")}`;
}
