/**
 * After-hours work on the scenario sheets (the model's afterHoursFactor, written as a formula): the
 * hours worked, the share and the multiplier as inputs, and the hours the model weighs as a formula
 * over them.
 */
import { AFTER_HOURS_LIMITS, type AfterHours } from '../model';
import { replaceField, type Field } from './builder';
import { PERCENT, PLAIN } from './formats';

/** The formula the expected monthly hours become over the three after-hours inputs. */
export const AFTER_HOURS_FORMULA = '=worked_monthly_hours*(1+after_hours_share*(after_hours_multiplier-1))';

/**
 * The input fields with after-hours work: the expected monthly hours become AFTER_HOURS_FORMULA,
 * and the three inputs it reads follow it, the hours worked taking the expected hours' own cell (a
 * value, or a formula over a history).
 */
export function withAfterHours(fields: readonly Field[], afterHours: AfterHours | undefined): Field[] {
  if (!afterHours) return [...fields];
  return replaceField(fields, 'expected_monthly_hours', (expected) => [
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
  ]);
}
