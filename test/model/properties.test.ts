import fc from 'fast-check';
import {
  BILLEDHOURS_LIMITS,
  COMPARE_LIMITS,
  EXPIRYFORECAST_LIMITS,
  RETAINER_DEMAND_LIMITS,
  RETAINERVALUE_LIMITS,
  TOPUPVALUE_LIMITS,
  MANAGEDBREAKEVEN_LIMITS,
  MANAGEDVALUE_LIMITS,
  TERMDEMAND_LIMITS,
  billedHours,
  compare,
  compareTable,
  expiryForecast,
  retainerOverage,
  retainerUnused,
  retainerValue,
  topUpValue,
  managedBreakEven,
  managedValue,
  monthlyArrearsFactor,
  recommend,
  termDemand,
  type ArgumentLimit,
  BLOCKVALUE_LIMITS,
  BREAKEVEN_LIMITS,
  DEMAND_LIMITS,
  EFFECTIVERATE_LIMITS,
  blockValue,
  breakEven,
  effectiveRate,
  effectiveRateValue,
  expectedBlockCost,
  expectedOverageHours,
  expectedUnusedHours,
  forfeitRisk,
  overageHours,
  unusedHours,
  type LimitTable,
  type Outcome,
} from '../../src/model';

const SEED = 20261126;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

// The valid range the issue names: hours from 0 to 1e6, variability from 0.001 to 10 (and exactly 0).
const hours = fc.double({ min: 0, max: 1e6, noNaN: true });
const positiveHours = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
const variability = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 10, noNaN: true }));
const rate = fc.double({ min: 0.01, max: 1e4, noNaN: true });
const money = fc.double({ min: 0.01, max: 1e8, noNaN: true });

describe('invariants of the block model', () => {
  it('unused − overage = block_hours − expected_hours', () => {
    fc.assert(
      fc.property(hours, positiveHours, variability, (expectedHours, blockHours, cv) => {
        const demand = { expectedHours, variability: cv };
        const difference = expectedUnusedHours(demand, blockHours) - expectedOverageHours(demand, blockHours);
        expect(Math.abs(difference - (blockHours - expectedHours))).toBeLessThanOrEqual(1e-9 * (blockHours + expectedHours));
      }),
      runs(2000),
    );
  });

  it('at the break-even, the block costs what hourly billing costs', () => {
    fc.assert(
      fc.property(rate, positiveHours, fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), variability, (hourlyRate, blockHours, priceShare, overageShare, cv) => {
        const blockPrice = hourlyRate * blockHours * priceShare;
        const overageRate = hourlyRate * overageShare;
        const outcome = breakEven({ hourlyRate, blockHours, blockPrice, overageRate, variability: cv });
        if (!outcome.ok) throw new Error(outcome.problem.message);
        if (outcome.value.kind === 'never') return;
        const at = outcome.value.hours;
        const blockCost = expectedBlockCost({ expectedHours: at, variability: cv }, { blockHours, blockPrice, overageRate });
        expect(Math.abs(blockCost - hourlyRate * at)).toBeLessThanOrEqual(1e-8 * hourlyRate * at);
      }),
      runs(500),
    );
  });

  it('expected costs never fall as expected use rises', () => {
    fc.assert(
      fc.property(hours, hours, positiveHours, money, rate, variability, (a, b, blockHours, blockPrice, overageRate, cv) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const block = { blockHours, blockPrice, overageRate };
        const costLow = expectedBlockCost({ expectedHours: low, variability: cv }, block);
        const costHigh = expectedBlockCost({ expectedHours: high, variability: cv }, block);
        expect(costHigh).toBeGreaterThanOrEqual(costLow - 1e-9 * costLow);
        const unusedLow = expectedUnusedHours({ expectedHours: low, variability: cv }, blockHours);
        const unusedHigh = expectedUnusedHours({ expectedHours: high, variability: cv }, blockHours);
        expect(unusedHigh).toBeLessThanOrEqual(unusedLow + 1e-9 * blockHours);
      }),
      runs(2000),
    );
  });

  it('gives a finite number, or a "never"/"no hours used" answer, for every valid input', () => {
    fc.assert(
      fc.property(hours, rate, positiveHours, money, fc.option(rate, { nil: null }), fc.option(variability, { nil: null }), fc.option(fc.double({ min: 1, max: 600, noNaN: true }), { nil: null }), fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
        (expectedHours, hourlyRate, blockHours, blockPrice, overageRate, cv, termMonths, annualDiscountRate) => {
          const finite = (outcome: Outcome<number>) => {
            expect(outcome.ok).toBe(true);
            if (outcome.ok) expect(Number.isFinite(outcome.value)).toBe(true);
          };
          finite(blockValue({ expectedHours, hourlyRate, blockHours, blockPrice, overageRate, variability: cv, termMonths, annualDiscountRate }));
          finite(unusedHours({ expectedHours, blockHours, variability: cv }));
          finite(overageHours({ expectedHours, blockHours, variability: cv }));
          const risk = forfeitRisk({ expectedHours, blockHours, variability: cv });
          finite(risk);
          if (risk.ok) expect(risk.value >= 0 && risk.value <= 1).toBe(true);
          const even = breakEven({ hourlyRate, blockHours, blockPrice, overageRate, variability: cv });
          if (!even.ok) throw new Error(even.problem.message);
          if (even.value.kind === 'hours') expect(Number.isFinite(even.value.hours) && even.value.hours > 0).toBe(true);
          const effective = effectiveRate({ hoursUsed: expectedHours, hourlyRate, blockHours, blockPrice, overageRate });
          if (!effective.ok) throw new Error(effective.problem.message);
          const effectiveNumber = effectiveRateValue({ hoursUsed: expectedHours, hourlyRate, blockHours, blockPrice, overageRate });
          if (effective.value.kind === 'rate') expect(effectiveNumber.ok ? Number.isFinite(effectiveNumber.value) : effectiveNumber.problem.message.length > 0).toBe(true);
        }),
      runs(1000),
    );
  });
});

