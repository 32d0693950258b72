/*
 * From an export's rows and a column mapping to the billed hours of each calendar month, and from
 * those to the estimate the wizard offers: the average month and the month-to-month variability.
 * Each entry is billed as BILLEDHOURS and MONTHLYHOURS bill one (the model's billedMinutes and
 * hoursByMonth), so the pane, the functions and the scenario sheet agree to the last digit.
 */
// The model's modules one by one, not its index: the worker must not load the incomplete gamma.
import type { BillingRules } from '../model/billing';
import { demandFromHistory } from '../model/history';
import { hoursByMonth } from '../model/time-entries';
import type { ColumnMapping } from './columns';
import type { ExportTable } from './table';
import { billableFlag, dateSerial, dayMonthOrder, durationMinutes, timeOfDay, type DayMonthOrder } from './values';

/** A row that could not be read, and why, for the user to fix in the file or in the mapping. */
export interface RowProblem {
  readonly line: number;
  readonly reason: string;
}

/** How the import reads the rows: set by the user, with the order defaulted from the dates themselves. */
export interface ImportOptions {
  readonly mapping: ColumnMapping;
  /** The order for dates like 3/4/2026; see {@link dateOrderOf}. */
  readonly order: DayMonthOrder;
  readonly excludeNonBillable: boolean;
  readonly rules: BillingRules;
}

/** The time entries an export holds, as MONTHLYHOURS takes them, and what was left out. */
export interface ReadEntries {
  /** Each entry's date (a date serial) and minutes worked, in file order. */
  readonly dates: readonly number[];
  readonly minutes: readonly number[];
  /** Lines of each entry in the file, beside dates and minutes. */
  readonly lines: readonly number[];
  /** Entries left out because they are marked non-billable. */
  readonly nonBillable: number;
  /** Rows left out because they are totals (no date, and a cell that says "total"). */
  readonly totals: number;
  readonly problems: readonly RowProblem[];
}

/** The day/month order to read a column with, and whether the dates themselves decided it. */
export interface DateOrder {
  readonly order: DayMonthOrder;
  /** 'decided' when a date rules the other order out; 'assumed' when every date reads either way; 'contradictory' when dates rule out both. */
  readonly basis: 'decided' | 'assumed' | 'contradictory';
  /** A date that shows the order (or, when contradictory, one of each kind). */
  readonly evidence?: string;
}

/** The order to read an export's dates in: the one its dates allow, else `preferred` (from the user's locale), said to be assumed. */
export function dateOrderOf(table: ExportTable, dateColumn: number | undefined, preferred: DayMonthOrder): DateOrder {
  if (dateColumn === undefined) return { order: preferred, basis: 'assumed' };
  const evidence = dayMonthOrder(table.rows.map((row) => row[dateColumn] ?? ''));
  if (evidence.possible.length === 2) return { order: preferred, basis: 'assumed' };
  if (evidence.possible.length === 1) {
    const order = evidence.possible[0];
    return { order, basis: 'decided', evidence: order === 'DMY' ? evidence.notMDY : evidence.notDMY };
  }
  return { order: preferred, basis: 'contradictory', evidence: `${evidence.notMDY ?? ''} and ${evidence.notDMY ?? ''}` };
}

const TOTALS = /\b(total|totals|subtotal|grand total|sum)\b/i;
/** A billable column that flags the entries that are not billable. */
const NOT_BILLABLE_HEADER = /\b(non[-_ ]?billable|not[-_ ]billable|no[-_ ]charge|internal)\b/i;

function minutesOf(row: readonly string[], options: ImportOptions, decimalComma: boolean, date: number): number | string {
  const { minutes, hours, start, end } = options.mapping;
  const cell = (index: number) => row[index] ?? '';
  if (minutes !== undefined) return durationMinutes(cell(minutes), 'minutes', decimalComma) ?? `"${cell(minutes)}" is not a number of minutes`;
  if (hours !== undefined) return durationMinutes(cell(hours), 'hours', decimalComma) ?? `"${cell(hours)}" is not a number of hours`;
  if (start !== undefined && end !== undefined) {
    const from = moment(cell(start), options.order, date);
    const to = moment(cell(end), options.order, date);
    if (from === undefined) return `"${cell(start)}" is not a start time`;
    if (to === undefined) return `"${cell(end)}" is not an end time`;
    // An end time of day before the start is past midnight; a full date and time before the start is a mistake.
    const timeOnly = timeOfDay(cell(end)) !== undefined;
    if (to < from && !timeOnly) return `the end "${cell(end)}" is before the start "${cell(start)}"`;
    const days = to >= from ? to - from : to + 1 - from;
    return Math.round(days * 86400) / 60;
  }
  return 'no column of time worked is chosen';
}

