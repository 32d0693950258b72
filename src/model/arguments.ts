import type { ArgumentLimit, LimitTable } from './limits';
import { MESSAGES } from './messages';
import { fail, succeed, type Outcome } from './outcome';

/** What a caller may pass for each argument: Excel hands over anything, and `null` when omitted. */
export type RawArguments<L extends LimitTable> = { readonly [K in keyof L]?: unknown };

/** The checked arguments, with defaults filled in: a number each, or the numbers of a range. */
export type CheckedArguments<L extends LimitTable> = {
  readonly [K in keyof L]: L[K] extends { readonly shape: 'range' } ? readonly number[] : number;
};

function invalid<T>(argument: string, message: string): Outcome<T> {
  return fail({ kind: 'invalidInput', argument, message });
}

/** Checks one present value against its limit. */
export function checkValue(limit: ArgumentLimit, value: unknown): Outcome<number> {
  const name = limit.excelName;
  if (Array.isArray(value)) return invalid(name, MESSAGES.notASingleNumber(name));
  if (typeof value !== 'number') return invalid(name, MESSAGES.notANumber(name, value));
  if (!Number.isFinite(value)) return invalid(name, MESSAGES.notFinite(name, value));
  return isWithinLimit(limit, value) ? succeed(value) : invalid(name, MESSAGES.outOfLimit(limit, value));
}

/**
 * The common case, checked without building an outcome: a finite number within every bound.
 * Anything else goes through {@link checkValue} for its message.
 */
function isWithinLimit(limit: ArgumentLimit, value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (limit.greaterThan === undefined || value > limit.greaterThan) &&
    (limit.atLeast === undefined || value >= limit.atLeast) &&
    (limit.lessThan === undefined || value < limit.lessThan) &&
    (limit.atMost === undefined || value <= limit.atMost) &&
    (!limit.wholeNumber || Number.isInteger(value))
  );
}

/** True for what Excel passes for an empty cell in a range. */
function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Array.isArray, narrowing to a list of unknown cells rather than to `any[]`. */
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/**
 * The rows of a range argument. Excel passes a 2D array, but a caller may pass a single value, a
 * flat list, or an array with holes (`[, [1]]`) or rows that are not arrays: a value that is not
 * an array is a range of one row, and a row that is not an array is a row of one cell. The cells
 * are read by index ({@link cellsOf}), so a hole or `undefined` is a blank cell. No copies: an
 * export of 100,000 rows is read where it lies.
 */
function rowsOf(value: unknown): readonly unknown[] {
  return isList(value) ? value : [value];
}

/** The cells of one row of a range (see {@link rowsOf}). */
function cellsOf(row: unknown): readonly unknown[] {
  return isList(row) ? row : [row];
}

/**
 * Checks a range argument: a 2D array from Excel (or a single number). Blank cells are ignored;
 * every other cell must be a number within the limit. Positions in messages count from 1.
 */
export function checkRange(limit: ArgumentLimit, value: unknown): Outcome<readonly number[]> {
  const name = limit.excelName;
  const rows = rowsOf(value);
  const numbers: number[] = [];
  const singleCell = rows.length === 1 && cellsOf(rows[0]).length === 1;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
    const cells = cellsOf(rows[rowIndex]);
    for (let columnIndex = 0; columnIndex < cells.length; columnIndex += 1) {
      const cell = cells[columnIndex];
      if (isBlank(cell)) continue;
      if (isWithinLimit(limit, cell)) {
        numbers.push(cell);
        continue;
      }
      const outcome = checkValue(limit, cell);
      if (!outcome.ok) {
        const where = singleCell ? '' : MESSAGES.inCell(rowIndex + 1, columnIndex + 1);
        return invalid(name, `${outcome.problem.message}${where}`);
      }
      numbers.push(outcome.value);
    }
  }
  if (limit.minCount !== undefined && numbers.length < limit.minCount) {
    return invalid(name, MESSAGES.tooFewNumbers(name, limit.minCount, numbers.length));
  }
  return succeed(numbers);
}

