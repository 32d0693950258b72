/**
 * The corners of the break-even search (src/model/breakeven.ts) that the everyday tests do not
 * reach: prices at the ends of the doubles, a block that never pays off reported as "no answer",
 * and the hard cases, where the search may reach the right root by a slow path. The result is
 * checked against the plainest independent search (golden section for the peak of the concave
 * saving, bisection for its first root, as in test/model/breakeven-search.test.ts), and the work
 * against the evaluations the search was measured to take (gammaEvaluationCount), with a margin
 * of one: a step that goes wrong shows as a search that takes longer, or as a wrong root.
 */
import fc from 'fast-check';
import { breakEvenValue, gammaEvaluationCount, type BreakEven } from '../../src/model';
import { firstRoot, modelBreakEven, peakOf, savingBeforePrice, type Offer } from '../support/break-even-reference';


function evaluationsOf(call: () => unknown): number {
  const before = gammaEvaluationCount();
  call();
  return gammaEvaluationCount() - before;
}




/**
 * The break-even by the plain searches: with overage dearer than hourly the saving peaks, and the
 * block pays off only if the peak reaches the price, first before the peak; otherwise the saving
 * rises everywhere, and doubling finds a point past the root.
 */
function referenceBreakEven(offer: Offer, price: number): { kind: 'never' } | { kind: 'hours'; hours: number; peak: number } {
  const start = price / offer.hourlyRate;
  if (offer.overageRate > offer.hourlyRate) {
    const peak = peakOf(offer, 1e-9, 1000 * offer.blockHours);
    if (peak.saving < price) return { kind: 'never' };
    return { kind: 'hours', hours: firstRoot(offer, price, start, peak.hours), peak: peak.hours };
  }
  let high = Math.max(start, offer.blockHours);
  while (savingBeforePrice(offer, high) < price) high *= 2;
  return { kind: 'hours', hours: firstRoot(offer, price, start, high), peak: Infinity };
}


describe('break-even at the ends of the doubles', () => {
  it.each([
    ['cheaper than', 5e-11],
    ['dearer than', 2e-10],
  ])('never pays off when price ÷ rate is beyond the largest double, with overage %s hourly', (_how, overageRate) => {
    // Beyond the largest double there is no level of use to report: "never", without evaluating anything.
    const offer: Offer = { hourlyRate: 1e-10, blockHours: 1e300, overageRate, variability: 0.5 };
    let result: BreakEven | undefined;
    expect(evaluationsOf(() => (result = modelBreakEven(offer, 1e308)))).toBe(0);
    expect(result).toEqual({ kind: 'never' });
  });

  it.each([5e9, 1e10, 2e10])('pays off from 0 hours when price ÷ rate underflows, with overage at %p an hour', (overageRate) => {
    expect(modelBreakEven({ hourlyRate: 1e10, blockHours: 1, overageRate, variability: 0.5 }, 5e-324)).toEqual({ kind: 'hours', hours: 0 });
  });
});

describe('BREAKEVEN as a number', () => {
  it.each([
    [2500, 150, 0.1],
    [2000, 100, 0.01],
    [2100, 150, 0],
  ])('a block that never pays off (price %p, overage %p, variability %p) is "no answer", not a number', (blockPrice, overageRate, variability) => {
    expect(breakEvenValue({ hourlyRate: 100, blockHours: 20, blockPrice, overageRate, variability })).toEqual({
      ok: false,
      problem: { kind: 'noAnswer', message: 'the block never pays off: it costs more than paying hourly at every level of use' },
    });
  });

  it.each([
    [10, 1999.998],
    [100, 1000],
  ])('a root beyond the largest double (variability %p, price %p) is "too large", found in one evaluation', (variability, blockPrice) => {
    // The log-space step reaches past the largest double at once; the search looks there once, not 60 times.
    let outcome: unknown;
    expect(evaluationsOf(() => (outcome = breakEvenValue({ hourlyRate: 100, blockHours: 20, blockPrice, overageRate: 100, variability })))).toBeLessThanOrEqual(1);
    expect(outcome).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'tooLarge' }) });
  });
});

