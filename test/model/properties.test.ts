import fc from 'fast-check';
import {
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
  const valid: Record<string, number> = {
    expectedHours: 18, hoursUsed: 15, hourlyRate: 100, blockHours: 20, blockPrice: 1800, overageRate: 90, variability: 0.5, termMonths: 12, annualDiscountRate: 0.05,
  };
  const cases: Array<[string, LimitTable, (raw: Record<string, unknown>) => Outcome<unknown>]> = [
    ['BREAKEVEN', BREAKEVEN_LIMITS, breakEven],
    ['BLOCKVALUE', BLOCKVALUE_LIMITS, blockValue],
    ['EFFECTIVERATE', EFFECTIVERATE_LIMITS, effectiveRate],
    ['UNUSEDHOURS', DEMAND_LIMITS, unusedHours],
    ['OVERAGEHOURS', DEMAND_LIMITS, overageHours],
    ['FORFEITRISK', DEMAND_LIMITS, forfeitRisk],
  ];

  it.each(cases)('%s', (_name, limits, call) => {
    const keys = Object.keys(limits);
    fc.assert(
      fc.property(fc.constantFrom(...keys), badValues, (key, bad) => {
        const raw = Object.fromEntries(keys.map((k) => [k, valid[k]]));
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
