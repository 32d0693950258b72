/**
 * Every number right in every corner: the cases a review found where a result jumped, cancelled,
 * overflowed when it need not, or failed to name its argument.
 */
import fc from 'fast-check';
import gammainc from '@stdlib/math-base-special-gammainc';
import {
  billedHours,
  blockExpectations,
  blockValue,
  breakEven,
  breakEvenValue,
  demandFromHistory,
  demandQuantile,
  gammaEvaluationCount,
  expiryForecast,
  forfeitRisk,
  gammaPrefix,
  overageHours,
  regularizedGamma,
  TEMME_MIN_SHAPE,
  termDemand,
  unusedHours,
  type Outcome,
} from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

describe('the incomplete gamma on both sides of the switch to Temme’s expansion', () => {
  it.each([TEMME_MIN_SHAPE, 1500, 2500, 4000])('agrees with the library at shape %p within four standard deviations', (shape) => {
    // The library is exact there (its own Temme region); ours takes over at TEMME_MIN_SHAPE.
    for (let t = -4; t <= 4; t += 0.25) {
      const x = shape + t * Math.sqrt(shape);
      const ours = regularizedGamma(shape, x);
      expect(Math.abs(ours.lower - gammainc(x, shape, true, false))).toBeLessThanOrEqual(1e-13 * gammainc(x, shape, true, false));
      expect(Math.abs(ours.upper - gammainc(x, shape, true, true))).toBeLessThanOrEqual(1e-13 * gammainc(x, shape, true, true));
    }
  });

  it.each([-30, -3, 0.3, 3, 30])('has no jump at the switch: P a hair below and at TEMME_MIN_SHAPE agree, %p standard deviations out', (t) => {
    // ∂P/∂a is about 0.01 near the mean, so a shape step of 1e-12 moves P by about 1e-14; far out
    // the library itself is good to about 1e-12 (Temme's expansion is closer to mpmath there).
    const x = TEMME_MIN_SHAPE + t * Math.sqrt(TEMME_MIN_SHAPE);
    const below = regularizedGamma(TEMME_MIN_SHAPE - 1e-12, x);
    const at = regularizedGamma(TEMME_MIN_SHAPE, x);
    expect(Math.abs(below.lower - at.lower)).toBeLessThanOrEqual(1e-11 * at.lower + 1e-13);
    expect(Math.abs(below.upper - at.upper)).toBeLessThanOrEqual(1e-11 * at.upper + 1e-13);
  });

  it('links neighbouring shapes by the prefix: P(a, x) − P(a + 1, x) = x^a·e^−x / Γ(a + 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 900, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (shape, t) => {
        const x = Math.max(1e-3, shape + t * Math.sqrt(shape));
        const difference = gammainc(x, shape, true, false) - gammainc(x, shape + 1, true, false);
        expect(Math.abs(gammaPrefix(shape, x) - difference)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('keeps P + Q = 1 and both in [0, 1] at every shape from 1e-3 to 1e15', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 15, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (logShape, t) => {
        const shape = 10 ** logShape;
        const x = Math.max(0, shape + t * Math.sqrt(shape));
        const { lower, upper } = regularizedGamma(shape, x);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeGreaterThanOrEqual(0);
        expect(Math.abs(lower + upper - 1)).toBeLessThanOrEqual(1e-14);
      }),
      { seed: 10, numRuns: 2000 },
    );
  });
});

