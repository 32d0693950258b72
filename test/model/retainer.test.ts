import fc from 'fast-check';
import reference from '../reference/retainer-cases.json';
import {
  expectedOverageHours,
  expectedTopUpBlocks,
  expectedUnusedHours,
  gammaEvaluationCount,
  gaussRule,
  regularizedGamma,
  retainerExpectations,
  retainerOverage,
  retainerUnused,
  retainerValue,
  topUpValue,
  type Outcome,
} from '../../src/model';

const SEED = 20261207;

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

/** |actual − expected| within `relative` of the expected value's size (or of `floor`, for values near 0). */
function expectNear(actual: number, expected: number, relative: number, floor = 1e-12): void {
  expect({ actual, expected, error: Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), floor) }).toEqual({ actual, expected, error: true });
}

const expectations = (...args: Parameters<typeof retainerExpectations>) => valueOf(retainerExpectations(...args));

const terms = (monthlyHours: number, rolloverCap: number, termMonths: number) => ({ monthlyHours, rolloverCap, termMonths });

describe('monthly retainers against the independent reference (test/reference/retainer.py)', () => {
  const cases = reference.retainer.map((c) => [`h ${c.h}, v ${c.v}, A ${c.A}, cap ${c.cap}, ${c.T} months (${c.method})`, c] as const);

  it.each(cases)('%s: forfeited and overage hours, each month\'s overage and the value, to 1e-9', (_label, c) => {
    const d = 1 / (1 + c.r / 12);
    const expected = expectations({ expectedHours: c.h, variability: c.v }, terms(c.A, c.cap, c.T), d);
    expectNear(expected.forfeitedHours, c.unused, 1e-9);
    expectNear(expected.overageHours, c.overage, 1e-9);
    const discounted = c.overage_by_month.reduce((sum, hours, t) => sum + hours * d ** (t + 1), 0);
    expectNear(expected.discountedOverageHours, discounted, 1e-9);
    const args = { expectedMonthlyHours: c.h, monthlyHours: c.A, monthlyVariability: c.v, rolloverCap: c.cap, termMonths: c.T };
    expectNear(valueOf(retainerUnused(args)), c.unused, 1e-9);
    expectNear(valueOf(retainerOverage(args)), c.overage, 1e-9);
    const value = valueOf(retainerValue({ ...args, hourlyRate: c.R, monthlyPrice: c.M, overageRate: c.o, annualDiscountRate: c.r }));
    expectNear(value, c.value, 1e-9, c.M);
  });

  it('covers every method of the reference: closed forms, exact rationals, nested quadrature and propagation', () => {
    expect(new Set(reference.retainer.map((c) => c.method))).toEqual(new Set(['closed form', 'closed form (Spitzer)', 'deterministic', 'nested quadrature', 'Nystrom']));
  });
});

