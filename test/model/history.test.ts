import { demandFromHistory, expiryForecast, forecastUnusedAtExpiry, termDemand, type Outcome } from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

describe('TERMDEMAND', () => {
  it('spills term × mean and (sample sd / mean) / √term as one row', () => {
    // mean 12, sample sd √8, so variability (√8 / 12) / √12.
    const [[expected, variability], ...rest] = valueOf(termDemand({ monthlyHours: [[10], [14], [12], [8], [16], [12]] }));
    expect(rest).toEqual([]);
    expect(expected).toBe(144);
    expect(variability).toBeCloseTo(Math.sqrt(8) / 12 / Math.sqrt(12), 14);
  });

  it('reads a row or a column, ignores blank cells and takes term_months', () => {
    const row = valueOf(termDemand({ monthlyHours: [[10, '', 14, null]], termMonths: 6 }));
    expect(row[0][0]).toBe(72);
    expect(demandFromHistory([10, 14], 6).variability).toBeCloseTo(row[0][1], 15);
  });

  it.each([
    [{ monthlyHours: [[10]] }, 'monthly_hours must contain at least 2 numbers (got 1; blank cells are ignored)'],
    [{ monthlyHours: [[10], [null], ['']] }, 'monthly_hours must contain at least 2 numbers (got 1; blank cells are ignored)'],
    [{ monthlyHours: [[10], [-2]] }, 'monthly_hours must be at least 0 (got -2) in row 2, column 1'],
    [{ monthlyHours: [[0], [0]] }, 'monthly_hours must average more than 0 hours, or variability is undefined'],
    [{ monthlyHours: 12 }, 'monthly_hours must contain at least 2 numbers (got 1; blank cells are ignored)'],
  ])('refuses %p', (raw, message) => {
    expect(termDemand(raw)).toEqual({ ok: false, problem: { kind: 'invalidInput', argument: 'monthly_hours', message } });
  });

  it('refuses a term below one month', () => {
    expect(termDemand({ monthlyHours: [[1], [2]], termMonths: 0 })).toMatchObject({ ok: false, problem: { argument: 'term_months' } });
  });
});

describe('EXPIRYFORECAST', () => {
  it('projects the burn rate so far over the months left', () => {
    // 6 hours in 6 months is 1 a month: 6 more by expiry, so 20 − 6 − 6 = 8 unused.
    expect(valueOf(expiryForecast({ hoursUsed: 6, monthsElapsed: 6, blockHours: 20, termMonths: 12 }))).toBe(8);
  });

  it('adds expected unused hours when monthly use varies', () => {
    const certain = forecastUnusedAtExpiry({ hoursUsed: 12, monthsElapsed: 6, blockHours: 30, termMonths: 12, monthlyVariability: 0 });
    const uncertain = forecastUnusedAtExpiry({ hoursUsed: 12, monthsElapsed: 6, blockHours: 30, termMonths: 12, monthlyVariability: 0.8 });
    expect(certain).toBe(6);
    expect(uncertain).toBeGreaterThan(certain);
  });

  it('is 0 once the block is used up, and everything left when the term is over', () => {
    expect(valueOf(expiryForecast({ hoursUsed: 25, monthsElapsed: 8, blockHours: 20, termMonths: 12, monthlyVariability: 0.5 }))).toBe(0);
    expect(valueOf(expiryForecast({ hoursUsed: 7.5, monthsElapsed: 12, blockHours: 20, termMonths: 12, monthlyVariability: 0.5 }))).toBe(12.5);
  });

  it.each([
    [{ monthsElapsed: 0 }, 'months_elapsed', 'months_elapsed must be greater than 0 (got 0)'],
    [{ monthsElapsed: 13 }, 'months_elapsed', 'months_elapsed must be at most term_months (12) (got 13)'],
    [{ hoursUsed: -1 }, 'hours_used', 'hours_used must be at least 0 (got -1)'],
    [{ termMonths: null }, 'term_months', 'term_months is required'],
    [{ monthlyVariability: -0.2 }, 'monthly_variability', 'monthly_variability must be at least 0 (got -0.2)'],
  ])('refuses %p', (change, argument, message) => {
    expect(expiryForecast({ hoursUsed: 6, monthsElapsed: 6, blockHours: 20, termMonths: 12, ...change })).toEqual({ ok: false, problem: { kind: 'invalidInput', argument, message } });
  });
});
