import { EXPIRYFORECAST_LIMITS, BILLEDHOURS_LIMITS, BLOCKVALUE_LIMITS, type ArgumentLimit } from '../model';
import { CHANCE_FORMAT } from './chance';
import { cellAddress, type PlanCell, type PlanName, type PlanStyle, type PlanValidation, type SheetPlan } from './plan';
import { validationFromLimit } from './validation';

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

const MONEY = '#,##0.00';
const HOURS = '#,##0.0';
/** For the warning threshold, an input rather than a computed chance: a plain percentage, so typing into it works as in any percentage cell. */
const PERCENT = '0.0%';
const DATE = 'yyyy-mm-dd';
const TICKET_ROWS = 10;

export const TRACKER_SHEET_NAME = 'Block-hours tracker';

type Ref = (name: string) => string;

/** The warning conditions, written once for the status formula (with names) and the warning formats (with cell addresses). */
const expiryWarning = (ref: Ref) =>
  `AND(${ref('months_elapsed')}>0,${ref('chance_unused')}>=${ref('warn_chance')},${ref('forecast_unused')}>=${ref('warn_hours')})`;
const overageWarning = (ref: Ref) =>
  `AND(${ref('months_elapsed')}>0,${ref('chance_overage')}>=${ref('warn_chance')},${ref('forecast_overage')}>=${ref('warn_hours')})`;

/**
 * A block already bought: its terms, a month-by-month log of hours used, an optional ticket log
 * in minutes converted with BILLEDHOURS, and the status: hours used and remaining, burn rate,
 * and a forecast of the months left (use continues at the burn rate, with the log's
 * month-to-month variability): the chance that some hours expire unused (FORFEITRISK) and how
 * many (EXPIRYFORECAST), the chance of overage and how many hours (OVERAGEHOURS), and a status
 * line that warns when one of those outcomes is likely and large enough to matter.
 */
