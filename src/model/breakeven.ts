import { checkArguments, type RawArguments } from './arguments';
import { blockExpectations } from './demand';
import { BREAKEVEN_LIMITS } from './limits';
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

/** Most evaluations one break-even may take; a typical one takes about 6. */
const MAX_EVALUATIONS = 60;
/** Relative step below which the search has converged to double precision. */
const CONVERGED = 4 * Number.EPSILON;

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

/** The saving g(h) = R·h − price − o·E[(U − H)⁺] and its first two derivatives in h. */
interface SavingAt {
  readonly hours: number;
  readonly saving: number;
  readonly slope: number;
  readonly curvature: number;
  /** −d ln(o·E[unused]) / d ln h, for the far search of {@link increasingRoot}. */
  readonly unusedElasticity: number;
  /** o·E[(H − U)⁺]: the saving is (R − o)·h + o·H − price − this. */
  readonly unusedCost: number;
  /** The rounding error the saving may carry: a saving this close to 0 is a root. */
  readonly noise: number;
}

/** A point whose saving is 0 up to its rounding error: the root, as far as doubles can tell. */
function isRoot(point: SavingAt): boolean {
  return Math.abs(point.saving) <= point.noise;
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
 */
export function breakEvenHours(terms: BreakEvenTerms): BreakEven {
  if (terms.variability === 0) return deterministicBreakEven(terms);
  const { hourlyRate: rate, blockHours, blockPrice, overageRate, variability } = terms;
  // When overage costs the same as hourly, the saving rises towards R·H − price but never reaches it.
  if (overageRate === rate && blockPrice >= rate * blockHours) return { kind: 'never' };

  const at = (hours: number): SavingAt => {
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
  let left = at(start);
  let evaluations = 1;
  if (left.saving >= 0) return { kind: 'hours', hours: start };
  if (overageRate <= rate) return { kind: 'hours', hours: increasingRoot(at, left, rate - overageRate, MAX_EVALUATIONS - evaluations) };
  while (evaluations < MAX_EVALUATIONS) {
    // Below the root g < 0; a point there that is already past the peak proves there is no root.
    if (!(left.slope > 0)) return { kind: 'never' };
    const model = modelStep(left);
    const next = left.hours + model.step;
    if (!Number.isFinite(next)) return { kind: 'never' };
    if (next - left.hours <= CONVERGED * left.hours) {
      // At the root, or at the peak of a model with no root: then g < 0 at its maximum.
      return model.reachesZero ? { kind: 'hours', hours: next } : { kind: 'never' };
    }
    const right = at(next);
    evaluations += 1;
    if (isRoot(right)) return { kind: 'hours', hours: next };
    if (right.saving >= 0) return { kind: 'hours', hours: rootInBracket(at, left, right, MAX_EVALUATIONS - evaluations) };
    if (!(right.slope > 0)) {
      // Passed the peak without seeing g ≥ 0: the peak lies between, and decides.
      const peak = peakInBracket(at, left, right, MAX_EVALUATIONS - evaluations);
      if (peak.saving < 0) return { kind: 'never' };
      return { kind: 'hours', hours: rootInBracket(at, left, peak, MAX_EVALUATIONS - evaluations) };
    }
    left = right;
  }
  // Out of evaluations (never seen in tests): the last point, at or below the root.
  return { kind: 'hours', hours: left.hours };
}

/**
 * The root when overage costs no more than hourly (o ≤ R): then g' = (R − o) + o·P(k + 1, x) > 0,
 * g rises everywhere and has one root. Write g = q − w with q(h) = (R − o)·h + o·H − price, linear,
 * and w(h) = o·E[(H − U)⁺], falling. Newton's step from the left is safe but slow where g creeps
 * towards a small asymptote (o = R, price a hair under R·H: w falls like a power of h). There
 * ln w − ln q is close to a straight line in ln h, so a Newton step on it, in ln h, reaches far out
 * at once. Each step takes the longer of the two; a step that passes the root is seen (g ≥ 0) and
 * bounds the search from the right; Newton's step never passes it.
 */
function increasingRoot(at: (hours: number) => SavingAt, start: SavingAt, linearRate: number, budget: number): number {
  // ψ = ln w − ln q, positive left of the root and negative right of it, where it is defined.
  const psiOf = (point: SavingAt) => Math.log(point.unusedCost) - Math.log(point.saving + point.unusedCost);
  let left = start;
  let right: SavingAt | undefined;
  let keptSide: 'left' | 'right' | undefined;
  let leftWeight = 1;
  let rightWeight = 1;
  for (let step = 0; step < budget; step += 1) {
    const newton = left.hours - left.saving / left.slope;
    if (!(newton - left.hours > CONVERGED * left.hours)) return newton;
    if (right !== undefined && newton >= right.hours) return right.hours;
    let next = newton;
    const psiLeft = psiOf(left);
    if (right === undefined) {
      if (Number.isFinite(psiLeft) && Number.isFinite(left.unusedElasticity)) {
        // A Newton step on ψ in ln h: dψ/d ln h = −elasticity − (R − o)·h / q.
        const slope = -left.unusedElasticity - (linearRate * left.hours) / (left.saving + left.unusedCost);
        next = Math.max(newton, left.hours * Math.exp(-psiLeft / slope));
      }
    } else {
      // Regula falsi on ψ in ln h between the two ends (Illinois: an end kept twice counts half;
      // Dowell & Jarratt, BIT 11 (1971)).
      const psiRight = psiOf(right);
      if (Number.isFinite(psiLeft) && Number.isFinite(psiRight) && psiLeft > 0 && psiRight <= 0) {
        const a = Math.log(left.hours);
        const b = Math.log(right.hours);
        const falsi = Math.exp(a - (leftWeight * psiLeft * (b - a)) / (rightWeight * psiRight - leftWeight * psiLeft));
        if (falsi > newton && falsi < right.hours) next = falsi;
      } else {
        next = Math.max(newton, Math.sqrt(Math.max(newton, left.hours) * right.hours));
      }
    }
    // Past the largest double: look there, and if the saving is still negative, the root is beyond.
    if (!(next < Number.MAX_VALUE)) next = Math.max(newton, Number.MAX_VALUE);
    if (!Number.isFinite(next)) return Infinity;
    const point = at(next);
    if (isRoot(point)) return next;
    if (point.saving < 0 && next === Number.MAX_VALUE) return Infinity;
    if (point.saving >= 0) {
      right = point;
      leftWeight = keptSide === 'left' ? leftWeight / 2 : 1;
      rightWeight = 1;
      keptSide = 'left';
    } else {
      left = point;
      rightWeight = keptSide === 'right' ? rightWeight / 2 : 1;
      leftWeight = 1;
      keptSide = 'right';
    }
    if (right !== undefined && right.hours - left.hours <= CONVERGED * right.hours) return right.hours;
  }
  // Out of evaluations (never seen in tests): the nearest point known to be at or past the root.
  return right?.hours ?? Infinity;
}

/**
 * The step from a point below the root (g < 0 < g'): the root of the quadratic model
 * g + g'·δ + g''·δ²/2 when it has one (never shorter than Newton's step −g/g'), else the model's
 * peak −g'/g'', which the model says stays below 0. With no curvature it is Newton's step.
 */
function modelStep(point: SavingAt): { step: number; reachesZero: boolean } {
  const { saving, slope, curvature } = point;
  const newton = -saving / slope;
  if (!(curvature < 0)) return { step: newton, reachesZero: true };
  const discriminant = slope * slope - 2 * saving * curvature;
  if (discriminant < 0) return { step: -slope / curvature, reachesZero: false };
  // The smaller root, written so that nothing cancels: δ = −2g / (g' + √(g'² − 2g·g'')).
  return { step: Math.max(newton, (-2 * saving) / (slope + Math.sqrt(discriminant))), reachesZero: true };
}

/**
 * The first root of g between a point below it (g < 0, g' > 0) and a point with g ≥ 0.
 * Newton from the left end cannot overshoot (g is concave), and the quadratic model's root is
 * taken instead when it falls inside the bracket; when that leaves the bracket wider than half,
 * the chord closes it from the right. Returns a point within rounding of the root, or with g ≥ 0.
 */
function rootInBracket(at: (hours: number) => SavingAt, below: SavingAt, above: SavingAt, budget: number): number {
  let left = below;
  let right = above;
  let evaluations = 0;
  let found: number | undefined;
  /** Evaluates at `hours` and narrows the bracket; true when that is a root. */
  const move = (hours: number): boolean => {
    const point = at(hours);
    evaluations += 1;
    if (isRoot(point)) found = hours;
    else if (point.saving >= 0) right = point;
    else left = point;
    return found !== undefined;
  };
  while (evaluations < budget && found === undefined) {
    const width = right.hours - left.hours;
    if (!(width > CONVERGED * right.hours)) break;
    // Newton from the left lands at or before the root, which is at or before the right end.
    const newton = left.hours - left.saving / left.slope;
    if (newton >= right.hours) return right.hours;
    if (newton - left.hours <= CONVERGED * left.hours) return newton;
    // The quadratic model's root when it falls inside the bracket, else Newton's.
    const model = modelStep(left);
    const modelled = left.hours + model.step;
    const rooted = move(model.reachesZero && modelled > newton && modelled < right.hours ? modelled : newton);
    // Near a double root the left end only creeps; the chord from it to the right end lands at
    // or after the root (g is concave, so it lies above its chords), and closes in from there.
    if (!rooted && right.hours - left.hours > width / 2 && evaluations < budget) {
      const chord = left.hours - (left.saving * (right.hours - left.hours)) / (right.saving - left.saving);
      if (chord > left.hours && chord < right.hours) move(chord);
    }
  }
  return found ?? right.hours;
}

/**
 * The peak of g between a point left of it (g' > 0) and one right of it (g' ≤ 0): where the
 * slope falls through 0, by Newton's method on g' (its derivative is the curvature), bisecting
 * when a step leaves the bracket. Stops early at any point with g ≥ 0, which is all the caller
 * needs to know that the block pays off.
 */
function peakInBracket(at: (hours: number) => SavingAt, rising: SavingAt, falling: SavingAt, budget: number): SavingAt {
  let left = rising;
  let right = falling;
  let best = left.saving >= right.saving ? left : right;
  for (let step = 0; step < budget; step += 1) {
    const width = right.hours - left.hours;
    if (!(width > CONVERGED * right.hours)) break;
    const newton = best.curvature < 0 ? best.hours - best.slope / best.curvature : NaN;
    const next = newton > left.hours && newton < right.hours ? newton : left.hours + width / 2;
    const point = at(next);
    if (point.saving >= 0) return point;
    if (point.saving > best.saving) best = point;
    if (point.slope > 0) left = point;
    else right = point;
    // The peak's value is within slope × distance of the best point seen; if even that cannot
    // reach 0, there is no root.
    const reach = Math.max(left.slope, 0) * (right.hours - left.hours);
    if (best.saving + reach < 0) break;
  }
  return best;
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
