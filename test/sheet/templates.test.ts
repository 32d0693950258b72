import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { expiryForecast, meanAndSampleDeviation } from '../../src/model';
import { cellAddress, conditionalRules, LINE_HEIGHT, planExtent, rangeAddresses } from '../../src/sheet/plan';
import { MONEY } from '../../src/sheet/formats';
import { CHANCE_FORMAT } from '../../src/sheet/chance';
import { TEMPLATES } from '../../src/sheet/templates';
import { validationRule } from '../../src/sheet/validation';
import { EXCEL_FUTURE_FUNCTIONS, fromFileFormula, toFileFormula } from '../../src/sheet/file-formula';
import { templateWorkbook } from '../../tools/build-templates';
import { DIST } from '../support/dist';
// Registers the ITCOST functions with HyperFormula, through the same adapters Excel calls.
import '../../tools/formula-engine';

interface LoadedTemplate {
  hf: HyperFormula;
  sheet: number;
  cached: Map<string, unknown>;
  formulas: Map<string, string>;
  names: Array<{ name: string; localSheetId: string | undefined; ref: string }>;
  worksheet: ExcelJS.Worksheet;
}

/** exceljs reads date-formatted numbers as Dates; the sheet holds Excel serial numbers (days since 1899-12-30). */
function serial(value: unknown): unknown {
  return value instanceof Date ? (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : value;
}

function decode(xml: string): string {
  return xml.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Opens a built template with exceljs and loads it into HyperFormula: its cells, formulas and sheet-scoped names. */
async function openTemplate(file: string): Promise<LoadedTemplate> {
  const bytes = fs.readFileSync(path.join(DIST, 'templates', file));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  const xml = (await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')?.async('string')) ?? '';
  // The plan's names; Excel's own (_xlnm.Print_Area) are checked apart.
  const names = [...xml.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?>([^<]+)<\/definedName>/g)]
    .map((m) => ({ name: m[1], localSheetId: m[2], ref: decode(m[3]) }))
    .filter((n) => !n.name.startsWith('_xlnm.'));

  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', language: 'enGB', smartRounding: false });
  const sheetName = hf.addSheet(worksheet.name);
  const sheet = hf.getSheetId(sheetName) as number;
  hf.suspendEvaluation();
  for (const n of names) hf.addNamedExpression(n.name, `=${n.ref}`, n.localSheetId === undefined ? undefined : sheet);
  const cached = new Map<string, unknown>();
  const formulas = new Map<string, string>();
  const arrayFollowers = new Set<string>();
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
      if (value && typeof value === 'object' && 'formula' in value && value.shareType === 'array' && value.ref) {
        for (const follower of rangeAddresses(value.ref).slice(1)) arrayFollowers.add(follower);
      }
    }),
  );
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      // exceljs gives the cells a merge covers its first cell's value; the file holds them empty.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const address = { sheet, row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      const value = cell.value as ExcelJS.CellValue;
      if (value && typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') {
        formulas.set(cell.address, value.formula);
        cached.set(cell.address, serial(value.result));
        hf.setCellContents(address, fromFileFormula(value.formula));
      } else if (arrayFollowers.has(cell.address)) {
        cached.set(cell.address, serial(value));
      } else if (value !== null && value !== undefined) {
        hf.setCellContents(address, serial(value) as string | number);
      }
    }),
  );
  hf.resumeEvaluation();
  return { hf, sheet, cached, formulas, names, worksheet };
}

function valueAt(t: LoadedTemplate, address: string): unknown {
  const cell = t.worksheet.getCell(address);
  return t.hf.getCellValue({ sheet: t.sheet, row: Number(cell.row) - 1, col: Number(cell.col) - 1 });
}

