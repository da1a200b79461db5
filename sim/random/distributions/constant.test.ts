import { describe, expect, it } from "vitest";
import { constant } from "./constant.ts";

describe("constant", () => {
  it("constant(value).sample() always returns value, with mean value and variance 0", () => {
    const sampler = constant(30);
    for (let i = 0; i < 10; i++) expect(sampler.sample()).toBe(30);
    expect(sampler.mean).toBe(30);
    expect(sampler.variance).toBe(0);
  });

  it("constant(NaN) throws", () => {
    expect(() => constant(NaN)).toThrow(/^invalid constant value: NaN \(must be a finite number\)$/);
  });
});
