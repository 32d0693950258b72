import { EXPIRYFORECAST_LIMITS, RETAINERVALUE_LIMITS, type ArgumentLimit } from '../model';
import { SheetBuilder, partOf, type Field } from './builder';
import { COUNT, DATE, HOURS, HOURS_INPUT, MONEY, PERCENT } from './formats';
import { cellAddress, type PlanCell, type SheetPlan } from './plan';
import { LOG_ROWS, statusField, statusRow, warningFormats, wrapStatus, type TrackerWarnings } from './tracker-status';

export interface RetainerTrackerExample {
  /** Hours made available at the start of each month. */
  readonly monthlyHours: number;
  readonly monthlyPrice: number;
  /** The most that carries into the next month, as a share of monthlyHours. */
  readonly rolloverCap: number;
  /** Excel date serial (days since 1899-12-30) of the first day of the term. */
  readonly startDate: number;
  readonly termMonths: number;
  readonly overageRate: number;
  /** Hours used in each month so far; the rest of the term is left blank to fill in. */
  readonly hoursUsed: readonly number[];
  /** The status warns of forfeits or overage expected to reach this many hours (default {@link RETAINER_TRACKER_WARN_HOURS}). */
  readonly warnHours?: number;
}

/** By default the status warns of two or more hours expected to be forfeited, or billed as overage, in the months left. */
export const RETAINER_TRACKER_WARN_HOURS = 2;

/** The status line's texts. */
export const RETAINER_TRACKER_STATUS = {
  noLog: 'No months logged yet: log the hours used to see a forecast',
  ended: 'The term is over: the figures above are final',
  expiry: 'Hours are likely to expire unused: use them or ask for fewer hours a month',
  overage: 'Overage is likely: consider more hours a month',
  both: 'Hours may expire unused and run over: demand varies too much for one allowance',
  onTrack: 'On track',
} as const;

export const RETAINER_TRACKER_SHEET_NAME = 'Retainer tracker';

/** How the balance and the forecast work, under the title. */
const NOTES = [
  'Each month has the monthly hours plus what carried over. At month end, unused hours up to the rollover cap carry into the next month and the rest expire; whatever is left when the term ends expires. Hours beyond what a month has are billed at the overage rate.',
  'Forecast (RETAINERFORECAST): use continues at the average monthly rate logged so far, months independent, with the month-to-month variability of the log, from the hours carried into the next month. Log the months in order.',
] as const;

/** Each outcome is warned of once something is logged, while months are left, when its forecast reaches the hours set. */
const WARNINGS: TrackerWarnings = {
  expiry: (ref) => `AND(${ref('months_elapsed')}>0,${ref('months_left')}>0,${ref('forecast_forfeited')}>=${ref('warn_hours')})`,
  overage: (ref) => `AND(${ref('months_elapsed')}>0,${ref('months_left')}>0,${ref('forecast_overage')}>=${ref('warn_hours')})`,
};

/**
 * A monthly retainer under way: its terms, a month-by-month log of hours used with the balance
 * worked out month by month (hours available, carried into the next month, forfeited, billed as
 * overage), the totals so far, and a forecast of the months left from the balance carried now:
 * the hours still expected to be forfeited and billed as overage (RETAINERFORECAST), what they
 * are worth, and a status line that warns when either is expected to reach the hours set.
 */
