// Statistical validation of the engine: M/M/c, M/M/c+M and M/M/c/K written directly with processes,
// resources, timeouts and any-of, run with fixed seeds, must put the exact steady-state values
// (sim/analytic, itself checked against independent references) inside the simulation's own 99%
// batch-means confidence interval.
//
// Method (Law, "Simulation Modeling and Analysis", 5th ed., sec. 9.5): one long run per case, starting
// empty; the first WARMUP_SHARE of the customers (by arrival order) are discarded, the rest are cut
// into BATCHES consecutive batches, and the batch means give a t-interval with BATCHES - 1 df.
// Every batch holds over 10,000 customers and spans at least 200 mean service times (58 mean
// patience times in the long-patience case), against relaxation times of at most ~1/(mu (1 - sqrt(rho))^2)
// ~ 12 service times (M/M/1 at rho 0.5), a few service times for the many-server cases and about one
// mean patience for overloaded Erlang A; so batch means are close to independent, and the warm-up
// (5%: again at least 100 service times or 90 patience times) removes the empty-start bias.
//
// Each assertion is a 99% interval, so a single one may miss by chance about once in a hundred seeds;
// the seeds are fixed, which keeps the file stable, and no seed was picked for passing.

import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangCMetrics, mmck } from "../analytic/index.ts";
import { exponential, type Sampler, StreamFactory } from "../random/index.ts";
import { Environment } from "./Environment.ts";
import type { ProcessGenerator } from "./Process.ts";
import { Resource } from "./Resource.ts";
import { batchMeans, type ConfidenceInterval, confidenceInterval99, expectInside } from "./testConfidenceInterval.ts";

const BATCHES = 30;
const WARMUP_SHARE = 0.05;

/** What happened to each customer, indexed by arrival order. */
interface CustomerLog {
  /** 1 if the customer found every server busy (and was admitted). */
  readonly delayed: Uint8Array;
  /** Queue wait: until service starts, or until giving up (abandoned), 0 if blocked. */
  readonly waitSeconds: Float64Array;
  readonly abandoned: Uint8Array;
  readonly blocked: Uint8Array;
}

interface QueueCase {
  readonly arrivalRatePerSecond: number;
  readonly meanServiceSeconds: number;
  readonly servers: number;
  /** Exponential patience (M/M/c+M); omitted = infinite patience. */
  readonly meanPatienceSeconds?: number;
  /** Most customers in the system (M/M/c/K); omitted = infinite waiting room. */
  readonly capacity?: number;
  readonly customers: number;
  readonly seed: number;
}

interface Samplers {
  readonly service: Sampler;
  readonly patience: Sampler | null;
}

/** M/M/c: wait FIFO for a server, hold it for the service time. */
function* patientCustomer(env: Environment, servers: Resource, index: number, log: CustomerLog, samplers: Samplers): ProcessGenerator<void> {
  const arrivedAt = env.now;
  const request = servers.request();
  log.delayed[index] = request.granted ? 0 : 1;
  yield request;
  log.waitSeconds[index] = env.now - arrivedAt;
  yield env.timeout(samplers.service.sample());
  servers.release(request);
}

/** M/M/c+M: as above, but a delayed customer reneges when the exponential patience runs out first. */
function* impatientCustomer(env: Environment, servers: Resource, index: number, log: CustomerLog, samplers: Samplers): ProcessGenerator<void> {
  const arrivedAt = env.now;
  const request = servers.request();
  if (!request.granted) {
    log.delayed[index] = 1;
    const patience = env.timeout(samplers.patience!.sample());
    yield env.anyOf([request, patience]);
    patience.cancel();
    if (!request.granted) {
      request.cancel();
      log.abandoned[index] = 1;
      log.waitSeconds[index] = env.now - arrivedAt;
      return;
    }
  }
  yield request;
  log.waitSeconds[index] = env.now - arrivedAt;
  yield env.timeout(samplers.service.sample());
  servers.release(request);
}

