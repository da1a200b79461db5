import { describe, expect, it } from "vitest";
import { checkMark } from "./checkMark.ts";

describe("checkMark", () => {
  it("checkMark colours only on a terminal", () => {
    expect(checkMark(true, { isTTY: true }, {})).toBe("\x1b[32m✓\x1b[39m");
    expect(checkMark(false, { isTTY: true }, {})).toBe("\x1b[31m✗\x1b[39m");
    expect(checkMark(false, { isTTY: false }, {})).toBe("✗");
    expect(checkMark(true, {}, {})).toBe("✓");
  });

  it("checkMark never colours with NO_COLOR set (an empty value does not count, as no-color.org says)", () => {
    expect(checkMark(true, { isTTY: true }, { NO_COLOR: "1" })).toBe("✓");
    expect(checkMark(true, { isTTY: true }, { NO_COLOR: "" })).toBe("\x1b[32m✓\x1b[39m");
  });
});
