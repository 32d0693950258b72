/**
 * The A1 arithmetic every writer relies on (src/sheet/plan.ts) and the validation a limit table
 * gives an input cell (src/sheet/validation.ts), checked directly: past column Z, with and
 * without `$`, and every kind of bound.
 */
import fc from 'fast-check';
import { cellAddress, cellPosition, columnLetters, numberFormatGrid, planExtent, rangeAddresses, type SheetPlan } from '../../src/sheet/plan';
import { validationFromLimit } from '../../src/sheet/validation';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %p is %p', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(cellPosition(`${letters}7`)).toEqual({ row: 6, column: index });
  });

  it('reads a cell with or without $ signs, and refuses anything else', () => {
    expect(cellPosition('$AB$12')).toEqual({ row: 11, column: 27 });
    expect(cellPosition('AB$12')).toEqual({ row: 11, column: 27 });
    for (const bad of ['B4:C5', 'xB4', 'B4x', '4B', 'B', '']) expect(() => cellPosition(bad)).toThrow(`not an A1 cell address: ${bad}`);
  });

  it('round-trips every cell of Excel\'s grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, column) => {
        expect(cellPosition(cellAddress(row, column))).toEqual({ row, column });
        expect(cellAddress(row, column, true)).toBe(`$${columnLetters(column)}$${row + 1}`);
      }),
      { seed: 31, numRuns: 500 },
    );
  });

  it('lists a range row by row, and a single cell as itself', () => {
    expect(rangeAddresses('Y9:AA10')).toEqual(['Y9', 'Z9', 'AA9', 'Y10', 'Z10', 'AA10']);
    expect(rangeAddresses('$C$3')).toEqual(['C3']);
  });

  it('gives a plan\'s extent and a General number format to cells without one', () => {
    const plan: SheetPlan = {
      name: 'x',
      cells: [
        [{ value: 'a' }, { value: 1, numberFormat: '0.00' }, null],
        [null, null, { formula: '=1' }],
      ],
      names: [],
      styles: [],
      columnWidths: [],
      frozenRows: 0,
    };
    expect(planExtent(plan)).toBe('A1:C2');
    expect(numberFormatGrid(plan)).toEqual([
      ['General', '0.00', 'General'],
      ['General', 'General', 'General'],
    ]);
  });
});

describe('the validation a limit gives an input cell', () => {
  it.each([
    [{ greaterThan: 0 }, { greaterThan: 0 }, 'greater than 0'],
    [{ atLeast: 1, wholeNumber: true }, { atLeast: 1, wholeNumber: true }, 'a whole number, at least 1'],
    [{ atLeast: 0, atMost: 1, percent: true }, { atLeast: 0, atMost: 1 }, 'from 0% to 100%'],
    [{ greaterThan: 0, lessThan: 5 }, { greaterThan: 0, lessThan: 5 }, 'greater than 0 and less than 5'],
  ])('carries over exactly the bounds of %p', (bounds, expected, words) => {
    const validation = validationFromLimit('B5', { excelName: 'x', unit: 'hours', ...bounds }, 'Block hours');
    expect(validation).toEqual({ range: 'B5', kind: 'number', bounds: expected, message: expect.stringMatching(/^Block hours must be /) });
    expect(validation.kind === 'number' && validation.message).toBe(`Block hours must be ${words}.`);
  });
});
