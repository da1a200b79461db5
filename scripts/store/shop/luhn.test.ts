import { describe, expect, it } from "vitest";
import { luhnValid } from "./luhn.ts";

describe("luhnValid", () => {
  it("luhnValid(number) accepts published test card numbers", () => {
    for (const number of ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "79927398713"]) {
      expect(luhnValid(number)).toBe(true);
    }
  });

  it("luhnValid(number) rejects a wrong check digit, a transposition and non-digits", () => {
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("79927398731")).toBe(false);
    expect(luhnValid("4242 4242 4242 4242")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});
