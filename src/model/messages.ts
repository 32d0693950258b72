/**
 * Every sentence the model shows a user lives here, so wording stays consistent
 * between Excel error messages and the task pane's inline field messages.
 */
import { dateInWords } from './dates';
import type { ArgumentLimit } from './limits';

/** A number as a limit's words show it: a percentage for a limit declared as one. */
function limitNumber(limit: ArgumentLimit, value: number): string {
  return limit.percent ? `${+(value * 100).toPrecision(12)}%` : String(value);
}

/**
 * A limit's rule in words, the one phrasing every layer uses: the model's messages
 * ("block_hours must be greater than 0 (got -5)"), the task pane's field messages
 * ("Must be greater than 0.") and the sheets' validation alerts ("Block: hours must be
 * greater than 0."). Percent limits read as percentages: "from 0% to 100%".
 *
 * @example
 * limitInWords({ excelName: 'block_hours', unit: 'hours', greaterThan: 0 })
 * //=> 'greater than 0'
 * limitInWords({ excelName: 'covered_share', unit: 'share', atLeast: 0, atMost: 1, percent: true })
 * //=> 'from 0% to 100%'
 */
export function limitInWords(limit: ArgumentLimit): string {
  const show = (value: number) => limitNumber(limit, value);
  // A date range is whole days, the last one the day before the exclusive bound.
  if (limit.date && limit.atLeast !== undefined && limit.lessThan !== undefined) {
    return `a date from ${dateInWords(limit.atLeast)} to ${dateInWords(limit.lessThan - 1)}`;
  }
  const rules: string[] = [];
  if (limit.greaterThan !== undefined) rules.push(`greater than ${show(limit.greaterThan)}`);
  if (limit.atLeast !== undefined && limit.atMost !== undefined && limit.greaterThan === undefined) {
    return `${limit.wholeNumber ? 'a whole number ' : ''}from ${show(limit.atLeast)} to ${show(limit.atMost)}`;
  }
  if (limit.atLeast !== undefined) rules.push(`at least ${show(limit.atLeast)}`);
  if (limit.lessThan !== undefined) rules.push(`less than ${show(limit.lessThan)}`);
  if (limit.atMost !== undefined) rules.push(`at most ${show(limit.atMost)}`);
  const words = rules.length > 0 ? rules.join(' and ') : 'a number';
  return limit.wholeNumber ? `a whole number${rules.length > 0 ? `, ${words}` : ''}` : words;
}

/** How an offending value is quoted back to the user. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a range';
  return 'a value that is not a number';
}

/**
 * What an omitted argument stands for, in the words the help, the README and the wizard use:
 * the default number (a percentage for a percent limit), or the name of the argument it copies.
 * `names` gives each key of the limit table its Excel name. Undefined for a required argument.
 *
 * @example
 * defaultInWords({ excelName: 'covered_share', unit: 'share', atLeast: 0, atMost: 1, percent: true, optional: true, defaultValue: 1 }, {})
 * //=> '100%'
 * defaultInWords({ excelName: 'overage_rate', unit: 'money per hour', atLeast: 0, optional: true, defaultFrom: 'hourlyRate' }, { hourlyRate: 'hourly_rate' })
 * //=> 'hourly_rate'
 */
export function defaultInWords(limit: ArgumentLimit, names: Readonly<Record<string, string>>): string | undefined {
  if (!limit.optional) return undefined;
  if (limit.defaultFrom !== undefined) return names[limit.defaultFrom] ?? limit.defaultFrom;
  return limit.defaultValue === undefined ? undefined : limitNumber(limit, limit.defaultValue);
}

export const MESSAGES = {
  required: (name: string) => `${name} is required`,
  notANumber: (name: string, value: unknown) => `${name} must be a number (got ${describeValue(value)})`,
  notASingleNumber: (name: string) => `${name} must be a single number, not a range`,
  notFinite: (name: string, value: number) => `${name} must be a finite number (got ${describeValue(value)})`,
  /** A value outside its limit: the rule in {@link limitInWords}' words, and the value in the same units. */
  outOfLimit: (limit: ArgumentLimit, value: number) =>
    `${limit.excelName} must be ${limitInWords(limit)} (got ${limitNumber(limit, value)})`,
  blockNeverPaysOff: () =>
    'the block never pays off: it costs more than paying hourly at every level of use',
  inCell: (row: number, column: number) => ` in row ${row}, column ${column}`,
  tooFewNumbers: (name: string, count: number, got: number) =>
    `${name} must contain at least ${count} ${count === 1 ? 'number' : 'numbers'} (got ${got}; blank cells are ignored)`,
  /** Two ranges that must pair up cell by cell, one entry per position, but differ in shape. */
  rangeShapesDiffer: (name: string, other: string, rows: number, columns: number, gotRows: number, gotColumns: number) =>
    `${name} must be the same shape as ${other} (${rows} × ${columns}), one entry per position (got ${gotRows} × ${gotColumns})`,
  /** A position where one of two paired ranges has a value and the other is blank. */
  blankInPair: (name: string, other: string, row: number, column: number) =>
    `${name} is blank in row ${row}, column ${column}, where ${other} has a value: each entry needs both`,
  atMostArgument: (name: string, other: string, limit: number, value: number) =>
    `${name} must be at most ${other} (${limit}) (got ${value})`,
  averageMustBePositive: (name: string) =>
    `${name} must average more than 0 hours, or variability is undefined`,
  managedNeverPaysOff: () =>
    'managed services never pay off: with covered_share and incident_reduction both 0 they save nothing per support hour',
  noSupportHours: () => 'no support hours are expected, so there is no cost per hour',
  resultTooLarge: () => 'the result is too large to show as a number; check the size of the inputs',
  noHoursUsed: () => 'hours_used is 0, so there is no cost per hour used',
  retainerCapTooLarge: (cap: number, most: number, neverBinds?: number) =>
    `rollover_cap ${cap} is too large for an exact answer within one call's work at this variability; use at most ${most}` +
    (neverBinds === undefined ? '' : `, or ${neverBinds} or more (a cap that never binds)`),
  retainerTooFine: (variability: number, least: number) =>
    `monthly_variability ${variability} is too small against the rollover for an exact answer within one call's work; use at least ${least} or 0 (hours known exactly)`,
} as const;
