import {
  BLOCKVALUE_LIMITS,
  BREAKEVEN_LIMITS,
  DEMAND_LIMITS,
  EFFECTIVERATE_LIMITS,
  blockValue,
  breakEven,
  effectiveRate,
  forfeitRisk,
  overageHours,
  unusedHours,
  type LimitTable,
  type Outcome,
} from '../../src/model';

function problemOf<T>(outcome: Outcome<T>) {
  if (outcome.ok) throw new Error(`expected a problem, got ${JSON.stringify(outcome.value)}`);
  return outcome.problem;
}

const validBlockValue = { expectedHours: 18, hourlyRate: 100, blockHours: 20, blockPrice: 1800, overageRate: 90, variability: 0.5, termMonths: 12, annualDiscountRate: 0.05 };

describe('input checks', () => {
  it.each([
    ['block_hours', { blockHours: -5 }, 'block_hours must be greater than 0 (got -5)'],
    ['block_hours', { blockHours: 0 }, 'block_hours must be greater than 0 (got 0)'],
    ['hourly_rate', { hourlyRate: 0 }, 'hourly_rate must be greater than 0 (got 0)'],
    ['block_price', { blockPrice: -1 }, 'block_price must be greater than 0 (got -1)'],
    ['expected_hours', { expectedHours: -0.5 }, 'expected_hours must be at least 0 (got -0.5)'],
    ['overage_rate', { overageRate: -10 }, 'overage_rate must be at least 0 (got -10)'],
    ['variability', { variability: -0.1 }, 'variability must be at least 0 (got -0.1)'],
    ['term_months', { termMonths: 0.5 }, 'term_months must be at least 1 (got 0.5)'],
    ['annual_discount_rate', { annualDiscountRate: -0.02 }, 'annual_discount_rate must be at least 0% (got -2%)'],
    ['hourly_rate', { hourlyRate: 'abc' }, 'hourly_rate must be a number (got text "abc")'],
    ['block_hours', { blockHours: true }, 'block_hours must be a number (got TRUE)'],
    ['block_price', { blockPrice: Number.NaN }, 'block_price must be a finite number (got NaN)'],
    ['expected_hours', { expectedHours: Number.POSITIVE_INFINITY }, 'expected_hours must be a finite number (got Infinity)'],
    ['variability', { variability: [[0.5]] }, 'variability must be a single number, not a range'],
    ['expected_hours', { expectedHours: null }, 'expected_hours is required'],
  ])('rejects a bad %s with a message naming it', (argument, change, message) => {
    const problem = problemOf(blockValue({ ...validBlockValue, ...change }));
    expect(problem).toEqual({ kind: 'invalidInput', argument, message });
  });

  it('reports the leftmost bad argument first, in Excel argument order', () => {
    expect(problemOf(blockValue({ ...validBlockValue, hourlyRate: -1, blockHours: -1 })).argument).toBe('hourly_rate');
  });

  it.each([
    ['BREAKEVEN', () => breakEven({ hourlyRate: 100, blockHours: 0, blockPrice: 1800 }), 'block_hours'],
    ['EFFECTIVERATE', () => effectiveRate({ hoursUsed: -1, hourlyRate: 100, blockHours: 20, blockPrice: 1800 }), 'hours_used'],
    ['UNUSEDHOURS', () => unusedHours({ expectedHours: 10, blockHours: 20, variability: -1 }), 'variability'],
    ['OVERAGEHOURS', () => overageHours({ expectedHours: 'ten', blockHours: 20 }), 'expected_hours'],
    ['FORFEITRISK', () => forfeitRisk({ expectedHours: 10 }), 'block_hours'],
  ])('%s rejects bad input', (_name, call, argument) => {
    const problem = problemOf(call() as Outcome<unknown>);
    expect(problem.kind).toBe('invalidInput');
    expect(problem.argument).toBe(argument);
    expect(problem.message.startsWith(argument)).toBe(true);
  });
});

describe('the limit tables', () => {
  const tables: Array<[string, LimitTable]> = [
    ['BREAKEVEN', BREAKEVEN_LIMITS],
    ['BLOCKVALUE', BLOCKVALUE_LIMITS],
    ['EFFECTIVERATE', EFFECTIVERATE_LIMITS],
    ['UNUSEDHOURS, OVERAGEHOURS, FORFEITRISK', DEMAND_LIMITS],
  ];

  it.each(tables)('%s: every optional argument has a default, and optional arguments come last', (_name, table) => {
    const limits = Object.values(table);
    const firstOptional = limits.findIndex((limit) => limit.optional);
    for (const [index, limit] of limits.entries()) {
      if (firstOptional >= 0 && index >= firstOptional) expect(limit.optional).toBe(true);
      if (limit.optional) expect(limit.defaultValue !== undefined || limit.defaultFrom !== undefined).toBe(true);
      if (limit.defaultFrom !== undefined) expect(Object.keys(table).indexOf(limit.defaultFrom)).toBeLessThan(index);
    }
  });
});
