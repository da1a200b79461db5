import { describe, expect, it } from "vitest";
import { formatWait } from "./formatWait.ts";

describe("formatWait", () => {
  it("formatWait(seconds) reads as a shopper expects", () => {
    expect(formatWait(Infinity)).toBe("until an agent comes online");
    expect(formatWait(0)).toBe("any moment now");
    expect(formatWait(45)).toBe("under a minute");
    expect(formatWait(130)).toBe("about 3 min");
    expect(formatWait(null)).toBe("");
  });
});
