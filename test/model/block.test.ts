import {
  gammaEvaluationCount,
  blockCostForHours,
  breakEvenValue,
  effectiveRateValue,
  blockValue,
  breakEven,
  effectiveRate,
  expectedBlockCost,
  expectedOverageHours,
  expectedUnusedHours,
  forfeitRisk,
  monthlyArrearsFactor,
  overageHours,
  probabilityOfUnusedHours,
  unusedHours,
  type Outcome,
} from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

const offer = { hourlyRate: 100, blockHours: 20, blockPrice: 1800 };

describe('the worked example in issue 2', () => {
  // Standard rate 100, a 20-hour block for 1,800, overage at 90, expected use 18 hours, variability 0.5.
  const demand = { expectedHours: 18, variability: 0.5 };
  const block = { blockHours: 20, blockPrice: 1800, overageRate: 90 };

  it('has a deterministic break-even of 18 hours', () => {
    expect(valueOf(breakEven({ ...offer, overageRate: 90 }))).toEqual({ kind: 'hours', hours: 18 });
  });

  it('expects about 4.73 hours to go unused', () => {
    expect(expectedUnusedHours(demand, 20)).toBeCloseTo(4.73, 2);
  });

  it('expects the block to cost about 2,045.98', () => {
    expect(expectedBlockCost(demand, block)).toBeCloseTo(2045.98, 2);
  });

  it('so buying the block loses about 245.98 against paying 1,800 hourly', () => {
    const saving = valueOf(blockValue({ ...offer, expectedHours: 18, overageRate: 90, variability: 0.5 }));
    expect(saving).toBeCloseTo(1800 - 2045.98, 2);
  });
});

describe('the documented examples', () => {
  it.each([
    ['expectedUnusedHours', expectedUnusedHours({ expectedHours: 18, variability: 0.5 }, 20), 4.7331],
    ['expectedOverageHours', expectedOverageHours({ expectedHours: 18, variability: 0.5 }, 20), 2.7331],
    ['probabilityOfUnusedHours', probabilityOfUnusedHours({ expectedHours: 18, variability: 0.5 }, 20), 0.6482],
    ['monthlyArrearsFactor', monthlyArrearsFactor(12, 0.12), 0.9379],
    ['blockCostForHours', blockCostForHours(25, { blockHours: 20, blockPrice: 1800, overageRate: 90 }), 2250],
    ['unusedHours', valueOf(unusedHours({ expectedHours: 18, blockHours: 20, variability: 0.5 })), 4.7331],
    ['overageHours', valueOf(overageHours({ expectedHours: 18, blockHours: 20, variability: 0.5 })), 2.7331],
    ['forfeitRisk', valueOf(forfeitRisk({ expectedHours: 18, blockHours: 20, variability: 0.5 })), 0.6482],
  ])('%s gives %p', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 4);
  });

  it('effectiveRate: 1,800 for 15 hours used is 120 an hour', () => {
    expect(valueOf(effectiveRate({ ...offer, hoursUsed: 15 }))).toEqual({ kind: 'rate', rate: 120 });
  });

  it('monthlyArrearsFactor matches Excel PV(1%, 12, -100) = 1,125.51 for 1,200 paid monthly', () => {
    expect(1200 * monthlyArrearsFactor(12, 0.12)).toBeCloseTo(1125.51, 2);
  });
});

