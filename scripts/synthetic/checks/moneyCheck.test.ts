import { describe, expect, it } from "vitest";
import type { AddedItem, Amount, MoneyReading } from "../persona/observations.ts";
import type { MoneyRules } from "../profiles/loadProfile.ts";
import { observationsOf } from "../testing/observations.ts";
import { assessItemPrices, assessMoneyReading, expectedMoney, moneyCheck } from "./moneyCheck.ts";

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
    expect(subtotalOff[0]).toBe("review: subtotal shows $4999.98, expected 5000.00 (sum of the lines at catalog prices)");
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

describe("moneyCheck's verdicts", () => {
  const shirtPage = (step: string, total?: number) => reading(step, { subtotal: 59, shipping: 7.95, tax: 4.13, ...(total === undefined ? {} : { total }) });

  it("skips a persona that reached no page with money, naming where it stopped", () => {
    const observations = observationsOf([]);
    expect(moneyCheck(observations, RULES)).toEqual({
      status: "skipped",
      reason: "no page with totals reached",
      evidence: [],
      seconds: 0,
      attempts: 1,
      shot: null,
    });
    observations.failure = { step: "payment", reason: "no button", attempts: 1, screenshot: null };
    expect(moneyCheck(observations, RULES).reason).toBe("no page with totals reached (stopped at payment)");
  });

  it("passes pages that add up, with one evidence line per page and where the total first showed", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 59)];
    observations.money = [shirtPage("cart"), shirtPage("shipping", 71.08)];
    expect(moneyCheck(observations, RULES)).toEqual({
      status: "passed",
      reason: "2 pages add up; total first shown on shipping",
      evidence: [
        "cart: 0 lines, subtotal $59.00, shipping $7.95, tax $4.13 ✓",
        "shipping: 0 lines, subtotal $59.00, shipping $7.95, tax $4.13, total $71.08 ✓",
        "sticker-shock point: the full total first appears on shipping",
      ],
      seconds: 0,
      attempts: 1,
      shot: null,
    });
    observations.money = [reading("cart", { subtotal: 59, fees: 0 }, [["shirt", 1, 59]])];
    expect(moneyCheck(observations, { ...RULES, totalFirstShownAt: null })).toMatchObject({
      status: "passed",
      reason: "1 page adds up",
      evidence: ["cart: 1 line, subtotal $59.00, fees $0.00 ✓", "the full total never appeared"],
    });
  });

  it("fails with the first problem and a count of the rest, the problems before the evidence, and the failing page's screenshot", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 59)];
    observations.money = [shirtPage("cart"), reading("shipping", { subtotal: 59, shipping: 0, tax: 4, total: 63 })];
    observations.shotIndex = { "money:0": "shot-cart", "money:1": "shot-shipping" };
    const verdict = moneyCheck(observations, RULES);
    const problems = ["shipping: shipping shows $0.00, expected 7.95 (fee 7.95, free from 99)", "shipping: tax shows $4.00, expected 4.13 (0.07 × subtotal)"];
    expect(verdict).toMatchObject({ status: "failed", reason: `${problems[0]} (+2 more)`, seconds: 0, attempts: 1, shot: "shot-shipping" });
    expect(verdict.evidence.slice(0, 2)).toEqual(problems);
    expect(verdict.evidence.slice(3)).toEqual([
      "cart: 0 lines, subtotal $59.00, shipping $7.95, tax $4.13 ✓",
      "shipping: 0 lines, subtotal $59.00, shipping $0.00, tax $4.00, total $63.00 ✗",
      "sticker-shock point: the full total first appears on shipping",
    ]);
  });

  it("fails when the profile's sticker-shock page was reached without a total", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 59)];
    observations.money = [shirtPage("cart"), shirtPage("shipping")];
    expect(moneyCheck(observations, RULES).reason).toBe("the full total does not appear on shipping (the profile's sticker-shock point)");
    observations.money = [shirtPage("cart")];
    expect(moneyCheck(observations, RULES).status).toBe("passed");
  });
});

