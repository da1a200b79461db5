"""Reference values for erlangA (M/M/c+M) and Erlang-A staffing.

Run:  python3 sim/analytic/reference/erlang_a_reference.py      (about 20 s)
Printed lines are pasted as literal constants into erlangA.test.ts, negativeBinomialSurvival.test.ts
and requiredAgents.test.ts.

Method (Decimal, 60 digits; shares no algorithm with the TypeScript code):
* stationary law of the birth-death chain (birth lambda, death min(n,c) mu + (n-c)^+ theta),
  direct products, summed until the term is < 1e-50 of the sum past the mode;
* abandonment and waits of a customer who finds k others queued, by first-step analysis over
  the phases "k ahead, k-1 ahead, ..., head of line" (phase rate c mu + (k+1) theta);
* service level P(served and W <= t) by *uniformization* (Tijms, "A First Course in Stochastic
  Models", 2003, ch. 4, transient analysis) of the tagged-customer death chain started from the
  arrival-stationary law (PASTA): SL = P(n < c) + (c mu / L) sum_m x0^(m) P(Poisson(L t) >= m + 1), truncated when the
  Poisson tail is < 1e-45. The TypeScript code instead uses a Beta / negative-binomial closed form.
"""
from decimal import localcontext
from common import D, dec, emit, erlang_c_metrics, scheduled

TAIL = D("1e-50")


def stationary(c, lam, mu, theta):
    """Unnormalised weights w_n, n = 0..N (A^n / n! for n <= c), N past the mode with a < 1e-50 tail."""
    w = [D(1)]
    for n in range(1, c + 1):
        w.append(w[-1] * lam / (n * mu))
    k = 0
    while True:
        k += 1
        rate = c * mu + k * theta
        w.append(w[-1] * lam / rate)
        if rate > lam and w[-1] < TAIL * sum(w[c:]):
            return w


def tagged_customer(c, mu, theta, last):
    """Per k = queue length found: P(served), E[W], E[W; served] by first-step analysis."""
    served, wait, wait_served = [], [], []
    for k in range(last + 1):
        hold = 1 / (c * mu + (k + 1) * theta)  # mean time in the phase with k ahead
        move = (c * mu + k * theta) * hold      # P(phase ends by moving up / entering service)
        if k == 0:
            served.append(move); wait.append(hold); wait_served.append(hold * move)
        else:
            served.append(move * served[-1])
            wait.append(hold + move * wait[-1])
            wait_served.append(hold * served[-1] + move * wait_served[-1])
    return served, wait, wait_served


def service_level_delayed(c, mu, theta, queue_law, t):
    """sum_k p_{c+k} P(served, W <= t | k ahead) by uniformization of the tagged death chain."""
    K = len(queue_law) - 1
    rate = c * mu + (K + 1) * theta
    x = list(queue_law)
    lt = rate * t
    pois = (-lt).exp()
    cdf = pois
    total = D(0)
    m = 0
    while True:
        total += x[0] * (1 - cdf)  # P(Poisson >= m + 1)
        if 1 - cdf < D("1e-45") and m > lt:
            return c * mu / rate * total
        nxt = [x[j] * (1 - (c * mu + (j + 1) * theta) / rate) for j in range(K + 1)]
        for j in range(K):
            nxt[j] += x[j + 1] * (c * mu + (j + 1) * theta) / rate
        x = nxt
        m += 1
        pois = pois * lt / m
        cdf += pois


def erlang_a(c, load, service, patience, target, with_sl=True):
    mu, theta = 1 / service, 1 / patience
    lam = load * mu
    w = stationary(c, lam, mu, theta)
    total = sum(w)
    p = [x / total for x in w]
    q = p[c:]
    served, wait, wait_served = tagged_customer(c, mu, theta, len(q) - 1)
    p_wait = sum(q)
    lq = sum(k * q[k] for k in range(len(q)))
    p_ab = sum(q[k] * (1 - served[k]) for k in range(len(q)))
    mean_wait = sum(q[k] * wait[k] for k in range(len(q)))
    e_ws = sum(q[k] * wait_served[k] for k in range(len(q)))
    busy = sum(min(n, c) * p[n] for n in range(len(p)))
    assert abs(p_ab - theta * lq / lam) < D("1e-40") and abs(mean_wait - lq / lam) < D("1e-35")
    out = {
        "offeredLoadErlangs": load,
        "probabilityOfWait": p_wait,
        "probabilityOfAbandon": p_ab,
        "meanWaitSeconds": mean_wait,
        "meanWaitOfServedSeconds": e_ws / (1 - p_ab),
        "meanWaitOfAbandonedSeconds": (mean_wait - e_ws) / p_ab,
        "meanQueueLength": lq,
        "occupancy": busy / c,
    }
    if with_sl:
        sl = (1 - p_wait) + service_level_delayed(c, mu, theta, q, target)
        out["serviceLevel"] = sl
        out["serviceLevelOfAnswered"] = sl / (1 - p_ab)
    return out


