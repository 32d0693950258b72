/**
 * `npm run build` step: writes each template's sheet plan to dist/templates/*.xlsx with exceljs.
 * Every formula carries the value the model computes (through the formula engine, with the ITCOST
 * adapters), so a file opened where the add-in is not installed still shows the numbers.
 * Defined names are scoped to the sheet, so inserting a template never clashes with other names.
 * Charts are not stored: Excel on the web refuses insertWorksheetsFromBase64 for sheets with
 * charts, so the task pane adds them after insertion.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DetailedCellError } from 'hyperformula';
import { cellAddress, nameReference, type CellStyle, type SheetPlan } from '../src/sheet/plan';
import { TEMPLATES } from '../src/sheet/templates';
import { loadPlan, toFileFormula } from './formula-engine';

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16 } },
  note: { font: { italic: true, color: { argb: 'FF616161' } } },
  heading: { font: { bold: true, size: 12 } },
  columnHeader: { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBF3FC' } } },
  input: { font: { color: { argb: 'FF0F6CBD' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } } },
  result: { font: { bold: true } },
};

/** Every A1 address in a range like "B5:C7". */
function addresses(range: string): string[] {
  const [from, to = from] = range.split(':').map((a) => {
    const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(a) as RegExpExecArray;
    return { column: match[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(match[2]) - 1 };
  });
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r += 1) for (let c = from.column; c <= to.column; c += 1) out.push(cellAddress(r, c));
  return out;
}

function cached(value: unknown): ExcelJS.CellFormulaValue['result'] {
  if (value instanceof DetailedCellError) return { error: value.value as ExcelJS.CellErrorValue['error'] };
  if (value === null || value === undefined) return undefined;
  return value as number | string | boolean;
}

export async function templateWorkbook(plan: SheetPlan): Promise<Buffer> {
  const { hf, sheet } = loadPlan(plan);
  const values = hf.getSheetValues(sheet);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ITCost';
  const ws = workbook.addWorksheet(plan.name, { views: [{ state: 'frozen', ySplit: plan.frozenRows }] });
  plan.columnWidths.forEach((points, i) => (ws.getColumn(i + 1).width = Math.round((points / 7) * 10) / 10));

  const spilled = new Set<string>();
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const address = cellAddress(r, c);
      const target = ws.getCell(address);
      if (cell.formula) {
        if (cell.spill) {
          const ref = `${address}:${cellAddress(r + cell.spill.rows - 1, c + cell.spill.columns - 1)}`;
          target.value = { formula: toFileFormula(cell.formula), result: cached(values[r]?.[c]), shareType: 'array', ref } as ExcelJS.CellValue;
          // The other cells of an array formula hold only their cached values.
          for (const other of addresses(ref).slice(1)) {
            spilled.add(other);
            const [rr, cc] = [Number(/\d+/.exec(other)?.[0]) - 1, other.charCodeAt(0) - 65];
            ws.getCell(other).value = cached(values[rr]?.[cc]) as ExcelJS.CellValue;
          }
        } else {
          target.value = { formula: toFileFormula(cell.formula), result: cached(values[r]?.[c]) } as ExcelJS.CellValue;
        }
      } else if (cell.value !== undefined && !spilled.has(address)) {
        target.value = cell.value;
      }
      if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
    }),
  );
  for (const { style, range } of plan.styles) for (const address of addresses(range)) Object.assign(ws.getCell(address), STYLES[style]);
  for (const validation of plan.validations ?? []) {
    const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'ITCost', error: validation.message };
    const rule: ExcelJS.DataValidation =
      validation.kind === 'list'
        ? { ...common, type: 'list', formulae: [`"${validation.options.join(',')}"`] }
        : validation.max !== undefined
          ? { ...common, type: 'decimal', operator: 'between', formulae: [validation.min ?? 0, validation.max] }
          : { ...common, type: 'decimal', operator: validation.minExclusive ? 'greaterThan' : 'greaterThanOrEqual', formulae: [validation.min ?? 0] };
    for (const address of addresses(validation.range)) ws.getCell(address).dataValidation = rule;
  }
  for (const format of plan.conditionalFormats ?? []) {
    ws.addConditionalFormatting({
      ref: format.range,
      rules: [{ type: 'expression', priority: 1, formulae: [format.formula.replace(/^=/, '')], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFDE7E9' } }, font: { color: { argb: 'FFB10E1C' } } } }],
    });
  }
  for (const name of plan.names) workbook.definedNames.add(`'${plan.name}'!${nameReference(name)}`, name.name);

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  // exceljs writes workbook-scoped names; scope them to the sheet, as the Excel writer does.
  const zip = await JSZip.loadAsync(written);
  const xml = await zip.file('xl/workbook.xml')?.async('string');
  if (!xml) throw new Error('exceljs wrote no xl/workbook.xml');
  zip.file('xl/workbook.xml', xml.replace(/<definedName name="(?!_xlnm)([^"]+)">/g, '<definedName name="$1" localSheetId="0">'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, '..', 'dist', 'templates');
  fs.mkdirSync(outDir, { recursive: true });
  for (const template of TEMPLATES) {
    const bytes = await templateWorkbook(template.plan());
    fs.writeFileSync(path.join(outDir, template.file), bytes);
    console.log(`wrote dist/templates/${template.file} (${(bytes.length / 1024).toFixed(1)} KB)`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
