/** Long text in the plans: wrapped across merged cells, rows as tall as the text; print orientation; money in a workbook's currency. */
import { INPUT_NOTE, SheetBuilder, text } from '../../src/sheet/builder';
import { MONEY, moneyFormat } from '../../src/sheet/formats';
import { LINE_HEIGHT, linesFor, PORTRAIT_WIDTH, withMoneyFormat } from '../../src/sheet/plan';
import { TRACKER_STATUS, trackerPlan } from '../../src/sheet/tracker';
import { longestStatus } from '../../src/sheet/tracker-status';
import { TEMPLATES } from '../../src/sheet/templates';

describe('notes and long text in a sheet plan', () => {
  it('merges a note across the whole sheet, as many lines tall as the text takes at that width', () => {
    const sheet = new SheetBuilder([100, 150, 50]);
    sheet.title('A title');
    sheet.note('x'.repeat(250));
    const plan = sheet.plan({ name: 'S', frozenRows: 1 });
    expect(plan.cells[1]?.[0]?.value).toBe(INPUT_NOTE);
    // 250 characters across 100 + 150 + 50 = 300 points: 5 lines at 6 points a character.
    expect(plan.textBlocks).toEqual([
      { range: 'A2:C2', lines: Math.ceil((INPUT_NOTE.length * 6) / 300) },
      { range: 'A3:C3', lines: 5 },
    ]);
    expect(linesFor('x'.repeat(250), 300)).toBe(5);
    expect(plan.styles.filter((s) => s.style === 'note').map((s) => s.range)).toEqual(['A2', 'A3']);
  });

  it('wraps a block from its cell to the given columns, and refuses to merge over other cells or several rows', () => {
    const sheet = new SheetBuilder([100, 60, 60, 60]);
    sheet.addRow(text('label'), text('a long sentence'));
    sheet.wrap({ row: 0, column: 1, rows: 1, columns: 3 }, 100);
    expect(sheet.plan({ name: 'S', frozenRows: 0 }).textBlocks).toEqual([{ range: 'B1:D1', lines: Math.ceil((100 * 6) / 180) }]);
    sheet.addRow(text('label'), text('text'), text('in the way'));
    expect(() => sheet.wrap({ row: 1, column: 1, rows: 1, columns: 3 }, 10)).toThrow('B2:D2 holds more than its first cell');
    expect(() => sheet.wrap({ row: 0, column: 1, rows: 2, columns: 1 }, 10)).toThrow('one row tall');
  });

  it('has no text blocks when nothing is wrapped, and prints landscape only when wider than a portrait page', () => {
    const narrow = new SheetBuilder([PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2]).plan({ name: 'N', frozenRows: 0 });
    expect(narrow.textBlocks).toBeUndefined();
    expect(narrow.print).toEqual({ orientation: 'portrait' });
    expect(new SheetBuilder([PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2 + 1]).plan({ name: 'W', frozenRows: 0 }).print).toEqual({ orientation: 'landscape' });
    for (const template of TEMPLATES) expect(template.plan().print).toEqual({ orientation: 'landscape' });
  });

  it('wraps the tracker\'s status from its cell to the sheet\'s last column, tall enough for its longest text', () => {
    const plan = trackerPlan({ blockHours: 40, blockPrice: 5400, startDate: 46204, termMonths: 12, overageRate: 150, monthlyHours: [3], ticketMinutes: [], incrementMinutes: 15, minimumMinutes: 0, multiplier: 1 });
    const status = plan.names.find((n) => n.name === 'tracker_status');
    if (!status) throw new Error('no tracker_status');
    const longest = Math.max(...Object.values(TRACKER_STATUS).map((t) => t.length));
    expect(longestStatus(TRACKER_STATUS)).toBe(longest);
    const width = plan.columnWidths.slice(status.column).reduce((sum, w) => sum + w, 0);
    expect(plan.textBlocks).toContainEqual({ range: `B${status.row + 1}:G${status.row + 1}`, lines: linesFor('x'.repeat(longest), width) });
    expect(LINE_HEIGHT).toBe(15);
  });
});

describe('money in a workbook\'s currency', () => {
  it('writes the sign where the locale puts it, and keeps Excel\'s format syntax whole', () => {
    expect(moneyFormat('€', 'after')).toBe('#,##0.00 [$€];[Red]-#,##0.00 [$€]');
    expect(moneyFormat('US$', 'before')).toBe('[$US$]#,##0.00;[Red]-[$US$]#,##0.00');
    // A sign with a bracket or a quote would end the currency block early.
    expect(moneyFormat('a]"b', 'before')).toBe('[$ab]#,##0.00;[Red]-[$ab]#,##0.00');
  });

  it('changes only the money cells of a plan, and nothing without a currency', () => {
    const plan = TEMPLATES[0].plan();
    expect(withMoneyFormat(plan, undefined)).toBe(plan);
    const euros = withMoneyFormat(plan, 'EUR');
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const changed = euros.cells[r]?.[c];
        expect(changed?.numberFormat).toBe(cell?.numberFormat === MONEY ? 'EUR' : cell?.numberFormat);
        expect(changed?.formula).toBe(cell?.formula);
      }),
    );
    expect(plan.cells.flat().some((cell) => cell?.numberFormat === MONEY)).toBe(true);
  });
});
