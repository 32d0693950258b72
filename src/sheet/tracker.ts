import { EXPIRYFORECAST_LIMITS, BILLEDHOURS_LIMITS, BLOCKVALUE_LIMITS, type ArgumentLimit } from '../model';
import { SheetBuilder, partOf, text, type Field } from './builder';
import { CHANCE_FORMAT } from './chance';
import { BILLED_HOURS, COUNT, DATE, HOURS, HOURS_INPUT, MONEY, PERCENT, PLAIN, VARIABILITY } from './formats';
import { cellAddress, type PlanCell, type PlanChart, type SheetPlan } from './plan';
import { LOG_ROWS, statusField, statusRow, warningFormats, wrapStatus, type TrackerWarnings } from './tracker-status';

export interface TrackerExample {
  readonly blockHours: number;
  readonly blockPrice: number;
  /** Excel date serial (days since 1899-12-30) of the first day of the block. */
  readonly startDate: number;
  readonly termMonths: number;
  readonly overageRate: number;
  /** Hours used in each month so far; the rest of the term is left blank to fill in. */
  readonly monthlyHours: readonly number[];
  /** Minutes per ticket in the example ticket log. */
  readonly ticketMinutes: readonly number[];
  readonly incrementMinutes: number;
  readonly minimumMinutes: number;
  readonly multiplier: number;
  /** The status warns of an outcome at least this likely (default {@link TRACKER_WARNING_DEFAULTS}). */
  readonly warnChance?: number;
  /** …whose expected hours reach at least this many. */
  readonly warnHours?: number;
}

/**
 * When the status warns. Whichever way the block ends (hours left to expire, or hours beyond it
 * billed as overage), the status warns when that outcome is at least as likely as not and its
 * expected size reaches an hour; a forecast that ends within about an hour of the block either
 * way is on track. Both are inputs on the sheet.
 */
export const TRACKER_WARNING_DEFAULTS = { chance: 0.5, hours: 1 } as const;

/** The status line's texts. */
export const TRACKER_STATUS = {
  noLog: 'No months logged yet: log the hours used to see a forecast',
  ended: 'The term is over: the figures above are final',
  expiry: 'Hours are likely to expire unused: use them or plan for it',
  overage: 'Overage is likely: consider a bigger block',
  both: 'Hours may expire unused or run over: demand varies too much to tell',
  onTrack: 'On track',
} as const;

const TICKET_ROWS = 10;

export const TRACKER_SHEET_NAME = 'Block-hours tracker';

/** How the forecast and the status work, under the title. */
const TRACKER_NOTES = [
  'Forecast: use continues at the average monthly rate logged so far; months are independent, with the month-to-month variability of the log. Hours beyond the block are billed at the overage rate.',
  'Status: warns when hours expiring unused, or overage, has at least the chance set below and its expected hours reach the hours set below; otherwise the block is on track.',
] as const;

/** The warning conditions: an outcome at least as likely as the chance set, whose expected hours reach the hours set. */
const WARNINGS: TrackerWarnings = {
  expiry: (ref) => `AND(${ref('months_elapsed')}>0,${ref('chance_unused')}>=${ref('warn_chance')},${ref('forecast_unused')}>=${ref('warn_hours')})`,
  overage: (ref) => `AND(${ref('months_elapsed')}>0,${ref('chance_overage')}>=${ref('warn_chance')},${ref('forecast_overage')}>=${ref('warn_hours')})`,
};

/**
 * A block already bought: its terms, a month-by-month log of hours used, an optional ticket log
 * in minutes converted with BILLEDHOURS, and the status: hours used and remaining, burn rate,
 * and a forecast of the months left (use continues at the burn rate, with the log's
 * month-to-month variability): the chance that some hours expire unused (FORFEITRISK) and how
 * many (EXPIRYFORECAST), the chance of overage and how many hours (OVERAGEHOURS), and a status
 * line that warns when one of those outcomes is likely and large enough to matter.
 */