describe('formulas as files store them', () => {
  it('writes ITCOST calls as _xldudf_ITCOST_ in files, and reads them back', () => {
    const formula = '=IF(x>0,ITCOST.BREAKEVEN(a,b,c),ITCOST.RECOMMEND(1,2,3,4,5))';
    expect(toFileFormula(formula)).toBe('IF(x>0,_xldudf_ITCOST_BREAKEVEN(a,b,c),_xldudf_ITCOST_RECOMMEND(1,2,3,4,5))');
    expect(fromFileFormula(toFileFormula(formula))).toBe(formula);
  });

  it.each([
    ['=IF(n<2,0,STDEV.S(log)/ITCOST.BREAKEVEN(a,b,c))', 'IF(n<2,0,_xlfn.STDEV.S(log)/_xldudf_ITCOST_BREAKEVEN(a,b,c))'],
    ['=SORT(FILTER(A1:A9,A1:A9>0))', '_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A9,A1:A9>0))'],
    ['=IFERROR(XLOOKUP(a,b,c),stdev.s(d))', 'IFERROR(_xlfn.XLOOKUP(a,b,c),_xlfn.stdev.s(d))'],
    // Text that mentions a function, and names that merely contain one, stay as typed.
    ['="use STDEV.S(x) or ""IFS(""&A1&"")"""&CONCATENATE(A1,A2)', '"use STDEV.S(x) or ""IFS(""&A1&"")"""&CONCATENATE(A1,A2)'],
    ["=SUM('IFS(1)'!A1)+my_IFS(2)+A1", "SUM('IFS(1)'!A1)+my_IFS(2)+A1"],
  ])('prefixes functions newer than Excel 2007 with _xlfn. in files: %s', (formula, stored) => {
    expect(toFileFormula(formula)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(formula);
  });
});

/**
 * Functions of Excel 2007's own set (ISO/IEC 29500-1 §18.17.7, no prefix in a file) that the
 * templates may use. A function neither here nor stored with a prefix fails the scan below: check
 * when it came into Excel before adding it here.
 */
const EXCEL_2007_FUNCTIONS = new Set([
  'ABS', 'AND', 'AVERAGE', 'AVERAGEIF', 'CEILING', 'CHOOSE', 'COLUMN', 'COLUMNS', 'CONCATENATE', 'COUNT', 'COUNTA', 'COUNTIF', 'COUNTIFS',
  'DATE', 'EDATE', 'EOMONTH', 'FLOOR', 'IF', 'IFERROR', 'INDEX', 'ISBLANK', 'ISERROR', 'ISNUMBER', 'LARGE', 'LEN', 'MATCH', 'MAX', 'MIN',
  'NA', 'NOT', 'OR', 'PV', 'ROUND', 'ROUNDDOWN', 'ROUNDUP', 'ROW', 'ROWS', 'SMALL', 'SQRT', 'STDEV', 'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT',
  'TEXT', 'VLOOKUP',
]);

/** Every formula stored in a built .xlsx: cells' <f> and conditional formats' <formula>, as the XML holds them. */
async function storedFormulas(file: string): Promise<Array<{ where: string; formula: string }>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'templates', file)));
  const found: Array<{ where: string; formula: string }> = [];
  for (const part of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    for (const m of xml.matchAll(/<(f|formula)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) found.push({ where: `${file} ${part}`, formula: decode(m[2]) });
  }
  return found;
}