describe('how many evaluations each figure takes', () => {
  const count = (call: () => unknown) => {
    const before = gammaEvaluationCount();
    call();
    return gammaEvaluationCount() - before;
  };

  it('one evaluation gives unused hours, overage hours, the forfeit risk and their slopes (P(k + 1, x) from P(k, x) and the prefix)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1e-7, max: 30, noNaN: true }), (m, h, v) => {
        expect(count(() => blockExpectations({ expectedHours: m, variability: v }, h))).toBe(1);
        expect(count(() => blockValue({ expectedHours: m, hourlyRate: 100, blockHours: h, blockPrice: 90 * h, variability: v }))).toBe(1);
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it.each([0.05, 0.5, 0.95, 0.999])('the %p quantile takes at most 4 evaluations (Halley from Wilson–Hilferty) at every shape from 1e-2 to 1e14', (p) => {
    for (let logShape = -2; logShape <= 14; logShape += 0.25) {
      const variability = 1 / Math.sqrt(10 ** logShape);
      const evaluations = count(() => demandQuantile({ expectedHours: 100, variability }, p));
      // The shape in the failure, not just the count.
      expect({ shape: `1e${logShape}`, evaluations: Math.min(evaluations, 5) }).toEqual({ shape: `1e${logShape}`, evaluations: Math.min(evaluations, 4) });
    }
  });

  it('a typical break-even takes at most 10 evaluations where the outward search took about 40', () => {
    const counts = fc
      .sample(fc.record({ rate: fc.double({ min: 60, max: 220, noNaN: true }), hours: fc.double({ min: 5, max: 200, noNaN: true }), discount: fc.double({ min: 0.02, max: 0.3, noNaN: true }), overage: fc.double({ min: 0.8, max: 1.2, noNaN: true }), v: fc.double({ min: 0.05, max: 1.5, noNaN: true }) }), { numRuns: 300, seed: 14 })
      .map((t) => count(() => breakEven({ hourlyRate: t.rate, blockHours: t.hours, blockPrice: t.rate * t.hours * (1 - t.discount), overageRate: t.rate * t.overage, variability: t.v })))
      .sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(10);
  });

  it.each([
    // [overage from, to, the most evaluations in all; measured: 1,679, 1,844 and 1,709]
    [0.8, 1, 1750],
    [1, 1.2, 1950],
    [0.8, 1.2, 1800],
  ])('300 everyday break-evens with overage at %p to %p × the rate take at most %p evaluations in all (about 6 each)', (low, high, most) => {
    const terms = fc.sample(
      fc.record({
        rate: fc.double({ min: 60, max: 220, noNaN: true }),
        hours: fc.double({ min: 5, max: 200, noNaN: true }),
        discount: fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        overage: fc.double({ min: low, max: high, noNaN: true }),
        v: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      }),
      { numRuns: 300, seed: 14 },
    );
    const total = terms.reduce(
      (sum, t) => sum + count(() => breakEven({ hourlyRate: t.rate, blockHours: t.hours, blockPrice: t.rate * t.hours * (1 - t.discount), overageRate: t.rate * t.overage, variability: t.v })),
      0,
    );
    expect(total).toBeLessThanOrEqual(most);
  });

  it.each([
    // [probability, evaluations measured over the 65 shapes, the most for one, how close P or Q comes to it]
    [1e-12, 111, 4, 1e-8],
    [1e-6, 113, 4, 1e-8],
    [0.01, 122, 4, 1e-8],
    [0.05, 119, 4, 1e-8],
    [0.5, 99, 4, 1e-8],
    [0.95, 114, 4, 1e-8],
    [0.99, 113, 4, 1e-8],
    [0.999, 119, 4, 1e-8],
    [1 - 1e-6, 114, 3, 1e-8],
    // Q = 1e-12 itself carries about 1e-17 of absolute error at the largest shapes.
    [1 - 1e-12, 120, 3, 1e-4],
  ])('the %p quantile at 65 shapes from 1e-2 to 1e14 takes at most %p evaluations in all, %p for one, and meets its probability to %p', (p, measured, most, tolerance) => {
    let total = 0;
    for (let logShape = -2; logShape <= 14; logShape += 0.25) {
      const shape = 10 ** logShape;
      let hours = NaN;
      const evaluations = count(() => (hours = demandQuantile({ expectedHours: 100, variability: 1 / Math.sqrt(shape) }, p)));
      total += evaluations;
      expect({ shape, evaluations: Math.min(evaluations, most + 1) }).toEqual({ shape, evaluations: Math.min(evaluations, most) });
      // The quantile in standard units is hours × shape ÷ mean: P(shape, x) = p, from the small tail;
      // 0 when it is below the smallest double, where P is already above p.
      const x = (hours * shape) / 100;
      if (x === 0) {
        expect({ shape, underflows: regularizedGamma(shape, Number.MIN_VALUE).lower >= p }).toEqual({ shape, underflows: true });
        continue;
      }
      const { lower, upper } = regularizedGamma(shape, x);
      const miss = p <= 0.5 ? Math.abs(lower - p) / p : Math.abs(upper - (1 - p)) / (1 - p);
      expect({ shape, miss: miss <= tolerance }).toEqual({ shape, miss: true });
    }
    expect(total).toBeLessThanOrEqual(measured);
  });
});

describe('demand is gamma at every variability: no jump at 0.001', () => {
  it.each([
    ['FORFEITRISK', (v: number) => valueOf(forfeitRisk({ expectedHours: 1000, blockHours: 1001, variability: v }))],
    ['OVERAGEHOURS', (v: number) => valueOf(overageHours({ expectedHours: 20.01, blockHours: 20, variability: v }))],
    ['UNUSEDHOURS', (v: number) => valueOf(unusedHours({ expectedHours: 1000, blockHours: 1001, variability: v }))],
  ])('%s is continuous across variability 0.001 (a smooth function, to 1e-9 over a step of 1e-9)', (_name, at) => {
    const below = at(0.001 * (1 - 1e-9));
    const above = at(0.001 * (1 + 1e-9));
    expect(Math.abs(above - below)).toBeLessThanOrEqual(1e-8 * Math.abs(above));
  });
});

describe('accurate at every scale', () => {
  it.each([
    // [expected hours, block hours, variability, P(U < H), E[(H − U)⁺]], from mpmath at 40 digits
    [1, 1e-300, 10, 0.0009604422784312237, 9.509329489418056e-304],
    [1, 1e-305, 3, 1.0684398506399016e-34, 0], // unused hours 9.6e-340: below the smallest double
    [50, 2e-303, 30, 0.45580141525869255, 9.105910626699739e-304],
  ])('a block of %p expected hours against %p block hours at variability %p, where H/θ is below 1e-300: the forfeit risk and unused hours to 1e-12', (m, h, v, risk, unused) => {
    const expected = blockExpectations({ expectedHours: m, variability: v }, h);
    expect(Math.abs(expected.probabilityUnused - risk)).toBeLessThanOrEqual(1e-12 * risk);
    expect(Math.abs(expected.unused - unused)).toBeLessThanOrEqual(1e-12 * unused);
  });

  it.each([1e16, 1e18, 1e100])('BLOCKVALUE(%p, 100, 20, 1800, , 0.5) is 200: R·H − price, the block fully used, nothing lost to cancellation', (hours) => {
    expect(valueOf(blockValue({ expectedHours: hours, hourlyRate: 100, blockHours: 20, blockPrice: 1800, variability: 0.5 }))).toBeCloseTo(200, 9);
  });

  it('BLOCKVALUE far beyond the block with cheaper overage is (R − o)·m + o·H − price', () => {
    const value = valueOf(blockValue({ expectedHours: 1e12, hourlyRate: 100, blockHours: 20, blockPrice: 1800, overageRate: 90, variability: 0.5 }));
    expect(value).toBe(10 * 1e12 + 90 * 20 - 1800);
  });
});

describe('"too large" only for results that do not fit', () => {
  it('FORFEITRISK of subnormal hours is a probability, not "too large"', () => {
    const risk = valueOf(forfeitRisk({ expectedHours: 1e-320, blockHours: 1e-320, variability: 1.74e-12 }));
    // At H = m the chance is P(k, k) = ½ + 1/(3√(2πk)) + O(1/k), k = 1/variability².
    expect(risk).toBeCloseTo(0.5 + 1.74e-12 / (3 * Math.sqrt(2 * Math.PI)), 15);
  });

  it.each([
    [1e12],
    // So variable that finite demand would be 0 almost surely (shape below 1e-300): still used up.
    [1e200],
  ])('EXPIRYFORECAST with a burn rate beyond any double uses the whole block: 0 unused (monthly variability %p)', (monthlyVariability) => {
    expect(valueOf(expiryForecast({ hoursUsed: 39, monthsElapsed: 5e-324, blockHours: 137, termMonths: 36, monthlyVariability }))).toBe(0);
  });

  it.each([
    [1e200, 3e200],
    [1e-320, 3e-320],
    [1, 3],
  ])('TERMDEMAND of %p and %p gives 12 × the mean and (√2/2)/√12, however large or small', (a, b) => {
    const [[expected, variability]] = valueOf(termDemand({ monthlyHours: [[a], [b]] }));
    expect(expected).toBeCloseTo(12 * ((a + b) / 2), -Math.log10(a) + 8 > 0 ? Math.min(15, Math.floor(-Math.log10(a) + 8)) : 0);
    expect(expected / (6 * (a + b))).toBeCloseTo(1, 12);
    // The sample sd of {a, 3a} is √2·a and its mean 2a: a coefficient of variation of √2/2.
    expect(variability).toBeCloseTo(Math.SQRT1_2 / Math.sqrt(12), 4);
  });

  it('TERMDEMAND keeps full precision on ordinary numbers', () => {
    const [[expected, variability]] = valueOf(termDemand({ monthlyHours: [[10], [10.01], [9.99], [10]] }));
    expect(expected).toBe(120);
    expect(variability).toBeCloseTo(Math.sqrt(0.0002 / 3) / 10 / Math.sqrt(12), 15);
  });

  it('TERMDEMAND says "too large" only when term × mean overflows', () => {
    const outcome = termDemand({ monthlyHours: [[1e308], [1.7e308]], termMonths: 12 });
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', message: expect.stringContaining('too large') } });
  });

  it('TERMDEMAND averages months whose sum overflows a double: 1e308 and 1.7e308 over one month is 1.35e308', () => {
    const [[expected, variability]] = valueOf(termDemand({ monthlyHours: [[1e308], [1.7e308]], termMonths: 1 }));
    expect(expected / 1.35e308).toBeCloseTo(1, 12);
    // Sample sd (1.7 − 1)e308 / √2 over the mean 1.35e308.
    expect(variability).toBeCloseTo(0.7 / Math.SQRT2 / 1.35, 12);
  });

  it('a history of months without support is demand known exactly: no hours, no variability', () => {
    expect(demandFromHistory([0, 0, 0], 12)).toEqual({ expectedHours: 0, variability: 0 });
  });
});

describe('sparse or malformed ranges name the argument', () => {
  /* eslint-disable no-sparse-arrays */
  it.each([
    ['a hole for a row', [, [30]]],
    ['a hole in a row', [[30, , 45]]],
    ['an undefined row', [undefined, [30]]],
    ['a row that is not an array', [[30], 45]],
    ['an empty row', [[], [30]]],
  ])('BILLEDHOURS with %s treats the gap as a blank cell', (_label, minutes) => {
    expect(billedHours({ minutesWorked: minutes }).ok).toBe(true);
  });
  /* eslint-enable no-sparse-arrays */

  it('never throws "Cannot read properties" for any nesting of arrays, holes and values', () => {
    const leaf = fc.oneof(fc.double(), fc.constantFrom(null, undefined, '', 'x', true), fc.object());
    const nested = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.sparseArray(tie('node'), { maxLength: 4 }), fc.array(tie('node'), { maxLength: 4 })),
    })).node;
    fc.assert(
      fc.property(nested, (value) => {
        for (const outcome of [billedHours({ minutesWorked: value }), termDemand({ monthlyHours: value })]) {
          // Bad input names its argument; a total beyond the largest double is "too large" (#NUM!).
          if (!outcome.ok && outcome.problem.kind !== 'tooLarge') expect(outcome.problem.message).toMatch(/^(minutes_worked|monthly_hours) /);
        }
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});

describe('BREAKEVEN at a tie', () => {
  it('with no variability, a block priced at exactly hourly_rate × block_hours breaks even at block_hours', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (rate, hours) => {
        expect(valueOf(breakEven({ hourlyRate: rate, blockHours: hours, blockPrice: rate * hours }))).toEqual({ kind: 'hours', hours });
      }),
      { seed: 12, numRuns: 2000 },
    );
    expect(valueOf(breakEven({ hourlyRate: 0.1, blockHours: 3, blockPrice: 0.1 * 3 }))).toEqual({ kind: 'hours', hours: 3 });
  });

  it('with variability, the same block never pays off: it costs more at every level of use', () => {
    expect(valueOf(breakEven({ hourlyRate: 100, blockHours: 20, blockPrice: 2000, variability: 0.2 }))).toEqual({ kind: 'never' });
  });
});