describe('invariants of managed services, billing rules and history', () => {
  const share = fc.double({ min: 0, max: 1, noNaN: true });

  it('MANAGEDVALUE is 0 at MANAGEDBREAKEVEN', () => {
    fc.assert(
      fc.property(money, rate, share, share, fc.double({ min: 0, max: 1e4, noNaN: true }), (monthlyFee, hourlyRate, coveredShare, incidentReduction, disruptionCostPerHour) => {
        const terms = { monthlyFee, hourlyRate, coveredShare, incidentReduction, disruptionCostPerHour };
        const breakEvenOutcome = managedBreakEven(terms);
        if (!breakEvenOutcome.ok) {
          // Never pays off (nothing covered, nothing prevented), or so little saved per hour that F / D overflows.
          expect(breakEvenOutcome.problem.message).toMatch(/never pay off|too large/);
          return;
        }
        const value = managedValue({ ...terms, expectedMonthlyHours: breakEvenOutcome.value });
        if (!value.ok) throw new Error(value.problem.message);
        expect(Math.abs(value.value)).toBeLessThanOrEqual(1e-9 * monthlyFee);
      }),
      runs(2000),
    );
  });

  it('BILLEDHOURS never falls as minutes rise', () => {
    const minutes = fc.double({ min: 0, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(minutes, minutes, fc.double({ min: 0.01, max: 120, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (a, b, incrementMinutes, minimumMinutes, multiplier) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const bill = (m: number) => {
          const outcome = billedHours({ minutesWorked: m, incrementMinutes, minimumMinutes, multiplier });
          if (!outcome.ok) throw new Error(outcome.problem.message);
          return outcome.value;
        };
        expect(bill(high)).toBeGreaterThanOrEqual(bill(low));
      }),
      runs(3000),
    );
  });

  it('TERMDEMAND of a constant series has variability 0 and expects term × that value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 36 }), fc.integer({ min: 1, max: 60 }), (hours, months, termMonths) => {
        const outcome = termDemand({ monthlyHours: Array.from({ length: months }, () => [hours]), termMonths });
        if (!outcome.ok) throw new Error(outcome.problem.message);
        expect(outcome.value).toEqual([[termMonths * hours, 0]]);
      }),
      runs(1000),
    );
  });

  it('the COMPARE rows agree with BLOCKVALUE and MANAGEDVALUE', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }), rate, positiveHours, money, money, fc.option(rate, { nil: null }), variability,
        fc.double({ min: 1, max: 60, noNaN: true }), share, share, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }),
        (expectedMonthlyHours, hourlyRate, blockHours, blockPrice, monthlyFee, overageRate, cv, termMonths, coveredShare, incidentReduction, disruptionCostPerHour, annualDiscountRate) => {
          const inputs = { expectedMonthlyHours, hourlyRate, blockHours, blockPrice, monthlyFee, overageRate, monthlyVariability: cv, termMonths, coveredShare, incidentReduction, disruptionCostPerHour, annualDiscountRate };
          const comparison = compare(inputs);
          if (!comparison.ok) throw new Error(comparison.problem.message);
          // COMPARE takes one month's variability; over T independent months it is that ÷ √T.
          const block = blockValue({ ...inputs, expectedHours: expectedMonthlyHours * termMonths, variability: cv / Math.sqrt(termMonths) });
          const managed = managedValue(inputs);
          if (!block.ok || !managed.ok) throw new Error('expected values');
          const { hourly } = comparison.value;
          const scale = Math.max(1, hourly.expectedCost, comparison.value.block.expectedCost, comparison.value.managed.expectedCost);
          expect(Math.abs(comparison.value.block.savingVsHourly - block.value)).toBeLessThanOrEqual(1e-9 * scale);
          const managedOverTerm = managed.value * termMonths * monthlyArrearsFactor(termMonths, annualDiscountRate);
          expect(Math.abs(comparison.value.managed.savingVsHourly - managedOverTerm)).toBeLessThanOrEqual(1e-9 * scale);
          for (const option of [hourly, comparison.value.block, comparison.value.managed]) {
            expect(option.percentile95Cost).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(option.expectedCost)).toBe(true);
          }
          const sentence = recommend(inputs);
          expect(sentence.ok && sentence.value.length > 40).toBe(true);
        },
      ),
      runs(300),
    );
  });

  it('EXPIRYFORECAST never forecasts more unused hours than are left, nor fewer than 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), positiveHours, fc.double({ min: 1, max: 120, noNaN: true }), variability, (hoursUsed, elapsedShare, blockHours, termMonths, monthlyVariability) => {
        const outcome = expiryForecast({ hoursUsed, monthsElapsed: elapsedShare * termMonths, blockHours, termMonths, monthlyVariability });
        if (!outcome.ok) throw new Error(outcome.problem.message);
        expect(outcome.value).toBeGreaterThanOrEqual(0);
        expect(outcome.value).toBeLessThanOrEqual(Math.max(0, blockHours - hoursUsed) * (1 + 1e-12));
      }),
      runs(2000),
    );
  });
});

