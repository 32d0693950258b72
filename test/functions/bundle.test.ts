import reference from '../reference/reference.json';
import retainerReference from '../reference/retainer-cases.json';
import * as model from '../../src/model';
import { readDist } from '../support/dist';
import { FakeCustomFunctionsError, loadFunctionsBundle, type RegisteredFunction } from '../support/custom-functions-runtime';

const metadata = JSON.parse(readDist('functions.json')) as { functions: Array<{ id: string }> };
const bundle = loadFunctionsBundle();

function fn(id: string): RegisteredFunction {
  const found = bundle.registered.get(id);
  if (!found) throw new Error(`${id} was not registered`);
  return found;
}

function expectClose(actual: unknown, expected: number, scale = 0): void {
  expect(typeof actual).toBe('number');
  const tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-6 * scale, 1e-300);
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

function expectExcelError(result: unknown, code: string, argument?: string): void {
  expect(result).toBeInstanceOf(FakeCustomFunctionsError);
  const error = result as FakeCustomFunctionsError;
  expect(error.code).toBe(code);
  expect(error.message?.length).toBeGreaterThan(10);
  if (argument) expect(error.message).toContain(argument);
}

describe('dist/functions.js in a JavaScript-only custom-functions runtime', () => {
  it('loads with only CustomFunctions and Office defined, and registers every id in functions.json once', () => {
    expect(bundle.associateCalls.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const id of bundle.associateCalls) expect(typeof bundle.registered.get(id)).toBe('function');
  });

  it('gives the model numbers for the worked example', () => {
    expect(fn('BREAKEVEN')(100, 20, 1800, null, null)).toBe(18);
    expectClose(fn('UNUSEDHOURS')(18, 20, 0.5), 4.733124130692946);
    expectClose(fn('BLOCKVALUE')(18, 100, 20, 1800, 90, 0.5, null, null), 1800 - 2045.9811717623652);
    expect(fn('EFFECTIVERATE')(15, 100, 20, 1800, null)).toBe(120);
    const modelRisk = model.forfeitRisk({ expectedHours: 18, blockHours: 20, variability: 0.5 });
    expectClose(fn('FORFEITRISK')(18, 20, 0.5), modelRisk.ok ? modelRisk.value : Number.NaN);
    expectClose(fn('OVERAGEHOURS')(25, 20, null), 5);
  });

  it('treats omitted optional arguments (null or undefined) as their defaults', () => {
    const withDefaults = fn('BLOCKVALUE')(22, 100, 20, 1800, 100, 0, 12, 0);
    expect(fn('BLOCKVALUE')(22, 100, 20, 1800, null, null, null, null)).toBe(withDefaults);
    expect(fn('BLOCKVALUE')(22, 100, 20, 1800)).toBe(withDefaults);
  });

  // The bundle swaps stdlib's Math ports for the engine's (src/vendor/stdlib-shims); accuracy must survive.
  it('matches the mpmath reference table through the registered functions', () => {
    for (const c of reference.demand) {
      const scale = c.expectedHours + c.blockHours;
      expectClose(fn('UNUSEDHOURS')(c.expectedHours, c.blockHours, c.variability), c.unusedHours, scale);
      expectClose(fn('OVERAGEHOURS')(c.expectedHours, c.blockHours, c.variability), c.overageHours, scale);
      expectClose(fn('FORFEITRISK')(c.expectedHours, c.blockHours, c.variability), c.forfeitRisk, 1);
    }
    for (const c of reference.blockValue) {
      const result = fn('BLOCKVALUE')(c.expectedHours, c.hourlyRate, c.blockHours, c.blockPrice, c.overageRate, c.variability, c.termMonths, c.annualDiscountRate);
      expectClose(result, c.blockValue, c.blockPrice);
    }
    for (const c of reference.breakEven.filter((c) => c.breakEven !== null)) {
      expectClose(fn('BREAKEVEN')(c.hourlyRate, c.blockHours, c.blockPrice, c.overageRate, c.variability), c.breakEven as number);
    }
  });

  it('returns #VALUE! with a message naming the argument for bad input', () => {
    expectExcelError(fn('BLOCKVALUE')(-5, 100, 20, 1800), '#VALUE!', 'expected_hours');
    expectExcelError(fn('BREAKEVEN')(100, -5, 1800), '#VALUE!', 'block_hours must be greater than 0 (got -5)');
    expectExcelError(fn('EFFECTIVERATE')(10, 'abc', 20, 1800), '#VALUE!', 'hourly_rate');
    expectExcelError(fn('UNUSEDHOURS')(10, 20, Number.NaN), '#VALUE!', 'variability');
    expectExcelError(fn('OVERAGEHOURS')(Number.POSITIVE_INFINITY, 20), '#VALUE!', 'expected_hours');
    expectExcelError(fn('FORFEITRISK')(10, null), '#VALUE!', 'block_hours');
    expectExcelError(fn('BLOCKVALUE')(10, 100, 20, 1800, null, null, 0.5), '#VALUE!', 'term_months');
  });

  it('returns #N/A with a message when there is no answer', () => {
    expectExcelError(fn('BREAKEVEN')(100, 20, 2100), '#N/A', 'never pays off');
    expectExcelError(fn('EFFECTIVERATE')(0, 100, 20, 1800), '#N/A', 'hours_used');
  });

  it('gives the issue 3 worked example: MANAGEDVALUE(2, 185, 3000) and MANAGEDBREAKEVEN(3000, 185)', () => {
    expect(fn('MANAGEDVALUE')(2, 185, 3000, null, null, null)).toBe(-2630);
    expectClose(fn('MANAGEDBREAKEVEN')(3000, 185), 3000 / 185);
  });

  it('matches the reference table for the decision functions', () => {
    for (const c of reference.managed) {
      expectClose(fn('MANAGEDVALUE')(c.expectedMonthlyHours, c.hourlyRate, c.monthlyFee, c.coveredShare, c.incidentReduction, c.disruptionCostPerHour), c.managedValue, c.monthlyFee);
    }
    for (const c of reference.billedHours) {
      expectClose(fn('BILLEDHOURS')(c.minutesWorked.map((m) => [m]), c.incrementMinutes, c.minimumMinutes, c.multiplier), c.billedHours);
    }
    for (const c of reference.termDemand) {
      const spill = fn('TERMDEMAND')([c.monthlyHours], c.termMonths) as number[][];
      expect(spill).toHaveLength(1);
      expectClose(spill[0][0], c.expectedHours);
      expectClose(spill[0][1], c.variability, 1);
    }
    for (const c of reference.expiryForecast) {
      expectClose(fn('EXPIRYFORECAST')(c.hoursUsed, c.monthsElapsed, c.blockHours, c.termMonths, c.monthlyVariability), c.expiryForecast, c.blockHours);
    }
    for (const c of reference.compare) {
      const a = c.arguments as Record<string, number | undefined>;
      const table = fn('COMPARE')(a.m, a.R, a.H, a.price, a.F, a.o ?? null, a.mcv ?? null, a.T ?? null, a.s ?? null, a.q ?? null, a.c ?? null, a.rate ?? null) as unknown[][];
      expect(table).toHaveLength(4);
      c.rows.forEach((row, index) => {
        expect(table[index + 1][0]).toBe(row[0]);
        expectClose(table[index + 1][1], row[1] as number, (a.price as number) + (a.F as number) * 24);
        if (row[2] === null) expectExcelError(table[index + 1][2], '#N/A', 'no support hours');
        else expectClose(table[index + 1][2], row[2] as number);
      });
    }
  });

  it('gives the retainer and top-up reference values (test/reference/retainer.py), with omitted arguments at their defaults', () => {
    for (const c of retainerReference.retainer) {
      expectClose(fn('RETAINERUNUSED')(c.h, c.A, c.v, c.cap, c.T), c.unused, c.A);
      expectClose(fn('RETAINEROVERAGE')(c.h, c.A, c.v, c.cap, c.T), c.overage, c.A);
      expectClose(fn('RETAINERVALUE')(c.h, c.R, c.A, c.M, c.o, c.v, c.cap, c.T, c.r), c.value, c.M);
    }
    for (const c of retainerReference.topup) expectClose(fn('TOPUPVALUE')(c.mu, c.R, c.H, c.P, c.v), c.value, c.P);
    for (const c of retainerReference.carried) {
      const spill = fn('RETAINERFORECAST')(c.h, c.A, c.c0, c.T, c.v, c.cap) as number[][];
      expect(spill).toHaveLength(2);
      expectClose(spill[0][0], c.unused, c.A);
      expectClose(spill[1][0], c.overage, c.A);
    }
    // Omitted: no variability and use it or lose it, so nothing can be carried in.
    expect(fn('RETAINERFORECAST')(6, 8, 0, 3, null, null)).toEqual([[6], [0]]);
    // Omitted: no variability, use it or lose it, 12 months, no discounting, overage at the hourly rate.
    expect(fn('RETAINERUNUSED')(6, 8, null, null, null)).toBe(24);
    expect(fn('RETAINEROVERAGE')(10, 8, null, null, null)).toBe(24);
    expect(fn('RETAINERVALUE')(10, 150, 8, 1000, null, null, null, null, null)).toBe(10 * 150 * 12 - 1000 * 12 - 150 * 24);
    expect(fn('TOPUPVALUE')(25, 150, 10, 1350, null)).toBe(25 * 150 - 3 * 1350);
  });

  it('gives the time-entry and managed-quote reference values, with omitted arguments at their defaults', () => {
    for (const c of reference.monthlyHours) {
      const spill = fn('MONTHLYHOURS')(c.dates.map((d) => [d]), c.minutes.map((m) => [m]), c.incrementMinutes, c.minimumMinutes, c.multiplier) as number[][];
      expect(spill.map((row) => row[0])).toEqual(c.months.map((row) => row[0]));
      spill.forEach((row, index) => expectClose(row[1], c.months[index][1]));
    }
    for (const c of reference.managedFee) {
      const a = c.arguments as Record<string, number | undefined>;
      const fee = fn('MANAGEDFEE')(a.users, a.per_user, a.devices ?? null, a.per_device ?? null, a.servers ?? null, a.per_server ?? null, a.minimum ?? null, a.onboarding ?? null, a.months ?? null);
      expectClose(fee, c.managedFee);
    }
    // Omitted: 15-minute increments, no minimum, no multiplier; blank positions skipped.
    expect(fn('MONTHLYHOURS')([[46023.5], [null], [46085]], [[50], [''], [5]], null, null, null)).toEqual([[46023, 1], [46054, 0], [46082, 0.25]]);
    // Omitted: no devices or servers, no minimum or onboarding, 12 months.
    expect(fn('MANAGEDFEE')(10, 100, null, null, null, null, null, 1200, null)).toBe(1100);
  });

  it('accepts a single number where a range is expected, and ignores blank cells in a range', () => {
    expect(fn('BILLEDHOURS')(45)).toBe(0.75);
    expect(fn('BILLEDHOURS')([[45]])).toBe(0.75);
    expect(fn('BILLEDHOURS')([[10, ''], [null, 45]], 15, 30)).toBe(1.25);
  });

  it('returns RECOMMEND as one cell of text: the verdict, then the reasons', () => {
    const advice = fn('RECOMMEND')(2, 185, 20, 3400, 3000);
    expect(typeof advice).toBe('string');
    expect(advice).toMatch(/^Buy the prepaid block\. Expected cost over the 12-month term: .*\.$/);
  });

  it('returns #VALUE! naming the argument for bad decision inputs', () => {
    expectExcelError(fn('MANAGEDVALUE')(2, 185, 3000, 1.5), '#VALUE!', 'covered_share must be from 0% to 100%');
    expectExcelError(fn('MANAGEDBREAKEVEN')(3000, 185, 0.5, -0.1), '#VALUE!', 'incident_reduction');
    expectExcelError(fn('BILLEDHOURS')([[30], [-5]]), '#VALUE!', 'minutes_worked must be at least 0');
    expectExcelError(fn('TERMDEMAND')([[12]]), '#VALUE!', 'monthly_hours must contain at least 2 numbers');
    expectExcelError(fn('EXPIRYFORECAST')(5, 0, 20, 12), '#VALUE!', 'months_elapsed must be greater than 0');
    expectExcelError(fn('COMPARE')(2, 185, 20, 3400, 3000, null, null, null, 2), '#VALUE!', 'covered_share');
    expectExcelError(fn('RECOMMEND')(2, 185, 20, 'x', 3000), '#VALUE!', 'block_price');
    expectExcelError(fn('RETAINERVALUE')(8, 150, 8, 1100, null, 0.5, 0.4, 6.5), '#VALUE!', 'term_months must be a whole number from 1 to 1200 (got 6.5)');
    expectExcelError(fn('RETAINERUNUSED')(8, 8, 0.5, -0.1), '#VALUE!', 'rollover_cap must be at least 0%');
    expectExcelError(fn('RETAINEROVERAGE')(8, 0), '#VALUE!', 'monthly_hours must be greater than 0');
    expectExcelError(fn('RETAINERVALUE')(8, 150, 8, 0), '#VALUE!', 'monthly_price must be greater than 0');
    expectExcelError(fn('TOPUPVALUE')(30, 150, 10, 1350, -1), '#VALUE!', 'variability must be at least 0');
    expectExcelError(fn('RETAINERFORECAST')(8, 8, 4, 6, 0.5, 0.4), '#VALUE!', 'carried_hours must be at most rollover_cap × monthly_hours (3.2) (got 4)');
    expectExcelError(fn('RETAINERFORECAST')(8, 8, 0, 0, 0.5, 0.4), '#VALUE!', 'months_left must be a whole number from 1 to 1200 (got 0)');
    expectExcelError(fn('MONTHLYHOURS')([[46023], [46024]], [[30]]), '#VALUE!', 'minutes must be the same shape as dates (2 × 1)');
    expectExcelError(fn('MONTHLYHOURS')([[46023], [46024]], [[30], [null]]), '#VALUE!', 'minutes is blank in row 2, column 1, where dates has a value');
    expectExcelError(fn('MONTHLYHOURS')([[46023], [null]], [[30], [15]]), '#VALUE!', 'dates is blank in row 2, column 1, where minutes has a value');
    expectExcelError(fn('MONTHLYHOURS')([['3/1/2026']], [[30]]), '#VALUE!', 'dates must be a number (got text "3/1/2026")');
    expectExcelError(fn('MANAGEDFEE')(10, -95), '#VALUE!', 'price_per_user must be at least 0 (got -95)');
    expectExcelError(fn('MANAGEDFEE')(10, 95, null, null, null, null, null, 1000, 0), '#VALUE!', 'months must be at least 1 (got 0)');
  });

  it('returns #N/A when managed services never pay off', () => {
    expectExcelError(fn('MANAGEDBREAKEVEN')(3000, 185, 0, 0), '#N/A', 'never pay off');
  });

  it('still returns proper errors in a runtime that defines CustomFunctions.Error but no ErrorCode', () => {
    const registered = new Map<string, RegisteredFunction>();
    const runtime = { associate: (id: string, f: RegisteredFunction) => registered.set(id, f), Error: FakeCustomFunctionsError };
    new Function('CustomFunctions', 'Office', readDist('functions.js'))(runtime, {});
    expectExcelError(registered.get('BLOCKVALUE')?.(-5, 100, 20, 1800), '#VALUE!', 'expected_hours');
    expectExcelError(registered.get('BREAKEVEN')?.(100, 20, 2100), '#N/A', 'never pays off');
  });
});
