/**
 * The time-entry import on the export fixtures (test/fixtures/exports, made-up data shaped like
 * each PSA tool's export, written by make_exports.py with the monthly hours each must give,
 * computed from the entries it generated rather than by parsing the files).
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { detectColumns, ROLE_LABELS, type ColumnRole } from '../../src/import/columns';
import { dateOrderOf, estimateFromEntries, readEntries } from '../../src/import/entries';
import { readExportTable, type ExportTable } from '../../src/import/table';
import { tableFromCells } from '../../src/import/cells';
import { dateSerial, exportNumber, type DayMonthOrder } from '../../src/import/values';
import expected from '../fixtures/exports/expected.json';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'exports');
const RULES = { incrementMinutes: 15, minimumMinutes: 0, multiplier: 1 };

function fixtureText(name: string): string {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  return (name.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
}

function table(name: string): ExportTable {
  const read = readExportTable(fixtureText(name));
  if (!('header' in read)) throw new Error(`${name}: line ${read.line}: ${read.reason}`);
  return read;
}

interface Expected {
  readonly columns: Readonly<Partial<Record<ColumnRole, string>>>;
  readonly order: DayMonthOrder;
  readonly orderBasis: string;
  readonly months: readonly (readonly number[])[];
  readonly totals?: number;
  readonly monthsIfMDY?: readonly (readonly number[])[];
}
const fixtures = expected as unknown as Readonly<Record<string, Expected>>;
const cases = Object.entries(fixtures);

describe('importing a time-entry export', () => {
  it('has at least five fixtures, one of them 100,000 rows', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(table('large-100k.csv.gz').rows).toHaveLength(100_000);
  });

  it.each(cases)('%s: finds the columns by their headers and contents', (name, want) => {
    const read = table(name);
    const mapping = detectColumns(read.header, read.rows.slice(0, 200), read.delimiter === ';');
    const found = Object.fromEntries(Object.entries(mapping).map(([role, index]) => [role, read.header[index]]));
    expect(found).toEqual(want.columns);
  });

  it.each(cases)('%s: gives the monthly hours worked out from its entries', (name, want) => {
    const read = table(name);
    const mapping = detectColumns(read.header, read.rows.slice(0, 200), read.delimiter === ';');
    // Where the dates decide the order, they overrule the other preference; where they cannot, the preference is what is assumed.
    const preferred = want.orderBasis === 'assumed' ? want.order : want.order === 'MDY' ? 'DMY' : 'MDY';
    const order = dateOrderOf(read, mapping.date, preferred);
    expect({ order: order.order, basis: order.basis }).toEqual({ order: want.order, basis: want.orderBasis });
    const entries = readEntries(read, { mapping, order: order.order, excludeNonBillable: true, rules: RULES });
    expect(entries.problems).toEqual([]);
    expect(entries.totals).toBe(want.totals ?? 0);
    const estimate = estimateFromEntries(entries, RULES);
    if ('error' in estimate) throw new Error(estimate.error);
    expect(estimate.months.map(([start]) => start)).toEqual(want.months.map(([start]) => start));
    estimate.months.forEach(([, hours], index) => expect(hours).toBeCloseTo(want.months[index][1], 9));
  });

  it('reads ambiguous dates the other way round when the user switches the order', () => {
    const read = table('ambiguous-dates.csv');
    const mapping = detectColumns(read.header, read.rows, false);
    const want = fixtures['ambiguous-dates.csv'];
    const estimate = estimateFromEntries(readEntries(read, { mapping, order: 'MDY', excludeNonBillable: true, rules: RULES }), RULES);
    if ('error' in estimate) throw new Error(estimate.error);
    expect(estimate.months).toEqual(want.monthsIfMDY);
  });

  it('keeps non-billable entries when asked, and counts them either way', () => {
    const read = table('atera-timesheet.csv');
    const mapping = detectColumns(read.header, read.rows, false);
    const kept = readEntries(read, { mapping, order: 'DMY', excludeNonBillable: false, rules: RULES });
    const left = readEntries(read, { mapping, order: 'DMY', excludeNonBillable: true, rules: RULES });
    expect(kept.nonBillable).toBeGreaterThan(0);
    expect(left.nonBillable).toBe(kept.nonBillable);
    expect(kept.dates.length - left.dates.length).toBe(kept.nonBillable);
  });

  it('reads a column headed "Non-billable" the other way round: yes means not billable', () => {
    const read = readExportTable('Date,Minutes,Non-Billable\n2026-01-05,30,No\n2026-01-06,45,Yes\n2026-02-03,60,No\n');
    if (!('header' in read)) throw new Error(read.reason);
    const mapping = detectColumns(read.header, read.rows, false);
    expect(mapping.billable).toBe(2);
    const entries = readEntries(read, { mapping, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(entries.minutes).toEqual([30, 60]);
    expect(entries.nonBillable).toBe(1);
  });

  it('reports a row it cannot read with its line, and reads the rest', () => {
    const read = table('atera-timesheet.csv');
    const text = fixtureText('atera-timesheet.csv').split('\r\n');
    text.splice(3, 0, '31/02/2026,Jordan,123,1:00,Yes', '01/03/2026,Jordan,124,an hour,Yes');
    const broken = readExportTable(text.join('\r\n'));
    if (!('header' in broken)) throw new Error(broken.reason);
    const mapping = detectColumns(broken.header, broken.rows, false);
    const entries = readEntries(broken, { mapping, order: 'DMY', excludeNonBillable: true, rules: RULES });
    expect(entries.problems).toEqual([
      { line: 4, reason: '"31/02/2026" is not a date' },
      { line: 5, reason: '"an hour" is not a number of hours' },
    ]);
    expect(entries.dates.length).toBe(readEntries(read, { mapping, order: 'DMY', excludeNonBillable: true, rules: RULES }).dates.length);
  });

  it.each([
    ['Date,Minutes\n2026-01-05,30\n2026-01-06,"45\n2026-01-07,15\n', 3, 'a quoted field is never closed'],
    ['', 1, 'the file is empty'],
    ['\n\nJust one column\n1\n2\n', 3, 'the first row is not a header of at least two columns'],
    ['PK\u0003\u0004\u0000\u0000binary', 1, 'this is not a text file'],
  ])('says which line of an unreadable file stops it, and why: %j', (text, line, reason) => {
    const read = readExportTable(text);
    expect('header' in read).toBe(false);
    if (!('header' in read)) {
      expect(read.line).toBe(line);
      expect(read.reason).toContain(reason);
    }
  });

  it('labels every role for the mapping the user corrects', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual(['billable', 'date', 'end', 'hours', 'minutes', 'start', 'ticket', 'workType']);
  });
});

describe('selected cells read as an export', () => {
  it('takes a first row of text as the header, and reads Excel\'s date serials as dates', () => {
    const table = tableFromCells([['Worked on', 'Mins'], [46027, 50], ['', ''], [46090, 100]]);
    expect(table.header).toEqual(['Worked on', 'Mins']);
    expect(table.lines).toEqual([2, 3, 4]);
    const entries = readEntries(table, { mapping: { date: 0, minutes: 1 }, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(entries.dates).toEqual([46027, 46090]);
    expect(entries.problems).toEqual([]);
    const gap = readEntries(tableFromCells([['Date', 'Minutes'], [46027, 50], ['', 30]]), { mapping: { date: 0, minutes: 1 }, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(gap.problems).toEqual([{ line: 3, reason: 'the date is blank' }]);
  });

  it('names the columns Date and Minutes when the selection has no header', () => {
    const table = tableFromCells([[46027, 50], [46090, 100, 'x']]);
    expect(table.header).toEqual(['Date', 'Minutes', 'Column 3']);
    expect(table.rows).toEqual([['46027', '50'], ['46090', '100', 'x']]);
    expect(table.lines).toEqual([1, 2]);
  });
});

describe('reading the awkward corners of real exports', () => {
  const table = (text: string) => {
    const read = readExportTable(text);
    if (!('header' in read)) throw new Error(read.reason);
    return read;
  };
  const mappedHeaders = (text: string) => {
    const read = table(text);
    const mapping = detectColumns(read.header, read.rows, read.delimiter === ';');
    return Object.fromEntries(Object.entries(mapping).map(([role, index]) => [role, read.header[index]]));
  };

  it('takes the hours or minutes worked over those billed, deducted, offset or estimated', () => {
    expect(mappedHeaders('Date Start,Hours Deduct,Offset Hours,Estimated Hours,Hours Actual\n2026-01-05,0,0,2,1.5\n')).toMatchObject({ hours: 'Hours Actual' });
    expect(mappedHeaders('Date,Billed Minutes,Minutes Worked\n2026-01-05,30,20\n')).toMatchObject({ minutes: 'Minutes Worked' });
    expect(mappedHeaders('Date Worked,Hours to Bill,Hours Worked\n2026-01-05,0.5,0.3\n')).toMatchObject({ hours: 'Hours Worked' });
  });

  it.each([
    ['1,500', false, 1500],
    ['1,500', true, 1.5],
    ['1,5', false, 1.5],
    ['0,75', false, 0.75],
    ['0,750', false, undefined],
    ['12,345,678', false, 12345678],
    ['1.25', true, 1.25],
  ])('reads %p (decimal commas: %p) as %p', (text, decimalComma, value) => {
    expect(exportNumber(text, decimalComma)).toBe(value);
  });

  it('reads dotted dates day first, and two-digit years as Excel does', () => {
    expect(dateSerial('05.01.2026', 'MDY')).toBe(46027);
    expect(dateSerial('1/5/26', 'MDY')).toBe(46027);
    expect(dateSerial('12/30/99', 'MDY')).toBe(36524);
    expect(dateSerial('1/2/30', 'MDY')).toBe(10960);
    // Excel's d-mmm-yy, month names with a weekday before them, and a month name that is no month.
    expect(dateSerial('5-Jan-26', 'DMY')).toBe(46027);
    expect(dateSerial('Mon, Jan 5, 2026', 'DMY')).toBe(46027);
    expect(dateSerial('Monday 5 January 2026 09:30', 'MDY')).toBe(46027 + 9.5 / 24);
    expect(dateSerial('5 Monday 2026', 'MDY')).toBeUndefined();
  });

  it('counts lines past rows of separators only and old Mac line ends', () => {
    const read = table('Date,Minutes\n2026-01-05,30\n,\n,\n2026-01-06,x\n');
    const entries = readEntries(read, { mapping: { date: 0, minutes: 1 }, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(entries.problems).toEqual([{ line: 5, reason: '"x" is not a number of minutes' }]);
    expect(table('Date,Minutes\r2026-01-05,30\r2026-01-06,45\r').lines).toEqual([2, 3]);
  });

  it('refuses a full end date and time before its start, and takes an end time of day before the start as past midnight', () => {
    const read = table('Date,Start,End\n2026-02-01,2026-02-01 10:00,2026-02-01 09:00\n2026-02-01,23:30,00:15\n');
    const entries = readEntries(read, { mapping: { date: 0, start: 1, end: 2 }, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(entries.problems).toEqual([{ line: 2, reason: 'the end "2026-02-01 09:00" is before the start "2026-02-01 10:00"' }]);
    expect(entries.minutes).toEqual([45]);
  });

  it('skips a totals row whose date column says Total, and keeps a stray quote inside a field as text', () => {
    const read = table('Date,Notes,Minutes\n2026-01-05,Printer "offline",30\nTotal,,30\n');
    const entries = readEntries(read, { mapping: { date: 0, minutes: 2 }, order: 'MDY', excludeNonBillable: true, rules: RULES });
    expect(entries.totals).toBe(1);
    expect(entries.problems).toEqual([]);
    expect(entries.minutes).toEqual([30]);
  });

  it('reads "Non Billable" and "Non_Billable" headers the other way round too', () => {
    for (const header of ['Non Billable', 'Non_Billable']) {
      const read = table(`Date,Minutes,${header}\n2026-01-05,30,No\n2026-01-06,45,Yes\n`);
      const entries = readEntries(read, { mapping: detectColumns(read.header, read.rows, false), order: 'MDY', excludeNonBillable: true, rules: RULES });
      expect(entries.minutes).toEqual([30]);
    }
  });

  it('takes a first selected row of dates written as text as data, not as a header', () => {
    expect(tableFromCells([['2026-01-05', 30], ['2026-02-05', 45]]).header).toEqual(['Date', 'Minutes']);
  });

  it('says so when a month comes to more hours than a number holds', () => {
    const estimate = estimateFromEntries({ dates: [46027, 46030, 46060], minutes: [1e308, 1e308, 30], lines: [2, 3, 4], nonBillable: 0, totals: 0, problems: [] }, RULES);
    expect(estimate).toEqual({ error: 'A month comes to more hours than a number can hold: check the time worked column.' });
  });
});
