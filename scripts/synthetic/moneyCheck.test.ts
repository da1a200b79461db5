import { describe, expect, it } from "vitest";
import type { MoneyRules } from "./loadProfile.ts";
import { assessItemPrices, assessMoneyReading, expectedMoney, moneyCheck } from "./moneyCheck.ts";
import type { AddedItem, Amount, MoneyReading } from "./observations.ts";
import { observationsOf } from "./testing/observations.ts";

const RULES: MoneyRules = {
  taxRate: 0.07,
  shippingFee: 7.95,
  freeShippingThreshold: 99,
  fixedFee: 0,
  totalFirstShownAt: "shipping",
  catalog: new Map([
    ["shirt", 59],
    ["tee", 24],
  ]),
  decimalSeparator: ".",
  currencyDecimals: 2,
  tolerance: 0.01,
};
const item = (key: string, unitPrice: number, quantity = 1): AddedItem => ({
  key,
  name: key,
  unitPrice,
  unitPriceText: `$${unitPrice.toFixed(2)}`,
  listPriceText: null,
  quantity,
  addedAt: 0,
});
const usd = (value: number): Amount => ({ text: `$${value.toFixed(2)}`, value });
const reading = (
  step: string,
  amounts: Partial<Record<"subtotal" | "shipping" | "tax" | "fees" | "total", number>>,
  lines: Array<[string, number, number]> = [],
): MoneyReading => ({
  step,
  url: `http://shop.test/${step}`,
  lines: lines.map(([key, quantity, total]) => ({ key, quantity, total: usd(total), unitPrice: null })),
  subtotal: amounts.subtotal === undefined ? null : usd(amounts.subtotal),
  shipping: amounts.shipping === undefined ? null : usd(amounts.shipping),
  tax: amounts.tax === undefined ? null : usd(amounts.tax),
  fees: amounts.fees === undefined ? null : usd(amounts.fees),
  total: amounts.total === undefined ? null : usd(amounts.total),
});