describe('the special cases agree with the general method', () => {
  it.each([0.2, 0.5, 1, 1.5])('a cap just short of (T − 1)·A, numerically, gives what Spitzer\'s identity gives for a cap that never binds (variability %p)', (v) => {
    for (const [h, A] of [[8, 8], [8, 6], [5, 9]]) {
      const general = expectations({ expectedHours: h, variability: v }, terms(A, 3 - 1e-7, 4), 0.99);
      const uncapped = expectations({ expectedHours: h, variability: v }, terms(A, 3, 4), 0.99);
      expectNear(general.forfeitedHours, uncapped.forfeitedHours, 1e-8);
      expectNear(general.overageHours, uncapped.overageHours, 1e-8);
      expectNear(general.discountedOverageHours, uncapped.discountedOverageHours, 1e-8);
    }
  });

  it.each([0.2, 0.5, 1.5])('a vanishing cap gives the use-it-or-lose-it closed form (variability %p)', (v) => {
    const general = expectations({ expectedHours: 8, variability: v }, terms(8, 1e-9, 12));
    const closed = expectations({ expectedHours: 8, variability: v }, terms(8, 0, 12));
    expectNear(general.forfeitedHours, closed.forfeitedHours, 1e-8);
    expectNear(general.overageHours, closed.overageHours, 1e-8);
  });

  it('demand that barely varies gives the deterministic answer: all spare hours forfeited, no overage', () => {
    const general = expectations({ expectedHours: 8, variability: 0.02 }, terms(10, 0.4, 12));
    const certain = expectations({ expectedHours: 8, variability: 0 }, terms(10, 0.4, 12));
    expect(certain).toEqual({ forfeitedHours: 24, overageHours: 0, discountedOverageHours: 0 });
    expectNear(general.forfeitedHours, 24, 1e-12);
    expect(general.overageHours).toBeLessThan(1e-15);
  });

  it('known demand above the allowance is overage every month, and nothing carries', () => {
    expect(expectations({ expectedHours: 10, variability: 0 }, terms(8, 1, 6), 0.5)).toEqual({
      forfeitedHours: 0,
      overageHours: 12,
      discountedOverageHours: 2 * (0.5 + 0.25 + 0.125 + 0.0625 + 0.03125 + 0.015625),
    });
  });

  it('refuses, naming monthly_variability and the least that works, a demand too steady for its rollover to resolve within one call', () => {
    const outcome = retainerExpectations({ expectedHours: 8, variability: 0.001 }, terms(8, 3, 12));
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', argument: 'monthly_variability', message: expect.stringMatching(/^monthly_variability 0\.001 is too small .* use at least 0\.0\d+ or 0/) } });
    const least = Number(/at least ([0-9.]+)/.exec(outcome.ok ? '' : outcome.problem.message)?.[1]);
    expect(retainerExpectations({ expectedHours: 8, variability: least }, terms(8, 3, 12)).ok).toBe(true);
  });

  it.each([
    [1, 200, 300],
    [0.8, 140, 200],
  ])('refuses variability %p against a cap of %p months over %p, naming rollover_cap and the largest cap that works', (variability, cap, months) => {
    const outcome = retainerExpectations({ expectedHours: 8, variability }, terms(8, cap, months));
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', argument: 'rollover_cap', message: expect.stringMatching(new RegExp(`^rollover_cap ${cap} is too large .* use at most [0-9.]+, or ${months - 1} or more`)) } });
    const most = Number(/at most ([0-9.]+)/.exec(outcome.ok ? '' : outcome.problem.message)?.[1]);
    expect(retainerExpectations({ expectedHours: 8, variability }, terms(8, most, months)).ok).toBe(true);
    expect(retainerExpectations({ expectedHours: 8, variability }, terms(8, most + 0.01, months)).ok).toBe(false);
  });

  it.each([
    [8, 0.03, 4],
    [8, 0.025, 5],
    [7, 0.03, 6],
    [8, 0.2, 4],
    [6, 0.5, 5],
    [8, 1, 4],
  ])('%p hours a month, variability %p, %p months: a cap a hair under the term (the propagation) gives what Spitzer gives at term − 1', (h, v, months) => {
    // At T − 1 months the cap never binds and Spitzer's identity is exact; a billionth of a month
    // less, the balance is propagated panel by panel (shapes from 1,000 through the prefix).
    const exact = expectations({ expectedHours: h, variability: v }, terms(8, months - 1, months));
    const propagated = expectations({ expectedHours: h, variability: v }, terms(8, months - 1 - 1e-9, months));
    expectNear(propagated.forfeitedHours, exact.forfeitedHours, 1e-11, 1e-9);
    expectNear(propagated.overageHours, exact.overageHours, 1e-11, 1e-9);
  });

  it('the issue\'s example: 8 hours a month give or take 50%, 96 hours a year', () => {
    const demand = { expectedHours: 8, variability: 0.5 };
    expect(expectations(demand, terms(8, 0, 12)).forfeitedHours).toBeCloseTo(18.8, 1);
    expect(expectations(demand, terms(8, 0.4, 12)).forfeitedHours).toBeCloseTo(12.7, 1);
  });
});

