import { describe, expect, it } from "vitest";
import { RandomStream } from "../../../sim/random/index.ts";
import { type StoreField, validateField } from "../../store/shop/validateField.ts";
import { GENERATORS, type Generator } from "../profiles/profileSchema.ts";
import { generateValue, WRONG_VALUES } from "./formValues.ts";

const NOW = new Date("2026-11-23T12:00:00Z");
const field = (type: StoreField["type"]): StoreField => ({ name: type, type, required: true, errorProbability: 0 }) as StoreField;
const STORE_TYPE: Partial<Record<Generator, StoreField["type"]>> = {
  email: "email",
  postalCode: "postalCode",
  phone: "phone",
  cardNumber: "cardNumber",
  expiry: "expiry",
  cvc: "cvc",
};

describe("formValues", () => {
  it.each(Object.entries(WRONG_VALUES))("WRONG_VALUES.%s is rejected by the demo store's validation", (type, value) => {
    const storeType = type === "password" ? "text" : (type as StoreField["type"]);
    expect(validateField(field(storeType), value, NOW).error).not.toBeNull();
  });

  it("generateValue gives values the demo store accepts, the same for the same stream", () => {
    for (const generator of GENERATORS) {
      for (let draw = 0; draw < 50; draw++) {
        const value = generateValue(generator, new RandomStream(draw, generator), 2026);
        expect(validateField(field(STORE_TYPE[generator] ?? "text"), value, NOW).error, `${generator}: ${value}`).toBeNull();
        expect(generateValue(generator, new RandomStream(draw, generator), 2026)).toBe(value);
      }
    }
  });
});