describe('corners a second review found', () => {
  const count = (call: () => unknown) => {
    const before = gammaEvaluationCount();
    call();
    return gammaEvaluationCount() - before;
  };

  it.each([
    [10, 1999.998],
    [100, 1000],
    [10, 2000 * (1 - 2 ** -52)],
  ])('BREAKEVEN with overage at the hourly rate and variability %p (price %p) reports a root beyond any double as too large, not a wrong number', (v, price) => {
    expect(breakEvenValue({ hourlyRate: 100, blockHours: 20, blockPrice: price, overageRate: 100, variability: v })).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: 'tooLarge' }),
    });
  });

  it('BREAKEVEN near the peak of a block with dearer overage converges in a dozen evaluations', () => {
    let result: unknown;
    expect(count(() => (result = breakEven({ hourlyRate: 100, blockHours: 20, blockPrice: 1995.8957706610938, overageRate: 105, variability: 0.01 })))).toBeLessThanOrEqual(12);
    // The root by an independent search (mpmath): 20.1228127301287.
    expect((result as { ok: true; value: { hours: number } }).value.hours).toBeCloseTo(20.1228127301287, 11);
  });

  it.each([
    // Standard gamma quantiles (θ = 1) by mpmath's root finder at 50 digits.
    [56.23, 1e-100, 0.36534697788038045],
    [6.095, 1.78e-13, 0.024616284941064],
    [2.63, 1.6e-6, 0.010470070236599158],
    [0.5, 1e-30, 7.853981633974483e-61],
  ])('the quantile at shape %p for the tiny probability %p is right and quick', (shape, p, expected) => {
    let value = NaN;
    expect(count(() => (value = demandQuantile({ expectedHours: shape, variability: 1 / Math.sqrt(shape) }, p)))).toBeLessThanOrEqual(8);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it('a quantile too small for a double is 0', () => {
    expect(demandQuantile({ expectedHours: 1e-4, variability: 100 }, 0.3)).toBe(0);
  });

  it('the prefix keeps its digits far below the peak: x^a·e^−x/Γ(a + 1) at a = 10, x = 1e-17', () => {
    expect(Math.abs(gammaPrefix(10, 1e-17) - 1e-170 / 3628800)).toBeLessThanOrEqual(1e-13 * (1e-170 / 3628800));
  });

  it.each([
    [1e20, 1e-8, 1e150],
    [1e300, 100, 1e150],
    [1.7e308, 1e-20, 3],
    [5e-324, 5e-324, 0.5],
  ])('expected %p hours against a %p-hour block at variability %p give finite figures', (m, h, v) => {
    const expected = blockExpectations({ expectedHours: m, variability: v }, h);
    for (const value of Object.values(expected)) expect(Number.isFinite(value)).toBe(true);
    expect(expected.unused).toBeLessThanOrEqual(h);
  });
});

