"""The M/M/c benchmark model in SimPy: the reference the engine is compared with.

Same program as scripts/bench/runEngineMmc.ts: a source process starts one customer process per
arrival; each customer requests a server, records its wait, holds the server for an exponential
service time and releases it. Time unit: seconds.

Usage: python3 mmc_simpy.py N LAMBDA MU C [SEED] [WARMUP_CUSTOMERS] [BATCHES]
  N       customers to simulate
  LAMBDA  arrival rate per second
  MU      service rate per second (1 / mean service seconds)
  C       servers
Prints one JSON line: {customers, wallSeconds, meanWait, delayedCustomers, events, batchMeans,
simpyVersion, pythonVersion}. wallSeconds covers building the model and env.run(), not interpreter
start-up. Waits of the first WARMUP_CUSTOMERS customers are not recorded; the rest are split into
BATCHES equal batches (as in scripts/bench/BatchedWaits.ts) and meanWait is the mean of the batch means.
"""

import json
import platform
import random
import sys
import time

import simpy


def simulate(customers, arrival_rate, service_rate, servers, seed, warmup_customers, batches):
    env = simpy.Environment()
    resource = simpy.Resource(env, capacity=servers)
    arrivals = random.Random(f"{seed}:arrivals")
    service = random.Random(f"{seed}:service")
    batch_customers = (customers - warmup_customers) // batches
    batch_sums = [0.0] * batches
    delayed = [0]

    def customer(index):
        arrived_at = env.now
        with resource.request() as request:
            yield request
            wait = env.now - arrived_at
            if wait > 0:
                delayed[0] += 1
            batch = (index - warmup_customers) // batch_customers
            if 0 <= batch < batches:
                batch_sums[batch] += wait
            yield env.timeout(service.expovariate(service_rate))

    def source():
        for index in range(customers):
            env.process(customer(index))
            yield env.timeout(arrivals.expovariate(arrival_rate))

    env.process(source())
    env.run()
    # SimPy numbers every scheduled event from one counter; the queue is empty at the end, so the
    # next number is the count of events processed. Read once, after the run: no cost in the loop.
    events = next(env._eid)
    batch_means = [total / batch_customers for total in batch_sums]
    return {
        "customers": customers,
        "meanWait": sum(batch_means) / batches,
        "delayedCustomers": delayed[0],
        "events": events,
        "batchMeans": batch_means,
    }


def main(argv):
    if len(argv) < 5:
        sys.exit("usage: mmc_simpy.py N LAMBDA MU C [SEED] [WARMUP_CUSTOMERS] [BATCHES]")
    customers = int(argv[1])
    arrival_rate = float(argv[2])
    service_rate = float(argv[3])
    servers = int(argv[4])
    seed = argv[5] if len(argv) > 5 else "1"
    warmup_customers = int(argv[6]) if len(argv) > 6 else 0
    batches = int(argv[7]) if len(argv) > 7 else 20
    started = time.perf_counter()
    result = simulate(customers, arrival_rate, service_rate, servers, seed, warmup_customers, batches)
    result["wallSeconds"] = time.perf_counter() - started
    result["simpyVersion"] = getattr(simpy, "__version__", "unknown")
    result["pythonVersion"] = platform.python_version()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
