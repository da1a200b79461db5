import { describe, expect, it } from "vitest";
import { Warnings } from "./Warnings.ts";

describe("Warnings", () => {
  it("warn(message) passes each distinct message to the sink once and counts repeats", () => {
    const seen: string[] = [];
    const warnings = new Warnings((message) => seen.push(message));
    warnings.warn("a");
    warnings.warn("b");
    warnings.warn("a");
    expect(seen).toEqual(["a", "b"]);
    expect(warnings.list()).toEqual([
      { message: "a", count: 2 },
      { message: "b", count: 1 },
    ]);
  });
});
