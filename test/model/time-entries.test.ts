import fc from 'fast-check';
import {
  billedHours,
  dateInWords,
  hoursByMonth,
  managedFee,
  monthlyHours,
  monthOfSerial,
  serialOfDate,
  serialOfMonthStart,
  type Outcome,
} from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

/** Excel's serial of a calendar date, written out from the 1900 date system's rule (30 December 1899 is day 0 from March 1900 on). */
function serialOf(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

describe('Excel date serials', () => {
  it.each([
    [1, 1900, 1],
    [31, 1900, 1],
    [32, 1900, 2],
    [59, 1900, 2], // 28 February 1900
    [60, 1900, 2], // the phantom 29 February 1900
    [61, 1900, 3], // 1 March 1900
    [serialOf(2024, 2, 29), 2024, 2],
    [serialOf(2026, 12, 31) + 0.999, 2026, 12], // a time of day late on New Year's Eve
    [2958465, 9999, 12],
  ])('serial %p falls in %p month %p', (serial, year, month) => {
    expect(monthOfSerial(serial)).toBe(year * 12 + month - 1);
  });

  it.each([
    [1900, 1, 1],
    [1900, 2, 32],
    [1900, 3, 61],
    [2026, 1, 46023],
    [2026, 3, 46082],
    [9999, 12, 2958435],
  ])('the first of %p month %p is serial %p', (year, month, serial) => {
    expect(serialOfMonthStart(year * 12 + month - 1)).toBe(serial);
  });

  it('agrees with the calendar on every month from 1900 to 9999', () => {
    for (let year = 1900; year <= 9999; year += year < 1905 || year > 9995 ? 1 : 7) {
      for (let month = 1; month <= 12; month += 1) {
        const first = serialOf(year, month, 1);
        expect(serialOfMonthStart(year * 12 + month - 1)).toBe(first);
        expect(monthOfSerial(first)).toBe(year * 12 + month - 1);
        expect(monthOfSerial(first - 1)).toBe(year * 12 + month - 2);
      }
    }
  });

  it.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's phantom day
    [1900, 3, 1, 61],
    [2024, 2, 29, 45351],
    [2026, 1, 5, 46027],
    [9999, 12, 31, 2958465],
  ])('the date %p-%p-%p is serial %p', (year, month, day, serial) => {
    expect(serialOfDate(year, month, day)).toBe(serial);
    expect(serial === 60 ? 60 : serialOf(year, month, day)).toBe(serial);
  });

  it.each([
    [2026, 2, 29, 'a day February 2026 does not have'],
    [2026, 4, 31, 'a day April does not have'],
    [2026, 13, 1, 'a thirteenth month'],
    [2026, 0, 10, 'month 0'],
    [2026, 1, 0, 'day 0'],
    [1899, 12, 31, 'the day before the 1900 date system starts'],
    [10000, 1, 1, 'a year Excel does not show'],
    [1900, 1, 29.5, 'part of a day'],
  ])('has no serial for %p-%p-%p: %s', (year, month, day) => {
    expect(serialOfDate(year, month, day)).toBeUndefined();
  });

  it.each([
    [1, '1900-01-01'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
  ])('shows serial %p as %p in a limit', (serial, words) => {
    expect(dateInWords(serial)).toBe(words);
  });
});

