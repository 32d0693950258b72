import JSZip from 'jszip';
import { HyperFormula } from 'hyperformula';
import type { ArgumentLimit } from '../../src/model';
import { writeSheetPlan } from '../../src/excel/write-plan';
import type { PlanValidation, SheetPlan } from '../../src/sheet/plan';
import { validationFromLimit, validationRule } from '../../src/sheet/validation';
import { templateWorkbook } from '../../tools/build-templates';
import { createFakeExcel } from '../support/fake-excel';

const limit = (bounds: Omit<ArgumentLimit, 'excelName' | 'unit'>): ArgumentLimit => ({ excelName: 'x', unit: 'units', ...bounds });

/**
 * Every shape of bounds, each on its own range: what the one translation makes of it, what
 * Excel's API is given, and what the file holds (type, operator, formulas; the file format's
 * operator is "between" when none is written).
 */
const CASES: ReadonlyArray<{
  readonly what: string;
  readonly validation: PlanValidation;
  readonly excel: Excel.DataValidationRule;
  readonly file: { readonly type: string; readonly operator?: string; readonly formulae: readonly string[] };
}> = [
  {
    what: 'an inclusive minimum',
    validation: validationFromLimit('B1', limit({ atLeast: 0 }), 'Hours'),
    excel: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
    file: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: ['0'] },
  },
  {
    what: 'an exclusive minimum',
    validation: validationFromLimit('B2', limit({ greaterThan: 0 }), 'Rate'),
    excel: { decimal: { formula1: 0, operator: 'GreaterThan' } },
    file: { type: 'decimal', operator: 'greaterThan', formulae: ['0'] },
  },
  {
    what: 'an inclusive maximum alone',
    validation: validationFromLimit('B3', limit({ atMost: 10 }), 'Share'),
    excel: { decimal: { formula1: 10, operator: 'LessThanOrEqualTo' } },
    file: { type: 'decimal', operator: 'lessThanOrEqual', formulae: ['10'] },
  },
  {
    what: 'an exclusive maximum alone',
    validation: validationFromLimit('B4', limit({ lessThan: 5 }), 'Count'),
    excel: { decimal: { formula1: 5, operator: 'LessThan' } },
    file: { type: 'decimal', operator: 'lessThan', formulae: ['5'] },
  },
  {
    what: 'an inclusive minimum and maximum',
    validation: validationFromLimit('B5:C5', limit({ atLeast: 0, atMost: 1, percent: true }), 'Share'),
    excel: { decimal: { formula1: 0, formula2: 1, operator: 'Between' } },
    file: { type: 'decimal', operator: 'between', formulae: ['0', '1'] },
  },
  {
    what: 'an exclusive minimum and a maximum',
    validation: validationFromLimit('B6:C7', limit({ greaterThan: 0, atMost: 1 }), 'Share'),
    excel: { custom: { formula: '=AND(ISNUMBER(B6),B6>0,B6<=1)' } },
    file: { type: 'custom', formulae: ['AND(ISNUMBER(B6),B6>0,B6<=1)'] },
  },
  {
    what: 'whole numbers from a minimum',
    validation: validationFromLimit('B8', limit({ atLeast: 1, wholeNumber: true }), 'Months'),
    excel: { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } },
    file: { type: 'whole', operator: 'greaterThanOrEqual', formulae: ['1'] },
  },
  {
    what: 'a list',
    validation: { range: 'B9:C9', kind: 'list', options: ['hourly', 'block', 'managed'], message: 'Type must be hourly, block or managed.' },
    excel: { list: { inCellDropDown: true, source: 'hourly,block,managed' } },
    file: { type: 'list', formulae: ['"hourly,block,managed"'] },
  },
];

const PLAN: SheetPlan = {
  name: 'Validated',
  cells: Array.from({ length: 9 }, (_, r) => [{ value: `row ${r + 1}` }, { value: 1 }, { value: 1 }]),
  names: [],
  styles: [],
  columnWidths: [100, 100, 100],
  frozenRows: 0,
  validations: CASES.map((c) => c.validation),
};

