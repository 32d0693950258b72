import { checkArguments, type RawArguments } from './arguments';
import { blockExpectations } from './demand';
import { BREAKEVEN_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, mapOutcome, type Outcome } from './outcome';
import type { BlockOffer } from './block';
import { CONVERGED, increasingRoot, isRoot, modelStep, peakInBracket, rootInBracket, type SavingAt } from './breakeven-steps';

/** Where the block starts to pay off, or the fact that it never does. */
export type BreakEven = { readonly kind: 'hours'; readonly hours: number } | { readonly kind: 'never' };

export interface BreakEvenTerms extends BlockOffer {
  readonly hourlyRate: number;
  /** Coefficient of variation of the hours needed over the term. */
  readonly variability: number;
}

/** Most evaluations one break-even may take; a typical one takes about 6. */
const MAX_EVALUATIONS = 60;

/**
 * With hours known exactly, the block costs price + o·max(0, h − H) against R·h hourly.
 * Within the block it pays off at price / R; beyond it, only if overage is cheaper than hourly,
 * where R·h = price + o·(h − H) gives h = (price − o·H) / (R − o). A price of exactly R·H breaks
 * even at H (compared as the product, so that rounding in price / R cannot lose the tie).
 */
function deterministicBreakEven(terms: BreakEvenTerms): BreakEven {
  const { hourlyRate: rate, blockHours, blockPrice, overageRate } = terms;
  if (blockPrice === rate * blockHours) return { kind: 'hours', hours: blockHours };
  if (blockPrice < rate * blockHours) return { kind: 'hours', hours: Math.min(blockPrice / rate, blockHours) };
  if (overageRate < rate) return { kind: 'hours', hours: (blockPrice - overageRate * blockHours) / (rate - overageRate) };
  return { kind: 'never' };
}

/**
 * The expected use h at which expected costs are equal: R·h = price + o·E[(U − H)⁺](h).
 *
 * The saving g(h) = R·h − price − o·E[(U − H)⁺] is concave in h (expected overage is convex in
 * the mean), with g(h) < 0 for every h below price / R. So the block pays off on one interval of
 * use, and we return where it starts. One evaluation of the incomplete gamma gives g, its slope
 * g' = R − o·Q(k + 1, x) and its curvature g'' = −o·prefix·x/h (see blockExpectations).
 *
 * From h₀ = price / R, Newton's method cannot overshoot: the tangent of a concave function lies
 * above it, so each step lands at or before the root. Near a double root (the block barely pays
 * off, or barely fails to) Newton slows to halving its error, so each step also looks at the
 * quadratic model g + g'δ + g''δ²/2: its root, when it has one, is a longer step; when it has
 * none, the model's peak is where to look next. Either may pass the root or the peak; that is
 * seen at once (g ≥ 0, or g' ≤ 0) and settled inside the bracket it leaves: Newton's method
 * safeguarded by a bracket, in the manner of `rtsafe` (Numerical Recipes, 3rd ed., §9.4). A few
 * evaluations in all, where a fixed search would take dozens. See docs/architecture.md.
 *
 * It evaluates g at most `maxEvaluations` times (60 unless told; a typical search takes about 6).
 * Out of evaluations, it returns the nearest point it has seen past the root, else the last one below it.
 */
export function breakEvenHours(terms: BreakEvenTerms, maxEvaluations = MAX_EVALUATIONS): BreakEven {
  if (terms.variability === 0) return deterministicBreakEven(terms);
  const { hourlyRate: rate, blockHours, blockPrice, overageRate, variability } = terms;
  // When overage costs the same as hourly, the saving rises towards R·H − price but never reaches it.
  if (overageRate === rate && blockPrice >= rate * blockHours) return { kind: 'never' };

  let evaluations = 0;
  const at = (hours: number): SavingAt => {
    evaluations += 1;
    const expected = blockExpectations({ expectedHours: hours, variability }, blockHours);
    // Two exact forms of the same saving, since E[(U − H)⁺] = h − H + E[(H − U)⁺]. Each uses the
    // expectation that is small at that level of use, which avoids cancellation far beyond the block.
    const terms =
      hours <= blockHours
        ? [rate * hours, -blockPrice, -overageRate * expected.overage]
        : [(rate - overageRate) * hours, overageRate * blockHours - blockPrice, -overageRate * expected.unused];
    const saving = terms[0] + terms[1] + terms[2];
    // Each term is good to a few units of rounding, the expectations to about 1e-13.
    const noise = 1e-13 * Math.abs(terms[2]) + 8 * Number.EPSILON * (Math.abs(terms[0]) + Math.abs(terms[1]));
    // g' = R − o·(1 − P(k + 1, x)) = (R − o) + o·P(k + 1, x).
    return {
      hours,
      saving,
      slope: rate - overageRate + overageRate * expected.unusedDecline,
      curvature: -overageRate * expected.overageCurvature,
      unusedElasticity: expected.unused > 0 ? (hours * expected.unusedDecline) / expected.unused : Infinity,
      unusedCost: overageRate * expected.unused,
      noise,
    };
  };

  const start = blockPrice / rate;
  // A price too small against the rate to show as hours: the block pays off from (practically) 0 hours.
  if (!(start > 0)) return { kind: 'hours', hours: 0 };
  if (!Number.isFinite(start)) return { kind: 'never' };
  if (!(maxEvaluations >= 1)) return { kind: 'hours', hours: start };
  let left = at(start);
  if (left.saving >= 0) return { kind: 'hours', hours: start };
  if (overageRate <= rate) return { kind: 'hours', hours: increasingRoot(at, left, rate - overageRate, maxEvaluations - evaluations) };
  for (;;) {
    // Below the root g < 0; a point there that is already past the peak proves there is no root.
    if (!(left.slope > 0)) return { kind: 'never' };
    const model = modelStep(left);
    const next = left.hours + model.step;
    if (!Number.isFinite(next)) return { kind: 'never' };
    if (next - left.hours <= CONVERGED * left.hours) {
      // At the root, or at the peak of a model with no root: then g < 0 at its maximum.
      return model.reachesZero ? { kind: 'hours', hours: next } : { kind: 'never' };
    }
    // Out of evaluations (60 are never needed): the last point, at or below the root.
    if (evaluations >= maxEvaluations) return { kind: 'hours', hours: left.hours };
    const right = at(next);
    if (isRoot(right)) return { kind: 'hours', hours: next };
    if (right.saving >= 0) return { kind: 'hours', hours: rootInBracket(at, left, right, maxEvaluations - evaluations) };
    if (!(right.slope > 0)) {
      // Passed the peak without seeing g ≥ 0: the peak lies between, and decides.
      const peak = peakInBracket(at, left, right, maxEvaluations - evaluations);
      if (peak.saving < 0) return { kind: 'never' };
      return { kind: 'hours', hours: rootInBracket(at, left, peak, maxEvaluations - evaluations) };
    }
    left = right;
  }
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
    result.kind === 'hours' ? finiteOrProblem(result.hours) : fail({ kind: 'noAnswer', message: MESSAGES.blockNeverPaysOff() }),
  );
}
