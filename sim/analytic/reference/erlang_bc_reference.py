"""Reference values for erlangB, erlangC, erlangCMetrics, mmck and Erlang-C staffing.

Run:  python3 sim/analytic/reference/erlang_bc_reference.py
The printed lines are pasted as literal constants into the *.test.ts files beside
this folder. Method: direct Decimal sums (see common.py), not the recursions of
the TypeScript code.
"""
from common import D, dec, erlang_b, erlang_c, erlang_c_metrics, erlang_c_staffing, scheduled, emit, poisson_terms

SERVICE = dec(180)  # mean service seconds used throughout
TARGET = dec(20)    # service-level target seconds

# (servers, offered load in Erlangs)
B_CASES = [(1, "0.5"), (2, "1.5"), (10, "5"), (100, "90"), (1000, "980"), (2000, "1980"), (2000, "1500")]
C_CASES = [(1, "0.99"), (2, "1.98"), (10, "9.9"), (100, "99"), (1000, "990"), (2000, "1980"),
           (10, "5"), (100, "80"), (2000, "1900")]
METRIC_CASES = [(1, "0.5"), (10, "8"), (100, "95"), (1000, "990"), (2000, "1980")]
# (servers, capacity K, load)
MMCK_CASES = [(1, 1, "0.5"), (2, 2, "1.5"), (10, 10, "5"), (3, 10, "4"), (10, 30, "9"), (10, 3000, "9"),
              (100, 150, "105"), (1000, 1200, "990"), (2000, 2000, "1980")]


def mmck(servers, capacity, load, service):
    """M/M/c/K by direct product form p_n ∝ A^n/n! (n<=c), A^c/c! (A/c)^(n-c) (n>c)."""
    terms = poisson_terms(load, servers)
    for n in range(servers + 1, capacity + 1):
        terms.append(terms[-1] * load / servers)
    total = sum(terms)
    p = [t / total for t in terms]
    lam = load / service
    block = p[capacity]
    lq = sum((n - servers) * p[n] for n in range(servers + 1, capacity + 1))
    l_sys = sum(n * p[n] for n in range(capacity + 1))
    thru = lam * (1 - block)
    busy = sum(min(n, servers) * p[n] for n in range(capacity + 1))
    return {
        "probabilityOfBlocking": block,
        "probabilityOfWait": sum(p[servers:capacity]) / (1 - block),
        "meanQueueLength": lq,
        "meanInSystem": l_sys,
        "meanWaitSeconds": lq / thru,
        "throughputPerSecond": thru,
        "occupancy": busy / servers,
        "statesAt0cK": [p[0], p[servers], p[capacity]],
    }


def main():
    emit("ERLANG_B", [[c, float(a), erlang_b(c, dec(a))] for c, a in B_CASES])
    emit("ERLANG_C", [[c, float(a), erlang_c(c, dec(a))] for c, a in C_CASES])
    emit("ERLANG_C_METRICS", [[c, float(a), erlang_c_metrics(c, dec(a), SERVICE, TARGET)] for c, a in METRIC_CASES])
    emit("MMCK", [[c, k, float(a), mmck(c, k, dec(a), SERVICE)] for c, k, a in MMCK_CASES])

    # Staffing (all with AHT 180 s). [label, load, kwargs]
    staffing = [
        ("pyworkforce 100 calls/30 min, 80/20, occ<=0.85", "10", dict(service_level=D("0.8"), max_occupancy=D("0.85"))),
        ("80/20 load 100", "100", dict(service_level=D("0.8"))),
        ("80/20 load 1000", "1000", dict(service_level=D("0.8"))),
        ("90/20 load 500", "500", dict(service_level=D("0.9"))),
        ("80/20 + occ<=0.85 load 1000", "1000", dict(service_level=D("0.8"), max_occupancy=D("0.85"))),
        ("mean wait <= 10 s load 50", "50", dict(max_wait=dec(10))),
        ("80/20 load 20 concurrency 2", "20", dict(service_level=D("0.8"), concurrency=2)),
        ("80/20 load 20 concurrency 1.7", "20", dict(service_level=D("0.8"), concurrency="1.7")),
    ]
    rows = []
    for label, load, kw in staffing:
        agents, servers, m = erlang_c_staffing(dec(load), SERVICE, TARGET, **kw)
        rows.append([label, float(load), agents, servers, scheduled(agents, "0.3"), m["serviceLevel"], m["occupancy"]])
    emit("ERLANG_C_STAFFING (label, load, agentsOnline, servers, scheduled@30% shrinkage, serviceLevel, occupancy)", rows)


if __name__ == "__main__":
    main()
