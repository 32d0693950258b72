/** Number formats the sheet plans share, declared once. Computed chances use CHANCE_FORMAT (chance.ts). */

/** Money, to the cent, with thousands separators; a negative amount in red with its minus sign. */
export const MONEY = '#,##0.00;[Red]-#,##0.00';
/** Hours, to a tenth. */
export const HOURS = '#,##0.0';
/** Hours typed in: at least a tenth, and quarter hours as typed (3.25, not 3.3). */
export const HOURS_INPUT = '#,##0.0#';
/** A month-to-month variability (a coefficient of variation), shown as the percentage the wizard asks for. */
export const VARIABILITY = '0.0%';
/** Hours billed from a ticket log, to a hundredth (the billing rules round to minutes). */
export const BILLED_HOURS = '0.00';
/** A share or rate typed as a percentage (an input, not a computed chance). */
export const PERCENT = '0.0%';
/** A ratio such as a coefficient of variation. */
export const RATIO = '0.000';
/** A count: months, ranks, offers. */
export const COUNT = '0';
/** A number as typed, up to two decimals (billing rules). */
export const PLAIN = '0.##';
/** An Excel date serial. */
export const DATE = 'yyyy-mm-dd';
/** Excel's own choice: text, or a number as it comes. */
export const GENERAL = 'General';
/** A calendar month, from its first day's date serial. */
export const MONTH = 'mmm yyyy';

/**
 * {@link MONEY} with a currency sign, before or after the amount as the workbook's locale writes
 * it, for sheets written into a workbook whose currency is known.
 *
 * @example
 * [moneyFormat('€', 'after'), moneyFormat('$', 'before')]
 * //=> ['#,##0.00 [$€];[Red]-#,##0.00 [$€]', '[$$]#,##0.00;[Red]-[$$]#,##0.00']
 */
export function moneyFormat(symbol: string, position: 'before' | 'after'): string {
  const sign = `[$${symbol.replace(/[\]"]/g, '')}]`;
  const amount = (number: string) => (position === 'before' ? `${sign}${number}` : `${number} ${sign}`);
  return `${amount('#,##0.00')};[Red]-${amount('#,##0.00')}`;
}
