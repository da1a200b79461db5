import { describe, expect, it } from "vitest";
import { StreamFactory } from "../random/index.ts";
import { chatCustomerSource } from "./chatCustomerSource.ts";
import { UNKNOWN_CUSTOMER } from "./chatOutcome.ts";

describe("chatCustomerSource", () => {
  it("without segments every chat is the unknown customer (cart value 0, no segment) and nothing is drawn", () => {
    const streams = new StreamFactory(9);
    const draw = chatCustomerSource([], streams);
    expect(draw()).toEqual({ cartValue: 0, segment: null });
    expect(draw()).toBe(UNKNOWN_CUSTOMER);
    // The streams it would use are untouched.
    expect(streams.stream("chatCartValue").next()).toBe(new StreamFactory(9).stream("chatCartValue").next());
  });

  it("a segment of weight 0 is never drawn; cart values come from the `chatCartValue` stream, negative ones floored at 0", () => {
    const segments = [
      { name: "never", weight: 0, cartValue: { kind: "constant", value: 999 } },
      { name: "shoppers", weight: 1, cartValue: { kind: "uniform", min: 0, max: 100 } },
    ] as const;
    const draw = chatCustomerSource(segments, new StreamFactory(4));
    const reference = new StreamFactory(4).stream("chatCartValue");
    for (let chat = 0; chat < 20; chat++) {
      const customer = draw();
      expect(customer.segment).toBe("shoppers");
      expect(customer.cartValue).toBeCloseTo(100 * reference.next(), 9);
    }
    const negative = chatCustomerSource([{ name: "refunds", weight: 1, cartValue: { kind: "constant", value: -5 } }], new StreamFactory(4));
    expect(negative()).toEqual({ segment: "refunds", cartValue: 0 });
  });

  it("two segments of weights 3 and 1 are drawn about 3 : 1 (within 4 standard errors over 4,000 chats)", () => {
    const segments = [
      { name: "a", weight: 3, cartValue: { kind: "constant", value: 50 } },
      { name: "b", weight: 1, cartValue: { kind: "constant", value: 200 } },
    ] as const;
    const draw = chatCustomerSource(segments, new StreamFactory(2));
    let a = 0;
    for (let chat = 0; chat < 4000; chat++) {
      const customer = draw();
      if (customer.segment === "a") {
        a++;
        expect(customer.cartValue).toBe(50);
      } else expect(customer.cartValue).toBe(200);
    }
    expect(Math.abs(a / 4000 - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / 4000));
  });
});
