import { hourlyCostForHours, managedBreakEven, managedBreakEvenHours, managedCostForHours, managedMonthlyCost, managedValue, monthlyFeeFromSeats, type Outcome } from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

describe('the worked example in issue 3', () => {
  // A 25-seat managed plan at 120 a seat is 3,000 a month. 8 incidents a year of 3 hours each is 2 hours a month, at 185.
  it('MANAGEDVALUE(2, 185, 3000) is −2,630 a month', () => {
    expect(valueOf(managedValue({ expectedMonthlyHours: 2, hourlyRate: 185, monthlyFee: 25 * 120 }))).toBe(-2630);
  });

  it('MANAGEDBREAKEVEN(3000, 185) is about 16.22 hours a month', () => {
    expect(valueOf(managedBreakEven({ monthlyFee: 3000, hourlyRate: 185 }))).toBeCloseTo(16.22, 2);
  });
});

describe('MANAGEDVALUE', () => {
  it('counts the disruption avoided by proactive care, and the hours the fee does not cover', () => {
    // hourly 10·(100 + 40) = 1,400; managed 500 + 10·0.75·(0.2·100 + 40) = 950.
    const terms = { expectedMonthlyHours: 10, hourlyRate: 100, monthlyFee: 500, coveredShare: 0.8, incidentReduction: 0.25, disruptionCostPerHour: 40 };
    expect(valueOf(managedValue(terms))).toBeCloseTo(450, 10);
    expect(hourlyCostForHours(10, terms)).toBe(1400);
    expect(managedMonthlyCost(10, terms)).toBeCloseTo(950, 10);
  });

  it('defaults to full coverage, no incident reduction and no disruption cost', () => {
    const explicit = valueOf(managedValue({ expectedMonthlyHours: 7, hourlyRate: 150, monthlyFee: 900, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0 }));
    expect(valueOf(managedValue({ expectedMonthlyHours: 7, hourlyRate: 150, monthlyFee: 900, coveredShare: null, incidentReduction: undefined, disruptionCostPerHour: null }))).toBe(explicit);
    expect(explicit).toBe(7 * 150 - 900);
  });

  it.each([
    ['covered_share', { coveredShare: 1.2 }, 'covered_share must be from 0% to 100% (got 120%)'],
    ['covered_share', { coveredShare: -0.1 }, 'covered_share must be from 0% to 100% (got -10%)'],
    ['incident_reduction', { incidentReduction: 2 }, 'incident_reduction must be from 0% to 100% (got 200%)'],
    ['disruption_cost_per_hour', { disruptionCostPerHour: -5 }, 'disruption_cost_per_hour must be at least 0 (got -5)'],
    ['monthly_fee', { monthlyFee: 0 }, 'monthly_fee must be greater than 0 (got 0)'],
  ])('refuses a bad %s', (argument, change, message) => {
    expect(managedValue({ expectedMonthlyHours: 5, hourlyRate: 100, monthlyFee: 500, ...change })).toEqual({ ok: false, problem: { kind: 'invalidInput', argument, message } });
  });
});

describe('MANAGEDBREAKEVEN', () => {
  it('is the fee divided by the saving per support hour', () => {
    // Per hour: (100 + 40) − 0.75·(0.2·100 + 40) = 95, so 950 / 95 = 10 hours.
    expect(valueOf(managedBreakEven({ monthlyFee: 950, hourlyRate: 100, coveredShare: 0.8, incidentReduction: 0.25, disruptionCostPerHour: 40 }))).toBeCloseTo(10, 10);
  });

  it('has no answer when the plan covers nothing and prevents nothing', () => {
    const outcome = managedBreakEven({ monthlyFee: 900, hourlyRate: 100, coveredShare: 0, incidentReduction: 0, disruptionCostPerHour: 50 });
    expect(outcome).toEqual({ ok: false, problem: { kind: 'noAnswer', message: expect.stringContaining('never pay off') } });
  });

  it('tells COMPARE and the wizard "never" as a break-even of its own kind, and hours as hours', () => {
    const terms = { monthlyFee: 950, hourlyRate: 100, coveredShare: 0.8, incidentReduction: 0.25, disruptionCostPerHour: 40 };
    expect(managedBreakEvenHours({ ...terms, coveredShare: 0, incidentReduction: 0 })).toEqual({ kind: 'never' });
    expect(managedBreakEvenHours(terms)).toEqual({ kind: 'hours', monthlyHours: expect.closeTo(10, 10) });
  });
});

describe('the documented examples of the cost helpers', () => {
  it('managedCostForHours: 12 months of a 3,000 plan covering every hour cost 36,000', () => {
    expect(managedCostForHours(24, 12, { hourlyRate: 185, monthlyFee: 3000, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0 })).toBe(36000);
  });

  it('monthlyFeeFromSeats: 25 seats at 120 are 3,000 a month', () => {
    expect(monthlyFeeFromSeats(120, 25)).toBe(3000);
  });
});
