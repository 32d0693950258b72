/**
 * After-hours and urgent work, billed at a multiplier (1.5×, 2×) and drawn from prepaid hours at
 * the same multiplier: a share s of the hours at multiplier m makes each hour of work count as
 * 1 + s × (m − 1) hours, for hourly billing and for the block or retainer alike.
 */
import type { LimitTable } from './limits';

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
