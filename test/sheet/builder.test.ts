/**
 * The plan builder (src/sheet/builder.ts) on its own: where it puts cells, the ranges it hands
 * out, and the names, styles and validations it keeps, read back from the plan it makes.
 */
import { RETAINERVALUE_LIMITS } from '../../src/model';
import { blockRange, partOf, SheetBuilder, text } from '../../src/sheet/builder';
import { validationFromLimit } from '../../src/sheet/validation';

const settings = { name: 'Test', frozenRows: 2 };

describe('the A1 range of a block', () => {
  it.each([
    [{ row: 0, column: 0, rows: 1, columns: 1 }, 'A1'],
    [{ row: 4, column: 1, rows: 12, columns: 1 }, 'B5:B16'],
    [{ row: 3, column: 0, rows: 1, columns: 3 }, 'A4:C4'],
    [{ row: 9, column: 2, rows: 2, columns: 26 }, 'C10:AB11'],
  ])('%o is %s', (block, range) => {
    expect(blockRange(block)).toBe(range);
  });
});

describe('part of a block', () => {
  const block = { row: 10, column: 2, rows: 5, columns: 4 };
  it.each([
    [{}, { row: 10, column: 2, rows: 5, columns: 4 }],
    [{ column: 1, columns: 1 }, { row: 10, column: 3, rows: 5, columns: 1 }],
    [{ row: 2 }, { row: 12, column: 2, rows: 3, columns: 4 }],
    [{ row: 1, rows: 1, column: 3 }, { row: 11, column: 5, rows: 1, columns: 1 }],
  ])('%o of B11:F15 is %o', (part, expected) => {
    expect(partOf(block, part)).toEqual(expected);
  });
});

describe('placing cells', () => {
  it('puts a row of cells from a column, growing the sheet with empty rows to reach it, and leaves a null cell as it was', () => {
    const b = new SheetBuilder([10, 10, 10, 10]);
    expect(b.put(2, 1, text('x'), null, { value: 3 })).toEqual({ row: 2, column: 1, rows: 1, columns: 3 });
    b.put(2, 1, null, text('y'));
    const plan = b.plan(settings);
    expect(plan.cells).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, { value: 'x' }, { value: 'y' }, { value: 3 }],
    ]);
    expect(b.nextRow).toBe(3);
  });

  it('refuses a row that runs past the sheet’s columns, naming the row and column', () => {
    const b = new SheetBuilder([10, 10]);
    expect(() => b.put(4, 1, text('a'), text('b'))).toThrow("row 5 from column 2 runs past the sheet's 2 columns");
    expect(() => b.put(0, 0, text('a'), text('b'))).not.toThrow();
  });

  it('puts rows from a row and column: the block is as wide as the widest row', () => {
    const b = new SheetBuilder([10, 10, 10]);
    expect(b.putRows(1, 0, [[text('a')], [text('b'), text('c'), text('d')], []])).toEqual({ row: 1, column: 0, rows: 3, columns: 3 });
    expect(b.plan(settings).cells.map((row) => row.map((cell) => cell?.value ?? null))).toEqual([
      [null, null, null],
      ['a', null, null],
      ['b', 'c', 'd'],
      [null, null, null],
    ]);
  });

  it('appends rows from column A, and skips rows', () => {
    const b = new SheetBuilder([10, 10]);
    b.addRow(text('first'));
    b.skip(2);
    expect(b.addRow(text('a'), text('b'))).toEqual({ row: 3, column: 0, rows: 1, columns: 2 });
    b.skip();
    expect(b.nextRow).toBe(5);
  });

  it('reserves the rows a spill reaches, with the formula and its size at the top-left', () => {
    const b = new SheetBuilder([10, 10, 10]);
    expect(b.spill(1, 1, '=ITCOST.COMPARE(a)', { rows: 4, columns: 2 })).toEqual({ row: 1, column: 1, rows: 4, columns: 2 });
    const plan = b.plan(settings);
    expect(plan.cells).toHaveLength(5);
    expect(plan.cells[1][1]).toEqual({ formula: '=ITCOST.COMPARE(a)', spill: { rows: 4, columns: 2 } });
    expect(plan.cells.flat().filter((cell) => cell !== null)).toHaveLength(1);
  });

  it('sets a number format on every cell of a block and no other, keeping what the cells hold', () => {
    const b = new SheetBuilder([10, 10, 10, 10]);
    b.putRows(0, 0, [
      [text('a'), { value: 1 }, { value: 2 }, { value: 3 }],
      [text('b'), { value: 4 }, { formula: '=B1' }, { value: 6 }],
      [text('c'), { value: 7 }, { value: 8 }, { value: 9 }],
    ]);
    b.format({ row: 0, column: 1, rows: 2, columns: 2 }, '0.00');
    const formats = b.plan(settings).cells.map((row) => row.map((cell) => cell?.numberFormat ?? '-'));
    expect(formats).toEqual([
      ['-', '0.00', '0.00', '-'],
      ['-', '0.00', '0.00', '-'],
      ['-', '-', '-', '-'],
    ]);
    expect(b.plan(settings).cells[1][2]).toEqual({ formula: '=B1', numberFormat: '0.00' });
  });
});

