import { describe, expect, it } from "vitest";
import { unitDouble } from "./unitDouble.ts";

describe("unitDouble", () => {
  it("unitDouble(high, low) puts high's top 21 bits and low's 32 bits on the 2^-53 grid", () => {
    expect(unitDouble(0, 0)).toBe(0);
    expect(unitDouble(-1, -1)).toBe(1 - 2 ** -53);
    expect(unitDouble(0, 1)).toBe(2 ** -53);
    // high's low 11 bits are dropped; its top bit is worth 1/2.
    expect(unitDouble(0x7ff, 0)).toBe(0);
    expect(unitDouble(0x80000000 | 0, 0)).toBe(0.5);
  });
});
