import { insertTemplate } from '../../src/excel/insert-template';
import { TEMPLATES } from '../../src/sheet/templates';
import { createFakeExcel } from '../support/fake-excel';

function useFake(options: Parameters<typeof createFakeExcel>[0]) {
  const fake = createFakeExcel(options);
  (globalThis as Record<string, unknown>).Excel = fake.Excel;
  return fake;
}

const options = TEMPLATES.find((t) => t.id === 'options');
const quotes = TEMPLATES.find((t) => t.id === 'quotes');
if (!options || !quotes) throw new Error('templates missing');

describe('inserting a template', () => {
  it('inserts the built file where Excel supports it, then adds the chart to the inserted sheet by id, in three syncs', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'IT cost scenario' } } });
    const result = await insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true);
    expect(result).toEqual({ sheetName: 'IT support options', method: 'file' });
    // Name free? Insert (Excel answers with the new sheet's id). Chart and activation on that id.
    expect(fake.syncCount).toBe(3);
    expect(fake.activeSheet).toBe('IT support options');
    expect(fake.log).toContainEqual(expect.stringMatching(/^insertWorksheetsFromBase64 \(8 chars\) \{"positionType":"End"\}$/));
    expect(fake.sheets.find((s) => s.name === 'IT support options')?.charts).toHaveLength(1);
    expect(fake.sheets.find((s) => s.name === 'Budget')?.cells.get('A1')?.formula).toBe('keep me');
  });

  it('leaves a sheet of the same name untouched and writes the template under a new name', async () => {
    const fake = useFake({ sheets: { 'Provider quotes': { A1: 'our own comparison', B12: 'do not touch' } }, fileSheets: { 'Provider quotes': { A1: 'Provider quotes' } } });
    const result = await insertTemplate(quotes.plan(), { base64: 'UEsDBA==' }, true);
    expect(result).toEqual({ sheetName: 'Provider quotes (2)', method: 'plan' });
    expect(fake.log.some((line) => line.startsWith('insertWorksheetsFromBase64'))).toBe(false);
    const mine = fake.sheets.find((s) => s.name === 'Provider quotes');
    expect([...(mine?.cells.entries() ?? [])]).toEqual([
      ['A1', { formula: 'our own comparison', numberFormat: 'General' }],
      ['B12', { formula: 'do not touch', numberFormat: 'General' }],
    ]);
    expect(fake.sheets.find((s) => s.name === 'Provider quotes (2)')?.cells.get('A1')?.formula).toBe('Provider quotes');
  });

  it('writes the plan where Excel cannot insert files (before ExcelApi 1.13)', async () => {
    const fake = useFake({});
    const result = await insertTemplate(quotes.plan(), { base64: 'UEsDBA==' }, false);
    expect(result).toEqual({ sheetName: 'Provider quotes', method: 'plan' });
    expect(fake.syncCount).toBe(2);
  });

  it('removes the inserted sheet, by object, when adding its chart fails', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'x' } }, failAtSync: 3 });
    await expect(insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true)).rejects.toMatchObject({ message: 'Injected failure at sync 3', mayBeLeft: [] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget']);
    expect(fake.deleted.map((s) => s.name)).toEqual(['IT support options']);
  });

  it('deletes nothing when the insertion itself fails', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'x' } }, failAtSync: 2 });
    await expect(insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true)).rejects.toMatchObject({ message: 'Injected failure at sync 2', mayBeLeft: [] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget']);
    expect(fake.deleted).toEqual([]);
  });

  it('leaves alone a sheet of the template\'s name that appears before the insertion, and fails cleanly', async () => {
    const fake = useFake({
      sheets: { Budget: { A1: 'keep me' } },
      fileSheets: { 'IT support options': { A1: 'IT cost scenario' } },
      sheetAppears: { beforeSync: 2, name: 'IT support options', cells: { A1: 'made by someone else' } },
    });
    const error = await insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true).catch((e: unknown) => e);
    expect(fake.sheets.map((s) => [s.name, s.cells.get('A1')?.formula])).toEqual([['Budget', 'keep me'], ['IT support options', 'made by someone else']]);
    expect(fake.deleted).toEqual([]);
    expect(error).toMatchObject({ message: expect.stringContaining('IT support options'), mayBeLeft: [] });
  });

  it('adds the chart to the sheet it inserted when Excel had to give it another name', async () => {
    const fake = useFake({
      sheets: { Budget: { A1: 'keep me' } },
      fileSheets: { 'IT support options': { A1: 'IT cost scenario' } },
      sheetAppears: { beforeSync: 2, name: 'IT support options', cells: { A1: 'made by someone else' } },
      insertedNameClash: 'rename',
    });
    const result = await insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true);
    expect(result).toEqual({ sheetName: 'IT support options (2)', method: 'file' });
    const [, theirs, ours] = fake.sheets;
    expect({ name: theirs.name, charts: theirs.charts.length, cells: [...theirs.cells.keys()] }).toEqual({ name: 'IT support options', charts: 0, cells: ['A1'] });
    expect({ name: ours.name, charts: ours.charts.length }).toEqual({ name: 'IT support options (2)', charts: 1 });
    expect(fake.activeSheet).toBe('IT support options (2)');
  });

  it('keeps the original error and names the inserted sheet when removing it fails too', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'x' } }, failAtSync: [3, 4] });
    await expect(insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true)).rejects.toMatchObject({ message: 'Injected failure at sync 3', mayBeLeft: ['IT support options'] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget', 'IT support options']);
  });

  it('leaves alone a sheet that takes the free name before the plan is written there', async () => {
    const fake = useFake({ sheets: { 'Provider quotes': { A1: 'ours' } }, sheetAppears: { beforeSync: 2, name: 'Provider quotes (2)', cells: { A1: 'theirs' } } });
    const error = await insertTemplate(quotes.plan(), undefined, false).catch((e: unknown) => e);
    expect(fake.sheets.map((s) => [s.name, s.cells.get('A1')?.formula])).toEqual([['Provider quotes', 'ours'], ['Provider quotes (2)', 'theirs']]);
    expect(error).toMatchObject({ mayBeLeft: [] });
  });
});