describe('headings, fields, names, styles and validations', () => {
  it('styles one label as a heading and several as a column header, across their cells', () => {
    const b = new SheetBuilder([10, 10, 10]);
    b.header(0, 0, 'Section');
    b.header(1, 0, 'a', 'b', 'c');
    expect(b.plan(settings).styles).toEqual([
      { style: 'heading', range: 'A1' },
      { style: 'columnHeader', range: 'A2:C2' },
    ]);
  });

  it('lays out labelled fields with their units, names each value cell and validates it against its limit', () => {
    const b = new SheetBuilder([10, 10, 10]);
    const limit = RETAINERVALUE_LIMITS.monthlyHours;
    const list = b.fields(3, 0, [
      { label: 'Hours a month', cell: { value: 10 }, unit: 'hours', name: 'allowance', limit },
      { label: 'Price', cell: { value: 900 }, name: 'price', comment: 'The monthly price' },
      { label: 'Plain', cell: { value: 1 }, limit, subject: 'The plain value' },
    ]);
    expect(list).toEqual({ block: { row: 3, column: 0, rows: 3, columns: 3 }, values: { row: 3, column: 1, rows: 3, columns: 1 } });
    const plan = b.plan(settings);
    expect(plan.cells[3]).toEqual([{ value: 'Hours a month' }, { value: 10 }, { value: 'hours' }]);
    expect(plan.cells[4]).toEqual([{ value: 'Price' }, { value: 900 }, null]);
    expect(plan.names).toEqual([
      { name: 'allowance', row: 3, column: 1, comment: 'Hours a month' },
      { name: 'price', row: 4, column: 1, comment: 'The monthly price' },
    ]);
    expect(plan.validations).toEqual([validationFromLimit('B4', limit, 'Hours a month'), validationFromLimit('B6', limit, 'The plain value')]);
  });

  it('names blocks of several rows or columns with their size, finds them again, and spans between them', () => {
    const b = new SheetBuilder([10, 10, 10]);
    b.name('one', { row: 2, column: 1, rows: 1, columns: 1 }, 'one cell');
    b.name('tall', { row: 5, column: 1, rows: 3, columns: 1 }, 'three rows');
    b.name('wide', { row: 9, column: 0, rows: 1, columns: 3 }, 'three columns');
    expect(b.plan(settings).names).toEqual([
      { name: 'one', row: 2, column: 1, comment: 'one cell' },
      { name: 'tall', row: 5, column: 1, comment: 'three rows', rows: 3 },
      { name: 'wide', row: 9, column: 0, comment: 'three columns', columns: 3 },
    ]);
    expect(b.named('tall')).toEqual({ row: 5, column: 1, rows: 3, columns: 1 });
    expect(b.named('wide')).toEqual({ row: 9, column: 0, rows: 1, columns: 3 });
    expect(b.address('one')).toBe('$B$3');
    expect(b.span('one', 'tall')).toEqual({ row: 2, column: 1, rows: 6, columns: 1 });
    expect(() => b.named('missing')).toThrow('no defined name missing has been placed');
    expect(() => b.address('missing')).toThrow('no defined name missing has been placed');
  });

  it('keeps list validations and the sheet’s settings', () => {
    const b = new SheetBuilder([12, 30]);
    b.addRow(text('x'));
    b.validateList({ row: 0, column: 1, rows: 2, columns: 1 }, ['Yes', 'No'], 'Choose Yes or No');
    const chart = { title: 't', xAxisTitle: 'x', yAxisTitle: 'y', dataRange: 'A1:B2', topLeft: 'D1', bottomRight: 'J12' };
    const plan = b.plan({ ...settings, chart, conditionalFormats: [] });
    expect(plan).toMatchObject({ name: 'Test', frozenRows: 2, columnWidths: [12, 30], chart, conditionalFormats: [] });
    expect(plan.validations).toEqual([{ range: 'B1:B2', kind: 'list', options: ['Yes', 'No'], message: 'Choose Yes or No' }]);
    expect(b.plan(settings)).not.toHaveProperty('chart');
    expect(b.plan(settings)).not.toHaveProperty('conditionalFormats');
  });

  it('hands out plans that later changes do not reach', () => {
    const b = new SheetBuilder([10]);
    b.addRow(text('a'));
    const before = b.plan(settings);
    b.addRow(text('b'));
    b.name('n', { row: 0, column: 0, rows: 1, columns: 1 }, 'c');
    b.style('heading', { row: 0, column: 0, rows: 1, columns: 1 });
    b.put(0, 0, text('changed'));
    expect(before.cells).toEqual([[{ value: 'a' }]]);
    expect(before.names).toEqual([]);
    expect(before.styles).toEqual([]);
  });
});
