/*
 * The cells of a time-entry export, read as what they hold: dates (ISO, M/D/Y or D/M/Y, with or
 * without a time of day, or a date serial), durations (minutes, hours, or h:mm), times of day and
 * yes/no flags. Nothing here guesses silently: the day/month order is decided over the whole
 * column (dayMonthOrder), and a cell that fits no format is undefined, for the caller to report.
 */
import { serialOfDate } from '../model/dates';

/** How a date written with slashes or dots orders its numbers: 3/4/2026 is 4 March (DMY) or 3 April (MDY). */
export type DayMonthOrder = 'MDY' | 'DMY';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A time of day, "9:05", "09:05:30", "9:05 PM", "21:05", as a fraction of a day. */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$/i;
/** ISO 8601: 2026-03-04, 2026-03-04T09:05, 2026-03-04 09:05:00Z (a zone is ignored: the date as written counts). */
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(.+?))?(?:Z|[+-]\d{2}:?\d{2})?$/i;
/** 3/4/2026, 03.04.2026, 3-4-26, with an optional time after a space. */
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+(.+))?$/;
/** 4 Mar 2026, 4-Mar-2026, 4-Mar-26 (Excel's d-mmm-yy), Mar 4, 2026, March 4 2026, with an optional time. */
const DAY_NAMED = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:,?\s+(.+))?$/i;
/** A weekday before a date ("Mon, Jan 5, 2026", "Monday 5 January 2026"), which says nothing the date does not. */
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d|[a-z])/i;
const NAMED_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(.+))?$/i;

/** A regular expression's group, undefined when the group is optional and did not take part (the DOM types say string). */
function group(match: RegExpExecArray, index: number): string | undefined {
  const value: string | undefined = match[index];
  return value;
}

/** A time of day as a fraction of a day, or undefined. */
export function timeOfDay(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(group(match, 3) ?? 0);
  const meridiem = group(match, 4)?.toLowerCase().replace(/\./g, '');
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** A date serial plus the time of day written after it, if any (undefined if the time is unreadable). */
function withTime(serial: number | undefined, time: string | undefined): number | undefined {
  if (serial === undefined) return undefined;
  if (time === undefined) return serial;
  const fraction = timeOfDay(time);
  return fraction === undefined ? undefined : serial + fraction;
}

/** A two-digit year as Excel reads one: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const fullYear = (year: string) => (year.length === 2 ? (Number(year) < 30 ? 2000 : 1900) + Number(year) : Number(year));

/**
 * The two leading numbers of a date written with slashes or dots (3/4/2026 gives [3, 4]), or
 * undefined for any other form: what decides the column's day/month order.
 */
export function numericDateParts(text: string): readonly [number, number] | undefined {
  const match = NUMERIC.exec(text.trim());
  // Dates with dots (05.01.2026) are written day first wherever they are used: they decide nothing.
  return match && match[2] !== '.' ? [Number(match[1]), Number(match[3])] : undefined;
}

/**
 * A date cell as an Excel date serial (a time of day as its fraction), or undefined. `order`
 * reads numeric dates; ISO dates, dates with month names and plain serials (an export saved from
 * Excel) read the same either way.
 */
export function dateSerial(text: string, order: DayMonthOrder): number | undefined {
  const trimmed = text.trim().replace(WEEKDAY, '');
  if (/^\d{1,7}(\.\d+)?$/.test(trimmed)) {
    const serial = Number(trimmed);
    return serial >= 1 && serial < 2958466 ? serial : undefined;
  }
  let match = ISO.exec(trimmed);
  if (match) return withTime(serialOfDate(Number(match[1]), Number(match[2]), Number(match[3])), group(match, 4));
  match = NUMERIC.exec(trimmed);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    const [month, day] = order === 'MDY' && match[2] !== '.' ? [first, second] : [second, first];
    return withTime(serialOfDate(fullYear(match[4]), month, day), group(match, 5));
  }
  match = DAY_NAMED.exec(trimmed);
  if (match) {
    const month = monthNumber(match[2]);
    return month === undefined ? undefined : withTime(serialOfDate(fullYear(match[3]), month, Number(match[1])), group(match, 4));
  }
  match = NAMED_DAY.exec(trimmed);
  if (match) {
    const month = monthNumber(match[1]);
    return month === undefined ? undefined : withTime(serialOfDate(Number(match[3]), month, Number(match[2])), group(match, 4));
  }
  return undefined;
}

/** What a column's numeric dates say about their order. */
export interface OrderEvidence {
  /** The order the dates must be in, or both when they could be either, or neither when they contradict each other. */
  readonly possible: readonly DayMonthOrder[];
  /** A date that rules out MDY (its second number is above 12), and one that rules out DMY. */
  readonly notMDY?: string;
  readonly notDMY?: string;
}

/** Which day/month orders fit every numeric date of a column: 13/4/2026 rules out MDY, 4/13/2026 rules out DMY. */
export function dayMonthOrder(texts: Iterable<string>): OrderEvidence {
  let notMDY: string | undefined;
  let notDMY: string | undefined;
  for (const text of texts) {
    const parts = numericDateParts(text);
    if (!parts) continue;
    if (parts[0] > 12) notMDY ??= text;
    if (parts[1] > 12) notDMY ??= text;
  }
  const possible = (['MDY', 'DMY'] as const).filter((order) => (order === 'MDY' ? notMDY === undefined : notDMY === undefined));
  return { possible, ...(notMDY === undefined ? {} : { notMDY }), ...(notDMY === undefined ? {} : { notDMY }) };
}

/**
 * A number as an export writes it: "45", "1.5", "1,800" (thousands), "1,5" (a decimal comma), and
 * with `decimalComma` (a file separated by semicolons, as European exports are) "1,500" as 1.5.
 */
export function exportNumber(text: string, decimalComma: boolean): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  let plain = trimmed;
  // A comma before one, two or four digits or more can only be a decimal comma ("1,5", "0,75"). Before
  // exactly three it is one in a file that writes decimal commas, and otherwise a thousands separator
  // ("1,500"), which never follows a leading 0: "0,750" is neither, and is not read.
  const decimal = /^-?\d+,\d+$/.test(trimmed) && (decimalComma || !/^-?\d+,\d{3}$/.test(trimmed));
  const thousands = !decimalComma && /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(trimmed);
  if (decimal) plain = trimmed.replace(',', '.');
  else if (thousands) plain = trimmed.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(plain)) return undefined;
  return Number(plain);
}

/** A duration cell in minutes: a number in `unit`, or h:mm / h:mm:ss whatever the unit. */
export function durationMinutes(text: string, unit: 'minutes' | 'hours', decimalComma: boolean): number | undefined {
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(group(clock, 3) ?? 0) / 60;
  const value = exportNumber(text, decimalComma);
  if (value === undefined || value < 0) return undefined;
  return unit === 'hours' ? value * 60 : value;
}

const YES = /^(y|yes|true|1|billable|bill|billed|chargeable|x|✓)$/i;
const NO = /^(n|no|false|0|non[-_ ]?billable|not billable|do ?not ?bill|no ?charge|nc|internal|free)$/i;

/** A billable flag: true, false, or undefined for a value that says neither. */
export function billableFlag(text: string): boolean | undefined {
  const trimmed = text.trim();
  if (YES.test(trimmed)) return true;
  if (NO.test(trimmed)) return false;
  return undefined;
}
