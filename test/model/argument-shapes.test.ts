/**
 * The shapes a range argument may take besides Excel's 2D array, how a bad cell is located in the
 * message, and a limit table that forgets a default.
 */
import { billedHours, checkArguments, checkRange, type ArgumentLimit } from '../../src/model';

const minutes: ArgumentLimit = { excelName: 'minutes_worked', unit: 'minutes', atLeast: 0, shape: 'range' };

describe('a range argument', () => {
  it.each([
    // 45 minutes bill as 3 × 15 and 61 as 5 × 15: 120 minutes, 2 hours, however the range is shaped.
    ['a 2D column', [[45], [61]]],
    ['a flat list (rows that are not arrays are rows of one cell)', [45, 61]],
    ['a row', [[45, 61]]],
  ])('is read from %s', (_shape, minutesWorked) => {
    expect(billedHours({ minutesWorked })).toEqual({ ok: true, value: 2 });
  });

  it('quotes a bad cell of a one-cell range like a single value, without a position', () => {
    const message = 'minutes_worked must be at least 0 (got -5)';
    expect(checkRange(minutes, [[-5]])).toEqual({ ok: false, problem: { kind: 'invalidInput', argument: 'minutes_worked', message } });
    expect(checkRange(minutes, -5)).toEqual({ ok: false, problem: { kind: 'invalidInput', argument: 'minutes_worked', message } });
  });

  it('locates a bad cell of a larger range by row and column, counting from 1', () => {
    expect(checkRange(minutes, [[1, 2], [3, -5]])).toEqual({
      ok: false,
      problem: { kind: 'invalidInput', argument: 'minutes_worked', message: 'minutes_worked must be at least 0 (got -5) in row 2, column 2' },
    });
  });
});

describe('a limit table', () => {
  it('that gives an optional argument no default is a programming error, named, not a silent undefined', () => {
    const table = { x: { excelName: 'x_value', unit: 'units', optional: true } } as const;
    expect(() => checkArguments(table, {})).toThrow(/x_value/);
  });
});