def erlang_a_staffing(load, service, patience, target, service_level=None, max_abandon=None,
                      max_occupancy=None, concurrency=1):
    """Smallest agents a (servers floor(a * concurrency)) meeting all targets, scanning a = 1, 2, ..."""
    agents = 1
    while True:
        servers = int(agents * dec(concurrency))
        m = erlang_a(servers, load, service, patience, target, with_sl=False)
        ok = (max_abandon is None or m["probabilityOfAbandon"] <= max_abandon) \
            and (max_occupancy is None or m["occupancy"] <= max_occupancy)
        if ok and service_level is not None:
            m = erlang_a(servers, load, service, patience, target)
            ok = m["serviceLevel"] >= service_level
        if ok:
            return agents, servers, m
        agents += 1


# (servers, load, mean service s, mean patience s, target s)
CASES = [
    (1, "0.9", 180, 60, 20),
    (2, "1.5", 180, 600, 20),
    (10, "9.5", 180, 300, 20),
    (10, "12", 180, 120, 20),
    (10, "9", 180, 180, 20),       # theta = mu: number in system is Poisson(9) (M/M/infinity)
    (100, "99", 180, 600, 20),
    (100, "110", 180, 60, 30),     # patience shorter than service, overloaded
    (1000, "990", 180, 300, 20),
    (2000, "1980", 180, 1800, 20),
    (2000, "2100", 240, 120, 20),  # overloaded, large
    (10, "9", 180, 10**7, 20),     # very long patience: close to Erlang C
    (100, "95", 180, 10**8, 20),
]


def negative_binomial_survival(shape, log_success, ks):
    """P(N > k) for N ~ NegBin(shape, z = e^log_success), by direct Decimal pmf sums from q_0 = z^shape
    (100 digits here, because 1 - cdf of a 1e-46 tail needs them)."""
    with localcontext() as ctx:
        ctx.prec = 100
        return _nb_survival(shape, log_success, ks)


def _nb_survival(shape, log_success, ks):
    z = log_success.exp()
    q = z ** shape
    cdf, out, j = q, {}, 0
    for k in sorted(ks):
        while j < k:
            j += 1
            q = q * (shape + j - 1) * (1 - z) / j
            cdf += q
        out[k] = 1 - cdf
    return [out[k] for k in ks]


def main():
    emit("NB_SURVIVAL (shape, logSuccess, ks, P(N > k))", [
        [2.5, -1.2, [0, 1, 5, 20], negative_binomial_survival(D("2.5"), D("-1.2"), [0, 1, 5, 20])],
        [40001, -1, [60000, 68700, 70000, 75000], negative_binomial_survival(D(40001), D(-1), [60000, 68700, 70000, 75000])],
    ])
    rows = []
    for c, load, s, pat, t in CASES:
        rows.append([c, float(load), s, pat, t, erlang_a(c, dec(load), dec(s), dec(pat), dec(t))])
    emit("ERLANG_A", rows)
    # M/M/infinity check of the theta = mu case: P(N >= 10) for N ~ Poisson(9).
    terms = [D(1)]
    for n in range(1, 10):
        terms.append(terms[-1] * 9 / n)
    emit("POISSON9_TAIL_GE_10", 1 - sum(terms) * (-D(9)).exp())
    # Erlang C at the long-patience cases, for the convergence test.
    emit("ERLANG_C_AT_LONG_PATIENCE", [erlang_c_metrics(10, D(9), D(180), D(20)), erlang_c_metrics(100, D(95), D(180), D(20))])

    staffing = [
        ("80/20 load 10 patience 120", "10", 120, dict(service_level=D("0.8"))),
        ("80/20 + abandon<=3% load 100 patience 300", "100", 300, dict(service_level=D("0.8"), max_abandon=D("0.03"))),
        ("abandon<=5% load 100 patience 60", "100", 60, dict(max_abandon=D("0.05"))),
        ("80/20 + occ<=0.85 load 50 patience 600", "50", 600, dict(service_level=D("0.8"), max_occupancy=D("0.85"))),
        ("80/20 load 30 patience 120 concurrency 3", "30", 120, dict(service_level=D("0.8"), concurrency=3)),
    ]
    out = []
    for label, load, pat, kw in staffing:
        agents, servers, m = erlang_a_staffing(dec(load), D(180), dec(pat), D(20), **kw)
        out.append([label, float(load), pat, agents, servers, scheduled(agents, "0.25"),
                    m.get("serviceLevel"), m["probabilityOfAbandon"], m["occupancy"]])
    emit("ERLANG_A_STAFFING (label, load, patience, agentsOnline, servers, scheduled@25% shrinkage, serviceLevel|null, pAbandon, occupancy)", out)


if __name__ == "__main__":
    main()