export function trackerPlan(example: TrackerExample): SheetPlan {
  const WIDTH = 7; // A:C the block, E:G the ticket log
  const rows: (PlanCell | null)[][] = [];
  const names: PlanName[] = [];
  const styles: PlanStyle[] = [];
  const validations: PlanValidation[] = [];
  const text = (value: string): PlanCell => ({ value });
  const put = (row: number, column: number, cell: PlanCell) => {
    while (rows.length <= row) rows.push(Array<PlanCell | null>(WIDTH).fill(null));
    rows[row][column] = cell;
  };
  const name = (row: number, column: number, nameText: string, comment: string, count = 1) =>
    names.push({ name: nameText, row, column, comment, ...(count > 1 ? { rows: count } : {}) });

  put(0, 0, text('Block-hours tracker'));
  styles.push({ style: 'title', range: 'A1' });
  put(1, 0, text('Forecast: use continues at the average monthly rate logged so far; months are independent, with the month-to-month variability of the log. Hours beyond the block are billed at the overage rate.'));
  put(2, 0, text('Status: warns when hours expiring unused, or overage, has at least the chance set below and its expected hours reach the hours set below; otherwise the block is on track.'));
  styles.push({ style: 'note', range: 'A2:A3' });

  // The block's terms, and when to warn.
  put(3, 0, text('The block'));
  put(3, 1, text('Value'));
  put(3, 2, text('Unit'));
  styles.push({ style: 'columnHeader', range: 'A4:C4' });
  const chanceLimit: ArgumentLimit = { excelName: 'warn_chance', unit: 'probability', atLeast: 0, atMost: 1, percent: true };
  const hoursLimit: ArgumentLimit = { excelName: 'warn_hours', unit: 'hours', atLeast: 0 };
  /** How a validation message names each input, where its label does not read as a subject. */
  const subjects: Record<string, string> = { warn_chance: 'The chance to warn at', warn_hours: 'The hours to warn at' };
  const terms: Array<[string, string, number, string, string, ArgumentLimit | null]> = [
    ['Block hours', 'block_hours', example.blockHours, 'hours', HOURS, BLOCKVALUE_LIMITS.blockHours],
    ['Block price', 'block_price', example.blockPrice, 'money, paid up front', MONEY, BLOCKVALUE_LIMITS.blockPrice],
    ['Start date', 'start_date', example.startDate, 'date', DATE, null],
    ['Valid for', 'term_months', example.termMonths, 'months', '0', EXPIRYFORECAST_LIMITS.termMonths],
    ['Overage rate', 'overage_rate', example.overageRate, 'money per hour', MONEY, BLOCKVALUE_LIMITS.overageRate],
    ['Warn at a chance of at least', 'warn_chance', example.warnChance ?? TRACKER_WARNING_DEFAULTS.chance, 'probability', PERCENT, chanceLimit],
    ['…and expected hours of at least', 'warn_hours', example.warnHours ?? TRACKER_WARNING_DEFAULTS.hours, 'hours', HOURS, hoursLimit],
  ];
  terms.forEach(([label, nameText, value, unit, format, limit], i) => {
    const row = 4 + i;
    put(row, 0, text(label));
    put(row, 1, { value, numberFormat: format });
    put(row, 2, text(unit));
    name(row, 1, nameText, label);
    if (limit) validations.push(validationFromLimit(`B${row + 1}`, limit, subjects[nameText] ?? label));
  });
  styles.push({ style: 'input', range: `B5:B${4 + terms.length}` });

  // The monthly log.
  const logHeader = 4 + terms.length + 1;
  put(logHeader, 0, text('Monthly log'));
  styles.push({ style: 'heading', range: `A${logHeader + 1}` });
  put(logHeader + 1, 0, text('Month'));
  put(logHeader + 1, 1, text('Starts'));
  put(logHeader + 1, 2, text('Hours used'));
  styles.push({ style: 'columnHeader', range: `A${logHeader + 2}:C${logHeader + 2}` });
  const firstLog = logHeader + 2;
  for (let m = 0; m < example.termMonths; m += 1) {
    put(firstLog + m, 0, { value: m + 1, numberFormat: '0' });
    put(firstLog + m, 1, { formula: `=EDATE(start_date,${m})`, numberFormat: DATE });
    const hours = example.monthlyHours[m];
    put(firstLog + m, 2, hours === undefined ? { numberFormat: HOURS } : { value: hours, numberFormat: HOURS });
  }
  const lastLog = firstLog + example.termMonths - 1;
  name(firstLog, 2, 'monthly_log', 'Hours used each month', example.termMonths);
  styles.push({ style: 'input', range: `C${firstLog + 1}:C${lastLog + 1}` });
  validations.push(validationFromLimit(`C${firstLog + 1}:C${lastLog + 1}`, EXPIRYFORECAST_LIMITS.hoursUsed, 'Hours used'));

  // Status. The months left need burn_rate × months left hours on average; as a sum of that many
  // independent months their variability is the monthly one ÷ √(months left), as in EXPIRYFORECAST.
  const statusHeader = lastLog + 2;
  put(statusHeader, 0, text('Status'));
  styles.push({ style: 'heading', range: `A${statusHeader + 1}` });
  const byName: Ref = (n) => n;
  const status: Array<[string, string, string, string, string]> = [
    ['Hours used', 'hours_used', '=SUM(monthly_log)', 'hours', HOURS],
    ['Months logged', 'months_elapsed', '=COUNT(monthly_log)', 'months', '0'],
    ['Hours remaining', 'hours_remaining', '=block_hours-hours_used', 'hours', HOURS],
    ['Burn rate', 'burn_rate', '=IF(months_elapsed=0,0,hours_used/months_elapsed)', 'hours per month', HOURS],
    // No IFERROR: an error in the log should show, not pass as "no variability".
    ['Month-to-month variability', 'monthly_variability', '=IF(OR(months_elapsed<2,hours_used=0),0,STDEV.S(monthly_log)/AVERAGE(monthly_log))', 'standard deviation ÷ mean', '0.000'],
    ['Expires on', 'expires_on', '=EDATE(start_date,term_months)', 'date', DATE],
    ['Months left', 'months_left', '=MAX(0,term_months-months_elapsed)', 'months', '0'],
    ['Expected use in the months left', 'expected_remaining', '=burn_rate*months_left', 'hours', HOURS],
    ['Variability over the months left', 'remaining_variability', '=IF(months_left=0,0,monthly_variability/SQRT(months_left))', 'standard deviation ÷ mean', '0.000'],
    ['Chance some hours expire unused', 'chance_unused', '=IF(hours_remaining<=0,0,ITCOST.FORFEITRISK(expected_remaining,hours_remaining,remaining_variability))', 'probability', CHANCE_FORMAT],
    ['Forecast unused hours at expiry', 'forecast_unused', '=IF(months_elapsed=0,MAX(0,hours_remaining),ITCOST.EXPIRYFORECAST(hours_used,months_elapsed,block_hours,term_months,monthly_variability))', 'hours', HOURS],
    ['Value of those hours', 'forecast_unused_value', '=forecast_unused*block_price/block_hours', 'money', MONEY],
    // Overage is the other side of the same distribution: P(use > hours left) = 1 − P(use < hours left),
    // except where use is known exactly (no variability, or nothing to use), when it is 1 or 0.
    ['Chance of overage', 'chance_overage', '=IF(hours_remaining<0,1,IF(OR(expected_remaining=0,remaining_variability=0),IF(expected_remaining>hours_remaining,1,0),1-chance_unused))', 'probability', CHANCE_FORMAT],
    ['Forecast overage hours', 'forecast_overage', '=IF(hours_remaining<=0,expected_remaining-hours_remaining,ITCOST.OVERAGEHOURS(expected_remaining,hours_remaining,remaining_variability))', 'hours', HOURS],
    ['Forecast overage cost', 'forecast_overage_cost', '=forecast_overage*overage_rate', 'money', MONEY],
    [
      'Status',
      'tracker_status',
      `=IF(months_elapsed=0,"${TRACKER_STATUS.noLog}",IF(months_left=0,"${TRACKER_STATUS.ended}",IF(AND(${expiryWarning(byName)},${overageWarning(byName)}),"${TRACKER_STATUS.both}",` +
        `IF(${expiryWarning(byName)},"${TRACKER_STATUS.expiry}",IF(${overageWarning(byName)},"${TRACKER_STATUS.overage}","${TRACKER_STATUS.onTrack}")))))`,
      '',
      'General',
    ],
  ];
  status.forEach(([label, nameText, formula, unit, format], i) => {
    const row = statusHeader + 1 + i;
    put(row, 0, text(label));
    put(row, 1, { formula, numberFormat: format });
    put(row, 2, text(unit));
    name(row, 1, nameText, label);
  });
  const rowOf = (nameText: string) => (names.find((n) => n.name === nameText) as PlanName).row + 1;
  const absolute: Ref = (n) => `$B$${rowOf(n)}`;
  styles.push({ style: 'result', range: `B${rowOf('chance_unused')}:B${rowOf('forecast_overage_cost')}` });

  // Optional ticket log, converted with BILLEDHOURS.
  put(3, 4, text('Billing rules'));
  put(3, 5, text('Value'));
  styles.push({ style: 'columnHeader', range: 'E4:G4' });
  const rules: Array<[string, string, number, (typeof BILLEDHOURS_LIMITS)[keyof typeof BILLEDHOURS_LIMITS]]> = [
    ['Increment (minutes)', 'increment_minutes', example.incrementMinutes, BILLEDHOURS_LIMITS.incrementMinutes],
    ['Minimum (minutes)', 'minimum_minutes', example.minimumMinutes, BILLEDHOURS_LIMITS.minimumMinutes],
    ['Multiplier', 'multiplier', example.multiplier, BILLEDHOURS_LIMITS.multiplier],
  ];
  rules.forEach(([label, nameText, value, limit], i) => {
    put(4 + i, 4, text(label));
    put(4 + i, 5, { value, numberFormat: '0.##' });
    name(4 + i, 5, nameText, label);
    validations.push(validationFromLimit(`F${5 + i}`, limit, label));
  });
  styles.push({ style: 'input', range: 'F5:F7' });
  put(logHeader, 4, text('Ticket log (optional)'));
  styles.push({ style: 'heading', range: `E${logHeader + 1}` });
  put(logHeader + 1, 4, text('Ticket'));
  put(logHeader + 1, 5, text('Minutes'));
  put(logHeader + 1, 6, text('Billed hours'));
  styles.push({ style: 'columnHeader', range: `E${logHeader + 2}:G${logHeader + 2}` });
  for (let t = 0; t < TICKET_ROWS; t += 1) {
    const row = firstLog + t;
    const minutes = example.ticketMinutes[t];
    put(row, 4, { value: t + 1, numberFormat: '0' });
    put(row, 5, minutes === undefined ? { numberFormat: '0' } : { value: minutes, numberFormat: '0' });
    put(row, 6, { formula: `=IF(${cellAddress(row, 5)}="","",ITCOST.BILLEDHOURS(${cellAddress(row, 5)},increment_minutes,minimum_minutes,multiplier))`, numberFormat: '0.00' });
  }
  name(firstLog, 5, 'ticket_minutes', 'Minutes per ticket', TICKET_ROWS);
  styles.push({ style: 'input', range: `F${firstLog + 1}:F${firstLog + TICKET_ROWS}` });
  validations.push(validationFromLimit(`F${firstLog + 1}:F${firstLog + TICKET_ROWS}`, BILLEDHOURS_LIMITS.minutesWorked, 'Minutes'));
  const totalRow = firstLog + TICKET_ROWS;
  put(totalRow, 4, text('Total billed'));
  put(totalRow, 6, { formula: '=ITCOST.BILLEDHOURS(ticket_minutes,increment_minutes,minimum_minutes,multiplier)', numberFormat: '0.00' });
  styles.push({ style: 'result', range: `G${totalRow + 1}` });
  put(totalRow + 1, 4, text('Add each month\'s billed hours to the monthly log.'));
  styles.push({ style: 'note', range: `E${totalRow + 2}` });

  return {
    name: TRACKER_SHEET_NAME,
    cells: rows,
    names,
    styles,
    columnWidths: [220, 100, 150, 20, 130, 70, 90],
    frozenRows: 1,
    validations,
    conditionalFormats: [
      { range: `B${rowOf('chance_unused')}:B${rowOf('forecast_unused_value')}`, formula: `=${expiryWarning(absolute)}` },
      { range: `B${rowOf('chance_overage')}:B${rowOf('forecast_overage_cost')}`, formula: `=${overageWarning(absolute)}` },
      { range: `B${rowOf('tracker_status')}`, formula: `=OR(${expiryWarning(absolute)},${overageWarning(absolute)})` },
    ],
  };
}
