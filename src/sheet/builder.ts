/**
 * A small builder for sheet plans: it places rows of cells, and keeps the names, styles and
 * validations that refer to them. Every range it hands out is computed from the cells it placed
 * (a {@link Block}), so a style or validation cannot drift from the rows it covers.
 */
import type { ArgumentLimit } from '../model';
import {
  cellAddress,
  linesFor,
  nameReference,
  PORTRAIT_WIDTH,
  type CellStyle,
  type PlanCell,
  type PlanChart,
  type PlanConditionalFormat,
  type PlanName,
  type PlanStyle,
  type PlanTextBlock,
  type PlanValidation,
  type SheetPlan,
} from './plan';
import { validationFromLimit } from './validation';

/** A rectangle of cells: its zero-based top-left row and column, and its size. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** The A1 range of a block: "B5:B16", or "B5" for one cell. */
export function blockRange(block: Block): string {
  const start = cellAddress(block.row, block.column);
  return block.rows === 1 && block.columns === 1 ? start : `${start}:${cellAddress(block.row + block.rows - 1, block.column + block.columns - 1)}`;
}

/** Part of a block: from a row and column within it (default its first), so many rows and columns (default to its end). */
export function partOf(block: Block, part: { readonly row?: number; readonly column?: number; readonly rows?: number; readonly columns?: number }): Block {
  const row = part.row ?? 0;
  const column = part.column ?? 0;
  return { row: block.row + row, column: block.column + column, rows: part.rows ?? block.rows - row, columns: part.columns ?? block.columns - column };
}

/** A text cell. */
export const text = (value: string): PlanCell => ({ value });

/** The line under every sheet's title: where to type. */
export const INPUT_NOTE = 'Type in the yellow cells; everything else recalculates.';

/** One labelled row of a field list: label, value cell, and a unit beside it if given. */
export interface Field {
  readonly label: string;
  readonly cell: PlanCell;
  readonly unit?: string;
  /** The value cell's defined name, with the label as its comment unless one is given. */
  readonly name?: string;
  readonly comment?: string;
  /** The model's limit for the value: the cell is validated against it. */
  readonly limit?: ArgumentLimit;
  /** How the validation message names the value, where the label does not read as a subject. */
  readonly subject?: string;
}

/** The fields with the one of a defined name replaced by those `replace` makes of it; unchanged if none has that name. */
export function replaceField(fields: readonly Field[], name: string, replace: (field: Field) => readonly Field[]): Field[] {
  const at = fields.findIndex((field) => field.name === name);
  return at < 0 ? [...fields] : [...fields.slice(0, at), ...replace(fields[at]), ...fields.slice(at + 1)];
}

/** What a field list placed: all of it, and its value cells. */
export interface FieldList {
  readonly block: Block;
  readonly values: Block;
}

/** The sheet-wide settings a plan needs besides its cells. */
export interface SheetSettings {
  readonly name: string;
  readonly frozenRows: number;
  readonly chart?: PlanChart;
  readonly conditionalFormats?: readonly PlanConditionalFormat[];
}

export class SheetBuilder {
  private readonly rows: (PlanCell | null)[][] = [];
  private readonly names: PlanName[] = [];
  private readonly styles: PlanStyle[] = [];
  private readonly validations: PlanValidation[] = [];
  private readonly textBlocks: PlanTextBlock[] = [];
  private readonly width: number;

  /** Column widths in points, from column A: they also set how many columns the sheet has. */
  constructor(private readonly columnWidths: readonly number[]) {
    this.width = columnWidths.length;
  }

  /** How many columns the sheet has. */
  get columnCount(): number {
    return this.width;
  }

  /** The row an appended row goes to (zero-based). */
  get nextRow(): number {
    return this.rows.length;
  }

  /** Puts cells in one row from a column, growing the sheet to reach it; a null leaves its cell as it is. */
  put(row: number, column: number, ...cells: readonly (PlanCell | null)[]): Block {
    if (column + cells.length > this.width) throw new Error(`row ${row + 1} from column ${column + 1} runs past the sheet's ${this.width} columns`);
    while (this.rows.length <= row) this.rows.push(Array<PlanCell | null>(this.width).fill(null));
    cells.forEach((cell, i) => {
      if (cell) this.rows[row][column + i] = cell;
    });
    return { row, column, rows: 1, columns: Math.max(1, cells.length) };
  }

  /** Puts rows of cells from a row and column; the block is as wide as the widest row. */
  putRows(row: number, column: number, rows: readonly (readonly (PlanCell | null)[])[]): Block {
    rows.forEach((cells, i) => this.put(row + i, column, ...cells));
    return { row, column, rows: rows.length, columns: Math.max(1, ...rows.map((cells) => cells.length)) };
  }

  /** Appends a row of cells from column A. */
  addRow(...cells: readonly (PlanCell | null)[]): Block {
    return this.put(this.nextRow, 0, ...cells);
  }

  /** Appends empty rows. */
  skip(count = 1): void {
    for (let i = 0; i < count; i += 1) this.put(this.nextRow, 0);
  }

  /** The sheet's title, and under it where to type ({@link INPUT_NOTE}). */
  title(title: string): void {
    this.style('title', this.addRow(text(title)));
    this.note(INPUT_NOTE);
  }