/** The functions a stored formula calls, outside its string literals and quoted sheet names. */
function calledFunctions(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  return [...bare.matchAll(/(?<![A-Za-z0-9_.$])([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1]);
}

describe('every built template (.xlsx)', () => {
  const files = fs.existsSync(path.join(DIST, 'templates')) ? fs.readdirSync(path.join(DIST, 'templates')).filter((f) => f.endsWith('.xlsx')) : [];

  it('is one of the templates', () => {
    expect(files.sort()).toEqual(TEMPLATES.map((t) => t.file).sort());
  });

  it.each(files.map((f) => [f]))('stores every function newer than Excel 2007 with its _xlfn. prefix: %s', async (file) => {
    const formulas = await storedFormulas(file);
    expect(formulas.length).toBeGreaterThan(10);
    const future = new Set(EXCEL_FUTURE_FUNCTIONS);
    const wrong: string[] = [];
    for (const { where, formula } of formulas) {
      for (const name of calledFunctions(formula)) {
        const prefixed = /^_xlfn\.(?:_xlws\.)?(.+)$/.exec(name);
        if (/^_xldudf_ITCOST_[A-Z]+$/.test(name)) continue; // an add-in call, as Excel records it
        if (prefixed ? !future.has(prefixed[1].toUpperCase()) : !EXCEL_2007_FUNCTIONS.has(name.toUpperCase())) wrong.push(`${name} in ${where}: ${formula}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds the prefixed STDEV.S where the templates estimate variability from a log', async () => {
    for (const id of ['options', 'tracker'] as const) {
      const file = TEMPLATES.find((t) => t.id === id)?.file ?? '';
      const formulas = (await storedFormulas(file)).map((f) => f.formula);
      expect(formulas.some((f) => f.includes('_xlfn.STDEV.S('))).toBe(true);
    }
  });
});

describe.each(TEMPLATES.map((t) => [t.title, t] as const))('the %s template (.xlsx)', (_title, template) => {
  let loaded: LoadedTemplate;
  beforeAll(async () => {
    loaded = await openTemplate(template.file);
  });

  it('stores ITCOST calls the way Excel records add-in functions, _xldudf_ITCOST_…', () => {
    const itcost = [...loaded.formulas.values()].filter((f) => /ITCOST/i.test(f));
    expect(itcost.length).toBeGreaterThan(0);
    for (const formula of itcost) expect(formula).not.toMatch(/ITCOST\./);
    for (const formula of itcost) expect(formula).toMatch(/_xldudf_ITCOST_[A-Z]+\(/);
  });

  it('evaluates every formula without an error, to its cached value (1e-9 relative)', () => {
    expect(loaded.cached.size).toBeGreaterThan(10);
    for (const [address, expected] of loaded.cached) {
      const actual = valueAt(loaded, address);
      expect({ address, error: actual instanceof DetailedCellError ? `${actual.value} ${actual.message}` : undefined }).toEqual({ address, error: undefined });
      if (typeof expected === 'number') {
        expect(typeof actual).toBe('number');
        expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      } else if (expected !== undefined && expected !== null && expected !== '') {
        expect({ address, value: actual }).toEqual({ address, value: expected });
      }
    }
  });

  it('keeps every value where the add-in is missing: no array formula, a cached value in every formula cell', async () => {
    const sheetXml = (await (await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'templates', template.file)))).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const cells = [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)].filter((m) => (m[2] ?? '').includes('<f'));
    expect(cells.length).toBe(loaded.formulas.size);
    for (const [, address, content] of cells) {
      expect({ address, array: content.includes('t="array"'), cached: /<\/f><v>/.test(content) }).toEqual({ address, array: false, cached: true });
    }
  });

  it('prints one page wide on a landscape page, its cells only, with the font named and long text wrapped', async () => {
    const plan = template.plan();
    const bytes = fs.readFileSync(path.join(DIST, 'templates', template.file));
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const stylesXml = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheetXml).toMatch(/<pageSetup orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/);
    const extent = `$A$1:$${planExtent(plan).split(':')[1].replace(/(\d+)/, '$$$1')}`;
    expect(decode(workbookXml)).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'${plan.name}'!${extent}</definedName>`);
    // Every font names its face, so no application falls back to a serif one.
    const fontList = /<fonts[^>]*>(.*?)<\/fonts>/s.exec(stylesXml)?.[1] ?? '';
    const fonts = [...fontList.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) expect(font).toContain('<name val="Calibri"/>');
    // The notes are merged across the sheet and wrapped, their rows tall enough.
    expect(plan.textBlocks?.length).toBeGreaterThan(1);
    for (const block of plan.textBlocks ?? []) {
      expect(sheetXml).toContain(`<mergeCell ref="${block.range}"/>`);
      const first = loaded.worksheet.getCell(block.range.split(':')[0]);
      expect(first.alignment).toEqual({ wrapText: true, vertical: 'top' });
      expect(loaded.worksheet.getRow(Number(first.row)).height).toBe(block.lines * LINE_HEIGHT);
    }
  });

  it('shows money in the reader\'s currency (Excel\'s built-in currency format), negatives in red', async () => {
    const plan = template.plan();
    const money = plan.cells.flatMap((row, r) => row.flatMap((cell, c) => (cell?.numberFormat === MONEY ? [cellAddress(r, c)] : [])));
    expect(money.length).toBeGreaterThan(0);
    const stylesXml = (await (await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'templates', template.file)))).file('xl/styles.xml')?.async('string')) ?? '';
    expect(stylesXml).not.toContain('formatCode="#,##0.00;[Red]-#,##0.00"');
    const sheetXml = (await (await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'templates', template.file)))).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const cellXfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(stylesXml)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    for (const address of money) {
      const style = new RegExp(`<c r="${address}" s="(\\d+)"`).exec(sheetXml)?.[1];
      expect({ address, numFmtId: style === undefined ? undefined : cellXfs[Number(style)] }).toEqual({ address, numFmtId: '8' });
    }
  });

  it('has its defined names, scoped to the sheet', () => {
    const plan = template.plan();
    expect(loaded.names.map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
    for (const n of loaded.names) expect(n.localSheetId).toBe('0');
  });

  it('validates its input cells, as the limit tables say', () => {
    const plan = template.plan();
    expect(plan.validations?.length).toBeGreaterThan(2);
    for (const validation of plan.validations ?? []) {
      const first = validation.range.split(':')[0];
      const stored = loaded.worksheet.getCell(first).dataValidation;
      expect({ at: first, type: stored?.type, error: stored?.error }).toEqual({ at: first, type: validationRule(validation).kind, error: validation.message });
    }
    const shares = (plan.validations ?? []).filter((v) => v.kind === 'number' && v.bounds.atMost === 1);
    // The trackers have no share bounded by 100% (a rollover cap may exceed a month's hours).
    if (!template.id.includes('tracker')) expect(shares.length).toBeGreaterThan(0);
  });

  it('stores the chance format on every chance cell, and every conditional format in priority order', async () => {
    const plan = template.plan();
    const chanceCells = plan.cells.flatMap((row, r) => row.flatMap((cell, c) => (cell?.numberFormat === CHANCE_FORMAT ? [cellAddress(r, c)] : [])));
    // Every template but the retainer tracker (expected hours only) shows a chance.
    expect(chanceCells.length > 0).toBe(template.id !== 'retainer-tracker');
    for (const address of chanceCells) expect({ address, numFmt: loaded.worksheet.getCell(address).numFmt }).toEqual({ address, numFmt: CHANCE_FORMAT });

    // As the builder writes the file now, not as the last build left it in dist/.
    const zip = await JSZip.loadAsync(await templateWorkbook(plan));
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const stylesXml = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
    const dxfs = [...(/<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(stylesXml)?.[1] ?? '').matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map((m) => m[1]);
    const stored = [...sheetXml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)].flatMap(([, range, body]) =>
      [...body.matchAll(/<cfRule([^>]*)>\s*<formula>([^<]*)<\/formula>/g)].map(([, attributes, formula]) => {
        const dxf = dxfs[Number(/dxfId="(\d+)"/.exec(attributes)?.[1])] ?? '';
        const numberFormat = /<numFmt [^>]*formatCode="([^"]*)"/.exec(dxf)?.[1];
        return {
          priority: Number(/priority="(\d+)"/.exec(attributes)?.[1]),
          rule: { range, formula: decode(formula), warning: dxf.includes('<fill>'), ...(numberFormat === undefined ? {} : { numberFormat: decode(numberFormat) }) },
        };
      }),
    );
    const expected = conditionalRules(plan).map((rule) => ({ ...rule, formula: toFileFormula(rule.formula) }));
    // In priority order, and written in that order too: LibreOffice tries them in the order it reads them.
    expect(stored.map((s) => s.priority)).toEqual(expected.map((_, i) => i + 1));
    expect(stored.map((s) => s.rule)).toEqual(expected);
  });

  it('freezes its heading row and stores no chart', async () => {
    expect(loaded.worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'templates', template.file)));
    expect(Object.keys(zip.files).filter((f) => f.includes('chart') || f.includes('drawing'))).toEqual([]);
  });
});

