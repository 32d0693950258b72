import { checkArguments, type RawArguments } from './arguments';
import { TERMDEMAND_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, succeed, tooLargeProblem, type Outcome } from './outcome';
import type { Demand } from './demand';

/** Below this the plain sum may lose digits to subnormal numbers. */
const MIN_PLAIN_SCALE = 1e-290;

/**
 * Mean and sample standard deviation (n − 1) of at least two non-negative numbers.
 * The values are first divided by the largest, so that neither the sum nor the squared
 * deviations overflow (1e200 and 3e200) or underflow (1e-320 and 3e-320); the scale is put
 * back at the end. Both results are finite whenever the largest value is.
 */
export function meanAndSampleDeviation(values: readonly number[]): { mean: number; deviation: number } {
  // A constant series has no spread, even when its float mean is off by an ulp.
  if (values.every((value) => value === values[0])) return { mean: values[0], deviation: 0 };
  const scale = Math.max(...values.map(Math.abs));
  const scaled = values.map((value) => value / scale);
  const scaledMean = scaled.reduce((sum, value) => sum + value, 0) / scaled.length;
  // Two-pass formula: sums squared deviations from the mean, which avoids cancellation.
  const squares = scaled.reduce((sum, value) => sum + (value - scaledMean) ** 2, 0);
  // The plain mean where it is safe, so that whole numbers average to what a calculator shows.
  const sum = values.reduce((total, value) => total + value, 0);
  const mean = Number.isFinite(sum) && scale >= MIN_PLAIN_SCALE ? sum / values.length : scaledMean * scale;
  return { mean, deviation: Math.sqrt(squares / (scaled.length - 1)) * scale };
}

/**
 * Coefficient of variation (sample sd ÷ mean) of past values, computed on the scaled values so it
 * stays right where the mean and the deviation themselves are tiny or huge.
 */
function coefficientOfVariation(values: readonly number[]): number {
  if (values.every((value) => value === values[0])) return 0;
  const scale = Math.max(...values.map(Math.abs));
  const { mean, deviation } = meanAndSampleDeviation(values.map((value) => value / scale));
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
 * //=> { expectedHours: 144, variability: 0.0833 (approximately) }
 */
export function demandFromHistory(monthlyHours: readonly number[], termMonths: number): Demand {
  const { mean } = meanAndSampleDeviation(monthlyHours);
  return { expectedHours: termMonths * mean, variability: termVariability(coefficientOfVariation(monthlyHours), termMonths) };
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
    // The variability is a ratio of scaled numbers and always fits; only term × mean can overflow.
    if (!Number.isFinite(demand.expectedHours)) return fail(tooLargeProblem());
    return succeed([[demand.expectedHours, demand.variability]]);
  });
}
