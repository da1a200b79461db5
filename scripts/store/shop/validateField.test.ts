import { describe, expect, it } from "vitest";
import { type StoreField, validateField } from "./validateField.ts";

const field = (type: StoreField["type"], extra: Partial<StoreField> = {}): StoreField => ({
  name: type,
  type,
  required: true,
  errorProbability: 0,
  typingSeconds: 0,
  ...extra,
});
const now = new Date(Date.UTC(2026, 10, 23));

describe("validateField", () => {
  it("validateField(required, empty) names the label; optional empty passes", () => {
    expect(validateField(field("text", { label: "City" }), "  ", now).error).toBe("City is required");
    expect(validateField(field("text", { required: false }), "", now).error).toBeNull();
  });

  it("validateField(email) accepts name@host.tld only", () => {
    expect(validateField(field("email"), " a@example.com ", now)).toEqual({ value: "a@example.com", error: null });
    for (const bad of ["a@b", "a b@c.de", "@c.de", "a@c."]) expect(validateField(field("email"), bad, now).error).toMatch(/valid email/);
  });

  it("validateField(phone) counts 7 to 15 digits and allows + ( ) - . spaces", () => {
    expect(validateField(field("phone"), "+1 (555) 010-9999", now).error).toBeNull();
    expect(validateField(field("phone"), "12345", now).error).toMatch(/7 to 15/);
    expect(validateField(field("phone"), "555-CALL-NOW", now).error).toMatch(/7 to 15/);
  });

  it("validateField(cardNumber) strips separators and applies the Luhn check", () => {
    expect(validateField(field("cardNumber"), "4242 4242-4242 4242", now)).toEqual({ value: "4242424242424242", error: null });
    expect(validateField(field("cardNumber"), "4242424242424241", now).error).toMatch(/not valid/);
    expect(validateField(field("cardNumber"), "1234", now).error).toMatch(/12 to 19 digits/);
  });

  it("validateField(expiry) takes MM/YY or MM/YYYY and rejects past months", () => {
    expect(validateField(field("expiry"), "11/26", now).error).toBeNull();
    expect(validateField(field("expiry"), "12/2030", now).error).toBeNull();
    expect(validateField(field("expiry"), "10/26", now).error).toBe("This card has expired");
    expect(validateField(field("expiry"), "13/30", now).error).toMatch(/MM\/YY/);
  });

  it("validateField(cvc, postalCode, choice) check their formats", () => {
    expect(validateField(field("cvc"), "12", now).error).toMatch(/3 or 4/);
    expect(validateField(field("postalCode"), "94107", now).error).toBeNull();
    expect(validateField(field("postalCode"), "SW1A 1AA", now).error).toBeNull();
    expect(validateField(field("postalCode"), "<x>", now).error).toMatch(/postal/);
    const choice = field("choice", { options: ["guest", "sign-in"] });
    expect(validateField(choice, "guest", now).error).toBeNull();
    expect(validateField(choice, "admin", now).error).toBe("Choose one of: guest, sign-in");
  });

  it("validateField(any) rejects values longer than 200 characters", () => {
    expect(validateField(field("text"), "x".repeat(201), now).error).toMatch(/at most 200/);
  });
});