/** A start or end cell as a date serial: a full date and time, or a time of day on the entry's date. */
function moment(text: string, order: DayMonthOrder, date: number): number | undefined {
  const time = timeOfDay(text);
  if (time !== undefined) return Math.floor(date) + time;
  return /\d:\d\d/.test(text) ? dateSerial(text, order) : undefined;
}

/**
 * The entries of an export under a mapping. A row without a date is a totals row if a cell says
 * "total" (skipped), and otherwise a problem; so is a row whose date or time worked cannot be read.
 * Non-billable entries are counted, and left out when the options say so.
 */
export function readEntries(table: ExportTable, options: ImportOptions): ReadEntries {
  const decimalComma = table.delimiter === ';';
  const dates: number[] = [];
  const minutes: number[] = [];
  const lines: number[] = [];
  const problems: RowProblem[] = [];
  let nonBillable = 0;
  let totals = 0;
  const { date: dateColumn, billable } = options.mapping;
  // A column headed "Non-billable" says yes for the entries that are not billable.
  const inverted = billable !== undefined && NOT_BILLABLE_HEADER.test(table.header[billable] ?? '');
  table.rows.forEach((row, index) => {
    const line = table.lines[index];
    if (dateColumn === undefined) return;
    const dateText = row[dateColumn] ?? '';
    // A row with nothing in it (blank cells in a selection) is skipped, as MONTHLYHOURS skips blank positions.
    if (row.every((cell) => cell === '')) return;
    if ((dateText === '' || TOTALS.test(dateText)) && row.some((cell) => TOTALS.test(cell))) {
      totals += 1;
      return;
    }
    const date = dateSerial(dateText, options.order);
    if (date === undefined) {
      problems.push({ line, reason: dateText === '' ? 'the date is blank' : `"${dateText}" is not a date` });
      return;
    }
    const worked = minutesOf(row, options, decimalComma, date);
    if (typeof worked === 'string') {
      problems.push({ line, reason: worked });
      return;
    }
    const flag = billable === undefined ? undefined : billableFlag(row[billable] ?? '');
    if (flag !== undefined && flag === inverted) {
      nonBillable += 1;
      if (options.excludeNonBillable) return;
    }
    dates.push(date);
    minutes.push(worked);
    lines.push(line);
  });
  if (dateColumn === undefined) problems.push({ line: 1, reason: 'no column is chosen as the date' });
  return { dates, minutes, lines, nonBillable, totals, problems };
}

/** What the wizard offers from an export: the months, their hours, and the estimate from them. */
export interface HistoryEstimate {
  /** One row per calendar month from the first entry's to the last: [first day as a date serial, billed hours]. */
  readonly months: readonly (readonly [number, number])[];
  readonly expectedMonthlyHours: number;
  readonly monthlyVariability: number;
}

/**
 * The months of the entries, as MONTHLYHOURS gives them, and the average month and month-to-month
 * variability (sample standard deviation ÷ average), as TERMDEMAND gives them over one month.
 * A message instead when there is nothing to estimate from.
 */
export function estimateFromEntries(entries: ReadEntries, rules: BillingRules): HistoryEstimate | { readonly error: string } {
  if (entries.dates.length === 0) return { error: 'No time entries could be read from the file.' };
  const months = hoursByMonth(entries.dates, entries.minutes, rules).map(([start, hours]) => [start, hours] as const);
  if (months.length < 2) return { error: 'The entries span a single calendar month; at least 2 months are needed to estimate how hours vary.' };
  const hours = months.map(([, monthHours]) => monthHours);
  if (!hours.every(Number.isFinite)) return { error: 'A month comes to more hours than a number can hold: check the time worked column.' };
  if (!hours.some((value) => value > 0)) return { error: 'The months average 0 hours: nothing to estimate from.' };
  const monthly = demandFromHistory(hours, 1);
  return { months, expectedMonthlyHours: monthly.expectedHours, monthlyVariability: monthly.variability };
}
