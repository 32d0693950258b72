import { checkOfferScenario, checkScenario, type Scenario, type ScenarioInputs } from '../../src/model';
import { candidateSheetNames } from '../../src/excel/sheet-names';
import { describeWriteFailure, SheetWriteFailed, writeSheetPlan } from '../../src/excel/write-plan';
import { readScenarioFromActiveSheet, readSelectedValues } from '../../src/excel/read-sheet';
import { CELL_STYLES, conditionalRules, formulasGrid, LINE_HEIGHT, numberFormatGrid, planExtent, WARNING_STYLE } from '../../src/sheet/plan';
import { NEAR_CERTAIN_FORMAT } from '../../src/sheet/chance';
import { TRACKER_SHEET_NAME, trackerPlan, type TrackerExample } from '../../src/sheet/tracker';
import { scenarioPlan } from '../../src/sheet/scenario';
import { offerScenarioPlan } from '../../src/sheet/offer-scenario';
import { createFakeExcel } from '../support/fake-excel';

const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.5, disruptionCostPerHour: 0, blockHours: 20, blockPrice: 3400, termMonths: 12, monthlyFee: 900 });
if (!checked.ok) throw new Error(checked.problem.message);
const inputs: ScenarioInputs = checked.value;
const TRACKER: TrackerExample = { blockHours: 40, blockPrice: 5400, startDate: 46204, termMonths: 12, overageRate: 150, monthlyHours: [2, 5, 3], ticketMinutes: [], incrementMinutes: 15, minimumMinutes: 30, multiplier: 1 };

/** The fake workbook as the Excel global, in a host that supports the ExcelApi sets up to `excelApi` (1.13 unless told). */
function useFake(options: Parameters<typeof createFakeExcel>[0] = {}, excelApi = '1.13') {
  const fake = createFakeExcel(options);
  (globalThis as Record<string, unknown>).Excel = fake.Excel;
  (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === 'ExcelApi' && Number(version.split('.')[1]) <= Number(String(excelApi).split('.')[1]) } } };
  return fake;
}

function cellsOf(fake: ReturnType<typeof createFakeExcel>, sheetName: string) {
  const sheet = fake.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet;
}

/** The cell a defined name of the fake sheet refers to, e.g. "B6". */
function nameAddress(sheet: ReturnType<typeof cellsOf>, name: string): string {
  const found = sheet.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  return found.address.replace(/^.*!/, '');
}

