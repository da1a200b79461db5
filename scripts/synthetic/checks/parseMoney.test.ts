import { describe, expect, it } from "vitest";
import { decimalPlaces, moneyTextProblem, parseMoney, parseQuantity, separatorsOf } from "./parseMoney.ts";

describe("parseMoney", () => {
  it.each([
    ["$1,234.50", ".", 1234.5],
    ["$96.76", ".", 96.76],
    ["USD 12", ".", 12],
    ["1.234,50 €", ",", 1234.5],
    ["12,50 €", ",", 12.5],
    ["€ 1 234,50", ",", 1234.5],
    ["CHF 1'234.50", ".", 1234.5],
    ["−$3.00", ".", -3],
    ["-12,00 €", ",", -12],
    ["Free", ".", 0],
    ["FREE", ".", 0],
    ["", ".", null],
    ["calculated at checkout", ".", null],
  ] as const)("parseMoney(%j, %j) → %s", (text, separator, expected) => {
    expect(parseMoney(text, separator)).toBe(expected);
  });

  it.each([
    ["$1,234.56", 1234.56],
    ["1.234,56 €", 1234.56],
    ["CHF 1'234.50", 1234.5],
    ["CHF 1’234.50", 1234.5],
    ["1 234,56 €", 1234.56],
    ["€1,234", 1234],
    ["1.234 €", 1234],
    ["12,5 €", 12.5],
    ["3090.9799999999996", 3090.9799999999996],
    ["Total: EUR 12,00", 12],
    ["$NaN", null],
    ["€ undefined", null],
    ["12.9.9", null],
    ["12.99 / 3 items", null],
    ["-", null],
    ["12abc", null],
  ] as const)("parseMoney(%j, auto) → %s", (text, expected) => {
    expect(parseMoney(text, "auto")).toBe(expected);
  });

  it("decimalPlaces counts the minor-unit digits as written", () => {
    expect([
      decimalPlaces("3090.9799999999996", "auto"),
      decimalPlaces("1.234,56 €", "auto"),
      decimalPlaces("$1,234", "auto"),
      decimalPlaces("12,5 €", ","),
      decimalPlaces("¥1,200", "."),
    ]).toEqual([13, 2, 0, 1, 0]);
  });

  it("moneyTextProblem quotes an unreadable text, too many decimals and impossible prices", () => {
    expect(moneyTextProblem("$NaN", null, "auto", 2, "price")).toBe('"$NaN" is not an amount');
    expect(moneyTextProblem("3090.9799999999996", 3090.9799999999996, "auto", 2, "amount")).toBe('"3090.9799999999996" has 13 decimals (the currency has 2)');
    expect(moneyTextProblem("¥1,200.5", 1200.5, ".", 0, "amount")).toBe('"¥1,200.5" has 1 decimals (the currency has 0)');
    expect(moneyTextProblem("-3,00 €", -3, ",", 2, "price")).toBe('"-3,00 €" is not a possible price (must be > 0)');
    expect(moneyTextProblem("Free", 0, ".", 2, "amount")).toBeNull();
    expect(moneyTextProblem("$12.50", 12.5, ".", 2, "price")).toBeNull();
  });

  it("separatorsOf takes the decimal mark and minor unit from Intl", () => {
    expect([separatorsOf("de-DE", "EUR"), separatorsOf("en-US", "USD"), separatorsOf("ja-JP", "JPY"), separatorsOf("de-CH", "CHF")]).toEqual([
      { decimalSeparator: ",", currencyDecimals: 2 },
      { decimalSeparator: ".", currencyDecimals: 2 },
      { decimalSeparator: ".", currencyDecimals: 0 },
      { decimalSeparator: ".", currencyDecimals: 2 },
    ]);
  });

  it("parseMoney reads the store's own free text", () => {
    expect(parseMoney("Gratis", ",", "gratis")).toBe(0);
    expect(parseMoney("Free", ",", "gratis")).toBeNull();
  });

  it("parseQuantity takes the first whole number", () => {
    expect([parseQuantity("× 2"), parseQuantity("Qty: 13"), parseQuantity("none")]).toEqual([2, 13, null]);
  });
});
