import { EmptySchedule, Environment, type ProcessGenerator, Resource } from "../../sim/engine/index.ts";
import { exponential, StreamFactory } from "../../sim/random/index.ts";
import { BatchedWaits } from "./BatchedWaits.ts";
import type { MmcRunResult } from "./mmcRunResult.ts";
import type { ResolvedMmcOptions } from "./resolveMmcOptions.ts";

/** How the engine is driven: one `env.run()`, or `env.step()` in a loop that counts events. */
export type EngineLoop = "run" | "step";

/**
 * The M/M/c model written with the process API, as a user would write it (the SimPy model in
 * mmc_simpy.py is the same program): a source process starts one customer process per arrival;
 * each customer requests a server, records its wait, holds the server for its service time and
 * releases it. Streams `arrivals` and `service` are the same as in the bare loop, so both see the
 * same customers and give the same waits.
 *
 * With `loop: "step"` the run counts events taken off the queue; `"run"` leaves the count null.
 */
export function runEngineMmc(options: ResolvedMmcOptions, loop: EngineLoop = "run"): MmcRunResult {
  const env = new Environment();
  const servers = new Resource(env, options.servers);
  const streams = new StreamFactory(options.seed);
  const interarrivalSeconds = exponential(streams.stream("arrivals"), { rate: options.arrivalRatePerSecond });
  const serviceSeconds = exponential(streams.stream("service"), { mean: options.meanServiceSeconds });
  const waits = new BatchedWaits(options);
  let delayedCustomers = 0;

  function* customer(index: number): ProcessGenerator<void> {
    const arrivedAt = env.now;
    const request = servers.request();
    yield request;
    const waitSeconds = env.now - arrivedAt;
    if (waitSeconds > 0) delayedCustomers++;
    waits.record(index, waitSeconds);
    yield env.timeout(serviceSeconds.sample());
    servers.release(request);
  }

  function* source(): ProcessGenerator<void> {
    for (let index = 0; index < options.customers; index++) {
      env.process(customer(index));
      yield env.timeout(interarrivalSeconds.sample());
    }
  }

  env.process(source());
  const events = loop === "step" ? stepUntilEmpty(env) : (env.run(), null);
  return { customers: options.customers, delayedCustomers, events, ...waits.summary() };
}

/** Runs `env.step()` until the queue is empty; returns how many events it processed. */
function stepUntilEmpty(env: Environment): number {
  let events = 0;
  try {
    for (;;) {
      env.step();
      events++;
    }
  } catch (error) {
    if (!(error instanceof EmptySchedule)) throw error;
  }
  return events;
}