describe("assessMoneyReading's rules", () => {
  const shirt = [item("shirt", 59)];

  it("free shipping from the threshold names the subtotal; an endless threshold says never free", () => {
    const items = [item("shirt", 59, 2)];
    expect(assessMoneyReading(reading("review", { subtotal: 118, shipping: 7.95 }), items, RULES)).toEqual([
      "review: shipping shows $7.95, expected 0.00 (subtotal 118.00 ships free (free from 99))",
    ]);
    expect(assessMoneyReading(reading("review", { subtotal: 118, shipping: 0 }), items, { ...RULES, freeShippingThreshold: Infinity })).toEqual([
      "review: shipping shows $0.00, expected 7.95 (fee 7.95, never free)",
    ]);
  });

  it("a shown fee is checked against the fixed fee; a total with fees adds them", () => {
    const rules = { ...RULES, fixedFee: 2 };
    expect(assessMoneyReading(reading("review", { subtotal: 59, shipping: 7.95, tax: 4.13, fees: 3, total: 74.08 }), shirt, rules)).toEqual([
      "review: fees shows $3.00, expected 2.00 (fixed fee per order)",
      "review: total shows $74.08, expected 73.08 (59.00 + 7.95 + 4.13 + 2.00)",
    ]);
    expect(assessMoneyReading(reading("review", { subtotal: 59, shipping: 7.95, tax: 4.13, fees: 2, total: 73.08 }), shirt, rules)).toEqual([]);
  });

  it("an amount that is not money fails as text whatever it is checked against, once", () => {
    const page = reading("review", { subtotal: 59, shipping: 7.95, tax: 4.13 });
    page.total = { text: "$71.080", value: 71.08 };
    page.fees = { text: "-$1.00", value: -1 };
    expect(assessMoneyReading(page, shirt, RULES)).toEqual([
      'review: fees "-$1.00" is not a possible amount (must be >= 0)',
      'review: total "$71.080" has 3 decimals (the currency has 2)',
      // The page's own sum still reads the values: 59 + 7.95 + 4.13 − 1.
      "review: total $71.080 is not the sum of the amounts above it (70.08)",
    ]);
  });

  it("a row's unit price is checked against the price added and against its own total", () => {
    const page = reading("cart", {}, [["shirt", 2, 120]]);
    page.lines[0].unitPrice = usd(60);
    expect(assessMoneyReading(page, [item("shirt", 59, 2)], RULES)).toEqual([
      "cart: line shirt unit price shows $60.00, expected 59.00 (the price shown where it was added)",
      "cart: line shirt shows $120.00, expected 118.00 (2 × 59.00)",
    ]);
    page.lines[0].total = usd(119);
    expect(assessMoneyReading(page, [item("shirt", 59, 2)], RULES)).toContain("cart: line shirt total $119.00 is not 2 × $60.00");
  });

  it("the page's own sum is checked only when every amount above the total is readable", () => {
    const page = reading("review", { subtotal: 59, shipping: 7.95, total: 80 });
    page.tax = { text: "n/a", value: null };
    expect(assessMoneyReading(page, shirt, { ...RULES, taxRate: null })).toEqual(['review: tax "n/a" is not an amount']);
  });
});

