/**
 * The break-even by the plainest searches there are, for the tests of src/model/breakeven.ts:
 * the saving g(h) = R·h − o·E[(U − H)⁺](h) before the price (from the expectations, which
 * test/model/reference.test.ts checks against mpmath), golden-section search for the peak of this
 * concave function, and bisection for its first root.
 */
import { breakEven, expectedOverageHours, expectedUnusedHours, type BreakEven } from '../../src/model';

export interface Offer {
  readonly hourlyRate: number;
  readonly blockHours: number;
  readonly overageRate: number;
  readonly variability: number;
}

/** The saving at expected use h before the price, in the form that does not cancel on each side of the block. */
export function savingBeforePrice(offer: Offer, hours: number): number {
  const demand = { expectedHours: hours, variability: offer.variability };
  const { hourlyRate: rate, blockHours, overageRate } = offer;
  return hours <= blockHours
    ? rate * hours - overageRate * expectedOverageHours(demand, blockHours)
    : (rate - overageRate) * hours + overageRate * blockHours - overageRate * expectedUnusedHours(demand, blockHours);
}

/** The peak of the concave saving, by golden-section search over [low, high] to 1e-12 relative. */
export function peakOf(offer: Offer, low: number, high: number): { hours: number; saving: number } {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  while (b - a > 1e-12 * b) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (savingBeforePrice(offer, c) >= savingBeforePrice(offer, d)) b = d;
    else a = c;
  }
  const hours = (a + b) / 2;
  return { hours, saving: savingBeforePrice(offer, hours) };
}

/** The first h in [low, high] where the saving reaches the price, by bisection, given it is below at low and reached at high. */
export function firstRoot(offer: Offer, price: number, low: number, high: number): number {
  let a = low;
  let b = high;
  for (let step = 0; step < 2000 && b - a > 1e-14 * b; step += 1) {
    const middle = (a + b) / 2;
    if (savingBeforePrice(offer, middle) - price >= 0) b = middle;
    else a = middle;
  }
  return b;
}

/** The model's break-even for an offer at a price; a refused input fails the test. */
export function modelBreakEven(offer: Offer, blockPrice: number): BreakEven {
  const outcome = breakEven({ ...offer, blockPrice });
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}
