import { describe, expect, it } from "vitest";
import { erlangCMetrics } from "../../sim/analytic/index.ts";
import { resolveMmcOptions } from "./resolveMmcOptions.ts";
import { runBareLoopMmc } from "./runBareLoopMmc.ts";
import { runEngineMmc } from "./runEngineMmc.ts";
import { runGeneratorLoopMmc } from "./runGeneratorLoopMmc.ts";

// Sanity of the benchmark models, not timing: small runs, fixed seed, checked against exact Erlang C.
const options = resolveMmcOptions({ customers: 20_000, seed: 1 });
const exact = erlangCMetrics({
  arrivalRatePerSecond: options.arrivalRatePerSecond,
  meanServiceSeconds: options.meanServiceSeconds,
  servers: options.servers,
});

describe("M/M/100 benchmark models (20,000 customers, seed 1)", () => {
  const engine = runEngineMmc(options, "run");
  const engineStepped = runEngineMmc(options, "step");
  const bareLoop = runBareLoopMmc(options);

  it("runEngineMmc: the 95% batch-means CI of the mean wait covers exact Erlang C", () => {
    expect(exact.meanWaitSeconds).toBeCloseTo(1.3016, 4);
    expect(engine.interval.lower).toBeLessThanOrEqual(exact.meanWaitSeconds);
    expect(engine.interval.upper).toBeGreaterThanOrEqual(exact.meanWaitSeconds);
    expect(engine.interval.batches).toBe(20);
    expect(engine.recordedCustomers).toBe(19_000);
  });

  it("runBareLoopMmc: the 95% batch-means CI of the mean wait covers exact Erlang C", () => {
    expect(bareLoop.interval.lower).toBeLessThanOrEqual(exact.meanWaitSeconds);
    expect(bareLoop.interval.upper).toBeGreaterThanOrEqual(exact.meanWaitSeconds);
    expect(bareLoop.events).toBe(2 * options.customers);
  });

  it("runEngineMmc and runBareLoopMmc draw the same streams, so they record identical waits", () => {
    expect(bareLoop.meanWaitSeconds).toBe(engine.meanWaitSeconds);
    expect(bareLoop.delayedCustomers).toBe(engine.delayedCustomers);
    expect(bareLoop.interval).toEqual(engine.interval);
  });

  it("runGeneratorLoopMmc runs the same customers as the engine: identical waits, and its queue entries by rule", () => {
    const generatorLoop = runGeneratorLoopMmc(options);
    expect(generatorLoop.meanWaitSeconds).toBe(engine.meanWaitSeconds);
    expect(generatorLoop.delayedCustomers).toBe(engine.delayedCustomers);
    expect(generatorLoop.interval).toEqual(engine.interval);
    // Per customer: its start and two timeouts, plus a grant when delayed; plus the source's start.
    expect(generatorLoop.events).toBe(1 + 3 * options.customers + generatorLoop.delayedCustomers);
  });

  it("runEngineMmc(step) runs the same simulation as run() and counts the events it processes", () => {
    expect(engineStepped.meanWaitSeconds).toBe(engine.meanWaitSeconds);
    expect(engine.events).toBeNull();
    // Each customer's process start, interarrival timeout and service timeout go through the queue.
    expect(engineStepped.events).toBeGreaterThanOrEqual(3 * options.customers);
  });

  it("the share of delayed customers is near exact P(wait)", () => {
    expect(engine.delayedCustomers / engine.customers).toBeGreaterThan(exact.probabilityOfWait - 0.05);
    expect(engine.delayedCustomers / engine.customers).toBeLessThan(exact.probabilityOfWait + 0.05);
  });
});

describe("resolveMmcOptions", () => {
  it("defaults to the issue's model: M/M/100, 1.5 arrivals/s, 60 s service, 1,000,000 customers", () => {
    const resolved = resolveMmcOptions();
    expect(resolved).toMatchObject({ customers: 1_000_000, arrivalRatePerSecond: 1.5, meanServiceSeconds: 60, servers: 100 });
    expect(resolved.warmupCustomers).toBe(50_000);
    expect(resolved.batchCustomers).toBe(47_500);
  });

  it("rejects bad values with a message naming the option and the value", () => {
    expect(() => resolveMmcOptions({ customers: 0 })).toThrow(/^invalid customers: 0 \(must be an integer >= 1\)$/);
    expect(() => resolveMmcOptions({ servers: 2.5 })).toThrow(/^invalid servers: 2.5 /);
    expect(() => resolveMmcOptions({ batches: 1 })).toThrow(/^invalid batches: 1 \(must be an integer from 2 to 31\)$/);
    expect(() => resolveMmcOptions({ customers: 10 })).toThrow(/^invalid customers: 10 \(too few for 20 batches/);
  });
});
