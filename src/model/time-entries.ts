import { checkArguments, checkPairedRanges, type RawArguments } from './arguments';
import { billedMinutes, type BillingRules } from './billing';
import { monthOfSerial, serialOfMonthStart } from './dates';
import { MONTHLYHOURS_LIMITS } from './limits';
import { andThen, fail, succeed, tooLargeProblem, type Outcome } from './outcome';

/**
 * Billed hours in each calendar month from the earliest entry's month to the latest's, months
 * without entries included (0 hours): rows of [first day of the month as a date serial, hours].
 * Each entry is billed as one ticket (see {@link billedMinutes}); a month's minutes are summed in
 * the entries' order and divided by 60 once, as BILLEDHOURS does over a range.
 *
 * @example
 * hoursByMonth([46023.4, 46025, 46082.6], [50, 20, 90], { incrementMinutes: 15, minimumMinutes: 30, multiplier: 1 })
 * //=> [[46023, 1.5], [46054, 0], [46082, 1.5]] — January 2026 (60 + 30 minutes), an empty February, March
 */
export function hoursByMonth(dates: readonly number[], minutes: readonly number[], rules: BillingRules): number[][] {
  if (dates.length === 0) return [];
  const months = dates.map(monthOfSerial);
  let first = Infinity;
  let last = -Infinity;
  for (const month of months) {
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  const billed = new Array<number>(last - first + 1).fill(0);
  for (const [index, month] of months.entries()) billed[month - first] += billedMinutes(minutes[index], rules);
  return billed.map((total, offset) => [serialOfMonthStart(first + offset), total / 60]);
}

/**
 * The spill of MONTHLYHOURS: two columns, and one row per calendar month, which only the data
 * decides.
 */
export const MONTHLYHOURS_SPILL = { columns: 2 } as const;

/**
 * ITCOST.MONTHLYHOURS: from a time-entry export (a range of dates and a range of minutes of the
 * same shape), the billed hours in each calendar month from the first entry's month to the last,
 * as rows of [first day of the month, hours]. Positions blank in both ranges are skipped.
 *
 * @example
 * monthlyHours({ dates: [[46023.4], [46025], [46082.6]], minutes: [[50], [20], [90]], minimumMinutes: 30 })
 * //=> { ok: true, value: [[46023, 1.5], [46054, 0], [46082, 1.5]] }
 */
export function monthlyHours(raw: RawArguments<typeof MONTHLYHOURS_LIMITS>): Outcome<number[][]> {
  const { dates, minutes } = MONTHLYHOURS_LIMITS;
  // Pairing first: a range of the wrong shape or a lone blank is the mistake to report, and once
  // the blanks agree, the checked numbers of the two ranges line up index by index.
  return andThen(checkPairedRanges(dates, raw.dates, minutes, raw.minutes), () =>
    andThen(checkArguments(MONTHLYHOURS_LIMITS, raw), (args) => {
      const rows = hoursByMonth(args.dates, args.minutes, args);
      return rows.every((row) => Number.isFinite(row[1])) ? succeed(rows) : fail(tooLargeProblem());
    }),
  );
}