export function retainerTrackerPlan(example: RetainerTrackerExample): SheetPlan {
  const sheet = new SheetBuilder([250, 100, 110, 100, 110, 100, 100]);

  sheet.title('Retainer tracker');
  sheet.note(...NOTES);

  sheet.header(sheet.nextRow, 0, 'The retainer', 'Value', 'Unit');
  const hoursLimit: ArgumentLimit = { excelName: 'warn_hours', unit: 'hours', atLeast: 0 };
  const terms: readonly Field[] = [
    { label: 'Hours each month', name: 'monthly_hours', cell: { value: example.monthlyHours, numberFormat: HOURS_INPUT }, unit: 'hours', limit: RETAINERVALUE_LIMITS.monthlyHours },
    { label: 'Price each month', name: 'monthly_price', cell: { value: example.monthlyPrice, numberFormat: MONEY }, unit: 'money per month', limit: RETAINERVALUE_LIMITS.monthlyPrice },
    { label: 'Rollover cap', name: 'rollover_cap', cell: { value: example.rolloverCap, numberFormat: PERCENT }, unit: 'share of a month\'s hours', limit: RETAINERVALUE_LIMITS.rolloverCap },
    { label: 'Start date', name: 'start_date', cell: { value: example.startDate, numberFormat: DATE }, unit: 'date' },
    { label: 'Term', name: 'term_months', cell: { value: example.termMonths, numberFormat: COUNT }, unit: 'months', limit: RETAINERVALUE_LIMITS.termMonths },
    { label: 'Overage rate', name: 'overage_rate', cell: { value: example.overageRate, numberFormat: MONEY }, unit: 'money per hour', limit: RETAINERVALUE_LIMITS.overageRate },
    {
      label: 'Warn at expected hours of at least',
      name: 'warn_hours',
      cell: { value: example.warnHours ?? RETAINER_TRACKER_WARN_HOURS, numberFormat: HOURS_INPUT },
      unit: 'hours',
      limit: hoursLimit,
      subject: 'The hours to warn at',
    },
  ];
  sheet.style('input', sheet.fields(sheet.nextRow, 0, terms).values);
  sheet.skip();

  // The monthly log: hours used are typed in, the balance follows month by month.
  sheet.header(sheet.nextRow, 0, 'Monthly log');
  sheet.header(sheet.nextRow, 0, 'Month', 'Starts', 'Hours used', 'Available', 'Carried over', 'Forfeited', 'Overage');
  const firstRow = sheet.nextRow;
  const log = sheet.putRows(
    firstRow,
    0,
    Array.from({ length: example.termMonths }, (_, m): PlanCell[] => {
      const logged = m < example.hoursUsed.length;
      const at = (column: number) => cellAddress(firstRow + m, column);
      const used = at(2);
      const unused = `MAX(0,${at(3)}-${used})`;
      // Month 1 starts from nothing carried; each later month from the one before (SUM reads a blank as 0). Blank until its hours are logged.
      const available = m === 0 ? 'monthly_hours' : `monthly_hours+SUM(${cellAddress(firstRow + m - 1, 4)})`;
      const blankUnlessLogged = (formula: string): PlanCell => ({ formula: `=IF(${used}="","",${formula})`, numberFormat: HOURS });
      return [
        { value: m + 1, numberFormat: COUNT },
        { formula: `=EDATE(start_date,${m})`, numberFormat: DATE },
        logged ? { value: example.hoursUsed[m], numberFormat: HOURS_INPUT } : { numberFormat: HOURS_INPUT },
        blankUnlessLogged(available),
        // Nothing carries beyond the last month of the term.
        blankUnlessLogged(`IF(${m + 1}>=term_months,0,MIN(rollover_cap*monthly_hours,${unused}))`),
        blankUnlessLogged(`${unused}-${at(4)}`),
        blankUnlessLogged(`MAX(0,${used}-${at(3)})`),
      ];
    }),
  );
  const column = (index: number) => partOf(log, { column: index, columns: 1 });
  sheet.name('monthly_log', column(2), 'Hours used each month');
  sheet.name('carried_log', column(4), 'Hours carried into the next month');
  sheet.name('forfeited_log', column(5), 'Hours forfeited each month');
  sheet.name('overage_log', column(6), 'Hours billed as overage each month');
  sheet.style('input', column(2));
  sheet.validate(column(2), EXPIRYFORECAST_LIMITS.hoursUsed, 'Hours used');
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Status');
  // RETAINERFORECAST needs a month left; with none, nothing more is forfeited or billed.
  const forecast = (row: number) =>
    `=IF(months_left=0,0,INDEX(ITCOST.RETAINERFORECAST(burn_rate,monthly_hours,carried_now,months_left,monthly_variability,rollover_cap),${row},1))`;
  sheet.fields(sheet.nextRow, 0, [
    LOG_ROWS.hoursUsed,
    LOG_ROWS.monthsElapsed,
    LOG_ROWS.asOf,
    statusRow('Carried into the next month', 'carried_now', '=IF(months_elapsed=0,0,INDEX(carried_log,months_elapsed))', 'hours', HOURS),
    statusRow('Hours forfeited so far', 'forfeited_so_far', '=SUM(forfeited_log)', 'hours', HOURS),
    statusRow('Overage hours so far', 'overage_so_far', '=SUM(overage_log)', 'hours', HOURS),
    statusRow('Overage cost so far', 'overage_cost_so_far', '=overage_so_far*overage_rate', 'money', MONEY),
    LOG_ROWS.burnRate,
    LOG_ROWS.variability,
    LOG_ROWS.monthsLeft,
    statusRow('Forecast hours forfeited in the months left', 'forecast_forfeited', forecast(1), 'hours', HOURS),
    statusRow('Value of those hours', 'forecast_forfeited_value', '=forecast_forfeited*monthly_price/monthly_hours', 'money', MONEY),
    statusRow('Forecast overage hours in the months left', 'forecast_overage', forecast(2), 'hours', HOURS),
    statusRow('Forecast overage cost', 'forecast_overage_cost', '=forecast_overage*overage_rate', 'money', MONEY),
    statusRow('Hours forfeited over the whole term (forecast)', 'term_forfeited', '=forfeited_so_far+forecast_forfeited', 'hours', HOURS),
    statusField(RETAINER_TRACKER_STATUS, WARNINGS),
  ]);
  sheet.style('result', sheet.span('forecast_forfeited', 'term_forfeited'));
  wrapStatus(sheet, RETAINER_TRACKER_STATUS);

  return sheet.plan({
    name: RETAINER_TRACKER_SHEET_NAME,
    frozenRows: 1,
    conditionalFormats: warningFormats(sheet, WARNINGS, ['forecast_forfeited', 'forecast_forfeited_value'], ['forecast_overage', 'forecast_overage_cost']),
  });
}
