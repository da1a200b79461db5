import { describe, expect, it } from "vitest";
import { formatMoney } from "./formatMoney.ts";

describe("formatMoney", () => {
  it("formatMoney(amount, currency) formats known currencies and survives unknown codes", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatMoney(3, "EUR")).toBe("€3.00");
    expect(formatMoney(3, "not-a-code")).toBe("3.00 not-a-code");
  });
});