describe('every invalid input is refused with a message that names the argument', () => {
  const badValues = fc.oneof(
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.constant(Number.NEGATIVE_INFINITY),
    fc.double({ max: -1e-12, noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.boolean(),
    fc.constant([[1, 2]]),
    fc.constant({}),
  );
  const valid: Record<string, unknown> = {
    expectedHours: 18, hoursUsed: 15, hourlyRate: 100, blockHours: 20, blockPrice: 1800, overageRate: 90, variability: 0.5, termMonths: 12, annualDiscountRate: 0.05,
    expectedMonthlyHours: 2, monthlyFee: 3000, coveredShare: 0.8, incidentReduction: 0.2, disruptionCostPerHour: 40,
    minutesWorked: [[45], [20]], incrementMinutes: 15, minimumMinutes: 30, multiplier: 1.5, monthlyHours: [[10], [14], [12]],
    monthsElapsed: 6, monthlyVariability: 0.4,
  };
  /** Values that break a given limit: out of its bounds, the wrong type, or missing when required. */
  const badValuesFor = (limit: ArgumentLimit) => {
    const options: fc.Arbitrary<unknown>[] = [badValues];
    if (limit.greaterThan !== undefined) options.push(fc.double({ min: -1e12, max: limit.greaterThan, noNaN: true }));
    if (limit.atLeast !== undefined) options.push(fc.double({ min: -1e12, max: limit.atLeast - 1e-9, noNaN: true }));
    if (limit.atMost !== undefined) options.push(fc.double({ min: limit.atMost + 1e-9, max: 1e12, noNaN: true }));
    if (!limit.optional && limit.shape !== 'range') options.push(fc.constant(null));
    const bad = fc.oneof(...options);
    // A range argument takes arrays: a bad value is a bad cell inside one.
    return limit.shape === 'range' ? bad.filter((v) => v !== null && v !== '' && !Array.isArray(v)).map((v) => [[1], [v], [2]]) : bad;
  };
  // A retainer's monthly_hours is one number, where TERMDEMAND's is a range of past months.
  const retainer = { monthlyHours: 8, monthlyPrice: 1100, rolloverCap: 0.4 };
  const cases: Array<[string, LimitTable, (raw: Record<string, unknown>) => Outcome<unknown>, Record<string, unknown>?]> = [
    ['BREAKEVEN', BREAKEVEN_LIMITS, breakEven],
    ['BLOCKVALUE', BLOCKVALUE_LIMITS, blockValue],
    ['EFFECTIVERATE', EFFECTIVERATE_LIMITS, effectiveRate],
    ['UNUSEDHOURS', DEMAND_LIMITS, unusedHours],
    ['OVERAGEHOURS', DEMAND_LIMITS, overageHours],
    ['FORFEITRISK', DEMAND_LIMITS, forfeitRisk],
    ['MANAGEDVALUE', MANAGEDVALUE_LIMITS, managedValue],
    ['MANAGEDBREAKEVEN', MANAGEDBREAKEVEN_LIMITS, managedBreakEven],
    ['BILLEDHOURS', BILLEDHOURS_LIMITS, billedHours],
    ['TERMDEMAND', TERMDEMAND_LIMITS, termDemand],
    ['EXPIRYFORECAST', EXPIRYFORECAST_LIMITS, expiryForecast],
    ['COMPARE', COMPARE_LIMITS, compareTable],
    ['RECOMMEND', COMPARE_LIMITS, recommend],
    ['RETAINERVALUE', RETAINERVALUE_LIMITS, retainerValue, retainer],
    ['RETAINERUNUSED', RETAINER_DEMAND_LIMITS, retainerUnused, retainer],
    ['RETAINEROVERAGE', RETAINER_DEMAND_LIMITS, retainerOverage, retainer],
    ['TOPUPVALUE', TOPUPVALUE_LIMITS, topUpValue],
  ];

  it.each(cases)('%s', (_name, limits, call, overrides = {}) => {
    const keys = Object.keys(limits);
    const validHere = { ...valid, ...overrides };
    expect(call(Object.fromEntries(keys.map((k) => [k, validHere[k]]))).ok).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...keys).chain((key) => fc.tuple(fc.constant(key), badValuesFor(limits[key]))), ([key, bad]) => {
        const raw = Object.fromEntries(keys.map((k) => [k, validHere[k]]));
        raw[key] = bad;
        const outcome = call(raw);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.problem.kind).toBe('invalidInput');
          expect(outcome.problem.argument).toBe(limits[key].excelName);
          expect(outcome.problem.message).toContain(limits[key].excelName);
        }
      }),
      runs(1000),
    );
  });

  it('refuses zero where an argument must be greater than 0 and a term below 1 month', () => {
    for (const [key, value] of [['hourlyRate', 0], ['blockHours', 0], ['blockPrice', 0], ['termMonths', 0.99]] as const) {
      const outcome = blockValue({ ...valid, [key]: value });
      expect(outcome.ok).toBe(false);
    }
  });
});