describe('BREAKEVEN', () => {
  it('is block_price / hourly_rate with no variability when that is within the block', () => {
    expect(valueOf(breakEven({ hourlyRate: 120, blockHours: 40, blockPrice: 4200 }))).toEqual({ kind: 'hours', hours: 35 });
  });

  it('never pays off when the block costs more than its hours at the hourly rate and overage is not cheaper', () => {
    expect(valueOf(breakEven({ ...offer, blockPrice: 2100 }))).toEqual({ kind: 'never' });
    expect(valueOf(breakEven({ ...offer, blockPrice: 2100, variability: 0.4 }))).toEqual({ kind: 'never' });
  });

  it('lies beyond block_hours when only a cheaper overage rate makes the block pay off', () => {
    // 100·h = 2,100 + 90·(h − 20) gives h = 30.
    expect(valueOf(breakEven({ ...offer, blockPrice: 2100, overageRate: 90 }))).toEqual({ kind: 'hours', hours: 30 });
  });

  it.each([0.05, 0.2, 0.5, 1, 3, 10])('with variability %p is at least the deterministic break-even when overage is at the hourly rate', (variability) => {
    const result = valueOf(breakEven({ ...offer, variability }));
    expect(result.kind).toBe('hours');
    if (result.kind === 'hours') expect(result.hours).toBeGreaterThanOrEqual(18);
  });

  it('finds where expected costs are equal, with variability', () => {
    const result = valueOf(breakEven({ ...offer, overageRate: 90, variability: 0.5 }));
    if (result.kind !== 'hours') throw new Error('expected hours');
    const block = expectedBlockCost({ expectedHours: result.hours, variability: 0.5 }, { blockHours: 20, blockPrice: 1800, overageRate: 90 });
    expect(block).toBeCloseTo(100 * result.hours, 8);
  });

  it('returns the first level of use that pays off when overage is dearer than hourly', () => {
    // Cheap overage is not the point here: at 150 an hour overage the saving rises then falls.
    const result = valueOf(breakEven({ ...offer, overageRate: 150, variability: 0.1 }));
    if (result.kind !== 'hours') throw new Error('expected hours');
    expect(result.hours).toBeGreaterThan(18);
    expect(result.hours).toBeLessThan(20);
    expect(valueOf(breakEven({ ...offer, overageRate: 150, variability: 1 }))).toEqual({ kind: 'never' });
  });
});

describe('BLOCKVALUE', () => {
  it('is hourly cost minus block cost with hours known exactly', () => {
    expect(valueOf(blockValue({ ...offer, expectedHours: 25 }))).toBeCloseTo(2500 - 2300, 10);
    expect(valueOf(blockValue({ ...offer, expectedHours: 10 }))).toBeCloseTo(1000 - 1800, 10);
  });

  it('discounts hourly charges paid monthly in arrears but not the block paid on day one', () => {
    // 25 hours over 12 months at 100 is 208.33 a month; overage of 5 hours at 100 is 41.67 a month.
    const value = valueOf(blockValue({ ...offer, expectedHours: 25, termMonths: 12, annualDiscountRate: 0.12 }));
    const presentValuePerMonth = (1 - 1.01 ** -12) / 0.01;
    expect(value).toBeCloseTo(((2500 - 500) / 12) * presentValuePerMonth - 1800, 9);
  });

  it('ignores term_months when there is no discount rate', () => {
    const base = { ...offer, expectedHours: 22, variability: 0.3 };
    expect(valueOf(blockValue({ ...base, termMonths: 6 }))).toBeCloseTo(valueOf(blockValue({ ...base, termMonths: 24 })), 12);
  });

  it('defaults overage to the hourly rate, term to 12 months and discounting to none', () => {
    const explicit = valueOf(blockValue({ ...offer, expectedHours: 22, overageRate: 100, variability: 0, termMonths: 12, annualDiscountRate: 0 }));
    expect(valueOf(blockValue({ ...offer, expectedHours: 22, overageRate: null, variability: null, termMonths: null, annualDiscountRate: null }))).toBe(explicit);
    const discounted = valueOf(blockValue({ ...offer, expectedHours: 22, annualDiscountRate: 0.1 }));
    expect(discounted).toBe(valueOf(blockValue({ ...offer, expectedHours: 22, termMonths: 12, annualDiscountRate: 0.1 })));
  });
});

describe('EFFECTIVERATE', () => {
  it('adds overage beyond the block', () => {
    expect(valueOf(effectiveRate({ ...offer, hoursUsed: 25, overageRate: 90 }))).toEqual({ kind: 'rate', rate: 2250 / 25 });
  });

  it('has no answer when no hours were used', () => {
    expect(valueOf(effectiveRate({ ...offer, hoursUsed: 0 }))).toEqual({ kind: 'noHoursUsed' });
  });

  it('as a number, no hours used is "no answer" (#N/A) that names hours_used, not a result too large', () => {
    expect(effectiveRateValue({ ...offer, hoursUsed: 0 })).toEqual({
      ok: false,
      problem: { kind: 'noAnswer', argument: 'hours_used', message: expect.stringContaining('hours_used is 0') },
    });
  });
});

describe('BLOCKVALUE far below a vast block', () => {
  it('keeps the hourly cost of the few hours expected: one hour against a block of 1e18 saves 100 − price', () => {
    // Overage is nil this far below the block, so the saving is R·m − price = 100 − 50, to the cent:
    // a form that went through H − E[unused] would lose it to rounding (the ulp of 1e18 is 128).
    const saving = valueOf(blockValue({ expectedHours: 1, hourlyRate: 100, blockHours: 1e18, blockPrice: 50, variability: 0.5 }));
    expect(saving).toBeCloseTo(50, 6);
  });
});