  /** Notes, one row each, each wrapped across the sheet's width and as tall as its text. */
  note(...notes: readonly string[]): void {
    for (const note of notes) {
      const row = this.addRow(text(note));
      this.style('note', row);
      this.wrap({ ...row, columns: this.width }, note.length);
    }
  }

  /**
   * Merges a block of one row and wraps the text of its first cell across it, the row made tall
   * enough for `characters` characters (a formula's longest text, or a note's).
   */
  wrap(block: Block, characters: number): void {
    if (block.rows !== 1) throw new Error('a wrapped text block is one row tall');
    const covered = this.rows[block.row]?.slice(block.column + 1, block.column + block.columns) ?? [];
    if (covered.some((cell) => cell !== null)) throw new Error(`${blockRange(block)} holds more than its first cell: merging would lose the rest`);
    const width = this.columnWidths.slice(block.column, block.column + block.columns).reduce((sum, w) => sum + w, 0);
    this.textBlocks.push({ range: blockRange(block), lines: linesFor('x'.repeat(characters), width) });
  }

  /** A heading: one label is a section heading; several are a column header, styled across their cells. */
  header(row: number, column: number, ...labels: readonly string[]): Block {
    const block = this.put(row, column, ...labels.map(text));
    this.style(labels.length > 1 ? 'columnHeader' : 'heading', block);
    return block;
  }

  /** Reserves the cells an array formula spills into: the formula at the top-left, the rest left empty for Excel to fill. */
  spill(row: number, column: number, formula: string, size: { readonly rows: number; readonly columns: number }): Block {
    this.put(row, column, { formula, spill: size });
    this.put(row + size.rows - 1, column); // the sheet reaches the spill's last row
    return { row, column, rows: size.rows, columns: size.columns };
  }

  /** Sets a number format on every cell of a block, keeping what the cells hold. */
  format(block: Block, numberFormat: string): void {
    for (let r = block.row; r < block.row + block.rows; r += 1) {
      for (let c = block.column; c < block.column + block.columns; c += 1) this.put(r, c, { ...this.rows[r]?.[c], numberFormat });
    }
  }

  /** Labelled rows from a row and column: label, value and unit; names and validations as each field asks. */
  fields(row: number, column: number, fields: readonly Field[]): FieldList {
    const block = this.putRows(row, column, fields.map((field) => [text(field.label), field.cell, ...(field.unit === undefined ? [] : [text(field.unit)])]));
    const values = partOf(block, { column: 1, columns: 1 });
    fields.forEach((field, i) => {
      const value = partOf(values, { row: i, rows: 1 });
      if (field.name !== undefined) this.name(field.name, value, field.comment ?? field.label);
      if (field.limit !== undefined) this.validate(value, field.limit, field.subject ?? field.label);
    });
    return { block, values };
  }

  /** A sheet-scoped defined name for a block. */
  name(name: string, block: Block, comment: string): void {
    this.names.push({ name, row: block.row, column: block.column, comment, ...(block.rows > 1 ? { rows: block.rows } : {}), ...(block.columns > 1 ? { columns: block.columns } : {}) });
  }

  /** The block a defined name covers. */
  named(name: string): Block {
    const found = this.names.find((n) => n.name === name);
    if (!found) throw new Error(`no defined name ${name} has been placed`);
    return { row: found.row, column: found.column, rows: found.rows ?? 1, columns: found.columns ?? 1 };
  }

  /** The absolute address of a named cell ("$B$20"), for formulas that are not to follow names (conditional formats). */
  address(name: string): string {
    const found = this.names.find((n) => n.name === name);
    if (!found) throw new Error(`no defined name ${name} has been placed`);
    return nameReference(found);
  }

  /** From one named block to another below it: the rows between, inclusive, in the first one's columns. */
  span(from: string, to: string): Block {
    const first = this.named(from);
    const last = this.named(to);
    return { ...first, rows: last.row + last.rows - first.row };
  }

  style(style: CellStyle, block: Block): void {
    this.styles.push({ style, range: blockRange(block) });
  }

  /** Validates a block's cells against a model limit; the message names them by `subject`. */
  validate(block: Block, limit: ArgumentLimit, subject: string): void {
    this.validations.push(validationFromLimit(blockRange(block), limit, subject));
  }

  /** Validates a block's cells as one of a list. */
  validateList(block: Block, options: readonly string[], message: string): void {
    this.validations.push({ range: blockRange(block), kind: 'list', options, message });
  }

  plan(settings: SheetSettings): SheetPlan {
    return {
      name: settings.name,
      cells: this.rows.map((row) => [...row]),
      names: [...this.names],
      styles: [...this.styles],
      columnWidths: this.columnWidths,
      frozenRows: settings.frozenRows,
      validations: [...this.validations],
      ...(settings.chart ? { chart: settings.chart } : {}),
      ...(settings.conditionalFormats ? { conditionalFormats: settings.conditionalFormats } : {}),
      ...(this.textBlocks.length > 0 ? { textBlocks: [...this.textBlocks] } : {}),
      print: { orientation: this.columnWidths.reduce((sum, w) => sum + w, 0) > PORTRAIT_WIDTH ? 'landscape' : 'portrait' },
    };
  }
}
