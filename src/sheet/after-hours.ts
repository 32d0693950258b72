/**
 * After-hours and urgent work, billed at a multiplier (1.5×, 2×) and drawn from prepaid hours at
 * the same multiplier: a share s of the hours at multiplier m makes each hour of work count as
 * 1 + s × (m − 1) hours, for hourly billing and for the block or retainer alike. The scenario
 * sheets then show the hours worked, the share and the multiplier as inputs, and the hours the
 * model weighs as a formula over them.
 */
import type { LimitTable } from '../model';
import type { Field } from './builder';
import { PERCENT, PLAIN } from './formats';

export interface AfterHours {
  /** Support hours a month, counted at the normal rate. */
  readonly workedMonthlyHours: number;
  /** Share of them after hours or urgent, 0 to 1. */
  readonly share: number;
  readonly multiplier: number;
}

/**
 * The hours each hour of work counts as.
 *
 * @example
 * afterHoursFactor({ workedMonthlyHours: 10, share: 0.2, multiplier: 1.5 })
 * //=> 1.1
 */
export function afterHoursFactor(afterHours: Pick<AfterHours, 'share' | 'multiplier'>): number {
  return 1 + afterHours.share * (afterHours.multiplier - 1);
}

/** The limits of the two after-hours inputs, for the wizard's fields and the sheets' validation. */
export const AFTER_HOURS_LIMITS = {
  share: { excelName: 'after_hours_share', unit: 'share of support hours', atLeast: 0, atMost: 1, percent: true, optional: true, defaultValue: 0 },
  multiplier: { excelName: 'after_hours_multiplier', unit: 'times', greaterThan: 0, optional: true, defaultValue: 1.5 },
} as const satisfies LimitTable;

/** The formula the expected monthly hours become over the three after-hours inputs. */
export const AFTER_HOURS_FORMULA = '=worked_monthly_hours*(1+after_hours_share*(after_hours_multiplier-1))';

/**
 * The input fields with after-hours work: the expected monthly hours become AFTER_HOURS_FORMULA,
 * and the three inputs it reads follow it, the hours worked taking the expected hours' own cell (a
 * value, or a formula over a history).
 */
export function withAfterHours(fields: readonly Field[], afterHours: AfterHours | undefined): Field[] {
  const at = fields.findIndex((field) => field.name === 'expected_monthly_hours');
  if (!afterHours || at < 0) return [...fields];
  const expected = fields[at];
  return [
    ...fields.slice(0, at),
    { label: expected.label, name: expected.name, cell: { formula: AFTER_HOURS_FORMULA, numberFormat: expected.cell.numberFormat }, unit: `${expected.unit ?? 'hours per month'}, counting after-hours work at its multiplier` },
    // The hours worked: the value typed (not the scaled one the expected hours held), or the expected hours' formula over a history.
    {
      ...expected,
      label: 'Support hours worked per month',
      name: 'worked_monthly_hours',
      comment: 'Support hours a month, counted at the normal rate',
      cell: expected.cell.formula === undefined ? { ...expected.cell, value: afterHours.workedMonthlyHours } : expected.cell,
    },
    { label: 'Share of hours after hours or urgent', name: 'after_hours_share', cell: { value: afterHours.share, numberFormat: PERCENT }, unit: 'share, 0 to 100%', limit: AFTER_HOURS_LIMITS.share },
    { label: 'After-hours multiplier', name: 'after_hours_multiplier', cell: { value: afterHours.multiplier, numberFormat: PLAIN }, unit: 'times: billed, and drawn from prepaid hours, at this rate', limit: AFTER_HOURS_LIMITS.multiplier },
    ...fields.slice(at + 1),
  ];
}