/** Rows × columns of a range; the widest row counts for a ragged one. */
function shapeOf(rows: readonly unknown[]): { rows: number; columns: number } {
  return { rows: rows.length, columns: rows.reduce<number>((widest, row) => Math.max(widest, cellsOf(row).length), 0) };
}

/**
 * Checks that two range arguments pair up cell by cell, as the dates and minutes of a time-entry
 * export do: the same shape, and wherever one is blank, the other is blank too. Their checked
 * numbers (blanks skipped, row by row) then line up index by index. A problem names the argument
 * that is out of line: the second for a shape, the blank one for a lone blank.
 */
export function checkPairedRanges(first: ArgumentLimit, firstValue: unknown, second: ArgumentLimit, secondValue: unknown): Outcome<null> {
  const firstRows = rowsOf(firstValue);
  const secondRows = rowsOf(secondValue);
  const sameShape =
    firstRows.length === secondRows.length && firstRows.every((row, index) => cellsOf(row).length === cellsOf(secondRows[index]).length);
  if (!sameShape) {
    const { rows, columns } = shapeOf(firstRows);
    const got = shapeOf(secondRows);
    return invalid(second.excelName, MESSAGES.rangeShapesDiffer(second.excelName, first.excelName, rows, columns, got.rows, got.columns));
  }
  for (let rowIndex = 0; rowIndex < firstRows.length; rowIndex += 1) {
    const firstCells = cellsOf(firstRows[rowIndex]);
    const secondCells = cellsOf(secondRows[rowIndex]);
    for (let columnIndex = 0; columnIndex < firstCells.length; columnIndex += 1) {
      const firstBlank = isBlank(firstCells[columnIndex]);
      if (firstBlank === isBlank(secondCells[columnIndex])) continue;
      const [blank, other] = firstBlank ? [first, second] : [second, first];
      return invalid(blank.excelName, MESSAGES.blankInPair(blank.excelName, other.excelName, rowIndex + 1, columnIndex + 1));
    }
  }
  return succeed(null);
}

/**
 * Checks every argument in the table's order (Excel's argument order), so the first
 * message names the leftmost bad argument. Omitted optional arguments (`null` or
 * `undefined`) take their default; omitted required ones are an error.
 */
export function checkArguments<L extends LimitTable>(
  limits: L,
  raw: RawArguments<L>,
): Outcome<CheckedArguments<L>> {
  const checked: Record<string, number | readonly number[]> = {};
  for (const key of Object.keys(limits)) {
    const limit = limits[key];
    const value = raw[key];
    if (limit.shape === 'range') {
      const range = checkRange(limit, value);
      if (!range.ok) return range;
      checked[key] = range.value;
      continue;
    }
    if (value === null || value === undefined) {
      if (!limit.optional) return invalid(limit.excelName, MESSAGES.required(limit.excelName));
      const fallback = limit.defaultFrom !== undefined ? checked[limit.defaultFrom] : limit.defaultValue;
      if (typeof fallback !== 'number') throw new Error(`limit table for ${limit.excelName} has no default`);
      checked[key] = fallback;
      continue;
    }
    if (isWithinLimit(limit, value)) {
      checked[key] = value;
      continue;
    }
    const outcome = checkValue(limit, value);
    if (!outcome.ok) return outcome;
    checked[key] = outcome.value;
  }
  return succeed(checked as unknown as CheckedArguments<L>);
}

/**
 * Names positional arguments by a limit table, whose keys are in Excel's argument order:
 * positionalArguments(TABLE, [a, b]) is { [first key]: a, [second key]: b }.
 */
export function positionalArguments<L extends LimitTable>(limits: L, values: readonly unknown[]): RawArguments<L> {
  return Object.fromEntries(Object.keys(limits).map((key, index) => [key, values[index]])) as RawArguments<L>;
}
