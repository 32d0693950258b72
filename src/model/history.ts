import { checkArguments, type RawArguments } from './arguments';
import { TERMDEMAND_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, succeed, tooLargeProblem, type Outcome } from './outcome';
import type { Demand } from './demand';

/** Below this the plain sum may lose digits to subnormal numbers. */
const MIN_PLAIN_SCALE = 1e-290;

/**
 * Moments of at least two non-negative numbers, each divided by the largest so that neither the
 * sum nor the squared deviations overflow (1e200 and 3e200) or underflow (1e-320 and 3e-320):
 * the scale, the scaled mean and the scaled sample standard deviation (n − 1), two passes
 * (deviations from the mean, which avoids cancellation) and no arrays.
 */
function scaledMoments(values: readonly number[]): { scale: number; sum: number; mean: number; deviation: number } {
  let scale = 0;
  let sum = 0;
  for (const value of values) {
    scale = Math.max(scale, Math.abs(value));
    sum += value;
  }
  let scaledSum = 0;
  for (const value of values) scaledSum += value / scale;
  const mean = scaledSum / values.length;
  let squares = 0;
  for (const value of values) squares += (value / scale - mean) ** 2;
  return { scale, sum, mean, deviation: Math.sqrt(squares / (values.length - 1)) };
}

/** True when every value equals the first: such a series has no spread, even if its float mean is off by an ulp. */
function isConstant(values: readonly number[]): boolean {
  for (const value of values) if (value !== values[0]) return false;
  return true;
}

/**
 * Mean and sample standard deviation (n − 1) of at least two non-negative numbers, finite whenever
 * the largest value is (see scaledMoments). The mean is the plain sum ÷ n where that is safe, so
 * that whole numbers average to what a calculator shows.
 */
export function meanAndSampleDeviation(values: readonly number[]): { mean: number; deviation: number } {
  if (isConstant(values)) return { mean: values[0], deviation: 0 };
  const { scale, sum, mean, deviation } = scaledMoments(values);
  const plainMean = Number.isFinite(sum) && scale >= MIN_PLAIN_SCALE ? sum / values.length : mean * scale;
  return { mean: plainMean, deviation: deviation * scale };
}

/**
 * Coefficient of variation (sample sd ÷ mean) of past values, from the scaled moments, so it stays
 * right where the mean and the deviation themselves are tiny or huge.
 */
function coefficientOfVariation(values: readonly number[]): number {
  if (isConstant(values)) return 0;
  const { mean, deviation } = scaledMoments(values);
  return deviation / mean;
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
 * //=> { expectedHours: 144, variability: 0.0680 (approximately) }
 */
export function demandFromHistory(monthlyHours: readonly number[], termMonths: number): Demand {
  const { mean } = meanAndSampleDeviation(monthlyHours);
  return { expectedHours: termMonths * mean, variability: termVariability(coefficientOfVariation(monthlyHours), termMonths) };
}

/** The size of TERMDEMAND's spill: one row, expected hours and variability. */
export const TERMDEMAND_SPILL = { rows: 1, columns: 2 } as const;

/**
 * ITCOST.TERMDEMAND: from a range of past monthly hours (at least 2 numbers, blanks ignored),
 * the expected hours over the term and their variability, as a 1×2 row.
 *
 * @example
 * termDemand({ monthlyHours: [[10], [14], [12], [8], [16], [12]] })
 * //=> { ok: true, value: [[144, 0.0680 (approximately)]] }
 */
export function termDemand(raw: RawArguments<typeof TERMDEMAND_LIMITS>): Outcome<number[][]> {
  return andThen(checkArguments(TERMDEMAND_LIMITS, raw), (args) => {
    const total = args.monthlyHours.reduce((sum, value) => sum + value, 0);
    if (!(total > 0)) {
      return fail({ kind: 'invalidInput', argument: 'monthly_hours', message: MESSAGES.averageMustBePositive('monthly_hours') });
    }
    const demand = demandFromHistory(args.monthlyHours, args.termMonths);
    // The variability is a ratio of scaled numbers and always fits; only term × mean can overflow.
    if (!Number.isFinite(demand.expectedHours)) return fail(tooLargeProblem());
    return succeed([[demand.expectedHours, demand.variability]]);
  });
}
