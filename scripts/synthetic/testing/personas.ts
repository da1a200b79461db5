// Hand-written personas for tests: each test states exactly what its shopper does.

import type { PersonaSpec } from "../persona/PersonaSpec.ts";

/** A desktop shopper who buys the first product and does nothing else, with `changes` applied. */
export function testPersona(index: number, changes: Partial<PersonaSpec> = {}): PersonaSpec {
  return {
    id: `persona${index}`,
    index,
    seed: `test:persona${index}`,
    segment: "desktop",
    device: "desktop",
    reference: false,
    browsePicks: [],
    items: [{ pick: 0, quantity: 1 }],
    targetCartValue: 1,
    pauses: [],
    formErrors: [],
    leave: null,
    invitationResponse: "dismiss",
    reactionSeconds: 2,
    values: {
      "account.email": "ada@example.com",
      "shipping.fullName": "Ada Lovelace",
      "shipping.address": "12 St James's Square",
      "shipping.city": "London",
      "shipping.postalCode": "94107",
      "shipping.phone": "+1 555 010 9999",
      "payment.expiry": "12/39",
      "payment.cvc": "123",
      "payment.cardholder": "Ada Lovelace",
    },
    ...changes,
  };
}