describe('the block-hours tracker', () => {
  it('changes its expiry forecast as the model says when a month of use is added', async () => {
    const tracker = await openTemplate('block-hours-tracker.xlsx');
    const plan = TEMPLATES.find((t) => t.id === 'tracker')?.plan();
    const at = (name: string) => {
      const n = plan?.names.find((x) => x.name === name);
      if (!n) throw new Error(name);
      return { sheet: tracker.sheet, row: n.row, col: n.column };
    };
    const logged = [3.5, 2, 4.25, 1.5, 3, 2.5, 3.75];
    const before = tracker.hf.getCellValue(at('forecast_unused'));
    const logStart = at('monthly_log');
    tracker.hf.setCellContents({ ...logStart, row: logStart.row + logged.length }, 6);
    const after = tracker.hf.getCellValue(at('forecast_unused')) as number;
    const months = [...logged, 6];
    const { mean, deviation } = meanAndSampleDeviation(months);
    const model = expiryForecast({ hoursUsed: months.reduce((a, b) => a + b, 0), monthsElapsed: 8, blockHours: 40, termMonths: 12, monthlyVariability: deviation / mean });
    if (!model.ok) throw new Error(model.problem.message);
    expect(after).toBeCloseTo(model.value, 9);
    expect(after).not.toBeCloseTo(before as number, 3);
  });
});