describe('retainer properties (seeded)', () => {
  const inputs = fc.record({
    h: fc.double({ min: 0.5, max: 60, noNaN: true }),
    ratio: fc.double({ min: 0.4, max: 2.5, noNaN: true }),
    v: fc.double({ min: 0.15, max: 1.5, noNaN: true }),
    cap: fc.double({ min: 0, max: 2.5, noNaN: true }),
    T: fc.integer({ min: 1, max: 24 }),
  });

  it('overage minus forfeited is T·(h − A) (what is not used is forfeited, what is missing is overage), within [0, T·A] forfeited', () => {
    fc.assert(
      fc.property(inputs, ({ h, ratio, v, cap, T }) => {
        const A = h * ratio;
        const e = expectations({ expectedHours: h, variability: v }, terms(A, cap, T));
        expect(Math.abs(e.overageHours - e.forfeitedHours - T * (h - A))).toBeLessThanOrEqual(1e-9 * T * (h + A));
        expect(e.forfeitedHours).toBeGreaterThanOrEqual(0);
        expect(e.forfeitedHours).toBeLessThanOrEqual(T * A * (1 + 1e-12));
        expect(e.overageHours).toBeGreaterThanOrEqual(T * Math.max(0, h - A) * (1 - 1e-12));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('through the functions: RETAINERUNUSED − RETAINEROVERAGE = term × (monthly_hours − expected_monthly_hours)', () => {
    fc.assert(
      fc.property(inputs, ({ h, ratio, v, cap, T }) => {
        const args = { expectedMonthlyHours: h, monthlyHours: h * ratio, monthlyVariability: v, rolloverCap: cap, termMonths: T };
        const difference = valueOf(retainerUnused(args)) - valueOf(retainerOverage(args));
        expect(Math.abs(difference - T * (h * ratio - h))).toBeLessThanOrEqual(1e-9 * T * h * (1 + ratio));
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('with a cap of 0, term × the one-month result (a block of monthly_hours against one month\'s demand)', () => {
    fc.assert(
      fc.property(inputs, ({ h, ratio, v, T }) => {
        const demand = { expectedHours: h, variability: v };
        const args = { expectedMonthlyHours: h, monthlyHours: h * ratio, monthlyVariability: v, rolloverCap: 0, termMonths: T };
        expectNear(valueOf(retainerUnused(args)), T * expectedUnusedHours(demand, h * ratio), 1e-12);
        expectNear(valueOf(retainerOverage(args)), T * expectedOverageHours(demand, h * ratio), 1e-12);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it('a cap that covers the whole term still bills overage: later months\' hours are not available early', () => {
    const args = { expectedMonthlyHours: 8, monthlyHours: 8, monthlyVariability: 0.5, rolloverCap: 1000, termMonths: 12 };
    expect(valueOf(retainerOverage(args))).toBeGreaterThan(8);
    // One block of all 96 hours would bill far less: overage only beyond the year's total.
    expect(expectedOverageHours({ expectedHours: 96, variability: 0.5 / Math.sqrt(12) }, 96)).toBeLessThan(6);
  });

  it('a larger cap never forfeits more nor bills more overage', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0.05, max: 1, noNaN: true }), ({ h, ratio, v, cap, T }, more) => {
        const A = h * ratio;
        const smaller = expectations({ expectedHours: h, variability: v }, terms(A, cap, T));
        const larger = expectations({ expectedHours: h, variability: v }, terms(A, cap + more, T));
        expect(larger.forfeitedHours).toBeLessThanOrEqual(smaller.forfeitedHours * (1 + 1e-9) + 1e-12);
        expect(larger.overageHours).toBeLessThanOrEqual(smaller.overageHours * (1 + 1e-9) + 1e-12);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  // Four per panel of the balance (the tails at its ends) and one per node where the month's demand
  // nears 0 (up to seven graded panels of twelve nodes below A), whatever the term.
  it('a 36-month retainer with rollover costs at most 150 incomplete-gamma evaluations up to a cap of one month', () => {
    fc.assert(
      fc.property(inputs, ({ h, ratio, v, cap }) => {
        const before = gammaEvaluationCount();
        expectations({ expectedHours: h, variability: v }, terms(h * ratio, Math.min(cap, 1), 36));
        expect(gammaEvaluationCount() - before).toBeLessThanOrEqual(150);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe('top-up blocks', () => {
  it.each(reference.topup.map((c) => [c.mu, c.H, c.v, c] as const))('%p expected hours, %p-hour blocks, variability %p: the expected blocks and the value, to 1e-12', (_mu, _H, _v, c) => {
    expectNear(expectedTopUpBlocks({ expectedHours: c.mu, variability: c.v }, c.H), c.expected_blocks, 1e-12);
    expectNear(valueOf(topUpValue({ expectedHours: c.mu, hourlyRate: c.R, blockHours: c.H, blockPrice: c.P, variability: c.v })), c.value, 1e-12, c.P);
  });

  it('with variability 0, TOPUPVALUE is the arithmetic: rate × hours − price × max(1, ⌈hours ÷ block⌉)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 50, max: 250 }), fc.integer({ min: 100, max: 20000 }), (hours, block, rate, price) => {
        const blocks = Math.max(1, Math.ceil(hours / block));
        expect(valueOf(topUpValue({ expectedHours: hours, hourlyRate: rate, blockHours: block, blockPrice: price }))).toBe(rate * hours - price * blocks);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('known demand buys ⌈hours ÷ block⌉ blocks, at least one, and a whole number of blocks exactly that many', () => {
    expect(expectedTopUpBlocks({ expectedHours: 0, variability: 0.5 }, 10)).toBe(1);
    expect(expectedTopUpBlocks({ expectedHours: 25, variability: 0 }, 10)).toBe(3);
    expect(expectedTopUpBlocks({ expectedHours: 1.1, variability: 0 }, 0.1)).toBe(11);
    expect(expectedTopUpBlocks({ expectedHours: 30, variability: 0 }, 10)).toBe(3);
  });

  // [expected hours, block hours, variability, evaluations measured]: narrow demand summed term by
  // term, wide demand (its spread 8 blocks or more) by Euler–Maclaurin's tail after 24 terms.
  const wideAndNarrow: ReadonlyArray<readonly [number, number, number, number]> = [
    [100, 1, 0.1, 9],
    [120, 1, 0.1, 9],
    [300, 1, 0.1, 11],
    [1000, 1, 0.1, 13],
    [9, 1, 1, 30],
    [20, 1, 1, 31],
    [100, 1, 1, 33],
    [4, 1, 2.5, 28],
    [40, 1, 2.5, 32],
    [30, 10, 0.3, 22],
    [400, 10, 0.5, 32],
    [1e4, 3, 0.05, 15],
    [50, 20, 0.2, 13],
  ];

  it.each(wideAndNarrow)('%p expected hours in %p-hour blocks, variability %p: as term-by-term summation to the end, to 1e-13, in at most %p evaluations', (mu, H, v, measured) => {
    const shape = 1 / (v * v);
    const scale = mu * v * v;
    // 1 + Σ P(U > kH), every term, until they are below 1e-19 past the mean.
    let direct = 1;
    for (let k = 1; k < 1e6; k += 1) {
      const term = regularizedGamma(shape, (k * H) / scale).upper;
      direct += term;
      if (term < 1e-19 && k * H > mu) break;
    }
    const before = gammaEvaluationCount();
    const blocks = expectedTopUpBlocks({ expectedHours: mu, variability: v }, H);
    expect(gammaEvaluationCount() - before).toBeLessThanOrEqual(measured);
    expectNear(blocks, direct, 1e-13);
  });

  it('buys more blocks on average than the hours alone need, and at most one more', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 400, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), (mu, H, v) => {
        const blocks = expectedTopUpBlocks({ expectedHours: mu, variability: v }, H);
        expect(blocks).toBeGreaterThanOrEqual(Math.max(1, mu / H) * (1 - 1e-12));
        expect(blocks).toBeLessThanOrEqual(mu / H + 1 + 1e-12);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('Gauss rules', () => {
  it.each([0, -0.56, -0.9, 2.5, 30])('have nodes inside (0, 1), in ascending order, with positive weights summing to 1/(β + 1) (β = %p)', (beta) => {
    for (const n of [2, 5, 16, 33, 64]) {
      const { nodes, weights } = gaussRule(n, beta);
      expect(nodes).toHaveLength(n);
      nodes.forEach((t, i) => expect({ n, i, ok: t > 0 && t < 1 && (i === 0 || t > nodes[i - 1]) && weights[i] > 0 }).toEqual({ n, i, ok: true }));
      expectNear(weights.reduce((a, b) => a + b, 0), 1 / (beta + 1), 1e-13);
    }
  });

  it('integrates smooth functions to full precision with many nodes: ∫₀¹ t^β·cos(20t) dt against a 64-point rule (β = 0, -0.5)', () => {
    // ∫₀¹ cos(20t) dt = sin(20)/20; for β = −½ compare 48 and 64 points.
    const integrate = (n: number, beta: number) => {
      const { nodes, weights } = gaussRule(n, beta);
      return nodes.reduce((total, t, i) => total + weights[i] * Math.cos(20 * t), 0);
    };
    expectNear(integrate(40, 0), Math.sin(20) / 20, 1e-13, 1e-3);
    expectNear(integrate(48, -0.5), integrate(64, -0.5), 1e-13, 1e-3);
  });


  it.each([0, -0.56, -0.9, 2.5, 30])('integrate t^m·t^β exactly for m below 2n (β = %p)', (beta) => {
    for (const n of [1, 4, 12]) {
      const { nodes, weights } = gaussRule(n, beta);
      for (let m = 0; m < 2 * n; m += 1) {
        const sum = nodes.reduce((total, t, i) => total + weights[i] * t ** m, 0);
        expectNear(sum, 1 / (beta + m + 1), 1e-13);
      }
    }
  });
});

describe('a retainer entered with hours already carried over (a tracker\'s forecast for the rest of a term)', () => {
  const carriedTerms = (A: number, cap: number, T: number, carriedHours: number) => ({ monthlyHours: A, rolloverCap: cap, termMonths: T, carriedHours });
  const cases = reference.carried.map((c) => [`h ${c.h}, v ${c.v}, A ${c.A}, cap ${c.cap}, ${c.T} months, ${c.c0} h carried (${c.method})`, c] as const);

  it.each(cases)('%s: forfeited, overage and discounted overage hours against the reference, to 1e-9', (_label, c) => {
    const d = 0.995;
    const expected = expectations({ expectedHours: c.h, variability: c.v }, carriedTerms(c.A, c.cap, c.T, c.c0), d);
    expectNear(expected.forfeitedHours, c.unused, 1e-9);
    expectNear(expected.overageHours, c.overage, 1e-9);
    const discounted = c.overage_by_month.reduce((sum, hours, t) => sum + hours * d ** (t + 1), 0);
    expectNear(expected.discountedOverageHours, discounted, 1e-9);
  });

  it('the reference covers the deterministic recursion, a one-month term and nested quadrature', () => {
    expect(new Set(reference.carried.map((c) => c.method))).toEqual(new Set(['closed form', 'deterministic', 'nested quadrature']));
  });

  it('the whole term from an empty balance is month 1, then the rest of the term from whatever month 1 leaves: E over c₁ of the forecast from c₁', () => {
    // c₁ = min(K, (A − D₁)⁺): an atom at 0 (D₁ ≥ A), an atom at K (D₁ ≤ A − K), and the density
    // f(A − y) in between. Integrated here by a 40-point Gauss rule, for demand smooth enough (shape 4).
    for (const [h, A, cap, T] of [[8, 8, 0.4, 12], [8, 6, 1.5, 6]]) {
      const demand = { expectedHours: h, variability: 0.5 };
      const shape = 4;
      const scale = h / shape;
      const K = cap * A;
      const G = (z: number) => (z > 0 ? regularizedGamma(shape, z / scale).lower : 0);
      const f = (z: number) => (z > 0 ? (z ** (shape - 1) * Math.exp(-z / scale)) / (6 * scale ** shape) : 0);
      const rest = (c: number) => expectations(demand, carriedTerms(A, cap, T - 1, c), 1);
      const month1 = expectations(demand, carriedTerms(A, 0, 1, 0), 1);
      const atZero = rest(0);
      const atCap = rest(K);
      const { nodes, weights } = gaussRule(40, 0);
      let forfeited = (1 - G(A)) * atZero.forfeitedHours + G(A - K) * atCap.forfeitedHours;
      let overage = (1 - G(A)) * atZero.overageHours + G(A - K) * atCap.overageHours;
      // f(A − y) vanishes from y = A on, with a kink there: the rule runs up to min(A, K).
      const upTo = Math.min(A, K);
      for (let i = 0; i < nodes.length; i += 1) {
        const y = upTo * nodes[i];
        const density = upTo * weights[i] * f(A - y);
        const r = rest(y);
        forfeited += density * r.forfeitedHours;
        overage += density * r.overageHours;
      }
      // Month 1 forfeits what it leaves beyond the cap, E[(A − K − D₁)⁺].
      const beyondCap = K < A ? expectations(demand, carriedTerms(A - K, 0, 1, 0), 1).forfeitedHours : 0;
      const whole = expectations(demand, terms(A, cap, T), 1);
      expectNear(forfeited + beyondCap, whole.forfeitedHours, 1e-9);
      expectNear(overage + month1.overageHours, whole.overageHours, 1e-9);
    }
  });

  it('forfeited minus overage is c₀ + T·(A − h), and a larger balance carried in never forfeits less nor bills more overage (seeded)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 24 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, v, A, cap, T, u1, u2) => {
          const K = cap * A;
          const [small, large] = [Math.min(u1, u2) * K, Math.max(u1, u2) * K];
          const less = retainerExpectations({ expectedHours: h, variability: v }, carriedTerms(A, cap, T, small));
          const more = retainerExpectations({ expectedHours: h, variability: v }, carriedTerms(A, cap, T, large));
          // Demand too steady for its rollover is refused (tested above), not forecast.
          if (!less.ok || !more.ok) return true;
          const scale = large + T * (A + h);
          expect(Math.abs(more.value.forfeitedHours - more.value.overageHours - (large + T * (A - h)))).toBeLessThanOrEqual(1e-9 * scale);
          expect(more.value.forfeitedHours).toBeGreaterThanOrEqual(less.value.forfeitedHours - 1e-9 * scale);
          expect(more.value.overageHours).toBeLessThanOrEqual(less.value.overageHours + 1e-9 * scale);
          return true;
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('a balance carried in with a cap that never binds goes through the propagation, which agrees with Spitzer\'s identity at 0 carried', () => {
    const demand = { expectedHours: 8, variability: 0.6 };
    const uncapped = expectations(demand, terms(8, 5, 6), 0.99);
    const tiny = expectations(demand, carriedTerms(8, 5, 6, 1e-9), 0.99);
    expectNear(tiny.forfeitedHours, uncapped.forfeitedHours + 1e-9, 1e-8);
    expectNear(tiny.overageHours, uncapped.overageHours, 1e-8);
    expectNear(tiny.discountedOverageHours, uncapped.discountedOverageHours, 1e-8);
  });
});

describe('retainer corners', () => {
  it('demand of vanishing shape (variability above 1e6): every hour available is forfeited, every hour needed is overage, and the propagation tends there', () => {
    const terms14 = { monthlyHours: 8, rolloverCap: 1, termMonths: 14 };
    for (const carriedHours of [0, 2]) {
      for (const v of [1e8, 1e10, 1e150]) {
        const limit = expectations({ expectedHours: 19, variability: v }, { ...terms14, carriedHours }, 0.99);
        expect(limit.forfeitedHours).toBe(carriedHours + 14 * 8);
        expect(limit.overageHours).toBe(14 * 19);
        expectNear(limit.discountedOverageHours, (19 * 0.99 * (1 - 0.99 ** 14)) / (1 - 0.99), 1e-14);
      }
      // Just above the switch, the propagation itself: within 1e-9 of the limit, and closer as the shape falls.
      const gaps = [1e4, 1e5, 1e6].map((v) => Math.abs(expectations({ expectedHours: 19, variability: v }, { ...terms14, carriedHours }).forfeitedHours - (carriedHours + 112)));
      expect(gaps[2]).toBeLessThan(1e-9 * 112);
      expect(gaps[1]).toBeLessThan(gaps[0]);
      expect(gaps[2]).toBeLessThan(gaps[1]);
    }
  });

  it('refuses at once, rather than searching without end, a cap of the largest double over an allowance of the smallest', () => {
    const before = gammaEvaluationCount();
    const outcome = retainerExpectations({ expectedHours: 3e-292, variability: 16 }, { monthlyHours: 5e-324, rolloverCap: Number.MAX_VALUE, termMonths: 36, carriedHours: 2e-125 });
    expect(outcome.ok).toBe(false);
    expect(gammaEvaluationCount() - before).toBeLessThan(100);
  });
});
