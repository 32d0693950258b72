"""Generates gamma-tails.json: the regularized incomplete gamma functions P(a, x) and Q(a, x) and the
prefix x^a e^-x / Gamma(a + 1), computed with mpmath at 60 significant digits, for
test/model/gamma.test.ts.

Run from the project root:  python3 test/reference/gamma_tails.py

The points cover both of src/model/gamma.ts's regimes:
- below shape 1,000 (the library): shapes from 0.01 to 999.9, x from 1% to 20 times the shape;
- from shape 1,000 (Temme's expansion): points given by eta, the signed distance from the peak
  that the expansion is written in, eta = sign(lambda - 1) * sqrt(2 (lambda - 1 - ln lambda)) with
  lambda = x / a, from -1.4 to 1.4: inside the disc |eta| <= 1, where gamma.ts sums Taylor series,
  and outside it, where it uses closed forms. Only points whose smaller tail a double can hold
  (above 1e-300) are kept.
"""
import json
import os
import mpmath as mp

mp.mp.dps = 60


def lam_for_eta(eta):
    """lambda > 0 with sign(lambda - 1) sqrt(2 (lambda - 1 - ln lambda)) = eta."""
    if eta == 0:
        return mp.mpf(1)
    target = mp.mpf(eta) ** 2 / 2
    f = lambda lam: lam - 1 - mp.log(lam) - target
    if eta > 0:
        return mp.findroot(f, (mp.mpf(1) + mp.mpf('1e-30'), mp.mpf(50)), solver='anderson')
    return mp.findroot(f, (mp.mpf('1e-30'), mp.mpf(1) - mp.mpf('1e-30')), solver='anderson')


def lower_series(a, x, prefix):
    """P(a, x) = prefix * sum_{n>=0} x^n / ((a+1)...(a+n)) (DLMF 8.7.1); used for x < a."""
    term, total, n = mp.mpf(1), mp.mpf(1), 0
    while term > total * mp.mpf(10) ** (-mp.mp.dps):
        n += 1
        term *= x / (a + n)
        total += term
    return prefix * total


def upper_fraction(a, x, prefix):
    """Q(a, x) = prefix * a / (x + 1 - a - 1(1-a)/(x + 3 - a - ...)) (DLMF 8.9.2), by Lentz's method; for x >= a."""
    tiny = mp.mpf(10) ** (-2 * mp.mp.dps)
    b = x + 1 - a
    c, d = 1 / tiny, 1 / b
    h = d
    n = 0
    while True:
        n += 1
        an = -n * (n - a)
        b += 2
        d = an * d + b
        d = tiny if d == 0 else d
        c = b + an / c
        c = tiny if c == 0 else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < mp.mpf(10) ** (-mp.mp.dps):
            break
    # Here prefix = x^a e^-x / Gamma(a + 1), so x^a e^-x / Gamma(a) = a * prefix.
    return a * prefix * h


def tails(a, x):
    """Each tail from its own method where it is the smaller, the other as 1 minus it."""
    a, x = mp.mpf(a), mp.mpf(x)
    prefix = mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1))
    if x < a:
        P = lower_series(a, x, prefix)
        return P, 1 - P, prefix
    Q = upper_fraction(a, x, prefix)
    return 1 - Q, Q, prefix


def case(a, x):
    P, Q, prefix = tails(a, x)
    if min(P, Q) < mp.mpf('1e-300'):
        return None
    return {"shape": float(a), "x": float(x), "lower": float(P), "upper": float(Q), "prefix": float(prefix)}


cases = []
for a in [0.01, 0.3, 1, 2.5, 9.99, 10, 37.5, 150, 640, 999.9]:
    for ratio in [0.01, 0.1, 0.5, 0.8, 0.95, 1, 1.05, 1.25, 2, 5, 20]:
        # x as the double nearest a * ratio, so that the reference is computed at the x the test passes
        found = case(a, float(mp.mpf(a) * ratio))
        if found:
            cases.append(found)

etas = [-1.4, -1.15, -1.1, -1.05, -1.02, -1, -0.9, -0.6, -0.3, -0.1, -0.02, 0, 0.02, 0.1, 0.3, 0.6, 0.9, 1, 1.02, 1.05, 1.1, 1.15, 1.4]
for a in [1000, 1234.5, 3000, 10000, 100000]:
    for eta in etas:
        x = float(mp.mpf(a) * lam_for_eta(eta))
        found = case(a, x)
        if found:
            found["eta"] = eta
            cases.append(found)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gamma-tails.json")
with open(path, "w") as handle:
    json.dump({"generator": "test/reference/gamma_tails.py (mpmath %s, 60 digits)" % mp.__version__, "cases": cases}, handle, indent=1)
print("wrote %d cases to %s" % (len(cases), path))
