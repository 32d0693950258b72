/*
 * Excel's 1900 date system counts 1 January 1900 as day 1 and, as Lotus 1-2-3 did, counts a
 * 29 February 1900 that never was as day 60. From day 61 (1 March 1900) on, serial s is the day
 * s days after 30 December 1899; before it, s days after 31 December 1899. The calendar itself is
 * the engine's (Date.UTC, proleptic Gregorian, no time zone).
 */

const DAY_MS = 86_400_000;
/** Date.UTC(1899, 11, 30) ÷ one day: the day serial 0 stands for from 1 March 1900 on. */
const EPOCH_DAY = -25569;
/** 1 March 1900, the first serial after Excel's phantom 29 February 1900. */
const FIRST_SERIAL_AFTER_PHANTOM_DAY = 61;
/** Excel's phantom 29 February 1900. */
const PHANTOM_DAY = 60;

/** The engine's date for a whole serial other than the phantom day. */
function dateOfDay(day: number): Date {
  return new Date((EPOCH_DAY + day + (day < FIRST_SERIAL_AFTER_PHANTOM_DAY ? 1 : 0)) * DAY_MS);
}

/**
 * The calendar month of an Excel date serial (its time of day ignored), as year × 12 + month − 1.
 *
 * @example
 * monthOfSerial(46023.75)
 * //=> 24312 — January 2026, whose 1st is serial 46023
 */
export function monthOfSerial(serial: number): number {
  const day = Math.floor(serial);
  // The phantom day belongs to February 1900, as its neighbours 59 and 61 say.
  const date = dateOfDay(day === PHANTOM_DAY ? day - 1 : day);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/**
 * The Excel date serial of the first day of a month given as year × 12 + month − 1.
 *
 * @example
 * serialOfMonthStart(24312)
 * //=> 46023 — 1 January 2026
 */
export function serialOfMonthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex - year * 12, 1);
  const serial = date.getTime() / DAY_MS - EPOCH_DAY;
  return serial < FIRST_SERIAL_AFTER_PHANTOM_DAY ? serial - 1 : serial;
}

/**
 * A whole date serial as the words of a limit show it: the ISO date, the same in every locale.
 *
 * @example
 * dateInWords(2958465)
 * //=> '9999-12-31'
 */
export function dateInWords(serial: number): string {
  return serial === PHANTOM_DAY ? '1900-02-29' : dateOfDay(serial).toISOString().slice(0, 10);
}

/**
 * The Excel date serial of a calendar date, or undefined for a day the month does not have
 * (31 April) or a date outside 1900-01-01 to 9999-12-31. 29 February 1900 is Excel's serial 60.
 *
 * @example
 * serialOfDate(2026, 1, 5)
 * //=> 46027
 */
export function serialOfDate(year: number, month: number, day: number): number | undefined {
  if (year === 1900 && month === 2 && day === 29) return PHANTOM_DAY;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year > 9999) return undefined;
  const days = date.getTime() / DAY_MS - EPOCH_DAY;
  const serial = days < FIRST_SERIAL_AFTER_PHANTOM_DAY ? days - 1 : days;
  return serial >= 1 ? serial : undefined;
}
