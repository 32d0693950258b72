/**
 * The break-even search against an independent one. The model finds where the expected saving
 * g(h) = R·h − price − o·E[(U − H)⁺](h) first reaches 0 by safeguarded Newton steps, a quadratic
 * model, a peak search and Illinois regula falsi (src/model/breakeven.ts). Here the same g (from
 * the expectations, which test/model/reference.test.ts checks against mpmath) is searched by the
 * plainest methods there are: golden-section search for the peak of a concave function, and
 * bisection for its first root. The hard cases are built on purpose:
 * - overage dearer than hourly, with the price set a hair under or over the largest saving the
 *   block can reach, so that the root is nearly double or there is none by a hair;
 * - overage a hair cheaper than hourly and the price a hair under R·H, where the saving creeps
 *   towards a small asymptote and the root lies far out.
 */
import { type BreakEven } from '../../src/model';
import { firstRoot, modelBreakEven, peakOf, savingBeforePrice, type Offer } from '../support/break-even-reference';





function hoursOf(result: BreakEven | undefined): number {
  if (result?.kind !== 'hours') throw new Error(`expected a break-even, got ${JSON.stringify(result)}`);
  return result.hours;
}


/** Overage dearer than hourly: the saving rises to a peak and falls again. */
const dearerOverage: readonly Offer[] = [
  { hourlyRate: 100, blockHours: 20, overageRate: 150, variability: 0.1 },
  { hourlyRate: 100, blockHours: 20, overageRate: 101, variability: 0.02 },
  { hourlyRate: 120, blockHours: 40, overageRate: 200, variability: 0.3 },
  { hourlyRate: 85, blockHours: 10, overageRate: 110, variability: 0.05 },
  { hourlyRate: 150, blockHours: 100, overageRate: 165, variability: 0.15 },
  { hourlyRate: 100, blockHours: 20, overageRate: 1000, variability: 0.5 },
];

describe('break-even where overage is dearer than hourly, against golden section and bisection', () => {
  // How far the price sits below or above the largest saving the block can reach.
  const margins = [0.1, 1e-2, 1e-4, 1e-6];
  const cases = dearerOverage.flatMap((offer) => margins.map((margin) => [offer.hourlyRate, offer.blockHours, offer.overageRate, offer.variability, margin, offer] as const));

  it.each(cases)('R %p, H %p, o %p, variability %p: a price %p under the peak saving pays off, at the first root', (_r, _h, _o, _v, margin, offer) => {
    const peak = peakOf(offer, 1e-9, 20 * offer.blockHours);
    expect(peak.saving).toBeGreaterThan(0);
    const price = peak.saving * (1 - margin);
    const expected = firstRoot(offer, price, price / offer.hourlyRate, peak.hours);
    const found = hoursOf(modelBreakEven(offer, price));
    // Near a double root the root moves by (noise / curvature)^½: compare the savings there, and
    // require the first root (before the peak), not the second.
    expect(found).toBeLessThanOrEqual(peak.hours * (1 + 1e-9));
    expect(Math.abs(savingBeforePrice(offer, found) - price)).toBeLessThanOrEqual(1e-9 * price);
    expect(Math.abs(found - expected)).toBeLessThanOrEqual(Math.max(1e-7, Math.sqrt(margin) * 1e-3) * expected);
  });

  it.each(cases)('R %p, H %p, o %p, variability %p: a price %p over the peak saving never pays off', (_r, _h, _o, _v, margin, offer) => {
    const peak = peakOf(offer, 1e-9, 20 * offer.blockHours);
    expect(modelBreakEven(offer, peak.saving * (1 + margin))).toEqual({ kind: 'never' });
  });
});

describe('break-even where overage is a hair cheaper than hourly, against bisection', () => {
  const creeping = [1e-3, 1e-5, 1e-8].flatMap((cheaper) =>
    [0.05, 0.3, 1].flatMap((variability) => [1e-2, 1e-4].map((under) => [cheaper, variability, under] as const)),
  );

  it.each(creeping)('overage %p under the rate, variability %p, price %p under R·H: the root far out, to 1e-9', (cheaper, variability, under) => {
    const offer: Offer = { hourlyRate: 100, blockHours: 20, overageRate: 100 * (1 - cheaper), variability };
    const price = 2000 * (1 - under);
    // The saving rises everywhere: find where it passes the price by doubling, then bisect.
    let high = 2 * offer.blockHours;
    while (savingBeforePrice(offer, high) < price) high *= 2;
    const expected = firstRoot(offer, price, price / offer.hourlyRate, high);
    const found = hoursOf(modelBreakEven(offer, price));
    expect(Math.abs(found - expected)).toBeLessThanOrEqual(1e-9 * expected);
  });
});
