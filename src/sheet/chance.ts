import { CHANCE_DISPLAY } from '../model';

/**
 * How a chance cell reads: exactly as formatChance writes the same chance in RECOMMEND's text
 * and the task pane, so "under 0.1%" never sits beside a cell that says 0.0%.
 *
 * Excel's number format language allows two conditions and a default, not the four cases a
 * chance needs (0, under 0.1%, digits, over 99.9%, 1), so the cell's own format covers the low
 * end and a conditional format ({@link nearCertainCondition}) the high end:
 * - `[=0]0.0%`: nothing, 0.0%;
 * - `[<0.0005]"under 0.1%"`: above 0 but short of 0.1%;
 * - `0.0%`: the digits, one decimal (formatChance's), up to 100.0% for a chance of exactly 1.
 * The cell stays a number, so formulas that read it are unaffected.
 */
export const CHANCE_FORMAT = `[=0]0.0%;[<${CHANCE_DISPLAY.under.below}]"${CHANCE_DISPLAY.under.text}";0.0%`;

/** The number format a chance cell takes where {@link nearCertainCondition} holds. */
export const NEAR_CERTAIN_FORMAT = `"${CHANCE_DISPLAY.over.text}"`;

/** TRUE where the chance in `address` is not 1 but its digits would round to 100.0% (without "="). */
export function nearCertainCondition(address: string): string {
  return `AND(${address}>=${CHANCE_DISPLAY.over.from},${address}<1)`;
}

/**
 * The number format a cell shows its value in, once the near-certain conditional format is
 * applied: for a renderer that has the value but no formula engine to evaluate the condition.
 */
export function shownNumberFormat(numberFormat: string, value: unknown): string {
  const nearCertain = typeof value === 'number' && value >= CHANCE_DISPLAY.over.from && value < 1;
  return numberFormat === CHANCE_FORMAT && nearCertain ? NEAR_CERTAIN_FORMAT : numberFormat;
}
