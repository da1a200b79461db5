"""Shared helpers for the independent reference scripts of sim/analytic.

Everything is computed in Python's `decimal` with 60 significant digits and an
unbounded exponent range, from the textbook *sum* formulas (Gross & Harris,
"Fundamentals of Queueing Theory", 4th ed., sec. 2.3 (M/M/c), 2.5 (M/M/c/K),
2.6 (Erlang B)) rather than the recursions the TypeScript code uses, so the two
share no algorithm. No third-party packages.
"""
from decimal import Decimal as D, getcontext
import json

getcontext().prec = 60
getcontext().Emax = 999_999_999
getcontext().Emin = -999_999_999

TINY = D("1e-50")  # relative truncation tolerance for infinite sums


def dec(x):
    """Decimal from an int/str/float literal without binary noise from str()."""
    return D(str(x))


def poisson_terms(load, last):
    """[A^n / n!] for n = 0..last, by the exact term ratio A/n (no factorial overflow in Decimal)."""
    terms = [D(1)]
    for n in range(1, last + 1):
        terms.append(terms[-1] * load / n)
    return terms


def erlang_b(servers, load):
    """B(c, A) = (A^c/c!) / sum_{k<=c} A^k/k!  (Erlang's loss formula)."""
    terms = poisson_terms(load, servers)
    return terms[servers] / sum(terms)


def erlang_c(servers, load):
    """C(c, A) = (A^c/c! * c/(c-A)) / (sum_{k<c} A^k/k! + A^c/c! * c/(c-A)); 1 when A >= c."""
    if load >= servers:
        return D(1)
    terms = poisson_terms(load, servers)
    tail = terms[servers] * servers / (servers - load)
    return tail / (sum(terms[:servers]) + tail)


def erlang_c_metrics(servers, load, service, target):
    """M/M/c waits (Gross & Harris sec. 2.3): P(Wq > t) = C exp(-(c mu - lambda) t), E[Wq] = C / (c mu - lambda)."""
    mu = 1 / service
    lam = load * mu
    pw = erlang_c(servers, load)
    gap = servers * mu - lam
    wait = pw / gap
    return {
        "probabilityOfWait": pw,
        "meanWaitSeconds": wait,
        "meanWaitOfDelayedSeconds": 1 / gap,
        "serviceLevel": 1 - pw * (-gap * target).exp(),
        "meanQueueLength": lam * wait,
        "occupancy": load / servers,
    }


def erlang_c_staffing(load, service, target_seconds, service_level=None, max_occupancy=None, max_wait=None, concurrency=1):
    """Smallest agent count a (servers = floor(a * concurrency)) meeting every target, by linear scan from 1."""
    agents = 1
    while True:
        servers = int(agents * dec(concurrency))  # floor for positive values
        if servers > load:
            m = erlang_c_metrics(servers, load, service, target_seconds)
            ok = (service_level is None or m["serviceLevel"] >= service_level) \
                and (max_occupancy is None or m["occupancy"] <= max_occupancy) \
                and (max_wait is None or m["meanWaitSeconds"] <= max_wait)
            if ok:
                return agents, servers, m
        agents += 1


def scheduled(agents, shrinkage):
    """ceil(agents / (1 - shrinkage)) in exact decimal arithmetic."""
    q = dec(agents) / (1 - dec(shrinkage))
    return int(q.to_integral_value(rounding="ROUND_CEILING"))


def emit(name, value):
    """Print one `name = value` line with floats at full double precision (repr is round-trip exact)."""
    def conv(v):
        if isinstance(v, D):
            return float(v)
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v
    print(f"{name} = {json.dumps(conv(value))}")
