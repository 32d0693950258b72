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
import {
  CELL_STYLES,
  LINE_HEIGHT,
  PRINT_MARGINS,
  SHEET_FONT,
  WARNING_STYLE,
  cellAddress,
  conditionalRules,
  cellPosition,
  nameReference,
  planExtent,
  rangeAddresses,
  type CellStyleSpec,
  type SheetPlan,
} from '../src/sheet/plan';
import { MONEY } from '../src/sheet/formats';
import { TEMPLATES } from '../src/sheet/templates';
import { toFileFormula } from '../src/sheet/file-formula';
import { validationRule, type ValidationRule } from '../src/sheet/validation';
import { loadPlan } from './formula-engine';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** A plan's style spec as exceljs cell style. */
function excelStyle(spec: CellStyleSpec): Partial<ExcelJS.Style> {
  // The font is named in every style: a style without a name falls back to LibreOffice's default, a serif face.
  const font: Partial<ExcelJS.Font> = { name: SHEET_FONT.name, family: 2, size: SHEET_FONT.size };
  if (spec.bold !== undefined) font.bold = spec.bold;
  if (spec.italic !== undefined) font.italic = spec.italic;
  if (spec.size !== undefined) font.size = spec.size;
  if (spec.color !== undefined) font.color = { argb: argb(spec.color) };
  return {
    font,
    ...(spec.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } } } : {}),
  };
}

// exceljs keeps a sheet's validations by range in `dataValidations` (lib/doc/worksheet.js), which its types leave out.
declare module 'exceljs' {
  interface Worksheet {
    readonly dataValidations: { add(range: string, validation: DataValidation): void };
  }
}

