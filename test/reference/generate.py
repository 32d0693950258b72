"""Generates reference.json: ITCOST model results computed independently with mpmath at 50 digits.

Run from the project root:  python3 test/reference/generate.py
The TypeScript model must match these values to 1e-9 relative (see test/model/reference.test.ts).

The demand model follows DESIGN.md: hours over the term are gamma distributed with mean m and
coefficient of variation cv, shape k = 1/cv^2, scale theta = m*cv^2. With x = H/theta:
  E[(H-U)+] = H P(k,x) - m P(k+1,x)      (unused hours)
  E[(U-H)+] = m Q(k+1,x) - H Q(k,x)      (overage hours)
  P(U < H)  = P(k,x)                      (forfeit risk)
At 50 significant digits the subtractions lose nothing that matters for double precision.
The break-even is found by a different route than the TypeScript model: a log-spaced scan for the
first sign change of the expected saving, then bisection to 1e-30 relative.
"""
import json
import os
import mpmath as mp

mp.mp.dps = 50


def P(a, x):
    return mp.gammainc(a, 0, x, regularized=True)


def Q(a, x):
    return mp.gammainc(a, x, mp.inf, regularized=True)


def demand(m, H, cv):
    m, H, cv = mp.mpf(m), mp.mpf(H), mp.mpf(cv)
    if cv == 0 or m == 0:
        return max(H - m, 0), max(m - H, 0), (1 if m < H else 0)
    k = 1 / cv**2
    x = H * k / m
    return H * P(k, x) - m * P(k + 1, x), m * Q(k + 1, x) - H * Q(k, x), P(k, x)


def block_value(m, R, H, price, o, cv, term, rate):
    _, over, _ = demand(m, H, cv)
    i = mp.mpf(rate) / 12
    factor = 1 if i == 0 else (1 - (1 + i) ** (-mp.mpf(term))) / (i * term)
    return factor * (R * mp.mpf(m) - o * over) - price


def saving(h, R, H, price, o, cv):
    _, over, _ = demand(h, H, cv)
    return R * h - price - o * over


def break_even(R, H, price, o, cv):
    """First expected use at which the expected saving reaches 0; None if it never does (below 1e12 hours)."""
    grid = [mp.mpf(10) ** (e / mp.mpf(50)) for e in range(-300, 601)]
    prev = mp.mpf(0)
    for h in grid:
        if saving(h, R, H, price, o, cv) >= 0:
            lo, hi = prev, h
            for _ in range(200):
                mid = (lo + hi) / 2
                if saving(mid, R, H, price, o, cv) >= 0:
                    hi = mid
                else:
                    lo = mid
                if hi - lo <= hi * mp.mpf('1e-30'):
                    break
            return hi
        prev = h
    return None


def f(v):
    return None if v is None else float(v)


demand_cases = []
for m in [0, 0.5, 5, 18, 20, 25, 100, 1000, 1e6]:
    for H in [1, 20, 100, 10000]:
        for cv in [0, 0.001, 0.01, 0.1, 0.5, 1, 3, 10]:
            try:
                u, o, p = demand(m, H, cv)
            except (mp.libmp.NoConvergence, ValueError):
                continue  # mpmath cannot reach 50 digits here; leave the case out rather than guess
            demand_cases.append({"expectedHours": m, "blockHours": H, "variability": cv,
                                 "unusedHours": f(u), "overageHours": f(o), "forfeitRisk": f(p)})

block_value_cases = []
for (m, R, H, price, o, cv) in [
    (18, 100, 20, 1800, 90, 0.5),  # the worked example in issue 2
    (18, 100, 20, 1800, 100, 0),
    (25, 100, 20, 1800, 100, 0),
    (10, 150, 20, 2700, 150, 0.3),
    (40, 120, 40, 4200, 120, 0.25),
    (40, 120, 40, 4200, 110, 1.2),
    (200, 95, 250, 20000, 95, 0.15),
    (5, 100, 10, 900, 100, 2),
    (1e6, 100, 1e5, 9e6, 80, 0.05),
]:
    for term, rate in [(12, 0), (12, 0.08), (6, 0.05), (24, 0.12), (1, 0.3)]:
        block_value_cases.append({"expectedHours": m, "hourlyRate": R, "blockHours": H, "blockPrice": price,
                                  "overageRate": o, "variability": cv, "termMonths": term,
                                  "annualDiscountRate": rate,
                                  "blockValue": f(block_value(m, R, H, price, o, cv, term, rate))})

break_even_cases = []
for (R, H, price, o) in [
    (100, 20, 1800, 100), (100, 20, 1800, 90), (100, 20, 1800, 120), (100, 20, 2100, 90),
    (150, 10, 1400, 150), (95, 250, 21000, 95), (100, 20, 1999, 100), (100, 40, 3000, 60),
]:
    for cv in [0, 0.05, 0.2, 0.5, 1, 2]:
        break_even_cases.append({"hourlyRate": R, "blockHours": H, "blockPrice": price, "overageRate": o,
                                 "variability": cv, "breakEven": f(break_even(R, H, price, o, cv))})

out = {
    "generator": "test/reference/generate.py (mpmath %s, %d digits)" % (mp.__version__, mp.mp.dps),
    "demand": demand_cases,
    "blockValue": block_value_cases,
    "breakEven": break_even_cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
with open(path, "w") as handle:
    json.dump(out, handle, indent=1)
print("wrote %d demand, %d blockValue, %d breakEven cases to %s"
      % (len(demand_cases), len(block_value_cases), len(break_even_cases), path))
