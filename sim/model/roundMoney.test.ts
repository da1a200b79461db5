import { describe, expect, it } from "vitest";
import { roundMoney } from "./roundMoney.ts";

// Expected values are the decimal amounts rounded by hand, half away from zero (the receipt rule),
// not outputs of the code: each half-cent case is one a plain Math.round(x * 100) / 100 gets wrong or right by luck.
describe("roundMoney", () => {
  it.each([
    [1.005, 1.01],
    [1.015, 1.02],
    [2.675, 2.68],
    [0.125, 0.13],
    [5.8065, 5.81],
    [0.995, 1],
    [1234.565, 1234.57],
    [1_000_000.005, 1_000_000.01],
  ])("roundMoney(%d) rounds the half cent up to %d", (amount, expected) => {
    expect(roundMoney(amount)).toBe(expected);
  });

  it.each([
    [-1.005, -1.01],
    [-2.675, -2.68],
    [-0.125, -0.13],
  ])("roundMoney(%d) rounds the half cent away from zero to %d", (amount, expected) => {
    expect(roundMoney(amount)).toBe(expected);
  });

  it.each([
    [1.00499, 1],
    [1.0049999, 1],
    [2.674999, 2.67],
    [0.994999, 0.99],
    [-1.00499, -1],
  ])("roundMoney(%d) keeps an amount just under the half cent at %d", (amount, expected) => {
    expect(roundMoney(amount)).toBe(expected);
  });

  it("roundMoney keeps whole cents, zero and sums of cents exact", () => {
    expect([roundMoney(0), roundMoney(19.99), roundMoney(0.1 + 0.2), roundMoney(100), roundMoney(-19.99)]).toEqual([0, 19.99, 0.3, 100, -19.99]);
  });

  it("roundMoney gives +0, never −0, for amounts that round to no cents", () => {
    for (const amount of [-0, -0.001, -0.0049999, 0.004]) expect(Object.is(roundMoney(amount), 0), String(amount)).toBe(true);
  });
});
