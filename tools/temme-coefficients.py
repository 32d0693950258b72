from fractions import Fraction as F
import json
N = 48  # number of series terms kept

def mul(a, b):
    r = [F(0)] * N
    for i, x in enumerate(a):
        if x == 0: continue
        for j in range(N - i):
            r[i + j] += x * b[j]
    return r

# u = lambda - 1 as a series in eta: u - log(1+u) = eta^2/2
b = [F(0)] * N
b[1] = F(1)
for n in range(2, N):
    # phi(u) with current b (b[n] = 0), coefficient of eta^(n+1)
    phi = [F(0)] * N
    p = b[:]
    for j in range(2, N + 1):
        p = mul(p, b) if j > 2 else mul(b, b)
        if all(x == 0 for x in p): break
        for i in range(N):
            phi[i] += F((-1) ** j, j) * p[i]
    target = F(1, 2) if n + 1 == 2 else F(0)
    # d/d b_n of coefficient eta^(n+1) is b_1 = 1 (from u^2/2)
    if n + 1 < N:
        b[n] = target - phi[n + 1]
print('u =', [str(x) for x in b[:7]])

# 1/u as Laurent series: 1/u = (1/eta) * 1/(1 + b2 eta + b3 eta^2 + ...)
w = [b[i + 1] for i in range(N - 1)] + [F(0)]  # u/eta
inv = [F(0)] * N
inv[0] = F(1)
for n in range(1, N):
    inv[n] = -sum(w[k] * inv[n - k] for k in range(1, n + 1))
# inv: coefficients of eta/u ; so 1/u = sum inv[n] eta^(n-1)
# c0 = 1/u - 1/eta = sum_{n>=1} inv[n] eta^(n-1)
c = []
c0 = [inv[n + 1] for n in range(N - 1)]
c.append(c0)
g = [F(1), F(1, 12), F(1, 288), F(-139, 51840), F(-571, 2488320), F(163879, 209018880), F(5246819, 75246796800)]
# recursion: c_k = (1/eta) c_{k-1}' + (-1)^k g_k / u
# (1/eta) d/deta of sum a_n eta^n = sum n a_n eta^(n-2); requires a_1 term to vanish? a_1 eta -> a_1/eta singular
for k in range(1, 6):
    prev = c[-1]
    L = len(prev)
    nxt = [F(0)] * (L - 2)
    # derivative part: n*a_n eta^(n-2) for n >= 2; n=1 gives a_1/eta (must cancel with 1/u's 1/eta term)
    for n in range(2, L):
        nxt[n - 2] += n * prev[n]
    sing = prev[1]  # coefficient of 1/eta from derivative part
    # (-1)^k g_k / u = (-1)^k g_k * sum inv[n] eta^(n-1): 1/eta term inv[0]=1
    s = (-1) ** k * g[k]
    sing += s * inv[0]
    assert sing == 0, (k, sing)
    for n in range(1, L - 1):
        nxt[n - 1] += s * inv[n]
    c.append(nxt)
for k, ck in enumerate(c):
    print(k, [str(x) for x in ck[:5]], len(ck))
json.dump({k: [[x.numerator, x.denominator] for x in ck] for k, ck in enumerate(c)}, open('coeffs.json', 'w'))