describe('writing a sheet plan to Excel', () => {
  it.each([10, 100, 1000])('takes two syncs whatever the size (%p rows of sensitivity)', async (rows) => {
    const fake = useFake();
    const plan = scenarioPlan(inputs, { sensitivityRows: rows });
    await writeSheetPlan(plan);
    expect(fake.syncCount).toBe(2);
    // One 2D write each for formulas and formats, not one call per cell.
    expect(fake.log.filter((line) => line.startsWith('set formulas'))).toEqual([`set formulas IT cost scenario!A1:E${plan.cells.length} (${plan.cells.length}×5)`]);
    expect(fake.log.filter((line) => line.startsWith('set numberFormat'))).toHaveLength(1);
    expect(fake.log.indexOf('suspendApiCalculationUntilNextSync')).toBeLessThan(fake.log.findIndex((line) => line.startsWith('set formulas')));
  });

  it('writes every cell, number format, name, the frozen heading and the chart of the plan', async () => {
    const fake = useFake();
    const plan = scenarioPlan(inputs);
    await writeSheetPlan(plan);
    const sheet = cellsOf(fake, 'IT cost scenario');
    const formulas = formulasGrid(plan);
    const formats = numberFormatGrid(plan);
    formulas.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.cells.get(`${String.fromCharCode(65 + c)}${r + 1}`);
        expect({ at: [r, c], formula: cell?.formula, format: cell?.numberFormat }).toEqual({ at: [r, c], formula: value, format: formats[r][c] });
      }),
    );
    expect(sheet.names.map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(sheet.names.find((n) => n.name === 'hourly_rate')?.address).toBe('IT cost scenario!B6');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.charts).toEqual([
      expect.objectContaining({ type: 'XYScatterLinesNoMarkers', source: `IT cost scenario!${plan.chart?.dataRange}`, seriesBy: 'Columns', title: plan.chart?.title }),
    ]);
    expect(fake.activeSheet).toBe('IT cost scenario');
  });

  it('writes every conditional format the plan needs, in priority order: warnings, and the chance cells\' near-certain number format', async () => {
    const fake = useFake();
    const plan = trackerPlan(TRACKER);
    await writeSheetPlan(plan);
    const rules = conditionalRules(plan);
    expect(rules.filter((rule) => rule.numberFormat === NEAR_CERTAIN_FORMAT).length).toBeGreaterThanOrEqual(2);
    // The fake keeps them highest priority first, as Excel does (each one added goes to the top).
    expect(cellsOf(fake, TRACKER_SHEET_NAME).conditionalFormats).toEqual(
      rules.map((rule) => ({
        range: rule.range,
        type: 'Custom',
        formula: rule.formula,
        ...(rule.warning ? { fillColor: WARNING_STYLE.fill, fontColor: WARNING_STYLE.color } : {}),
        ...(rule.numberFormat !== undefined ? { numberFormat: rule.numberFormat } : {}),
      })),
    );
  });

  it('leaves an existing "IT cost scenario" sheet untouched and picks the next free name', async () => {
    const fake = useFake({ sheets: { 'IT cost scenario': { A1: 'my own notes', B5: 42 }, 'IT cost scenario (2)': { A1: 'older' } } });
    const result = await writeSheetPlan(scenarioPlan(inputs));
    expect(result.sheetName).toBe('IT cost scenario (3)');
    const mine = cellsOf(fake, 'IT cost scenario');
    expect([...mine.cells.entries()]).toEqual([
      ['A1', { formula: 'my own notes', numberFormat: 'General' }],
      ['B5', { formula: 42, numberFormat: 'General' }],
    ]);
    expect(mine.names).toEqual([]);
    expect(fake.log.some((line) => line.includes('IT cost scenario!') && !line.includes('IT cost scenario (3)!'))).toBe(false);
    expect(cellsOf(fake, 'IT cost scenario (2)').cells.size).toBe(1);
  });

  it('removes the half-written sheet when the write fails, and passes the error on', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, failAtSync: 2 });
    await expect(writeSheetPlan(scenarioPlan(inputs))).rejects.toThrow('Injected failure at sync 2');
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget']);
    expect(cellsOf(fake, 'Budget').cells.get('A1')?.formula).toBe('keep me');
    expect(fake.log).toContain('delete IT cost scenario');
  });

  it('removes only the sheet it added when a sheet of the chosen name appears between its syncs', async () => {
    // Another add-in, or the user, creates "IT cost scenario" after the write picked that name.
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, sheetAppears: { beforeSync: 2, name: 'IT cost scenario', cells: { A1: 'made by someone else' } } });
    const error = await writeSheetPlan(scenarioPlan(inputs)).catch((e: unknown) => e);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Budget', 'IT cost scenario']);
    const theirs = cellsOf(fake, 'IT cost scenario');
    expect([...theirs.cells.entries()]).toEqual([['A1', { formula: 'made by someone else', numberFormat: 'General' }]]);
    expect(fake.deleted).not.toContain(theirs);
    expect(fake.deleted).not.toContain(cellsOf(fake, 'Budget'));
    expect(error).toMatchObject({ message: expect.stringContaining('IT cost scenario'), mayBeLeft: [] });
  });

  it('removes only its own sheet, by object, when the write fails after Excel named it', async () => {
    const fake = useFake({ sheets: { Sheet1: { A1: 'keep me' }, Sheet2: { A1: 'me too' } }, failAtSync: 2 });
    await expect(writeSheetPlan(scenarioPlan(inputs))).rejects.toMatchObject({ message: 'Injected failure at sync 2', mayBeLeft: [] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2']);
    expect(fake.deleted).toHaveLength(1);
  });

  it('keeps the original error and names the sheet that may be left when the clean-up fails too', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } }, failAtSync: [2, 3] });
    const error = await writeSheetPlan(scenarioPlan(inputs)).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof SheetWriteFailed)) throw new Error(`expected a SheetWriteFailed, got ${String(error)}`);
    expect(error).toMatchObject({ message: 'Injected failure at sync 2', mayBeLeft: expect.arrayContaining(['IT cost scenario']) });
    // What the fake really left behind is among the names the error gives.
    const leftOver = fake.sheets.filter((s) => s.name !== 'Budget').map((s) => s.name);
    expect(leftOver).toHaveLength(1);
    expect(error.mayBeLeft).toContain(leftOver[0]);
    expect(describeWriteFailure(error)).toMatch(/^Injected failure at sync 2\. A partly written sheet named "IT cost scenario".* may be left in the workbook; you can delete it\.$/);
    expect(describeWriteFailure(error)).not.toContain('Nothing was left behind');
  });

  it('says nothing was left behind only when the clean-up removed the sheet', async () => {
    useFake({ failAtSync: 2 });
    const error = await writeSheetPlan(scenarioPlan(inputs)).catch((e: unknown) => e);
    expect(describeWriteFailure(error)).toBe('Injected failure at sync 2. Nothing was left behind in the workbook.');
  });

  it('leaves no sheet behind when every candidate name is taken', async () => {
    const taken = Object.fromEntries(candidateSheetNames('IT cost scenario').map((name) => [name, { A1: name }]));
    const fake = useFake({ sheets: taken });
    await expect(writeSheetPlan(scenarioPlan(inputs))).rejects.toMatchObject({ message: expect.stringContaining('is taken'), mayBeLeft: [] });
    expect(fake.sheets.map((s) => s.name)).toEqual(Object.keys(taken));
    expect(fake.sheets.every((s) => s.cells.size === 1 && s.cells.get('A1')?.formula === s.name)).toBe(true);
  });

  it('keeps generated names within Excel\'s 31 characters', () => {
    const names = candidateSheetNames('A very long scenario sheet name indeed', 12);
    expect(names.every((name) => name.length <= 31)).toBe(true);
    expect(names[11].endsWith(' (12)')).toBe(true);
    expect(new Set(names).size).toBe(12);
  });

  it('reads a written scenario sheet back exactly, in one sync', async () => {
    const fake = useFake({ sheets: { Budget: { A1: 'keep me' } } });
    const odd = { ...inputs, blockPrice: 3333.3333333333335, coveredShare: 0.123456789012345, monthlyVariability: Math.PI / 7 };
    const { sheetName } = await writeSheetPlan(scenarioPlan(odd));
    const before = fake.syncCount;
    const loaded = await readScenarioFromActiveSheet();
    expect(fake.syncCount - before).toBe(1);
    expect(loaded).toEqual({ kind: 'scenario', offer: 'block', sheetName, inputs: odd });
  });

  it('reads the inputs by their defined names after rows are inserted above them', async () => {
    const fake = useFake();
    const { sheetName } = await writeSheetPlan(scenarioPlan(inputs));
    fake.insertRows(sheetName, 3, 2);
    expect(cellsOf(fake, sheetName).cells.get('B8')?.formula).toBe(inputs.hourlyRate); // hourly_rate was B6
    const before = fake.syncCount;
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'scenario', offer: 'block', sheetName, inputs });
    expect(fake.syncCount - before).toBe(1);
  });

  it('reads an input computed from the history as its value', async () => {
    const fake = useFake();
    const { sheetName } = await writeSheetPlan(scenarioPlan(inputs, { history: [1, 2, 3] }));
    const sheet = cellsOf(fake, sheetName);
    // This fake does not evaluate formulas: set what Excel would calculate for the two history formulas.
    const computed = { expectedMonthlyHours: 2, monthlyVariability: 0.5 };
    for (const [name, value] of [['expected_monthly_hours', computed.expectedMonthlyHours], ['monthly_variability', computed.monthlyVariability]] as const) {
      const cell = sheet.cells.get(nameAddress(sheet, name));
      expect(cell?.formula).toMatch(/^=.*history/);
      if (cell) cell.value = value;
    }
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'scenario', offer: 'block', sheetName, inputs: { ...inputs, ...computed } });
  });

  it.each([
    ['lacks the name of one input', (sheet: ReturnType<typeof cellsOf>) => sheet.names.splice(sheet.names.findIndex((n) => n.name === 'block_price'), 1)],
    ['holds text in one input', (sheet: ReturnType<typeof cellsOf>) => sheet.cells.set(nameAddress(sheet, 'expected_monthly_hours'), { formula: 'three', numberFormat: 'General' })],
    ['holds nothing in one input', (sheet: ReturnType<typeof cellsOf>) => sheet.cells.delete(nameAddress(sheet, 'annual_discount_rate'))],
  ])('is not a scenario sheet when it %s', async (_what, spoil) => {
    const fake = useFake();
    const { sheetName } = await writeSheetPlan(scenarioPlan(inputs));
    spoil(cellsOf(fake, sheetName));
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'notAScenario', sheetName });
  });

  const COMMON = { hourlyRate: 150, expectedMonthlyHours: 8, monthlyVariability: 0.5, disruptionCostPerHour: 40, monthlyFee: 1500, coveredShare: 0.9, incidentReduction: 0.2, annualDiscountRate: 0.06 };
  const offerScenario = (kind: 'topUp' | 'retainer', raw: Record<string, number>): Scenario => {
    const result = checkOfferScenario(kind, raw);
    if (!result.ok) throw new Error(result.problem.message);
    return result.value;
  };
  it.each([
    ['a top-up block', offerScenario('topUp', { ...COMMON, blockHours: 24, blockPrice: 3300, termMonths: 12 })],
    ['a monthly retainer', offerScenario('retainer', { ...COMMON, retainerHours: 8, retainerPrice: 1050, rolloverCap: 0.4, termMonths: 12, overageRate: 160 })],
  ])('reads the sheet of %s back as that offer, exactly, in one sync', async (_offer, scenario) => {
    const fake = useFake();
    const { sheetName } = await writeSheetPlan(offerScenarioPlan(scenario));
    fake.insertRows(sheetName, 2, 1);
    const before = fake.syncCount;
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'scenario', offer: scenario.kind, sheetName, inputs: scenario.inputs });
    expect(fake.syncCount - before).toBe(1);
  });

  it('is not a scenario sheet when a retainer sheet lacks one of its inputs', async () => {
    const fake = useFake();
    const scenario = offerScenario('retainer', { ...COMMON, retainerHours: 8, retainerPrice: 1050, rolloverCap: 0.4, termMonths: 12, overageRate: 160 });
    const { sheetName } = await writeSheetPlan(offerScenarioPlan(scenario));
    const sheet = cellsOf(fake, sheetName);
    sheet.names.splice(sheet.names.findIndex((n) => n.name === 'rollover_cap'), 1);
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'notAScenario', sheetName });
  });

  it('says when the active sheet is not a scenario sheet', async () => {
    useFake({ sheets: { Budget: { A1: 'Budget 2027', A5: 'Hourly rate', B5: 100 } }, activeSheet: 'Budget' });
    expect(await readScenarioFromActiveSheet()).toEqual({ kind: 'notAScenario', sheetName: 'Budget' });
  });

  it('reads the selected cells for the history estimate', async () => {
    useFake({ sheets: { History: { B2: 10, B3: 14, B4: '' } }, activeSheet: 'History', selection: 'B2:B4' });
    expect(await readSelectedValues()).toEqual([[10], [14], ['']]);
  });
});

