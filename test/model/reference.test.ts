import reference from '../reference/reference.json';
import {
  billedHours,
  blockValue,
  demandQuantile,
  breakEven,
  compareTable,
  expiryForecast,
  monthlyHours,
  forfeitRisk,
  managedBreakEven,
  managedFee,
  managedValue,
  overageHours,
  recommend,
  termDemand,
  unusedHours,
} from '../../src/model';

/**
 * reference.json comes from test/reference/generate.py: the same conventions computed
 * independently with mpmath at 50 significant digits. We require 1e-9 relative accuracy.
 * Quantities that are a tiny remainder of much larger ones (unused hours far below expected
 * use, say) are compared against the size of the inputs instead, since a double can only hold
 * them to about 1e-16 of that size.
 */
function expectClose(actual: number, expected: number, scale = 0): void {
  const tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-6 * scale, 1e-300);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

function unwrap<T>(outcome: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

describe('the model against the mpmath reference table', () => {
  const demandCases = reference.demand.map((c) => [c.expectedHours, c.blockHours, c.variability, c] as const);

  it.each(demandCases)('unused, overage and forfeit risk for %p expected hours, a %p-hour block, variability %p', (_m, _h, _v, c) => {
    const scale = c.expectedHours + c.blockHours;
    expectClose(unwrap(unusedHours(c)), c.unusedHours, scale);
    expectClose(unwrap(overageHours(c)), c.overageHours, scale);
    expectClose(unwrap(forfeitRisk(c)), c.forfeitRisk, 1);
  });

  // Variability 1e-3 down to 1e-6 (shapes 1e6 to 1e12), where demand stays gamma: the reference
  // integrates the density itself, since mpmath's incomplete-gamma series do not converge there.
  it.each(reference.tinyVariability.map((c) => [c.expectedHours, c.blockHours, c.variability, c] as const))(
    'gamma demand at tiny variability: %p expected hours, a %p-hour block, variability %p',
    (_m, _h, _v, c) => {
      const scale = c.expectedHours + c.blockHours;
      expectClose(unwrap(unusedHours(c)), c.unusedHours, scale);
      expectClose(unwrap(overageHours(c)), c.overageHours, scale);
      expectClose(unwrap(forfeitRisk(c)), c.forfeitRisk);
    },
  );

  it.each(reference.tinyVariabilityQuantile.map((c) => [c.probability, c.expectedHours, c.variability, c] as const))(
    'the %p quantile of %p expected hours at variability %p',
    (_p, _m, _v, c) => {
      expectClose(demandQuantile(c, c.probability), c.quantile);
    },
  );

  it.each(reference.blockValue.map((c) => [c.expectedHours, c.variability, c.termMonths, c.annualDiscountRate, c] as const))(
    'block value for %p hours at variability %p over %p months discounted at %p',
    (_m, _v, _t, _r, c) => {
      expectClose(unwrap(blockValue(c)), c.blockValue, c.blockPrice);
    },
  );

  it.each(reference.breakEven.map((c) => [c.blockPrice, c.blockHours, c.overageRate, c.variability, c] as const))(
    'break-even for a %p block of %p hours with overage %p at variability %p',
    (_p, _h, _o, _v, c) => {
      const result = unwrap(breakEven(c));
      if (c.breakEven === null) {
        // The reference scans up to 1e12 hours; past that we may still find a (useless) root.
        if (result.kind === 'hours') expect(result.hours).toBeGreaterThan(1e12);
      } else {
        expect(result).toEqual({ kind: 'hours', hours: expect.any(Number) });
        if (result.kind === 'hours') expectClose(result.hours, c.breakEven);
      }
    },
  );

  it.each(reference.managed.map((c) => [c.expectedMonthlyHours, c.monthlyFee, c.coveredShare, c.incidentReduction, c.disruptionCostPerHour, c] as const))(
    'managed value and break-even for %p hours a month, fee %p, covered %p, reduction %p, disruption %p',
    (_h, _f, _s, _q, _c, c) => {
      expectClose(unwrap(managedValue(c)), c.managedValue, c.monthlyFee);
      const breakEvenOutcome = managedBreakEven(c);
      if (c.managedBreakEven === null) expect(breakEvenOutcome.ok).toBe(false);
      else expectClose(unwrap(breakEvenOutcome), c.managedBreakEven);
    },
  );

  it.each(reference.billedHours.map((c) => [c.minutesWorked, c.incrementMinutes, c.minimumMinutes, c.multiplier, c] as const))(
    'billed hours for tickets of %p minutes in %p-minute increments, minimum %p, multiplier %p',
    (_m, _i, _min, _x, c) => {
      expectClose(unwrap(billedHours({ ...c, minutesWorked: c.minutesWorked.map((m) => [m]) })), c.billedHours);
    },
  );

  it.each(reference.monthlyHours.map((c) => [c.dates, c.minutes, c] as const))(
    'monthly hours for entries on %p of %p minutes: the months and their billed hours',
    (_d, _m, c) => {
      const rows = unwrap(monthlyHours({ ...c, dates: c.dates.map((d) => [d]), minutes: c.minutes.map((m) => [m]) }));
      expect(rows.map((row) => row[0])).toEqual(c.months.map((row) => row[0]));
      rows.forEach((row, index) => expectClose(row[1], c.months[index][1]));
    },
  );

  it.each(reference.managedFee.map((c) => [c.arguments, c] as const))('the monthly fee of the quote %p', (a, c) => {
    const fee = managedFee({
      users: a.users,
      pricePerUser: a.per_user,
      devices: a.devices,
      pricePerDevice: a.per_device,
      servers: a.servers,
      pricePerServer: a.per_server,
      minimumFee: a.minimum,
      onboardingFee: a.onboarding,
      months: a.months,
    });
    expectClose(unwrap(fee), c.managedFee);
  });

  it.each(reference.termDemand.map((c) => [c.monthlyHours, c.termMonths, c] as const))('term demand from %p over %p months', (_h, _t, c) => {
    const [[expected, variability]] = unwrap(termDemand({ monthlyHours: [c.monthlyHours], termMonths: c.termMonths }));
    expectClose(expected, c.expectedHours);
    expectClose(variability, c.variability, 1);
  });

  it.each(reference.expiryForecast.map((c) => [c.hoursUsed, c.monthsElapsed, c.blockHours, c.termMonths, c.monthlyVariability, c] as const))(
    'expiry forecast after %p hours in %p months of a %p-hour, %p-month block, monthly variability %p',
    (_u, _e, _h, _t, _v, c) => {
      expectClose(unwrap(expiryForecast(c)), c.expiryForecast, c.blockHours);
    },
  );

  /** The generator's short argument names as COMPARE's; monthly variability, as COMPARE takes it. */
  const compareArgumentsOf = (c: (typeof reference.compare)[number]) => {
    const a = c.arguments as Record<string, number | undefined>;
    return {
      expectedMonthlyHours: a.m, hourlyRate: a.R, blockHours: a.H, blockPrice: a.price, monthlyFee: a.F, overageRate: a.o,
      monthlyVariability: a.mcv, termMonths: a.T, coveredShare: a.s, incidentReduction: a.q, disruptionCostPerHour: a.c, annualDiscountRate: a.rate,
    };
  };

  it.each(reference.compare.map((c) => [JSON.stringify(c.arguments), c] as const))('COMPARE table for %s', (_label, c) => {
    const a = c.arguments as Record<string, number | undefined>;
    const table = unwrap(compareTable(compareArgumentsOf(c)));
    expect(table[0]).toEqual(['Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly']);
    const scale = (a.price as number) + (a.F as number) * 24;
    c.rows.forEach((expectedRow, index) => {
      const row = table[index + 1];
      expect(row[0]).toBe(expectedRow[0]);
      for (const column of [1, 3, 4]) expectClose(row[column] as number, expectedRow[column] as number, scale);
      if (expectedRow[2] === null) expect(row[2]).toEqual({ kind: 'noAnswer', message: expect.any(String) });
      else expectClose(row[2] as number, expectedRow[2] as number);
    });
  });

  it.each(reference.compare.map((c) => [JSON.stringify(c.arguments), c] as const))('RECOMMEND opens with the cheapest option of %s', (_label, c) => {
    const text = unwrap(recommend(compareArgumentsOf(c)));
    const verdicts: Record<string, string> = { Hourly: 'Pay hourly. ', 'Prepaid block': 'Buy the prepaid block. ', 'Managed services': 'Choose managed services. ' };
    expect(text.startsWith(verdicts[c.cheapest])).toBe(true);
  });
});