/** Runs one case to completion (arrivals stop after `customers`, the system then drains). */
function simulateQueue(queueCase: QueueCase): CustomerLog {
  const { arrivalRatePerSecond, meanServiceSeconds, servers, meanPatienceSeconds, capacity = Infinity, customers, seed } = queueCase;
  const env = new Environment();
  const streams = new StreamFactory(seed);
  const interarrival = exponential(streams.stream("arrivals"), { rate: arrivalRatePerSecond });
  const samplers: Samplers = {
    service: exponential(streams.stream("service"), { mean: meanServiceSeconds }),
    patience: meanPatienceSeconds === undefined ? null : exponential(streams.stream("patience"), { mean: meanPatienceSeconds }),
  };
  const resource = new Resource(env, servers);
  const log: CustomerLog = {
    delayed: new Uint8Array(customers),
    waitSeconds: new Float64Array(customers),
    abandoned: new Uint8Array(customers),
    blocked: new Uint8Array(customers),
  };
  const customer = samplers.patience === null ? patientCustomer : impatientCustomer;
  let inSystem = 0;
  // M/M/c/K admission: an arrival that finds K customers (in service plus waiting) is lost.
  function* admitted(index: number): ProcessGenerator<void> {
    inSystem++;
    yield env.process(customer(env, resource, index, log, samplers));
    inSystem--;
  }
  env.process(
    (function* () {
      for (let index = 0; index < customers; index++) {
        yield env.timeout(interarrival.sample());
        if (capacity === Infinity) env.process(customer(env, resource, index, log, samplers));
        else if (inSystem >= capacity) log.blocked[index] = 1;
        else env.process(admitted(index));
      }
    })(),
  );
  env.run();
  resource.checkInvariants();
  expect(resource.inUse).toBe(0);
  expect(resource.queueLength).toBe(0);
  return log;
}

/** The customers after the warm-up, with only those `keep` accepts (e.g. admitted ones). */
function steadyState(values: ArrayLike<number>, keep: (index: number) => boolean = () => true): number[] {
  const kept: number[] = [];
  for (let index = Math.floor(values.length * WARMUP_SHARE); index < values.length; index++) if (keep(index)) kept.push(values[index]);
  return kept;
}

/** 99% batch-means interval of a per-customer measure after the warm-up. */
function interval(values: ArrayLike<number>, keep?: (index: number) => boolean): ConfidenceInterval {
  return confidenceInterval99(batchMeans(steadyState(values, keep), BATCHES));
}

describe("engine against exact M/M/c (Erlang C)", () => {
  // Mean service 60 s throughout; the load rho = lambda / (c mu) sets the arrival rate.
  const cases = [
    { servers: 1, utilization: 0.5, customers: 400_000, seed: 1 },
    { servers: 10, utilization: 0.8, customers: 400_000, seed: 2 },
    { servers: 100, utilization: 0.9, customers: 1_500_000, seed: 3 },
    { servers: 500, utilization: 0.95, customers: 3_000_000, seed: 4 },
  ];
  for (const { servers, utilization, customers, seed } of cases) {
    it(`M/M/${servers} at rho ${utilization}: P(wait) and mean wait lie in the 99% batch-means CI`, () => {
      const meanServiceSeconds = 60;
      const arrivalRatePerSecond = (utilization * servers) / meanServiceSeconds;
      const exact = erlangCMetrics({ arrivalRatePerSecond, meanServiceSeconds, servers });
      const log = simulateQueue({ arrivalRatePerSecond, meanServiceSeconds, servers, customers, seed });
      expectInside(interval(log.delayed), exact.probabilityOfWait, "P(wait)");
      expectInside(interval(log.waitSeconds), exact.meanWaitSeconds, "mean wait");
    });
  }

  // Proof that the checks have teeth: the same assertion, given a P(wait) 10% above the exact value, must fail.
  it("deliberately wrong check: expectInside rejects an M/M/10 P(wait) 10% above the exact value", () => {
    const meanServiceSeconds = 60;
    const arrivalRatePerSecond = (0.8 * 10) / meanServiceSeconds;
    const exact = erlangCMetrics({ arrivalRatePerSecond, meanServiceSeconds, servers: 10 });
    const log = simulateQueue({ arrivalRatePerSecond, meanServiceSeconds, servers: 10, customers: 400_000, seed: 2 });
    const probabilityOfWait = interval(log.delayed);
    expectInside(probabilityOfWait, exact.probabilityOfWait, "P(wait)");
    expect(() => expectInside(probabilityOfWait, exact.probabilityOfWait * 1.1, "P(wait) + 10%")).toThrow(/^P\(wait\) \+ 10%: exact .* vs simulated 99% CI/);
  });
});

