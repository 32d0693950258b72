import { checkArguments, type RawArguments } from './arguments';
import { BILLEDHOURS_LIMITS } from './limits';
import { andThen, finiteOrProblem, type Outcome } from './outcome';

/** How a provider turns minutes worked on a ticket into billable time. */
export interface BillingRules {
  /** Time is rounded up to a whole number of these, in minutes (e.g. 15). */
  readonly incrementMinutes: number;
  /** The least a ticket is billed, in minutes (e.g. a 30-minute minimum charge). */
  readonly minimumMinutes: number;
  /** Applied after rounding, e.g. 1.5 for after-hours work. */
  readonly multiplier: number;
}

/** Relative slack when counting increments, so 45 / 15 is 3 even if float division gives 3.0000000000000004. */
const INCREMENT_TOLERANCE = 1e-9;

/**
 * Whole increments needed to cover the minutes: ceil(minutes / increment), except that a ratio
 * within a hair of a whole number counts as that number (float division can land just above it).
 *
 * @example
 * incrementsToBill(45, 15)
 * //=> 3
 */
export function incrementsToBill(minutes: number, incrementMinutes: number): number {
  const ratio = minutes / incrementMinutes;
  const nearest = Math.round(ratio);
  if (Math.abs(ratio - nearest) <= INCREMENT_TOLERANCE * Math.max(1, nearest)) return nearest;
  return Math.ceil(ratio);
}

/**
 * Billable minutes for one ticket: max(minimum, increment · ceil(minutes / increment)) · multiplier.
 *
 * @example
 * billedMinutes(50, { incrementMinutes: 15, minimumMinutes: 30, multiplier: 1.5 })
 * //=> 90
 */
export function billedMinutes(minutes: number, rules: BillingRules): number {
  const rounded = rules.incrementMinutes * incrementsToBill(minutes, rules.incrementMinutes);
  return Math.max(rules.minimumMinutes, rounded) * rules.multiplier;
}

/**
 * ITCOST.BILLEDHOURS: billable hours for one ticket, or the total over a range of tickets
 * (blank cells ignored), after rounding up to the increment, the minimum charge and the multiplier.
 *
 * @example
 * billedHours({ minutesWorked: [[10], [45], [61]], minimumMinutes: 30 })
 * //=> { ok: true, value: 2.5 } — 30 + 45 + 75 minutes
 */
export function billedHours(raw: RawArguments<typeof BILLEDHOURS_LIMITS>): Outcome<number> {
  return andThen(checkArguments(BILLEDHOURS_LIMITS, raw), (args) => {
    const totalMinutes = args.minutesWorked.reduce((sum, minutes) => sum + billedMinutes(minutes, args), 0);
    return finiteOrProblem(totalMinutes / 60);
  });
}
