/**
 * A sheet plan: a worksheet described as data, with no Office code. One plan feeds the Excel
 * writer (task pane), the .xlsx templates (build) and the formula engine in tests.
 */

/** One cell: a constant or a formula (starting with "="), with an optional number format. */
export interface PlanCell {
  readonly value?: string | number;
  readonly formula?: string;
  readonly numberFormat?: string;
}

export type CellStyle = 'title' | 'note' | 'heading' | 'columnHeader' | 'input' | 'result';

/** A sheet-scoped defined name for one cell. */
export interface PlanName {
  readonly name: string;
  /** Zero-based row and column of the cell. */
  readonly row: number;
  readonly column: number;
  readonly comment: string;
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
}

/** Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
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
