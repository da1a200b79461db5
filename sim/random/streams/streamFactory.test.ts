import { describe, expect, it } from "vitest";
import { RandomStream } from "./randomStream.ts";
import { StreamFactory } from "./streamFactory.ts";

describe("StreamFactory", () => {
  it("stream(name) returns the same object for the same name", () => {
    const streams = new StreamFactory(11);
    expect(streams.stream("arrivals")).toBe(streams.stream("arrivals"));
    expect(streams.stream("arrivals")).not.toBe(streams.stream("patience"));
  });

  it("stream(name) is seeded from `${seed}:${name}`, like new RandomStream(seed, name)", () => {
    const streams = new StreamFactory("exp-3");
    const direct = new RandomStream("exp-3", "chatDuration");
    const fromFactory = streams.stream("chatDuration");
    expect(fromFactory.name).toBe("chatDuration");
    expect(fromFactory.seed).toBe("exp-3");
    for (let i = 0; i < 50; i++) expect(fromFactory.next()).toBe(direct.next());
  });

  it("drawing from one stream does not shift another (common random numbers)", () => {
    const quiet = new StreamFactory(5);
    const busy = new StreamFactory(5);
    for (let i = 0; i < 1000; i++) busy.stream("cartValue").next();
    for (let i = 0; i < 100; i++) expect(busy.stream("arrivals").next()).toBe(quiet.stream("arrivals").next());
  });

  it("exposes its seed and rejects a bad one", () => {
    expect(new StreamFactory(8).seed).toBe(8);
    expect(() => new StreamFactory(Infinity)).toThrow(/^invalid random seed: Infinity \(must be a finite number\)$/);
  });

  it("rejects a seed that is neither a string nor a number", () => {
    expect(() => new StreamFactory(null as unknown as number)).toThrow(/^invalid random seed: null \(must be a string or a number\)$/);
  });
});
