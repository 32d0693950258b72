/**
 * A sheet plan: a worksheet described as data, with no Office code. One plan feeds the Excel
 * writer (task pane), the .xlsx templates (build) and the formula engine in tests.
 */
import type { ArgumentLimit } from '../model';
import { CHANCE_FORMAT, NEAR_CERTAIN_FORMAT, nearCertainCondition } from './chance';
import { MONEY } from './formats';

/** One cell: a constant or a formula (starting with "="), with an optional number format. */
export interface PlanCell {
  readonly value?: string | number;
  readonly formula?: string;
  readonly numberFormat?: string;
  /** For a formula that returns an array (COMPARE, TERMDEMAND): the rows and columns it fills. */
  readonly spill?: { readonly rows: number; readonly columns: number };
}

export type CellStyle = 'title' | 'note' | 'heading' | 'columnHeader' | 'input' | 'result';

/** How each style looks, declared once for every writer (Excel API, .xlsx, pictures). Colours are #RRGGBB. */
export interface CellStyleSpec {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
}

export const CELL_STYLES: Readonly<Record<CellStyle, CellStyleSpec>> = {
  title: { bold: true, size: 16 },
  note: { italic: true, color: '#616161' },
  heading: { bold: true, size: 12 },
  columnHeader: { bold: true, fill: '#EBF3FC' },
  input: { color: '#0F6CBD', fill: '#FFF9E5' },
  result: { bold: true },
};

/** The look of a cell a conditional format flags. */
export const WARNING_STYLE: CellStyleSpec = { color: '#B10E1C', fill: '#FDE7E9' };

/** A sheet-scoped defined name for a cell, or for a block of cells from there. */
export interface PlanName {
  readonly name: string;
  /** Zero-based row and column of the (top-left) cell. */
  readonly row: number;
  readonly column: number;
  readonly comment: string;
  /** For a range: how many rows and columns (default 1 × 1). */
  readonly rows?: number;
  readonly columns?: number;
}

/**
 * The bounds a number must keep, as the model's limit tables state them (exclusive or inclusive
 * at either end, whole numbers only); a bound left out is open.
 */
export type NumberBounds = Pick<ArgumentLimit, 'greaterThan' | 'atLeast' | 'lessThan' | 'atMost' | 'wholeNumber'>;

/**
 * Data validation on input cells: a number within bounds, or one of a list. Writers state it
 * through `validationRule` (validation.ts), the one translation into operators and formulas.
 */
export type PlanValidation =
  | { readonly range: string; readonly kind: 'number'; readonly bounds: NumberBounds; readonly message: string }
  | { readonly range: string; readonly kind: 'list'; readonly options: readonly string[]; readonly message: string };

/** A conditional format: the range turns to a warning style where the formula is TRUE (written for its top-left cell). */
export interface PlanConditionalFormat {
  readonly range: string;
  readonly formula: string;
}

/**
 * A conditional-format rule as the writers (Excel API, .xlsx) write it: where the formula is TRUE
 * (written for the range's top-left cell), the warning style, a number format, or both.
 */
export interface ConditionalRule {
  readonly range: string;
  readonly formula: string;
  readonly warning: boolean;
  readonly numberFormat?: string;
}

export interface PlanStyle {
  readonly style: CellStyle;
  /** An A1 range on the sheet, e.g. "A4:C4". */
  readonly range: string;
}

/** An XY line chart of a table whose first column is x and the others are series, with headers in its first row. */
export interface PlanChart {
  readonly title: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  /** The table, headers included, as an A1 range. */
  readonly dataRange: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly topLeft: string;
  readonly bottomRight: string;
}

/** Text longer than its cell (a note, the advice, a status): merged across `range`, wrapped, its row `lines` lines tall. */
export interface PlanTextBlock {
  readonly range: string;
  readonly lines: number;
}

/** The font every writer names, so that no application falls back to a serif face. */
export const SHEET_FONT = { name: 'Calibri', size: 11 } as const;

/** The height of one line of {@link SHEET_FONT} text, in points. */
export const LINE_HEIGHT = 15;

/** The widest sheet, in points, that prints legibly on a portrait page one page wide (A4 or Letter, 0.7" margins). */
export const PORTRAIT_WIDTH = 480;

/** An average character of {@link SHEET_FONT}, in points, with room for italics and long words. */
const CHARACTER_WIDTH = 6;

/**
 * The lines a text takes when wrapped in a cell `width` points wide, at least one.
 *
 * @example
 * linesFor('x'.repeat(250), 500)
 * //=> 3
 */
export function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * CHARACTER_WIDTH) / width));
}

/** The margins a sheet prints with, in inches: narrow at the sides, so a wide sheet keeps its text large. */
export const PRINT_MARGINS = { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } as const;

/** The printable width of the narrower landscape page (US Letter, 11"), in points, at {@link PRINT_MARGINS}. */
export const LANDSCAPE_PRINT_WIDTH = 72 * (11 - PRINT_MARGINS.left - PRINT_MARGINS.right);

/** How a sheet prints: its cells (the plan's extent), one page wide, as many pages tall as it takes. */
export interface PlanPrint {
  readonly orientation: 'portrait' | 'landscape';
}

