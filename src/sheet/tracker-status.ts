/**
 * What the block-hours and retainer trackers share: a status line that says whether anything is
 * logged, whether the term is over, and which of two outcomes (hours expiring unused, overage) it
 * warns of, and the warning formats that turn the figures behind a warning red.
 */
import { blockRange, type Field, type SheetBuilder } from './builder';
import { COUNT, DATE, GENERAL, HOURS, VARIABILITY } from './formats';
import type { PlanConditionalFormat } from './plan';

/** A cell reference by defined name: the name itself in a cell formula, an absolute address in a conditional format. */
export type Ref = (name: string) => string;

export interface TrackerStatusTexts {
  readonly noLog: string;
  readonly ended: string;
  readonly expiry: string;
  readonly overage: string;
  readonly both: string;
  readonly onTrack: string;
}

/** When each outcome is warned of, written once for the status formula and for the warning formats. */
export interface TrackerWarnings {
  readonly expiry: (ref: Ref) => string;
  readonly overage: (ref: Ref) => string;
}

const byName: Ref = (name) => name;

/** A computed row of a tracker's status: label, defined name, formula, unit. */
export function statusRow(label: string, name: string, formula: string, unit: string | undefined, numberFormat: string): Field {
  return { label, name, cell: { formula, numberFormat }, unit };
}

/**
 * What both trackers read from their `monthly_log` (and `term_months`): hours used, months logged,
 * the burn rate, the log's month-to-month variability and the months left.
 */
export const LOG_ROWS = {
  hoursUsed: statusRow('Hours used', 'hours_used', '=SUM(monthly_log)', 'hours', HOURS),
  monthsElapsed: statusRow('Months logged', 'months_elapsed', '=COUNT(monthly_log)', 'months with hours typed: a blank month is not counted (type 0 for none)', COUNT),
  // The figures hold as of the end of the months counted (the first months of the term, when the log is kept in order).
  asOf: statusRow('As of', 'as_of', '=IF(months_elapsed=0,start_date,EDATE(start_date,months_elapsed)-1)', 'the last day of the months logged', DATE),
  burnRate: statusRow('Burn rate', 'burn_rate', '=IF(months_elapsed=0,0,hours_used/months_elapsed)', 'hours per month', HOURS),
  // No IFERROR: an error in the log should show, not pass as "no variability".
  variability: statusRow('Month-to-month variability', 'monthly_variability', '=IF(OR(months_elapsed<2,hours_used=0),0,STDEV.S(monthly_log)/AVERAGE(monthly_log))', 'how far a month typically strays from the average', VARIABILITY),
  monthsLeft: statusRow('Months left', 'months_left', '=MAX(0,term_months-months_elapsed)', 'months', COUNT),
} as const;

/** The longest status text, in characters: the status cell is wrapped to fit it. */
export function longestStatus(texts: TrackerStatusTexts): number {
  return Math.max(...[texts.noLog, texts.ended, texts.expiry, texts.overage, texts.both, texts.onTrack].map((t) => t.length));
}

/** The status field (`tracker_status`), from the `months_elapsed` and `months_left` cells and the warnings. */
export function statusField(texts: TrackerStatusTexts, warnings: TrackerWarnings): Field {
  const expiry = warnings.expiry(byName);
  const overage = warnings.overage(byName);
  const formula =
    `=IF(months_elapsed=0,"${texts.noLog}",IF(months_left=0,"${texts.ended}",IF(AND(${expiry},${overage}),"${texts.both}",` +
    `IF(${expiry},"${texts.expiry}",IF(${overage},"${texts.overage}","${texts.onTrack}")))))`;
  return { label: 'Status', name: 'tracker_status', cell: { formula, numberFormat: GENERAL } };
}

/** Wraps the status cell across the rest of the sheet, tall enough for its longest text. */
export function wrapStatus(sheet: SheetBuilder, texts: TrackerStatusTexts): void {
  const status = sheet.named('tracker_status');
  sheet.wrap({ ...status, columns: sheet.columnCount - status.column }, longestStatus(texts));
}

/** Red where a warning holds: each outcome's figures (a span of named rows) and the status. */
export function warningFormats(sheet: SheetBuilder, warnings: TrackerWarnings, expiryRows: readonly [string, string], overageRows: readonly [string, string]): PlanConditionalFormat[] {
  const absolute: Ref = (name) => sheet.address(name);
  return [
    { range: blockRange(sheet.span(...expiryRows)), formula: `=${warnings.expiry(absolute)}` },
    { range: blockRange(sheet.span(...overageRows)), formula: `=${warnings.overage(absolute)}` },
    { range: blockRange(sheet.named('tracker_status')), formula: `=OR(${warnings.expiry(absolute)},${warnings.overage(absolute)})` },
  ];
}