describe('demand without variability', () => {
  it.each([
    [10, 20, 10, 0, 1],
    [20, 20, 0, 0, 0],
    [30, 20, 0, 10, 0],
    [0, 20, 20, 0, 1],
  ])('expected %p hours of a %p-hour block: %p unused, %p overage, forfeit risk %p', (m, h, unused, over, risk) => {
    expect(valueOf(unusedHours({ expectedHours: m, blockHours: h }))).toBe(unused);
    expect(valueOf(overageHours({ expectedHours: m, blockHours: h }))).toBe(over);
    expect(valueOf(forfeitRisk({ expectedHours: m, blockHours: h }))).toBe(risk);
  });

  it('with no expected use, every prepaid hour is forfeited even with variability', () => {
    expect(valueOf(unusedHours({ expectedHours: 0, blockHours: 20, variability: 0.7 }))).toBe(20);
    expect(valueOf(forfeitRisk({ expectedHours: 0, blockHours: 20, variability: 0.7 }))).toBe(1);
  });
});

describe('results that would overflow a double', () => {
  // Found by the property test: 0.01 / 5e-324 hours is Infinity.
  it('EFFECTIVERATE refuses to return Infinity for a vanishingly small hours_used', () => {
    const outcome = effectiveRateValue({ hoursUsed: 5e-324, hourlyRate: 0.01, blockHours: 0.001, blockPrice: 0.01 });
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', message: expect.stringContaining('too large') } });
  });

  it('BREAKEVEN refuses to return Infinity when price / rate overflows', () => {
    const outcome = breakEvenValue({ hourlyRate: 1e-10, blockHours: 1e308, blockPrice: 1e308 });
    expect(outcome.ok).toBe(false);
  });

  it('BLOCKVALUE says "too large" (#NUM!) for a saving beyond the largest double', () => {
    const outcome = blockValue({ expectedHours: 1e300, hourlyRate: 1e300, blockHours: 1, blockPrice: 1, overageRate: 0 });
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', message: expect.stringContaining('too large') } });
  });

  it('BLOCKVALUE answers astronomically large inputs whose saving fits: o·(H − unused) − price when overage is the hourly rate', () => {
    // R·m − o·E[overage] = 1e300 · (1 − E[unused]) − 1, with E[unused] = 0 this far beyond the block.
    expect(valueOf(blockValue({ expectedHours: 1e300, hourlyRate: 1e300, blockHours: 1, blockPrice: 1 }))).toBe(1e300);
  });
});

describe('inputs the fuzzer found', () => {
  it('BREAKEVEN returns when price ÷ rate underflows to 0 (it used to loop forever)', () => {
    const before = gammaEvaluationCount();
    const outcome = breakEvenValue({ hourlyRate: 1.7976931348623157e308, blockHours: 1.44e-54, blockPrice: 2.3e-30, overageRate: 4.5e-64, variability: 5.6e-13 });
    expect(outcome).toEqual({ ok: true, value: 0 });
    expect(gammaEvaluationCount() - before).toBeLessThanOrEqual(1);
  });

  it('BREAKEVEN with near-certain demand (variability 1.7e-16) takes a few evaluations and is close to the deterministic answer', () => {
    const before = gammaEvaluationCount();
    const outcome = breakEvenValue({ hourlyRate: 28, blockHours: 20, blockPrice: 420, overageRate: 28, variability: 1.687e-16 });
    expect(gammaEvaluationCount() - before).toBeLessThanOrEqual(6);
    expect(outcome.ok && outcome.value).toBeCloseTo(15, 9);
  });

  it('keeps demand gamma at variability 1e-7 (shape 1e14): at the block size unused hours are m·prefix(k, k) and P(k, k) = ½ + 1/(3√(2πk)) + O(1/k)', () => {
    const shape = 1e14;
    const unused = valueOf(unusedHours({ expectedHours: 20, blockHours: 20, variability: 1e-7 }));
    // m·k^k·e^−k / Γ(k + 1) = m / √(2πk) · (1 − 1/(12k) + …) = σ/√(2π) to 1e-15.
    expect(unused).toBeCloseTo((20 * 1e-7) / Math.sqrt(2 * Math.PI), 15);
    expect(valueOf(forfeitRisk({ expectedHours: 20, blockHours: 20, variability: 1e-7 }))).toBeCloseTo(0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * shape)), 15);
  });
});
