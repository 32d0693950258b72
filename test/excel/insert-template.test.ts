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
  it('inserts the built file where Excel supports it, then adds the chart, in two syncs', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'IT cost scenario' } } });
    const result = await insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true);
    expect(result).toEqual({ sheetName: 'IT support options', method: 'file' });
    expect(fake.syncCount).toBe(2);
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

  it('removes a half-inserted sheet when the insertion fails', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, fileSheets: { 'IT support options': { A1: 'x' } }, failAtSync: 2 });
    await expect(insertTemplate(options.plan(), { base64: 'UEsDBA==' }, true)).rejects.toThrow('Injected failure');
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget']);
  });
});