describe('MONTHLYHOURS', () => {
  const jan = serialOf(2026, 1, 1);
  const feb = serialOf(2026, 2, 1);
  const mar = serialOf(2026, 3, 1);
  const apr = serialOf(2026, 4, 1);

  it('bills each entry as a ticket and sums each month, months without entries at 0', () => {
    const dates = [[jan + 4.4], [mar + 9.5], [jan + 30.9], [apr + 0.1]];
    const minutes = [[50], [10], [20], [0]];
    expect(valueOf(monthlyHours({ dates, minutes, minimumMinutes: 30 }))).toEqual([
      [jan, (60 + 30) / 60],
      [feb, 0],
      [mar, 30 / 60],
      [apr, 30 / 60],
    ]);
  });

  it('defaults to 15-minute increments, no minimum and no multiplier, like BILLEDHOURS', () => {
    expect(valueOf(monthlyHours({ dates: [[jan]], minutes: [[50]], incrementMinutes: null, minimumMinutes: null, multiplier: null }))).toEqual([[jan, 1]]);
    expect(valueOf(monthlyHours({ dates: jan, minutes: 50, incrementMinutes: 6, minimumMinutes: 0, multiplier: 1.5 }))).toEqual([[jan, 1.35]]);
  });

  it('skips positions blank in both ranges, in rows or columns', () => {
    const dates = [[jan, null, feb], ['', mar, undefined]];
    const minutes = [[15, '', 30], [null, 45, null]];
    expect(valueOf(monthlyHours({ dates, minutes }))).toEqual([
      [jan, 0.25],
      [feb, 0.5],
      [mar, 0.75],
    ]);
  });

  it('takes the months from the earliest entry to the latest, whatever their order', () => {
    const result = valueOf(monthlyHours({ dates: [[serialOf(2027, 2, 3)], [serialOf(2025, 11, 30)]], minutes: [[60], [60]] }));
    expect(result.map((row) => row[0])).toEqual([serialOf(2025, 11, 1), serialOf(2025, 12, 1), serialOf(2026, 1, 1), ...Array.from({ length: 13 }, (_, i) => serialOf(2026, 2 + i, 1))]);
    expect(result.map((row) => row[1])).toEqual([1, ...Array<number>(14).fill(0), 1]);
  });

  it.each([
    [{ dates: [[jan], [feb]], minutes: [[10]] }, 'minutes', 'minutes must be the same shape as dates (2 × 1), one entry per position (got 1 × 1)'],
    [{ dates: [[jan, feb]], minutes: [[10], [20]] }, 'minutes', 'minutes must be the same shape as dates (1 × 2), one entry per position (got 2 × 1)'],
    [{ dates: [[jan], [feb]], minutes: [[10], [null]] }, 'minutes', 'minutes is blank in row 2, column 1, where dates has a value: each entry needs both'],
    [{ dates: [[jan], ['']], minutes: [[10], [20]] }, 'dates', 'dates is blank in row 2, column 1, where minutes has a value: each entry needs both'],
    [{ dates: [[null]], minutes: [[null]] }, 'dates', 'dates must contain at least 1 number (got 0; blank cells are ignored)'],
    [{ dates: [[jan], ['2026-02-03']], minutes: [[10], [20]] }, 'dates', 'dates must be a number (got text "2026-02-03") in row 2, column 1'],
    [{ dates: [[0.5]], minutes: [[10]] }, 'dates', 'dates must be a date from 1900-01-01 to 9999-12-31 (got 0.5)'],
    [{ dates: [[2958466]], minutes: [[10]] }, 'dates', 'dates must be a date from 1900-01-01 to 9999-12-31 (got 2958466)'],
    [{ dates: [[jan], [feb]], minutes: [[10], [-1]] }, 'minutes', 'minutes must be at least 0 (got -1) in row 2, column 1'],
    [{ dates: jan, minutes: 10, incrementMinutes: 0 }, 'increment_minutes', 'increment_minutes must be greater than 0 (got 0)'],
    [{ dates: jan, minutes: 10, minimumMinutes: -1 }, 'minimum_minutes', 'minimum_minutes must be at least 0 (got -1)'],
    [{ dates: jan, minutes: 10, multiplier: [[2]] }, 'multiplier', 'multiplier must be a single number, not a range'],
  ])('refuses %p, naming %p', (raw, argument, message) => {
    expect(monthlyHours(raw)).toEqual({ ok: false, problem: { kind: 'invalidInput', argument, message } });
  });

  it('reports a month too large for a number rather than Infinity', () => {
    expect(monthlyHours({ dates: [[jan], [jan]], minutes: [[1e308], [1e308]] })).toEqual({
      ok: false,
      problem: { kind: 'tooLarge', message: 'the result is too large to show as a number; check the size of the inputs' },
    });
  });

  const entries = fc.array(fc.tuple(fc.double({ min: 44000, max: 46500, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true })), { minLength: 1, maxLength: 60 });
  const rules = fc.record({
    incrementMinutes: fc.constantFrom(1, 6, 10, 15, 30),
    minimumMinutes: fc.constantFrom(0, 15, 30, 60),
    multiplier: fc.constantFrom(1, 1.5, 2),
  });

  it('gives each month the hours BILLEDHOURS gives its entries, and every entry lands in the month of its date', () => {
    fc.assert(
      fc.property(entries, rules, (pairs, billing) => {
        const dates = pairs.map(([date]) => date);
        const minutes = pairs.map(([, worked]) => worked);
        const rows = hoursByMonth(dates, minutes, billing);
        const first = monthOfSerial(Math.min(...dates));
        expect(rows).toHaveLength(monthOfSerial(Math.max(...dates)) - first + 1);
        rows.forEach(([start, hours], offset) => {
          expect(start).toBe(serialOfMonthStart(first + offset));
          const inMonth = pairs.filter(([date]) => monthOfSerial(date) === first + offset).map(([, worked]) => [worked]);
          expect(hours).toBe(inMonth.length === 0 ? 0 : valueOf(billedHours({ minutesWorked: inMonth, ...billing })));
        });
      }),
    );
  });
});

