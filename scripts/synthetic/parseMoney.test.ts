import { describe, expect, it } from "vitest";
import { parseMoney, parseQuantity, roundCents } from "./parseMoney.ts";

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

  it("parseMoney reads the store's own free text", () => {
    expect(parseMoney("Gratis", ",", "gratis")).toBe(0);
    expect(parseMoney("Free", ",", "gratis")).toBeNull();
  });

  it("parseQuantity takes the first whole number", () => {
    expect([parseQuantity("× 2"), parseQuantity("Qty: 13"), parseQuantity("none")]).toEqual([2, 13, null]);
  });

  it("roundCents rounds half away from zero, robust to binary fractions", () => {
    expect([roundCents(1.005), roundCents(5.8065), roundCents(-1.005), roundCents(0.125)]).toEqual([1.01, 5.81, -1.01, 0.13]);
  });
});