describe('a validation rule, translated once', () => {
  it.each([
    ['greater than 0', { greaterThan: 0 }, { kind: 'decimal', operator: 'greaterThan', formula1: 0 }],
    ['at least 0', { atLeast: 0 }, { kind: 'decimal', operator: 'greaterThanOrEqual', formula1: 0 }],
    ['less than 5', { lessThan: 5 }, { kind: 'decimal', operator: 'lessThan', formula1: 5 }],
    ['at most 10', { atMost: 10 }, { kind: 'decimal', operator: 'lessThanOrEqual', formula1: 10 }],
    ['from 0 to 1', { atLeast: 0, atMost: 1 }, { kind: 'decimal', operator: 'between', formula1: 0, formula2: 1 }],
    ['a whole number, at least 1', { atLeast: 1, wholeNumber: true }, { kind: 'whole', operator: 'greaterThanOrEqual', formula1: 1 }],
    ['greater than 0 and at most 1', { greaterThan: 0, atMost: 1 }, { kind: 'custom', formula: '=AND(ISNUMBER($B$2),$B$2>0,$B$2<=1)' }],
    ['at least 0 and less than 1', { atLeast: 0, lessThan: 1 }, { kind: 'custom', formula: '=AND(ISNUMBER($B$2),$B$2>=0,$B$2<1)' }],
    ['a whole number greater than 0 and less than 10', { greaterThan: 0, lessThan: 10, wholeNumber: true }, { kind: 'custom', formula: '=AND(ISNUMBER($B$2),INT($B$2)=$B$2,$B$2>0,$B$2<10)' }],
    ['any number', {}, { kind: 'custom', formula: '=AND(ISNUMBER($B$2))' }],
  ])('states "%s" with one operator where one can, else as a custom formula', (_words, bounds, expected) => {
    const rule = validationRule({ range: 'B2:C3', kind: 'number', bounds, message: 'm' });
    const relative = 'formula' in expected ? { ...expected, formula: expected.formula.replace(/\$/g, '') } : expected;
    expect(rule).toEqual({ range: 'B2:C3', message: 'm', ...relative });
  });

  it('words its message with the model\'s limitInWords', () => {
    expect(validationFromLimit('B1', limit({ atLeast: 0, atMost: 1, percent: true }), 'Covered share').message).toBe('Covered share must be from 0% to 100%.');
  });

  it.each([
    [-1, false],
    [0, false],
    [0.5, true],
    [1, true],
    [1.5, false],
    ['text', false],
  ])('a custom formula for an exclusive minimum and a maximum accepts %p: %p', (value, accepted) => {
    const rule = validationRule({ range: 'A1', kind: 'number', bounds: { greaterThan: 0, atMost: 1 }, message: 'm' });
    if (rule.kind !== 'custom') throw new Error(`expected a custom rule, got ${rule.kind}`);
    const hf = HyperFormula.buildFromArray([[value]], { licenseKey: 'gpl-v3' });
    try {
      expect(hf.calculateFormula(rule.formula, 0)).toBe(accepted);
    } finally {
      hf.destroy();
    }
  });
});

describe('Excel receives each validation rule', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const fake = createFakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.Excel;
    await writeSheetPlan(PLAN);
    const received = fake.sheets.find((s) => s.name === PLAN.name)?.validations.find((v) => v.range === c.validation.range);
    expect(received).toEqual({
      range: c.validation.range,
      rule: c.excel,
      errorAlert: { message: c.validation.message, showAlert: true, style: 'Stop', title: 'ITCost' },
    });
  });
});

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The data validations a written .xlsx holds, by range, from its sheet XML. */
async function storedValidations(bytes: Buffer) {
  const xml = (await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map(([, attributes, body]) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
    const type = attribute('type') ?? 'none';
    const numeric = type === 'decimal' || type === 'whole';
    const formulae = [...body.matchAll(/<formula\d>([^<]*)<\/formula\d>/g)].map((m) => decodeXml(m[1]));
    return {
      range: attribute('sqref'),
      file: { type, ...(numeric ? { operator: attribute('operator') ?? 'between' } : {}), formulae },
      error: attribute('error'),
    };
  });
}

describe('the .xlsx file holds each validation rule', () => {
  let stored: Awaited<ReturnType<typeof storedValidations>>;
  beforeAll(async () => {
    stored = await storedValidations(await templateWorkbook(PLAN));
  });

  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    expect(stored.find((v) => v.range === c.validation.range)).toEqual({ range: c.validation.range, file: c.file, error: c.validation.message });
  });

  it('holds one entry for each validation, over its whole range', () => {
    expect(stored.map((v) => v.range).sort()).toEqual(CASES.map((c) => c.validation.range).sort());
  });
});
