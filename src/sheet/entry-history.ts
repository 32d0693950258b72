/**
 * A scenario sheet's record of the time-entry export its demand was estimated from: the entries
 * (date and minutes), the billing rules, the months as MONTHLYHOURS bills them, and the expected
 * monthly hours and month-to-month variability as TERMDEMAND gives them over one month. The two
 * inputs then are formulas over the entries, so the estimate stays auditable and follows any edit.
 */
import { BILLEDHOURS_LIMITS, MONTHLYHOURS_LIMITS, MONTHLYHOURS_SPILL, type BillingRules } from '../model';
import { partOf, text, type SheetBuilder } from './builder';
import { BILLED_HOURS, COUNT, DATE, MONTH, PLAIN } from './formats';

/** The entries, already filtered as the user chose (non-billable left out or not), and the rules they are billed by. */
export interface EntryHistory {
  /** Each entry's date as an Excel date serial, and its minutes worked. */
  readonly dates: readonly number[];
  readonly minutes: readonly number[];
  readonly rules: BillingRules;
  /** How many calendar months the entries span, first to last: MONTHLYHOURS's rows. */
  readonly months: number;
}

/** Above this many entries, a sheet would be slow to write and to recalculate: the wizard then writes the estimate's figures alone, without the entries. */
export const ENTRY_HISTORY_LIMIT = 20_000;

/** The inputs that become formulas over the history: TERMDEMAND over one month gives the average month and the month-to-month variability. */
export const ENTRY_HISTORY_FORMULAS = {
  expectedMonthlyHours: '=INDEX(ITCOST.TERMDEMAND(history_months,1),1,1)',
  monthlyVariability: '=INDEX(ITCOST.TERMDEMAND(history_months,1),1,2)',
} as const;

/** Columns the history takes, from its first: dates, minutes, a gap, then labels and values for the rules and the months. */
export const ENTRY_HISTORY_WIDTHS = [80, 60, 20, 150, 80] as const;

/**
 * Places the history from a row and column: the entries in two columns (named history_dates and
 * history_minutes), and beside them the billing rules (history_increment, history_minimum,
 * history_multiplier) and the MONTHLYHOURS spill, whose hours column is named history_months.
 */
export function placeEntryHistory(sheet: SheetBuilder, row: number, column: number, history: EntryHistory): void {
  sheet.header(row, column, 'Entry date', 'Minutes');
  const entries = sheet.putRows(
    row + 1,
    column,
    history.dates.map((date, i) => [{ value: date, numberFormat: DATE }, { value: history.minutes[i], numberFormat: PLAIN }]),
  );
  const dates = partOf(entries, { columns: 1 });
  const minutes = partOf(entries, { column: 1 });
  sheet.name('history_dates', dates, 'Dates of the time entries the estimate comes from');
  sheet.name('history_minutes', minutes, 'Minutes worked on each time entry');
  sheet.style('input', entries);
  sheet.validate(dates, MONTHLYHOURS_LIMITS.dates, 'Entry date');
  sheet.validate(minutes, MONTHLYHOURS_LIMITS.minutes, 'Minutes');

  const side = column + 3;
  sheet.header(row, side, 'Time-entry export');
  const rules = sheet.fields(row + 1, side, [
    { label: 'Billing increment (minutes)', name: 'history_increment', cell: { value: history.rules.incrementMinutes, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.incrementMinutes },
    { label: 'Minimum per entry (minutes)', name: 'history_minimum', cell: { value: history.rules.minimumMinutes, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.minimumMinutes },
    { label: 'Multiplier', name: 'history_multiplier', cell: { value: history.rules.multiplier, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.multiplier },
    { label: 'Entries', cell: { formula: '=COUNT(history_dates)', numberFormat: COUNT } },
  ]);
  sheet.style('input', partOf(rules.values, { rows: 3 }));
  const monthsHeader = rules.block.row + rules.block.rows + 1;
  sheet.header(monthsHeader, side, 'Month', 'Billed hours');
  const spill = sheet.spill(
    monthsHeader + 1,
    side,
    '=ITCOST.MONTHLYHOURS(history_dates,history_minutes,history_increment,history_minimum,history_multiplier)',
    { rows: history.months, columns: MONTHLYHOURS_SPILL.columns },
  );
  sheet.format(partOf(spill, { columns: 1 }), MONTH);
  sheet.format(partOf(spill, { column: 1 }), BILLED_HOURS);
  sheet.name('history_months', partOf(spill, { column: 1 }), 'Billed hours in each month of the time-entry export (MONTHLYHOURS)');
  // Above the months, not below: the spill grows down when entries reach a new month.
  sheet.put(monthsHeader - 1, side, text('Insert rows inside the entries to add some: the names, the months and the estimate follow.'));
}
