import { checkArguments, type RawArguments } from './arguments';
import { expectedOverageHours, expectedUnusedHours, unusedHoursDecline } from './demand';
import { BREAKEVEN_LIMITS } from './limits';
import { bracketedRoot } from './root';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, mapOutcome, type Outcome } from './outcome';
import type { BlockOffer } from './block';

/** Where the block starts to pay off, or the fact that it never does. */
export type BreakEven = { readonly kind: 'hours'; readonly hours: number } | { readonly kind: 'never' };

export interface BreakEvenTerms extends BlockOffer {
  readonly hourlyRate: number;
  /** Coefficient of variation of the hours needed over the term. */
  readonly variability: number;
}

/** Beyond this many hours we stop looking: a block that pays off only past it never does in practice. */
const SEARCH_LIMIT_HOURS = 1e300;
/** Each outward step multiplies the hours by this; 16 reaches 1e300 from 1e-300 in under 500 steps. */
const SEARCH_GROWTH = 16;
const MAX_SEARCH_STEPS = 600;

/**
 * With hours known exactly, the block costs price + o·max(0, h − H) against R·h hourly.
 * Within the block it pays off at price / R; beyond it, only if overage is cheaper than hourly,
 * where R·h = price + o·(h − H) gives h = (price − o·H) / (R − o).
 */
function deterministicBreakEven(terms: BreakEvenTerms): BreakEven {
  const { hourlyRate: rate, blockHours, blockPrice, overageRate } = terms;
  const withinBlock = blockPrice / rate;
  if (withinBlock <= blockHours) return { kind: 'hours', hours: withinBlock };
  if (overageRate < rate) return { kind: 'hours', hours: (blockPrice - overageRate * blockHours) / (rate - overageRate) };
  return { kind: 'never' };
}


/**
 * The expected use h at which expected costs are equal: R·h = price + o·E[(U − H)⁺](h).
 *
 * The saving g(h) = R·h − price − o·E[(U − H)⁺] is concave in h (expected overage is convex),
 * with g(0) = −price < 0 and slope g'(h) = R − o·Q(k + 1, H/θ). So the block pays off on one
 * interval of use, and we return where it starts. We step out geometrically from price / R
 * (where g ≤ 0), sixteenfold each step, until g turns positive (then close in on the root) or its slope turns negative
 * (then the peak is behind us: find it, and if g is still negative there the block never pays).
 */
export function breakEvenHours(terms: BreakEvenTerms): BreakEven {
  if (terms.variability === 0) return deterministicBreakEven(terms);
  const { hourlyRate: rate, blockHours, blockPrice, overageRate, variability } = terms;
  // Two exact forms of the same saving, since E[(U − H)⁺] = mean − H + E[(H − U)⁺]. Each uses the
  // expectation that is small at that level of use, which avoids cancellation far beyond the block.
  const saving = (hours: number) => {
    const demand = { expectedHours: hours, variability };
    if (hours <= blockHours) return rate * hours - blockPrice - overageRate * expectedOverageHours(demand, blockHours);
    const unused = expectedUnusedHours(demand, blockHours);
    return (rate - overageRate) * hours + overageRate * (blockHours - unused) - blockPrice;
  };
  // g'(h) = R − o·Q(k + 1, x) = (R − o) + o·P(k + 1, x).
  const slope = (hours: number) =>
    rate - overageRate + overageRate * unusedHoursDecline({ expectedHours: hours, variability }, blockHours);

  // When overage costs the same as hourly, the saving rises towards R·H − price but never reaches it.
  if (overageRate === rate && blockPrice >= rate * blockHours) return { kind: 'never' };

  let low = 0;
  let high = blockPrice / rate;
  // A price too small against the rate to show as hours: the block pays off from (practically) 0 hours.
  if (!(high > 0)) return { kind: 'hours', hours: 0 };
  if (saving(high) >= 0) return { kind: 'hours', hours: high };
  for (let step = 0; step < MAX_SEARCH_STEPS && high < SEARCH_LIMIT_HOURS; step += 1) {
    if (slope(high) <= 0) {
      // The slope falls through 0 at the peak: find where −slope turns non-negative.
      const peak = bracketedRoot((hours) => -slope(hours), low, high);
      if (saving(peak) < 0) return { kind: 'never' };
      return { kind: 'hours', hours: bracketedRoot(saving, low, peak) };
    }
    const next = high * SEARCH_GROWTH;
    if (saving(next) >= 0) return { kind: 'hours', hours: bracketedRoot(saving, high, next) };
    low = high;
    high = next;
  }
  return { kind: 'never' };
}

/**
 * ITCOST.BREAKEVEN: the expected hours of use over the block's term at which buying the block
 * costs the same as paying hourly (expected costs, undiscounted).
 *
 * @example
 * breakEven({ hourlyRate: 100, blockHours: 20, blockPrice: 1800 })
 * //=> { ok: true, value: { kind: 'hours', hours: 18 } }
 */
export function breakEven(raw: RawArguments<typeof BREAKEVEN_LIMITS>): Outcome<BreakEven> {
  return mapOutcome(checkArguments(BREAKEVEN_LIMITS, raw), breakEvenHours);
}

/** Turns a break-even into a number of hours, or a "no answer" problem when the block never pays off. */
export function breakEvenValue(raw: RawArguments<typeof BREAKEVEN_LIMITS>): Outcome<number> {
  return andThen(breakEven(raw), (result) =>
    result.kind === 'hours' ? finiteOrProblem(result.hours, MESSAGES.resultTooLarge()) : fail({ kind: 'noAnswer', message: MESSAGES.blockNeverPaysOff() }),
  );
}