export function trackerPlan(example: TrackerExample): SheetPlan {
  // A:C the block, E:G the ticket log.
  const sheet = new SheetBuilder([220, 100, 150, 20, 130, 70, 90]);

  sheet.title('Block-hours tracker');
  sheet.note(...TRACKER_NOTES);

  // The block's terms, and when to warn.
  const termsHeader = sheet.header(sheet.nextRow, 0, 'The block', 'Value', 'Unit');
  // For the warning threshold, an input rather than a computed chance: a plain percentage, so typing into it works as in any percentage cell.
  const chanceLimit: ArgumentLimit = { excelName: 'warn_chance', unit: 'probability', atLeast: 0, atMost: 1, percent: true };
  const hoursLimit: ArgumentLimit = { excelName: 'warn_hours', unit: 'hours', atLeast: 0 };
  const terms: readonly Field[] = [
    { label: 'Block hours', name: 'block_hours', cell: { value: example.blockHours, numberFormat: HOURS_INPUT }, unit: 'hours', limit: BLOCKVALUE_LIMITS.blockHours },
    { label: 'Block price', name: 'block_price', cell: { value: example.blockPrice, numberFormat: MONEY }, unit: 'money, paid up front', limit: BLOCKVALUE_LIMITS.blockPrice },
    { label: 'Start date', name: 'start_date', cell: { value: example.startDate, numberFormat: DATE }, unit: 'date' },
    { label: 'Valid for', name: 'term_months', cell: { value: example.termMonths, numberFormat: COUNT }, unit: 'months', limit: EXPIRYFORECAST_LIMITS.termMonths },
    { label: 'Overage rate', name: 'overage_rate', cell: { value: example.overageRate, numberFormat: MONEY }, unit: 'money per hour', limit: BLOCKVALUE_LIMITS.overageRate },
    {
      label: 'Warn at a chance of at least',
      name: 'warn_chance',
      cell: { value: example.warnChance ?? TRACKER_WARNING_DEFAULTS.chance, numberFormat: PERCENT },
      unit: 'probability',
      limit: chanceLimit,
      subject: 'The chance to warn at',
    },
    {
      label: '…and expected hours of at least',
      name: 'warn_hours',
      cell: { value: example.warnHours ?? TRACKER_WARNING_DEFAULTS.hours, numberFormat: HOURS_INPUT },
      unit: 'hours',
      limit: hoursLimit,
      subject: 'The hours to warn at',
    },
  ];
  sheet.style('input', sheet.fields(sheet.nextRow, 0, terms).values);
  sheet.skip();

  // The monthly log.
  const logHeading = sheet.header(sheet.nextRow, 0, 'Monthly log');
  const logColumns = sheet.header(sheet.nextRow, 0, 'Month', 'Starts', 'Hours used');
  const log = sheet.putRows(
    sheet.nextRow,
    0,
    Array.from({ length: example.termMonths }, (_, m): PlanCell[] => {
      const logged = m < example.monthlyHours.length;
      return [{ value: m + 1, numberFormat: COUNT }, { formula: `=EDATE(start_date,${m})`, numberFormat: DATE }, logged ? { value: example.monthlyHours[m], numberFormat: HOURS_INPUT } : { numberFormat: HOURS_INPUT }];
    }),
  );
  const hoursLogged = partOf(log, { column: 2 });
  sheet.name('log_months', partOf(log, { column: 0, columns: 1 }), 'The months of the log, by number');
  sheet.name('monthly_log', hoursLogged, 'Hours used each month');
  sheet.style('input', hoursLogged);
  sheet.validate(hoursLogged, EXPIRYFORECAST_LIMITS.hoursUsed, 'Hours used');
  sheet.skip();

  // Status. The months left need burn_rate × months left hours on average; as a sum of that many
  // independent months their variability is the monthly one ÷ √(months left), as in EXPIRYFORECAST.
  const statusHeading = sheet.header(sheet.nextRow, 0, 'Status');
  sheet.fields(sheet.nextRow, 0, [
    LOG_ROWS.hoursUsed,
    LOG_ROWS.monthsElapsed,
    LOG_ROWS.asOf,
    statusRow('Hours remaining', 'hours_remaining', '=block_hours-hours_used', 'hours', HOURS),
    LOG_ROWS.burnRate,
    LOG_ROWS.variability,
    statusRow('Expires on', 'expires_on', '=EDATE(start_date,term_months)', 'date', DATE),
    LOG_ROWS.monthsLeft,
    statusRow('Expected use in the months left', 'expected_remaining', '=burn_rate*months_left', 'hours', HOURS),
    statusRow('Variability over the months left', 'remaining_variability', '=IF(months_left=0,0,monthly_variability/SQRT(months_left))', 'how far the total typically strays from its forecast', VARIABILITY),
    statusRow('Chance some hours expire unused', 'chance_unused', '=IF(hours_remaining<=0,0,ITCOST.FORFEITRISK(expected_remaining,hours_remaining,remaining_variability))', 'probability', CHANCE_FORMAT),
    statusRow('Forecast unused hours at expiry', 'forecast_unused', '=IF(months_elapsed=0,MAX(0,hours_remaining),ITCOST.EXPIRYFORECAST(hours_used,months_elapsed,block_hours,term_months,monthly_variability))', 'hours', HOURS),
    statusRow('Value of those hours', 'forecast_unused_value', '=forecast_unused*block_price/block_hours', 'money', MONEY),
    // Overage is the other side of the same distribution: P(use > hours left) = 1 − P(use < hours left),
    // except where use is known exactly (no variability, or nothing to use), when it is 1 or 0.
    statusRow('Chance of overage', 'chance_overage', '=IF(hours_remaining<0,1,IF(OR(expected_remaining=0,remaining_variability=0),IF(expected_remaining>hours_remaining,1,0),1-chance_unused))', 'probability', CHANCE_FORMAT),
    statusRow('Forecast overage hours', 'forecast_overage', '=IF(hours_remaining<=0,expected_remaining-hours_remaining,ITCOST.OVERAGEHOURS(expected_remaining,hours_remaining,remaining_variability))', 'hours', HOURS),
    statusRow('Forecast overage cost', 'forecast_overage_cost', '=forecast_overage*overage_rate', 'money', MONEY),
    statusField(TRACKER_STATUS, WARNINGS),
  ]);
  sheet.style('result', sheet.span('chance_unused', 'forecast_overage_cost'));
  wrapStatus(sheet, TRACKER_STATUS);
  const statusEnd = sheet.named('tracker_status').row;

  // The burn-down: hours left after each month as logged (a month not yet logged uses none), beside even use over the term.
  sheet.skip();
  sheet.header(sheet.nextRow, 0, 'Burn-down');
  const burnHeader = sheet.header(sheet.nextRow, 0, 'Month', 'Hours left', 'Even use');
  const burn = sheet.putRows(
    sheet.nextRow,
    0,
    Array.from({ length: example.termMonths + 1 }, (_, m): PlanCell[] => {
      const month = cellAddress(burnHeader.row + 1 + m, 0);
      return [
        { value: m, numberFormat: COUNT },
        { formula: m === 0 ? '=block_hours' : `=block_hours-SUMIF(log_months,"<="&${month},monthly_log)`, numberFormat: HOURS },
        { formula: `=block_hours*(1-${month}/term_months)`, numberFormat: HOURS },
      ];
    }),
  );
  const chart: PlanChart = {
    title: 'Burn-down: hours left in the block',
    xAxisTitle: 'Month of the term',
    yAxisTitle: 'Hours left',
    dataRange: `${cellAddress(burnHeader.row, 0)}:${cellAddress(burn.row + burn.rows - 1, 2)}`,
    topLeft: cellAddress(statusHeading.row, 4),
    bottomRight: cellAddress(statusEnd - 1, 6),
  };

  // Beside the block's terms: the billing rules for the optional ticket log.
  sheet.header(termsHeader.row, 4, 'Billing rules', 'Value');
  const rules = sheet.fields(termsHeader.row + 1, 4, [
    { label: 'Increment (minutes)', name: 'increment_minutes', cell: { value: example.incrementMinutes, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.incrementMinutes },
    { label: 'Minimum (minutes)', name: 'minimum_minutes', cell: { value: example.minimumMinutes, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.minimumMinutes },
    { label: 'Multiplier', name: 'multiplier', cell: { value: example.multiplier, numberFormat: PLAIN }, limit: BILLEDHOURS_LIMITS.multiplier },
  ]);
  sheet.style('input', rules.values);

  // Beside the monthly log: the ticket log, converted with BILLEDHOURS.
  sheet.header(logHeading.row, 4, 'Ticket log (optional)');
  sheet.header(logColumns.row, 4, 'Ticket', 'Minutes', 'Billed hours');
  const tickets = sheet.putRows(
    log.row,
    4,
    Array.from({ length: TICKET_ROWS }, (_, t): PlanCell[] => {
      const logged = t < example.ticketMinutes.length;
      const cell = cellAddress(log.row + t, 5);
      return [
        { value: t + 1, numberFormat: COUNT },
        logged ? { value: example.ticketMinutes[t], numberFormat: COUNT } : { numberFormat: COUNT },
        { formula: `=IF(${cell}="","",ITCOST.BILLEDHOURS(${cell},increment_minutes,minimum_minutes,multiplier))`, numberFormat: BILLED_HOURS },
      ];
    }),
  );
  const minutes = partOf(tickets, { column: 1, columns: 1 });
  sheet.name('ticket_minutes', minutes, 'Minutes per ticket');
  sheet.style('input', minutes);
  sheet.validate(minutes, BILLEDHOURS_LIMITS.minutesWorked, 'Minutes');
  const total = sheet.put(tickets.row + tickets.rows, 4, text('Total billed'), null, {
    formula: '=ITCOST.BILLEDHOURS(ticket_minutes,increment_minutes,minimum_minutes,multiplier)',
    numberFormat: BILLED_HOURS,
  });
  sheet.style('result', partOf(total, { column: 2 }));
  sheet.style('note', sheet.put(total.row + 1, 4, text('Add each month\'s billed hours to the monthly log.')));

  return sheet.plan({
    name: TRACKER_SHEET_NAME,
    frozenRows: 1,
    chart,
    conditionalFormats: warningFormats(sheet, WARNINGS, ['chance_unused', 'forecast_unused_value'], ['chance_overage', 'forecast_overage_cost']),
  });
}
