import { billedHours, billedMinutes, incrementsToBill, type Outcome } from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

describe('BILLEDHOURS', () => {
  it.each([
    [45, 15, 3],
    [46, 15, 4],
    [0.1 * 3 * 100, 10, 3], // 30.000000000000004 in floating point
    [0.7 * 60, 6, 7], // 41.99999999999999
    [14.7, 0.1, 147], // 146.99999999999997 increments
    // A hundred million increments and one rounding error (one ulp of 1.5e9) more: the slack is relative.
    [1.5e9 * (1 + Number.EPSILON), 15, 1e8],
    [0, 15, 0],
  ])('counts %p minutes in %p-minute increments as %p increments', (minutes, increment, count) => {
    expect(incrementsToBill(minutes, increment)).toBe(count);
  });

  it('applies the minimum charge after rounding, then the multiplier', () => {
    expect(billedMinutes(10, { incrementMinutes: 15, minimumMinutes: 30, multiplier: 1 })).toBe(30);
    expect(billedMinutes(50, { incrementMinutes: 15, minimumMinutes: 30, multiplier: 1.5 })).toBe(90);
  });

  it('bills one ticket given as a number, or sums a range of tickets, ignoring blank cells', () => {
    expect(valueOf(billedHours({ minutesWorked: 45 }))).toBe(0.75);
    expect(valueOf(billedHours({ minutesWorked: [[10, null], [45, ''], [61, undefined]], minimumMinutes: 30 }))).toBe(2.5);
    expect(valueOf(billedHours({ minutesWorked: [[null], ['']] }))).toBe(0);
  });

  it('defaults to 15-minute increments, no minimum and no multiplier', () => {
    expect(valueOf(billedHours({ minutesWorked: [[50]], incrementMinutes: null, minimumMinutes: null, multiplier: null }))).toBe(1);
  });

  it.each([
    [{ minutesWorked: [[10], [-5]] }, 'minutes_worked', 'minutes_worked must be at least 0 (got -5) in row 2, column 1'],
    [{ minutesWorked: [[10, 'lunch']] }, 'minutes_worked', 'minutes_worked must be a number (got text "lunch") in row 1, column 2'],
    [{ minutesWorked: -1 }, 'minutes_worked', 'minutes_worked must be at least 0 (got -1)'],
    [{ minutesWorked: 30, incrementMinutes: 0 }, 'increment_minutes', 'increment_minutes must be greater than 0 (got 0)'],
    [{ minutesWorked: 30, minimumMinutes: -15 }, 'minimum_minutes', 'minimum_minutes must be at least 0 (got -15)'],
    [{ minutesWorked: 30, multiplier: 0 }, 'multiplier', 'multiplier must be greater than 0 (got 0)'],
  ])('refuses %p', (raw, argument, message) => {
    expect(billedHours(raw)).toEqual({ ok: false, problem: { kind: 'invalidInput', argument, message } });
  });
});
