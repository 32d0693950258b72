import { checkArguments, type RawArguments } from './arguments';
import { TERMDEMAND_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, succeed, type Outcome } from './outcome';
import type { Demand } from './demand';

/** Mean and sample standard deviation (n − 1) of at least two numbers. */
export function meanAndSampleDeviation(values: readonly number[]): { mean: number; deviation: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  // A constant series has no spread, even when its float mean is off by an ulp.
  if (values.every((value) => value === values[0])) return { mean: values[0], deviation: 0 };
  // Two-pass formula: sums squared deviations from the mean, which avoids cancellation.
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, deviation: Math.sqrt(squares / (values.length - 1)) };
}

/**
 * Variability of the hours over a term of n independent months: monthly variability / √n.
 * The standard deviation of a sum of n independent months grows as √n while its mean grows as n.
 *
 * @example
 * termVariability(0.5, 4)
 * //=> 0.25
 */
export function termVariability(monthlyVariability: number, termMonths: number): number {
  return monthlyVariability / Math.sqrt(termMonths);
}

/**
 * Demand over a term estimated from past monthly hours, assuming months are independent and
 * alike: expected hours = term · mean, and variability = (sample sd / mean) / √term, because
 * the standard deviation of a sum of n independent months grows as √n while its mean grows as n.
 *
 * @example
 * demandFromHistory([10, 14, 12, 8, 16, 12], 12)
 * //=> { expectedHours: 144, variability: 0.0833 (approximately) }
 */
export function demandFromHistory(monthlyHours: readonly number[], termMonths: number): Demand {
  const { mean, deviation } = meanAndSampleDeviation(monthlyHours);
  return { expectedHours: termMonths * mean, variability: deviation / mean / Math.sqrt(termMonths) };
}

/**
 * ITCOST.TERMDEMAND: from a range of past monthly hours (at least 2 numbers, blanks ignored),
 * the expected hours over the term and their variability, as a 1×2 row.
 *
 * @example
 * termDemand({ monthlyHours: [[10], [14], [12], [8], [16], [12]] })
 * //=> { ok: true, value: [[144, 0.0833 (approximately)]] }
 */
export function termDemand(raw: RawArguments<typeof TERMDEMAND_LIMITS>): Outcome<number[][]> {
  return andThen(checkArguments(TERMDEMAND_LIMITS, raw), (args) => {
    const total = args.monthlyHours.reduce((sum, value) => sum + value, 0);
    if (!(total > 0)) {
      return fail({ kind: 'invalidInput', argument: 'monthly_hours', message: MESSAGES.averageMustBePositive('monthly_hours') });
    }
    const demand = demandFromHistory(args.monthlyHours, args.termMonths);
    if (!Number.isFinite(demand.expectedHours) || !Number.isFinite(demand.variability)) {
      return fail({ kind: 'invalidInput', message: MESSAGES.resultTooLarge() });
    }
    return succeed([[demand.expectedHours, demand.variability]]);
  });
}