/** A plan's validation rule as exceljs writes it to the file. */
export function fileValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'ITCost', error: rule.message };
  switch (rule.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [`"${rule.options.join(',')}"`] };
    case 'custom':
      return { ...common, type: 'custom', formulae: [toFileFormula(rule.formula)] };
    case 'decimal':
    case 'whole':
      return { ...common, type: rule.kind, operator: rule.operator, formulae: rule.formula2 === undefined ? [rule.formula1] : [rule.formula1, rule.formula2] };
  }
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
  const styled = new Set(plan.styles.flatMap(({ range }) => rangeAddresses(range)));
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const address = cellAddress(r, c);
      const target = ws.getCell(address);
      if (cell.formula) {
        if (cell.spill) {
          // Not an array formula: an application without the add-in (LibreOffice) recalculates those, showing #NAME? and
          // losing the values when it saves. Each cell takes its own part, INDEX(formula, row, column), with its cached value.
          const ref = `${address}:${cellAddress(r + cell.spill.rows - 1, c + cell.spill.columns - 1)}`;
          for (const part of rangeAddresses(ref)) {
            const position = cellPosition(part);
            if (part !== address) spilled.add(part);
            const formula = `=INDEX(${cell.formula.slice(1)},${position.row - r + 1},${position.column - c + 1})`;
            ws.getCell(part).value = { formula: toFileFormula(formula), result: cached(values[position.row]?.[position.column]) };
          }
        } else {
          target.value = { formula: toFileFormula(cell.formula), result: cached(values[r]?.[c]) };
        }
      } else if (cell.value !== undefined && !spilled.has(address)) {
        target.value = cell.value;
      }
      if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
      if (!styled.has(address)) target.font = { name: SHEET_FONT.name, family: 2, size: SHEET_FONT.size };
    }),
  );
  for (const { style, range } of plan.styles) for (const address of rangeAddresses(range)) Object.assign(ws.getCell(address), excelStyle(CELL_STYLES[style]));
  for (const validation of plan.validations ?? []) {
    const rule = validationRule(validation);
    // One entry for the whole range: a custom formula is written for its top-left cell.
    ws.dataValidations.add(rule.range, fileValidation(rule));
  }
  // In priority order, which is also the order LibreOffice tries them in.
  conditionalRules(plan).forEach((rule, index) => {
    const style: Partial<ExcelJS.Style> = {
      ...(rule.warning ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(WARNING_STYLE.fill as string) } }, font: { color: { argb: argb(WARNING_STYLE.color as string) } } } : {}),
      ...(rule.numberFormat !== undefined ? { numFmt: rule.numberFormat } : {}),
    };
    ws.addConditionalFormatting({ ref: rule.range, rules: [{ type: 'expression', priority: index + 1, formulae: [toFileFormula(rule.formula)], style }] });
  });
  for (const name of plan.names) workbook.definedNames.add(`'${plan.name}'!${nameReference(name)}`, name.name);
  for (const block of plan.textBlocks ?? []) {
    ws.mergeCells(block.range);
    const [first] = block.range.split(':');
    ws.getCell(first).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(cellPosition(first).row + 1).height = block.lines * LINE_HEIGHT;
  }
  if (plan.print) {
    ws.pageSetup = { ...ws.pageSetup, orientation: plan.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: planExtent(plan), margins: PRINT_MARGINS };
  }

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  // exceljs writes workbook-scoped names; scope them to the sheet, as the Excel writer does.
  const zip = await JSZip.loadAsync(written);
  const xml = await zip.file('xl/workbook.xml')?.async('string');
  if (!xml) throw new Error('exceljs wrote no xl/workbook.xml');
  zip.file(
    'xl/workbook.xml',
    xml
      .replace(/<definedName name="(?!_xlnm)([^"]+)">/g, '<definedName name="$1" localSheetId="0">')
      // exceljs writes the print area as $A1:$H61; Excel writes it, and other applications expect it, absolute.
      .replace(/(<definedName name="_xlnm\.Print_Area"[^>]*>[^<]*?)\$([A-Z]+)(\d+):\$([A-Z]+)(\d+)</, '$1$$$2$$$3:$$$4$$$5<'),
  );
  const styles = await zip.file('xl/styles.xml')?.async('string');
  if (!styles) throw new Error('exceljs wrote no xl/styles.xml');
  zip.file('xl/styles.xml', withSystemCurrency(styles));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Money in the reader's own currency: the plans' money format becomes Excel's built-in currency
 * format (number format 8), which Excel and LibreOffice show with the currency of the system the
 * file is opened on ("$1,234.50", "1.234,50 €"), negatives in red. A file cannot name it otherwise:
 * a custom format holds one fixed symbol.
 */
export function withSystemCurrency(styles: string): string {
  const custom = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${MONEY.replace(/[[\]]/g, '\\$&')}"/>`).exec(styles);
  if (!custom) return styles;
  const id = custom[1];
  // Only the formats listed under <numFmts> count; a conditional format's own (under <dxfs>) does not.
  const listed = /<numFmts count="\d+">(.*?)<\/numFmts>/s.exec(styles)?.[1] ?? '';
  const remaining = (listed.match(/<numFmt /g) ?? []).length - 1;
  return styles
    .replace(custom[0], '')
    .replace(/<numFmts count="\d+">/, `<numFmts count="${remaining}">`)
    .replace(/<numFmts count="0"><\/numFmts>/, '')
    .replace(new RegExp(`(<xf [^>]*)numFmtId="${id}"`, 'g'), '$1numFmtId="8"');
}

async function main(): Promise<void> {
  // ITCOST_DIST: another output folder (npm run package builds into its own).
  const outDir = path.resolve(process.env.ITCOST_DIST ?? path.resolve(__dirname, '..', 'dist'), 'templates');
  fs.mkdirSync(outDir, { recursive: true });
  for (const template of TEMPLATES) {
    const bytes = await templateWorkbook(template.plan());
    fs.writeFileSync(path.join(outDir, template.file), bytes);
    console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, template.file))} (${(bytes.length / 1024).toFixed(1)} KB)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