describe('what the writer sets on each range, and nothing more', () => {
  it('sets each style exactly as CELL_STYLES declares it: only the properties the style names, on the style\'s range', async () => {
    const fake = useFake();
    const plan = trackerPlan(TRACKER);
    await writeSheetPlan(plan);
    const expected = plan.styles.flatMap(({ style, range }) => {
      const spec = CELL_STYLES[style];
      return [
        ...(spec.bold === undefined ? [] : [`font.bold=${JSON.stringify(spec.bold)}`]),
        ...(spec.italic === undefined ? [] : [`font.italic=${JSON.stringify(spec.italic)}`]),
        ...(spec.color === undefined ? [] : [`font.color=${JSON.stringify(spec.color)}`]),
        ...(spec.fill === undefined ? [] : [`fill.color=${JSON.stringify(spec.fill)}`]),
        ...(spec.size === undefined ? [] : [`font.size=${JSON.stringify(spec.size)}`]),
      ].map((setting) => `format ${TRACKER_SHEET_NAME}!${range} ${setting}`);
    });
    // Every kind of setting occurs, so that a setter the writer skipped would be missed.
    for (const setting of ['font.bold=true', 'font.italic=true', 'font.color=', 'fill.color=', 'font.size=']) {
      expect(expected.some((line) => line.includes(` ${setting}`))).toBe(true);
    }
    // Then each text block, merged: wrapped, top-aligned, its row as tall as its lines.
    const blocks = (plan.textBlocks ?? []).flatMap((block) =>
      ['wrapText=true', 'verticalAlignment="Top"', `rowHeight=${block.lines * LINE_HEIGHT}`].map((setting) => `format ${TRACKER_SHEET_NAME}!${block.range} ${setting}`),
    );
    expect(blocks.length).toBeGreaterThan(0);
    expect(fake.log.filter((line) => line.startsWith('format '))).toEqual([...expected, ...blocks]);
    expect(fake.log.filter((line) => line.startsWith('merge '))).toEqual((plan.textBlocks ?? []).map((block) => `merge ${TRACKER_SHEET_NAME}!${block.range}`));
  });

  it('prints the sheet one page wide, landscape when it is wide, its cells only', async () => {
    const fake = useFake();
    const plan = trackerPlan(TRACKER);
    const { sheetName } = await writeSheetPlan(plan);
    expect(plan.print?.orientation).toBe('landscape');
    expect(cellsOf(fake, sheetName).pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: planExtent(plan), leftMargin: 18, rightMargin: 18 });
    // A host without page layout (before ExcelApi 1.9) still gets the sheet, printed its own way.
    const older = useFake({}, '1.8');
    const written = await writeSheetPlan(plan);
    expect(cellsOf(older, written.sheetName).pageLayout).toEqual({});
  });

  it('sets every column width the plan gives, by column letter, and puts the chart\'s legend at the bottom', async () => {
    const fake = useFake();
    const plan = scenarioPlan(inputs);
    await writeSheetPlan(plan);
    const sheet = cellsOf(fake, 'IT cost scenario');
    expect(plan.columnWidths.length).toBeGreaterThanOrEqual(3);
    expect([...sheet.columnWidths.entries()]).toEqual(plan.columnWidths.map((width, index) => [String.fromCharCode(65 + index), width]));
    expect(fake.log).toContain('chart.legend=Bottom');
  });

  it('freezes no rows when the plan freezes none', async () => {
    const fake = useFake();
    await writeSheetPlan({ ...scenarioPlan(inputs), frozenRows: 0 });
    expect(fake.log.some((line) => line.startsWith('freezeRows'))).toBe(false);
  });
});

describe('the words for a failed write', () => {
  it('ends the reason with one full stop, whether or not it had one, and names every sheet that may be left', () => {
    expect(describeWriteFailure(new Error('The sheet is protected.'))).toBe('The sheet is protected.');
    expect(describeWriteFailure('Offline')).toBe('Offline.');
    expect(describeWriteFailure(new SheetWriteFailed(new Error('Busy.'), []))).toBe('Busy. Nothing was left behind in the workbook.');
    expect(describeWriteFailure(new SheetWriteFailed(new Error('Busy'), ['Quotes']))).toBe(
      'Busy. A partly written sheet named "Quotes" may be left in the workbook; you can delete it.',
    );
    expect(describeWriteFailure(new SheetWriteFailed(new Error('Busy'), ['Quotes', 'Sheet4', 'Sheet5']))).toBe(
      'Busy. A partly written sheet named "Quotes" (or "Sheet4" or "Sheet5") may be left in the workbook; you can delete it.',
    );
  });

  it('is a SheetWriteFailed by name, carrying the original error', () => {
    const original = new Error('Busy');
    const failed = new SheetWriteFailed(original, []);
    expect(failed.name).toBe('SheetWriteFailed');
    expect(failed.original).toBe(original);
  });
});