export interface SheetPlan {
  /** The sheet's preferred name; a writer adds " (2)", " (3)"… if it is taken. */
  readonly name: string;
  /** Rows of cells from A1; null is an empty cell. Every row has the same length. */
  readonly cells: readonly (readonly (PlanCell | null)[])[];
  readonly names: readonly PlanName[];
  readonly styles: readonly PlanStyle[];
  /** Column widths in points, from column A. */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top. */
  readonly frozenRows: number;
  readonly chart?: PlanChart;
  readonly validations?: readonly PlanValidation[];
  readonly conditionalFormats?: readonly PlanConditionalFormat[];
  readonly textBlocks?: readonly PlanTextBlock[];
  readonly print?: PlanPrint;
}

/** The A1 range a plan name refers to, e.g. "$B$5" or "$H$5:$H$16". */
export function nameReference(name: PlanName): string {
  const start = cellAddress(name.row, name.column, true);
  const rows = name.rows ?? 1;
  const columns = name.columns ?? 1;
  return rows === 1 && columns === 1 ? start : `${start}:${cellAddress(name.row + rows - 1, name.column + columns - 1, true)}`;
}

/** Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Zero-based row and column of an A1 cell address ("B4", "$B$4", "AA10"). */
export function cellPosition(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`not an A1 cell address: ${address}`);
  const column = match[1].split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** Every cell address in an A1 range ("B5:C7"), row by row; a single cell gives itself. */
export function rangeAddresses(range: string): string[] {
  const [from, to = from] = range.split(':');
  const start = cellPosition(from);
  const end = cellPosition(to);
  const addresses: string[] = [];
  for (let row = start.row; row <= end.row; row += 1) {
    for (let column = start.column; column <= end.column; column += 1) addresses.push(cellAddress(row, column));
  }
  return addresses;
}

/** A1 address of a zero-based row and column; absolute with `$` when asked. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const dollar = absolute ? '$' : '';
  return `${dollar}${columnLetters(column)}${dollar}${row + 1}`;
}

/** The rectangle the plan's cells cover, e.g. "A1:E60". */
export function planExtent(plan: SheetPlan): string {
  const rows = plan.cells.length;
  const columns = plan.cells[0]?.length ?? 1;
  return `A1:${cellAddress(rows - 1, columns - 1)}`;
}

/** What Excel's Range.formulas takes for each cell: a formula, a constant, or "" for empty. */
export function formulasGrid(plan: SheetPlan): (string | number)[][] {
  return plan.cells.map((row) => row.map((cell) => cell?.formula ?? cell?.value ?? ''));
}

/** What Excel's Range.numberFormat takes for each cell. */
export function numberFormatGrid(plan: SheetPlan): string[][] {
  return plan.cells.map((row) => row.map((cell) => cell?.numberFormat ?? 'General'));
}

/**
 * Every conditional-format rule a plan needs, highest priority first: the plan's warnings, and
 * for each chance cell ({@link CHANCE_FORMAT}) the near-certain number format.
 *
 * Excel applies every rule that holds on a cell; LibreOffice only the first. So a chance cell
 * under a warning first gets a rule that does both, and the two agree: a near-certain chance
 * that is warned of is red and reads "over 99.9%" in each. That rule reuses the warning's
 * formula as written, which is right only at the warning range's top-left cell; a chance cell
 * elsewhere in a warning range is refused rather than given a formula for the wrong cell.
 */
export function conditionalRules(plan: SheetPlan): ConditionalRule[] {
  const warnings = plan.conditionalFormats ?? [];
  const chanceCells = plan.cells.flatMap((row, r) => row.flatMap((cell, c) => (cell?.numberFormat === CHANCE_FORMAT ? [cellAddress(r, c)] : [])));
  const both = chanceCells.flatMap((address) =>
    warnings
      .filter((warning) => rangeAddresses(warning.range).includes(address))
      .map((warning): ConditionalRule => {
        if (warning.range.split(':')[0] !== address) {
          throw new Error(`chance cell ${address} is inside the warning range ${warning.range} but not its top-left cell`);
        }
        return { range: address, formula: `=AND(${warning.formula.replace(/^=/, '')},${nearCertainCondition(address)})`, warning: true, numberFormat: NEAR_CERTAIN_FORMAT };
      }),
  );
  return [
    ...both,
    ...warnings.map((warning): ConditionalRule => ({ range: warning.range, formula: warning.formula, warning: true })),
    ...chanceCells.map((address): ConditionalRule => ({ range: address, formula: `=${nearCertainCondition(address)}`, warning: false, numberFormat: NEAR_CERTAIN_FORMAT })),
  ];
}

/** The plan with its money cells ({@link MONEY}) shown in another money format, e.g. the workbook's currency. */
export function withMoneyFormat(plan: SheetPlan, format: string | undefined): SheetPlan {
  if (format === undefined) return plan;
  return { ...plan, cells: plan.cells.map((row) => row.map((cell) => (cell?.numberFormat === MONEY ? { ...cell, numberFormat: format } : cell))) };
}