describe("engine against exact M/M/c+M (Erlang A)", () => {
  const cases = [
    // Overloaded (rho 1.1): without abandonment the queue would grow forever.
    { servers: 20, utilization: 1.1, meanPatienceSeconds: 12, customers: 400_000, seed: 5 },
    { servers: 20, utilization: 1.1, meanPatienceSeconds: 600, customers: 400_000, seed: 6 },
    // Many servers, near critical load, patience equal to the service time.
    { servers: 200, utilization: 0.98, meanPatienceSeconds: 60, customers: 1_600_000, seed: 7 },
  ];
  for (const { servers, utilization, meanPatienceSeconds, customers, seed } of cases) {
    it(`M/M/${servers}+M at rho ${utilization}, mean patience ${meanPatienceSeconds} s: P(wait), mean wait and P(abandon) lie in the 99% CI`, () => {
      const meanServiceSeconds = 60;
      const arrivalRatePerSecond = (utilization * servers) / meanServiceSeconds;
      const exact = erlangA({ arrivalRatePerSecond, meanServiceSeconds, meanPatienceSeconds, servers });
      const log = simulateQueue({ arrivalRatePerSecond, meanServiceSeconds, servers, meanPatienceSeconds, customers, seed });
      expectInside(interval(log.delayed), exact.probabilityOfWait, "P(wait)");
      expectInside(interval(log.waitSeconds), exact.meanWaitSeconds, "mean wait");
      expectInside(interval(log.abandoned), exact.probabilityOfAbandon, "P(abandon)");
    });
  }
});

describe("engine against exact M/M/c/K", () => {
  it("M/M/10/10 (K = c) at offered load 9: P(block) is Erlang B and nobody waits", () => {
    const meanServiceSeconds = 60;
    const arrivalRatePerSecond = 9 / meanServiceSeconds;
    const log = simulateQueue({ arrivalRatePerSecond, meanServiceSeconds, servers: 10, capacity: 10, customers: 400_000, seed: 8 });
    expectInside(interval(log.blocked), erlangB(10, 9), "P(block)");
    expect(log.delayed.every((flag) => flag === 0)).toBe(true);
    expect(log.waitSeconds.every((seconds) => seconds === 0)).toBe(true);
  });

  it("M/M/5/12 at offered load 6 (above capacity): P(block), P(wait) and mean wait of admitted lie in the 99% CI", () => {
    const meanServiceSeconds = 60;
    const arrivalRatePerSecond = 6 / meanServiceSeconds;
    const exact = mmck({ arrivalRatePerSecond, meanServiceSeconds, servers: 5, capacity: 12 });
    const log = simulateQueue({ arrivalRatePerSecond, meanServiceSeconds, servers: 5, capacity: 12, customers: 400_000, seed: 9 });
    const admitted = (index: number): boolean => log.blocked[index] === 0;
    expectInside(interval(log.blocked), exact.probabilityOfBlocking, "P(block)");
    expectInside(interval(log.delayed, admitted), exact.probabilityOfWait, "P(wait | admitted)");
    expectInside(interval(log.waitSeconds, admitted), exact.meanWaitSeconds, "mean wait of admitted");
  });
});
