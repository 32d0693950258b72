/**
 * The searches behind ITCOST.BREAKEVEN (src/model/breakeven.ts), on the expected saving
 * g(h) = R·h − price − o·E[(U − H)⁺](h) of a block at expected use h, seen only through its value,
 * slope and curvature at the points they evaluate. g is concave: each search relies on that and on
 * nothing else about the gamma distribution, so each can be tested on functions whose roots and
 * peaks are known in closed form (test/model/breakeven-steps.test.ts). Each takes a budget of
 * evaluations and never exceeds it.
 */

/** Relative step below which a search has converged to double precision. */
export const CONVERGED = 4 * Number.EPSILON;

/** The saving g(h) = R·h − price − o·E[(U − H)⁺] and its first two derivatives in h. */
export interface SavingAt {
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
export function isRoot(point: SavingAt): boolean {
  return Math.abs(point.saving) <= point.noise;
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
export function increasingRoot(at: (hours: number) => SavingAt, start: SavingAt, linearRate: number, budget: number): number {
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
      } else if (keptSide === 'right') {
        // ψ is not finite at an end (w has underflowed there): no line to interpolate. Halve the
        // bracket [Newton's point, right end] in ln h (the root is in it: Newton's step never passes
        // it), alternating with Newton's step itself, which alone moves the left end.
        next = Math.sqrt(newton * right.hours);
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
  // Out of evaluations (never with the 60 a break-even allows): the nearest point known to be past
  // the root, else the last point below it.
  return right?.hours ?? left.hours;
}

/**
 * The step from a point below the root (g < 0 < g'): the root of the quadratic model
 * g + g'·δ + g''·δ²/2 when it has one (never shorter than Newton's step −g/g'), else the model's
 * peak −g'/g'', which the model says stays below 0. With no curvature it is Newton's step.
 */
export function modelStep(point: SavingAt): { step: number; reachesZero: boolean } {
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
export function rootInBracket(at: (hours: number) => SavingAt, below: SavingAt, above: SavingAt, budget: number): number {
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
 * needs to know that the block pays off, and as soon as the ends' tangents, which bound the peak
 * from above, show that g stays below 0.
 */
export function peakInBracket(at: (hours: number) => SavingAt, rising: SavingAt, falling: SavingAt, budget: number): SavingAt {
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
    // The tangents at the two ends lie above g (it is concave), so where they cross bounds the
    // peak; if even that is below 0, there is no root.
    const crossing = (right.saving - left.saving - right.slope * (right.hours - left.hours)) / (left.slope - right.slope);
    if (left.saving + left.slope * crossing < 0) break;
  }
  return best;
}
