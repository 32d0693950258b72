/* Cells selected in a sheet, read as an export: no CSV parser needed, so the pane can build the table itself. */
import type { ExportTable } from './table';
import { dateSerial } from './values';

/**
 * Cells selected in a sheet as an export table: a date column and a minutes column, with or
 * without a header row (a first row holding text). Excel gives dates as date serials, which read
 * as dates; lines count the selection's rows from 1.
 */
export function tableFromCells(values: readonly (readonly unknown[])[]): ExportTable {
  // Excel gives numbers, text and booleans; anything else is nothing a date or minutes could be.
  const text = (cell: unknown) => (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean' ? String(cell).trim() : '');
  const rows = values.map((row) => row.map(text));
  // A header holds text, and its first cell is no date (a first row of dates written as text is data).
  const first = rows.length > 0 ? rows[0] : [];
  const hasHeader = first.some((cell) => cell !== '' && Number.isNaN(Number(cell))) && dateSerial(first[0] ?? '', 'MDY') === undefined && dateSerial(first[0] ?? '', 'DMY') === undefined;
  const width = Math.max(0, ...rows.map((row) => row.length));
  const header = hasHeader ? rows[0] : ['Date', 'Minutes', ...Array.from({ length: Math.max(0, width - 2) }, (_, i) => `Column ${i + 3}`)];
  const data = hasHeader ? rows.slice(1) : rows;
  return { header, rows: data, lines: data.map((_, i) => i + (hasHeader ? 2 : 1)), delimiter: ',' };
}