describe('the hard cases: the right break-even, in about the evaluations measured', () => {
  // [R, H, price, o, variability, evaluations measured]. Prices a hair under or over the peak
  // saving (near-double roots, or none by a hair), overage a hair either side of hourly with the
  // price a hair under R·H (creeping roots far out), ties, and everyday prices.
  const cases: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
    [100, 20, 1999.9999999941176, 100, 0.04792568100389513, 10],
    [100, 20, 1999.9916340934083, 100.00150032137473, 0.052904045375016015, 14],
    [100, 20, 851.2797178409913, 1000, 0.5, 10],
    [100, 20, 185.53541221424356, 414.6762803692587, 2.0570063886371672, 9],
    [100, 20, 1999.9992318609773, 99.99820619348662, 0.1410200827970559, 8],
    [100, 20, 1999.9999999847357, 100, 0.03506187245220898, 10],
    [100, 20, 1928.175486272959, 100.0012555969447, 0.0005221067001329394, 1],
    [100, 20, 1999.9999790100192, 100.0001, 0.0001, 13],
    [100, 20, 1999.9953024296192, 100.00036217600024, 0.08880637500870023, 20],
    [100, 20, 842.7669122349123, 1000, 0.5, 4],
    [100, 20, 2000, 101, 0.02, 10],
    [120, 40, 3850.6725267649126, 200, 0.3, 18],
    [100, 20, 2000, 100.5, 1, 11],
  ];

  it.each(cases)('R %p, H %p, price %p, overage %p, variability %p: the first root or "never", in at most %p + 1 evaluations', (hourlyRate, blockHours, price, overageRate, variability, measured) => {
    const offer: Offer = { hourlyRate, blockHours, overageRate, variability };
    let found: BreakEven | undefined;
    const evaluations = evaluationsOf(() => (found = modelBreakEven(offer, price)));
    const expected = referenceBreakEven(offer, price);
    expect(found?.kind).toBe(expected.kind);
    if (found?.kind === 'hours' && expected.kind === 'hours') {
      // The first root, not the second. Near a double root, or where the saving creeps, the root
      // moves far for a tiny change in the saving: compare the saving there as well.
      expect(found.hours).toBeLessThanOrEqual(expected.peak * (1 + 1e-9));
      expect(Math.abs(savingBeforePrice(offer, found.hours) - price)).toBeLessThanOrEqual(1e-9 * price);
      expect(Math.abs(found.hours - expected.hours)).toBeLessThanOrEqual(1e-6 * expected.hours);
    }
    expect(evaluations).toBeLessThanOrEqual(measured + 1);
  });
});

describe('the work of nearly double roots, in total', () => {
  // 300 seeded offers with overage dearer than hourly, priced a hair (1e-3 to 1e-8 of the peak
  // saving) under or over what the block can save at best: each search is short, but a step that
  // goes wrong costs an evaluation here and there, which only the total shows.
  const offers = fc.sample(
    fc.record({
      hourlyRate: fc.double({ min: 60, max: 220, noNaN: true }),
      blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
      dearer: fc.double({ min: 1.001, max: 3, noNaN: true }),
      variability: fc.double({ min: 0.01, max: 1.5, noNaN: true }),
      margin: fc.double({ min: -8, max: -3, noNaN: true }),
      under: fc.boolean(),
    }),
    { numRuns: 300, seed: 20261207 },
  );

  it('takes at most 2,800 evaluations for the 300 (measured: 2,766), with every answer on the right side of the peak', () => {
    let total = 0;
    for (const o of offers) {
      const offer: Offer = { hourlyRate: o.hourlyRate, blockHours: o.blockHours, overageRate: o.hourlyRate * o.dearer, variability: o.variability };
      const peak = peakOf(offer, 1e-9, 1000 * offer.blockHours);
      const price = peak.saving * (o.under ? 1 - 10 ** o.margin : 1 + 10 ** o.margin);
      let found: BreakEven | undefined;
      total += evaluationsOf(() => (found = modelBreakEven(offer, price)));
      expect(found?.kind).toBe(o.under ? 'hours' : 'never');
    }
    expect(total).toBeLessThanOrEqual(2800);
  });
});