describe("assessMoneyReading's rows and partial pages", () => {
  it("a row without a quantity is read as the quantity added; one without a known price is not priced", () => {
    const page = reading("cart", {}, [["shirt", 2, 118]]);
    page.lines[0] = { ...page.lines[0], quantity: null, unitPrice: usd(59) };
    expect(assessMoneyReading(page, [item("shirt", 59, 2)], RULES)).toEqual([]);
    const unknown = { ...item("hat", 10), unitPrice: null };
    expect(assessMoneyReading(reading("cart", {}, [["hat", 1, 12]]), [unknown], { ...RULES, catalog: null })).toEqual([]);
  });

  it("a row whose unit price is unreadable is reported as text, not checked against its total", () => {
    const page = reading("cart", {}, [["shirt", 1, 59]]);
    page.lines[0].unitPrice = { text: "call us", value: null };
    expect(assessMoneyReading(page, [item("shirt", 59)], RULES)).toEqual(['cart: line shirt unit price "call us" is not an amount']);
  });

  it("an amount read as a number without its text is checked by value; an unreadable total is not summed", () => {
    const page = reading("review", { shipping: 7.95 });
    page.subtotal = { text: null, value: 50 };
    const problems = assessMoneyReading(page, [item("shirt", 59)], RULES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^review: subtotal shows .*, expected 59\.00 \(sum of the lines at catalog prices\)$/);
    const unreadableTotal = reading("review", { subtotal: 59, shipping: 7.95, tax: 4.13 });
    unreadableTotal.total = { text: "soon", value: null };
    expect(assessMoneyReading(unreadableTotal, [item("shirt", 59)], RULES)).toEqual(['review: total "soon" is not an amount']);
  });

  it("a profile without a sticker-shock point accepts the total on any page", () => {
    const observations = observationsOf([]);
    observations.items = [item("shirt", 59)];
    observations.money = [reading("cart", { subtotal: 59, shipping: 7.95, tax: 4.13, total: 71.08 })];
    expect(moneyCheck(observations, { ...RULES, totalFirstShownAt: null })).toMatchObject({
      status: "passed",
      reason: "1 page adds up; total first shown on cart",
    });
  });

  it("a total shown without a subtotal is checked against the rules only", () => {
    expect(assessMoneyReading(reading("review", { shipping: 7.95, total: 80 }), [item("shirt", 59)], RULES)).toEqual([
      "review: total shows $80.00, expected 71.08 (59.00 + 7.95 + 4.13)",
    ]);
  });
});

describe("expectedMoney and item prices", () => {
  it("expectedMoney finds a catalog price by name, leaves unknown prices unstated, and rounds tax to cents", () => {
    const byName = { ...item("sku-1", 10), name: "shirt" };
    expect(expectedMoney([byName], RULES)).toMatchObject({ subtotal: 59, shipping: 7.95, tax: 4.13, fees: 0 });
    const unknown = { ...item("hat", 10), unitPrice: null };
    const expected = expectedMoney([unknown], { ...RULES, catalog: null });
    expect([expected.subtotal, expected.shipping, expected.tax, expected.lines.get("hat")]).toEqual([
      null,
      null,
      null,
      { unitPrice: null, quantity: 1, total: null },
    ]);
    expect(expectedMoney([item("tee", 24)], { ...RULES, shippingFee: null, taxRate: null })).toMatchObject({ subtotal: 24, shipping: null, tax: null });
    // One unknown price leaves the subtotal unstated; no fee stated leaves shipping unstated even above the threshold.
    expect(expectedMoney([item("tee", 24), unknown], { ...RULES, catalog: null }).subtotal).toBeNull();
    expect(expectedMoney([item("shirt", 59, 2)], { ...RULES, shippingFee: null })).toMatchObject({ subtotal: 118, shipping: null });
  });

  it("assessItemPrices allows the tolerance between list, page and catalog prices, and no more", () => {
    const listed = (list: string, page: number) => ({ ...item("shirt", page), listPriceText: list });
    expect(assessItemPrices([listed("$59.01", 59)], RULES)).toEqual([]);
    expect(assessItemPrices([listed("$59.02", 59)], RULES)).toEqual(["product shirt: the list shows $59.02, the product page $59.00"]);
    expect(assessItemPrices([item("shirt", 59.01)], RULES)).toEqual([]);
    expect(assessItemPrices([item("shirt", 59.02)], RULES)).toEqual(["product shirt: page shows $59.02, catalog price 59.00"]);
    expect(assessItemPrices([item("hat", 1)], RULES)).toEqual([]);
    // The catalog is looked up by name when the key is not in it.
    expect(assessItemPrices([{ ...item("sku-1", 62), name: "shirt" }], RULES)).toEqual(["product sku-1: page shows $62.00, catalog price 59.00"]);
  });

  it("assessItemPrices reports a bad list price and a bad page price once when they are the same text", () => {
    const bad = { ...item("shirt", 59), unitPriceText: "$59.001", listPriceText: "$59.001" };
    expect(assessItemPrices([bad], RULES)).toEqual(['product shirt: list price "$59.001" has 3 decimals (the currency has 2)']);
    expect(assessItemPrices([{ ...bad, listPriceText: "$0.00" }], RULES)).toEqual([
      'product shirt: list price "$0.00" is not a possible price (must be > 0)',
      'product shirt: price "$59.001" has 3 decimals (the currency has 2)',
    ]);
  });
});
