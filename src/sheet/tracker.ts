import { EXPIRYFORECAST_LIMITS, BILLEDHOURS_LIMITS, BLOCKVALUE_LIMITS } from '../model';
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
}

const MONEY = '#,##0.00';
const HOURS = '#,##0.0';
const DATE = 'yyyy-mm-dd';
const TICKET_ROWS = 10;

export const TRACKER_SHEET_NAME = 'Block-hours tracker';

/**
 * A block already bought: its terms, a month-by-month log of hours used, an optional ticket log
 * in minutes converted with BILLEDHOURS, and the status: hours used and remaining, burn rate,
 * EXPIRYFORECAST of hours left unused at expiry and what they are worth, and likely overage,
 * with a warning format when hours will expire or overage is likely.
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
  styles.push({ style: 'note', range: 'A2' });

  // The block's terms.
  put(3, 0, text('The block'));
  put(3, 1, text('Value'));
  put(3, 2, text('Unit'));
  styles.push({ style: 'columnHeader', range: 'A4:C4' });
  const terms: Array<[string, string, number, string, string, (typeof BLOCKVALUE_LIMITS)[keyof typeof BLOCKVALUE_LIMITS] | null]> = [
    ['Block hours', 'block_hours', example.blockHours, 'hours', HOURS, BLOCKVALUE_LIMITS.blockHours],
    ['Block price', 'block_price', example.blockPrice, 'money, paid up front', MONEY, BLOCKVALUE_LIMITS.blockPrice],
    ['Start date', 'start_date', example.startDate, 'date', DATE, null],
    ['Valid for', 'term_months', example.termMonths, 'months', '0', EXPIRYFORECAST_LIMITS.termMonths],
    ['Overage rate', 'overage_rate', example.overageRate, 'money per hour', MONEY, BLOCKVALUE_LIMITS.overageRate],
  ];
  terms.forEach(([label, nameText, value, unit, format, limit], i) => {
    const row = 4 + i;
    put(row, 0, text(label));
    put(row, 1, { value, numberFormat: format });
    put(row, 2, text(unit));
    name(row, 1, nameText, label);
    if (limit) validations.push(validationFromLimit(`B${row + 1}`, limit, label));
  });
  styles.push({ style: 'input', range: 'B5:B9' });

  // The monthly log.
  const logHeader = 10;
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
  validations.push({ range: `C${firstLog + 1}:C${lastLog + 1}`, kind: 'decimal', min: 0, message: 'Hours used must be at least 0.' });

  // Status.
  const statusHeader = lastLog + 2;
  put(statusHeader, 0, text('Status'));
  styles.push({ style: 'heading', range: `A${statusHeader + 1}` });
  const status: Array<[string, string, string, string, string]> = [
    ['Hours used', 'hours_used', '=SUM(monthly_log)', 'hours', HOURS],
    ['Months logged', 'months_elapsed', '=COUNT(monthly_log)', 'months', '0'],
    ['Hours remaining', 'hours_remaining', '=block_hours-hours_used', 'hours', HOURS],
    ['Burn rate', 'burn_rate', '=IF(months_elapsed=0,0,hours_used/months_elapsed)', 'hours per month', HOURS],
    ['Month-to-month variability', 'monthly_variability', '=IF(months_elapsed<2,0,IFERROR(STDEV.S(monthly_log)/AVERAGE(monthly_log),0))', 'standard deviation ÷ mean', '0.000'],
    ['Expires on', 'expires_on', '=EDATE(start_date,term_months)', 'date', DATE],
    ['Forecast unused hours at expiry', 'forecast_unused', '=IF(months_elapsed=0,block_hours,ITCOST.EXPIRYFORECAST(hours_used,months_elapsed,block_hours,term_months,monthly_variability))', 'hours', HOURS],
    ['Value of those hours', 'forecast_unused_value', '=forecast_unused*block_price/block_hours', 'money', MONEY],
    ['Forecast overage hours', 'forecast_overage', '=IF(hours_remaining<=0,-hours_remaining+burn_rate*(term_months-months_elapsed),IF(term_months<=months_elapsed,0,ITCOST.OVERAGEHOURS(burn_rate*(term_months-months_elapsed),hours_remaining,monthly_variability/SQRT(term_months-months_elapsed))))', 'hours', HOURS],
    ['Forecast overage cost', 'forecast_overage_cost', '=forecast_overage*overage_rate', 'money', MONEY],
    ['Status', 'tracker_status', '=IF(ROUND(forecast_unused,2)>0,"Hours are likely to expire unused: use them or plan for it",IF(ROUND(forecast_overage,2)>0,"Overage is likely: consider a bigger block","On track"))', '', 'General'],
  ];
  status.forEach(([label, nameText, formula, unit, format], i) => {
    const row = statusHeader + 1 + i;
    put(row, 0, text(label));
    put(row, 1, { formula, numberFormat: format });
    put(row, 2, text(unit));
    name(row, 1, nameText, label);
  });
  const rowOf = (nameText: string) => (names.find((n) => n.name === nameText) as PlanName).row + 1;
  styles.push({ style: 'result', range: `B${rowOf('forecast_unused')}:B${rowOf('forecast_overage_cost')}` });

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
  validations.push({ range: `F${firstLog + 1}:F${firstLog + TICKET_ROWS}`, kind: 'decimal', min: 0, message: 'Minutes must be at least 0.' });
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
      { range: `B${rowOf('forecast_unused')}:B${rowOf('forecast_unused_value')}`, formula: `=ROUND($B$${rowOf('forecast_unused')},2)>0` },
      { range: `B${rowOf('forecast_overage')}:B${rowOf('forecast_overage_cost')}`, formula: `=ROUND($B$${rowOf('forecast_overage')},2)>0` },
      { range: `B${rowOf('tracker_status')}`, formula: `=$B$${rowOf('tracker_status')}<>"On track"` },
    ],
  };
}