describe("moneyCheck", () => {
  const THIRD_PARTY: MoneyRules = { ...RULES, catalog: null, taxRate: null, decimalSeparator: "auto" };
  it("assessItemPrices: a list price other than the product page's fails, quoting both", () => {
    const listed = { ...item("tea", 12.5), unitPriceText: "12,50 €", listPriceText: "11,25 €" };
    expect(assessItemPrices([listed], THIRD_PARTY)).toEqual(["product tea: the list shows 11,25 €, the product page 12,50 €"]);
    expect(assessItemPrices([{ ...listed, listPriceText: "12,50 €" }], THIRD_PARTY)).toEqual([]);
  });

  it("assessItemPrices: an unparseable or impossible price fails quoting the text (never read as a number)", () => {
    expect(assessItemPrices([{ ...item("tea", 1), unitPrice: null, unitPriceText: "NaN €", listPriceText: "12,50 €" }], THIRD_PARTY)).toEqual([
      'product tea: price "NaN €" is not an amount',
    ]);
    expect(assessItemPrices([{ ...item("tea", -3), unitPriceText: "-3,00 €" }], THIRD_PARTY)).toEqual([
      'product tea: price "-3,00 €" is not a possible price (must be > 0)',
    ]);
  });

  it("assessMoneyReading: an amount with more decimals than the currency has fails, quoting it", () => {
    const noisy: MoneyReading = { ...reading("review", { subtotal: 3090.98 }), total: { text: "3090.9799999999996", value: 3090.9799999999996 } };
    expect(assessMoneyReading(noisy, [item("a", 3090.98)], THIRD_PARTY)).toContain('review: total "3090.9799999999996" has 13 decimals (the currency has 2)');
  });

  it("assessMoneyReading: rows with unit prices are checked against the added price and unit × quantity against the line total", () => {
    const base = reading("cart", { subtotal: 25 });
    const rows: MoneyReading = { ...base, lines: [{ key: "tea", quantity: 2, unitPrice: usd(12.5), total: usd(24) }] };
    expect(assessMoneyReading(rows, [item("tea", 12.5, 2)], THIRD_PARTY)).toEqual([
      "cart: line tea shows $24.00, expected 25.00 (2 × 12.50)",
      "cart: line tea total $24.00 is not 2 × $12.50",
    ]);
    const unitOnly: MoneyReading = { ...base, lines: [{ key: "tea", quantity: 2, unitPrice: usd(13), total: { text: null, value: null } }] };
    expect(assessMoneyReading(unitOnly, [item("tea", 12.5, 2)], THIRD_PARTY)).toEqual([
      "cart: line tea unit price shows $13.00, expected 12.50 (the price shown where it was added)",
    ]);
  });

  it("expectedMoney ships free from the threshold on, not a cent below", () => {
    expect(expectedMoney([item("a", 98.99)], RULES)).toMatchObject({ subtotal: 98.99, shipping: 7.95, tax: 6.93 });
    expect(expectedMoney([item("a", 99)], RULES)).toMatchObject({ subtotal: 99, shipping: 0, tax: 6.93 });
  });

  it("expectedMoney takes catalog prices over the page's and merges repeated items", () => {
    const expected = expectedMoney([item("shirt", 62), item("shirt", 62), item("tee", 24)], RULES);
    expect(expected.lines.get("shirt")).toEqual({ unitPrice: 59, quantity: 2, total: 118 });
    expect(expected.subtotal).toBe(142);
  });

  it("assessMoneyReading passes a page that adds up and names each wrong amount", () => {
    const items = [item("shirt", 59), item("tee", 24)];
    expect(
      assessMoneyReading(
        reading("shipping", { subtotal: 83, shipping: 7.95, tax: 5.81, total: 96.76 }, [
          ["shirt", 1, 59],
          ["tee", 1, 24],
        ]),
        items,
        RULES,
      ),
    ).toEqual([]);
    expect(assessMoneyReading(reading("review", { subtotal: 83, shipping: 0, tax: 5.81, total: 88.81 }), items, RULES)).toEqual([
      "review: shipping shows $0.00, expected 7.95 (fee 7.95, free from 99)",
      "review: total shows $88.81, expected 96.76 (83.00 + 7.95 + 5.81)",
    ]);
    expect(
      assessMoneyReading(
        reading("cart", { subtotal: 83 }, [
          ["shirt", 2, 118],
          ["hat", 1, 10],
        ]),
        items,
        RULES,
      ),
    ).toEqual([
      "cart: line shirt has quantity 2, expected 1",
      "cart: line shirt shows $118.00, expected 59.00 (1 × 59.00)",
      'cart: line "hat" was never added to the cart',
      "cart: line tee is missing",
    ]);
  });

  it("assessMoneyReading's tolerance is absolute: a cent off passes, two cents off fails, even on a $5,350 order", () => {
    // A relative tolerance (1% of 5,350 = $53.50) would let both wrong totals through.
    const items = [item("tv", 5000)];
    expect(assessMoneyReading(reading("review", { subtotal: 5000, shipping: 0, tax: 350, total: 5350.01 }), items, RULES)).toEqual([]);
    expect(assessMoneyReading(reading("review", { subtotal: 5000, shipping: 0, tax: 350, total: 5349.99 }), items, RULES)).toEqual([]);
    expect(assessMoneyReading(reading("review", { subtotal: 5000, shipping: 0, tax: 350, total: 5350.02 }), items, RULES)).toEqual([
      "review: total shows $5350.02, expected 5350.00 (5000.00 + 0.00 + 350.00)",
      "review: total $5350.02 is not the sum of the amounts above it (5350.00)",
    ]);
    const subtotalOff = assessMoneyReading(reading("review", { subtotal: 4999.98, shipping: 0, tax: 350, total: 5350 }), items, RULES);
    expect(subtotalOff[0]).toMatch(/^review: subtotal shows \$4999\.98, expected 5000\.00/);
  });

  it("assessMoneyReading checks a total against the page's own amounts, and missing fees", () => {
    const rules = { ...RULES, fixedFee: 2, taxRate: null };
    expect(assessMoneyReading(reading("review", { subtotal: 59, shipping: 7.95, tax: 4.13, total: 80 }), [item("shirt", 59)], rules)).toEqual([
      "review: fees of 2.00 are not shown",
      "review: total $80.00 is not the sum of the amounts above it (71.08)",
    ]);
  });

  it("moneyCheck fails when the full total first appears elsewhere than the profile's sticker-shock point", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 59)];
    observations.money = [
      reading("cart", { subtotal: 59, shipping: 7.95, tax: 4.13, total: 71.08 }),
      reading("shipping", { subtotal: 59, shipping: 7.95, tax: 4.13, total: 71.08 }),
    ];
    const verdict = moneyCheck(observations, RULES);
    expect(verdict.status).toBe("failed");
    expect(verdict.reason).toBe("the full total first appears on cart, the profile says shipping");
    observations.money = observations.money.slice(1);
    expect(moneyCheck(observations, RULES)).toMatchObject({ status: "passed", reason: "1 page adds up; total first shown on shipping" });
  });

  it("moneyCheck flags a product page price that differs from the catalog", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 62)];
    observations.money = [reading("cart", { subtotal: 59 })];
    expect(moneyCheck(observations, RULES).reason).toBe("product shirt: page shows $62.00, catalog price 59.00");
  });
});
