import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./closestName.ts";

describe("closestName", () => {
  it("editDistance counts insertions, deletions, substitutions and a swap as one edit each", () => {
    expect(editDistance("kitten", "sitting")).toBe(3); // the textbook Levenshtein example
    expect(editDistance("seed", "sed")).toBe(1);
    expect(editDistance("staff", "satff")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("closestName suggests the nearest name within two edits", () => {
    const commands = ["start", "simulate", "replicate", "compare", "staff", "schema"];
    expect(closestName("simulat", commands)).toBe("simulate");
    expect(closestName("stafff", commands)).toBe("staff");
    expect(closestName("comapre", commands)).toBe("compare");
  });

  it("closestName suggests the only name a typo is a prefix of, and nothing when nothing is close", () => {
    expect(closestName("rep", ["replications", "report", "seed"])).toBeUndefined(); // two names start with "rep"
    expect(closestName("replic", ["replications", "seed"])).toBe("replications");
    expect(closestName("deploy", ["start", "simulate", "staff"])).toBeUndefined();
    expect(closestName("x", ["y", "z"])).toBeUndefined(); // one letter is never "two edits from" a guess
  });
});
