import { checkArguments, type RawArguments } from './arguments';
import { expectedUnusedHours } from './demand';
import { termVariability } from './history';
import { EXPIRYFORECAST_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, succeed, type Outcome } from './outcome';

export interface BlockInProgress {
  /** Hours used so far. */
  readonly hoursUsed: number;
  /** Months since the block was bought, more than 0 and at most termMonths. */
  readonly monthsElapsed: number;
  readonly blockHours: number;
  /** Months from purchase to expiry. */
  readonly termMonths: number;
  /** Coefficient of variation of one month's hours. */
  readonly monthlyVariability: number;
}

/**
 * Expected hours left unused at expiry for a block already bought, if use continues at the burn
 * rate so far. The remaining months r = term − elapsed need hoursUsed / elapsed · r hours on
 * average; as a sum of r independent months their variability is monthlyVariability / √r.
 * The answer is E[(hours left − remaining demand)⁺], and 0 once the block is used up.
 *
 * @example
 * forecastUnusedAtExpiry({ hoursUsed: 6, monthsElapsed: 6, blockHours: 20, termMonths: 12, monthlyVariability: 0 })
 * //=> 8
 */
export function forecastUnusedAtExpiry(block: BlockInProgress): number {
  const hoursLeft = block.blockHours - block.hoursUsed;
  if (hoursLeft <= 0) return 0;
  const remainingMonths = block.termMonths - block.monthsElapsed;
  if (remainingMonths <= 0) return hoursLeft;
  const burnRate = block.hoursUsed / block.monthsElapsed;
  const expectedHours = burnRate * remainingMonths;
  // A burn rate too large for a double (hours used in a vanishing time) uses up any block.
  if (!Number.isFinite(expectedHours)) return 0;
  const demand = { expectedHours, variability: termVariability(block.monthlyVariability, remainingMonths) };
  return expectedUnusedHours(demand, hoursLeft);
}

/**
 * ITCOST.EXPIRYFORECAST: checks the arguments (months_elapsed may not pass term_months) and
 * returns {@link forecastUnusedAtExpiry}.
 *
 * @example
 * expiryForecast({ hoursUsed: 6, monthsElapsed: 6, blockHours: 20, termMonths: 12 })
 * //=> { ok: true, value: 8 }
 */
export function expiryForecast(raw: RawArguments<typeof EXPIRYFORECAST_LIMITS>): Outcome<number> {
  return andThen(checkArguments(EXPIRYFORECAST_LIMITS, raw), (args) => {
    if (args.monthsElapsed > args.termMonths) {
      return fail({
        kind: 'invalidInput',
        argument: 'months_elapsed',
        message: MESSAGES.atMostArgument('months_elapsed', 'term_months', args.termMonths, args.monthsElapsed),
      });
    }
    return succeed(forecastUnusedAtExpiry(args));
  });
}
