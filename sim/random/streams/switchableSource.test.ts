import { describe, expect, it } from "vitest";
import { exponential } from "../distributions/exponential.ts";
import { RandomStream } from "./randomStream.ts";
import { SwitchableSource } from "./switchableSource.ts";

describe("SwitchableSource", () => {
  it("next() reads from `current`, and a sampler bound once follows every switch", () => {
    const source = new SwitchableSource(new RandomStream(17, "placeholder"));
    const sampler = exponential(source, { mean: 10 });
    const a = new RandomStream(17, "a");
    const b = new RandomStream(17, "b");
    const referenceA = exponential(new RandomStream(17, "a"), { mean: 10 });
    const referenceB = exponential(new RandomStream(17, "b"), { mean: 10 });
    for (let i = 0; i < 20; i++) {
      source.current = i % 2 === 0 ? a : b;
      expect(sampler.sample()).toBe((i % 2 === 0 ? referenceA : referenceB).sample());
    }
    source.current = a;
    const check = new RandomStream(17, "a");
    for (let i = 0; i < 10; i++) check.next();
    expect(source.next()).toBe(check.next());
  });
});
