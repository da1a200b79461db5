"""An Erlang A queue (M/M/c+M) in SimPy, as a whole process: the reference the CLI is timed against.

Same model as the bench's chat-only scenario: Poisson arrivals over DAYS days, C agents holding one
chat each, exponential handle time, exponential patience (a customer still waiting when patience
runs out leaves). Time unit: seconds.

Usage: python3 erlang_a_simpy.py CHATS_PER_DAY DAYS C MEAN_HANDLE_SECONDS MEAN_PATIENCE_SECONDS [SEED]
Prints one JSON line: {requests, served, abandoned, abandonmentRate, simpyVersion}.
"""

import json
import random
import sys

import simpy


def simulate(chats_per_day, days, servers, mean_handle, mean_patience, seed):
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=servers)
    arrivals = random.Random(f"{seed}:arrivals")
    handle = random.Random(f"{seed}:handle")
    patience = random.Random(f"{seed}:patience")
    horizon = days * 86_400
    counts = {"requests": 0, "served": 0, "abandoned": 0}

    def customer():
        counts["requests"] += 1
        with desk.request() as request:
            outcome = yield request | env.timeout(patience.expovariate(1 / mean_patience))
            if request not in outcome:
                counts["abandoned"] += 1
                return
            counts["served"] += 1
            yield env.timeout(handle.expovariate(1 / mean_handle))

    def source():
        rate = chats_per_day / 86_400
        while True:
            yield env.timeout(arrivals.expovariate(rate))
            if env.now >= horizon:
                return
            env.process(customer())

    env.process(source())
    env.run()
    return counts


def main(argv):
    if len(argv) < 6:
        sys.exit("usage: erlang_a_simpy.py CHATS_PER_DAY DAYS C MEAN_HANDLE_SECONDS MEAN_PATIENCE_SECONDS [SEED]")
    counts = simulate(float(argv[1]), int(argv[2]), int(argv[3]), float(argv[4]), float(argv[5]), argv[6] if len(argv) > 6 else "1")
    counts["abandonmentRate"] = counts["abandoned"] / counts["requests"] if counts["requests"] else None
    counts["simpyVersion"] = getattr(simpy, "__version__", "unknown")
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv)
