import { describe, expect, it } from "vitest";
import { probabilityBest } from "./probabilityBest.ts";

describe("probabilityBest", () => {
  it("counts wins per replication and splits ties", () => {
    const values = [
      [1, 5, 3, 2],
      [2, 4, 3, 1],
    ];
    expect(probabilityBest(values, true)).toEqual([0.625, 0.375]);
    expect(probabilityBest(values, false)).toEqual([0.375, 0.625]);
  });
});