describe('MANAGEDFEE', () => {
  it.each([
    [{ users: 25, pricePerUser: 95 }, 2375],
    [{ users: 25, pricePerUser: 95, devices: 30, pricePerDevice: 10, servers: 2, pricePerServer: 150 }, 2975],
    [{ users: 12, pricePerUser: 110, minimumFee: 1500 }, 1500],
    [{ users: 20, pricePerUser: 110, minimumFee: 1500 }, 2200],
    [{ users: 12, pricePerUser: 110, minimumFee: 1500, onboardingFee: 1800 }, 1650],
    [{ users: 12, pricePerUser: 110, onboardingFee: 1800, months: 36 }, 1370],
    [{ users: 0, pricePerUser: 110, devices: 10, pricePerDevice: 40 }, 400],
    [{ users: 10, pricePerUser: 100, devices: 5, servers: 3 }, 1000], // counts without prices cost nothing
  ])('prices %p at %p a month', (raw, fee) => {
    expect(valueOf(managedFee(raw))).toBe(fee);
  });

  it('spreads the onboarding fee over 12 months by default', () => {
    expect(valueOf(managedFee({ users: 1, pricePerUser: 0, onboardingFee: 1200, months: null }))).toBe(100);
  });

  it.each([
    [{ users: -1, pricePerUser: 95 }, 'users', 'users must be at least 0 (got -1)'],
    [{ pricePerUser: 95 }, 'users', 'users is required'],
    [{ users: 10 }, 'price_per_user', 'price_per_user is required'],
    [{ users: 10, pricePerUser: 95, devices: -2 }, 'devices', 'devices must be at least 0 (got -2)'],
    [{ users: 10, pricePerUser: 95, pricePerDevice: 'ten' }, 'price_per_device', 'price_per_device must be a number (got text "ten")'],
    [{ users: 10, pricePerUser: 95, servers: -1 }, 'servers', 'servers must be at least 0 (got -1)'],
    [{ users: 10, pricePerUser: 95, pricePerServer: -1 }, 'price_per_server', 'price_per_server must be at least 0 (got -1)'],
    [{ users: 10, pricePerUser: 95, minimumFee: -1 }, 'minimum_fee', 'minimum_fee must be at least 0 (got -1)'],
    [{ users: 10, pricePerUser: 95, onboardingFee: -1 }, 'onboarding_fee', 'onboarding_fee must be at least 0 (got -1)'],
    [{ users: 10, pricePerUser: 95, months: 0.5 }, 'months', 'months must be at least 1 (got 0.5)'],
  ])('refuses %p, naming %p', (raw, argument, message) => {
    expect(managedFee(raw)).toEqual({ ok: false, problem: { kind: 'invalidInput', argument, message } });
  });

  it('reports a fee too large for a number', () => {
    expect(managedFee({ users: 1e308, pricePerUser: 10 })).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'tooLarge' }) });
  });

  it('never falls as a seat count, a price, the minimum or the onboarding fee rises', () => {
    const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 8, maxLength: 8 }), fc.double({ min: 1, max: 120, noNaN: true }), fc.nat(7), amount, (values, months, which, extra) => {
        const keys = ['users', 'pricePerUser', 'devices', 'pricePerDevice', 'servers', 'pricePerServer', 'minimumFee', 'onboardingFee'] as const;
        const quote = Object.fromEntries(keys.map((key, index) => [key, values[index]]));
        const raised = { ...quote, [keys[which]]: values[which] + extra };
        expect(valueOf(managedFee({ ...raised, months }))).toBeGreaterThanOrEqual(valueOf(managedFee({ ...quote, months })));
      }),
    );
  });
});
