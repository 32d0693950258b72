/**
 * No slow corners, shown without a clock: the work an ITCOST call does is counted in evaluations
 * of the incomplete gamma (gammaEvaluationCount), which is what the cost of every function with
 * variability is made of. Over seeded valid inputs, from the everyday to the extreme (variability
 * from 1e-8 to 1e3, hours from 1e-6 to 1e9, overage rates a hair either side of the hourly rate),
 * no call may take more than 10× the evaluations of a typical one, and the corners the review
 * found take no more than an ordinary call.
 */
import fc from 'fast-check';
import { installFakeCustomFunctionsRuntime } from '../support/custom-functions-runtime';
import { gammaEvaluationCount } from '../../src/model';
import * as functions from '../../src/functions/functions';

// The adapters read CustomFunctions when they build an error, not when they are imported.
installFakeCustomFunctionsRuntime();

const SEED = 20261127;
const RUNS = 4000;

function evaluationsOf(call: () => unknown): number {
  const before = gammaEvaluationCount();
  call();
  return gammaEvaluationCount() - before;
}

const logUniform = (low: number, high: number) => fc.double({ min: Math.log(low), max: Math.log(high), noNaN: true }).map(Math.exp);
const everydayVariability = fc.double({ min: 0.05, max: 1.5, noNaN: true });
const anyVariability = fc.oneof(everydayVariability, logUniform(1e-8, 1e3), fc.constantFrom(0, 1e-3, 0.0010000001, 0.5, 1));
const hours = fc.oneof(fc.double({ min: 0.5, max: 500, noNaN: true }), logUniform(1e-6, 1e9));
const rate = fc.oneof(fc.double({ min: 50, max: 250, noNaN: true }), logUniform(1e-3, 1e6));
/** An overage rate relative to the hourly rate: cheaper, equal, a hair either side, dearer. */
const overageFactor = fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(1, 1 + 1e-8, 1 - 1e-8, 1.000001));
/** A block price relative to rate × hours: a discount, a tie, or a premium. */
const priceFactor = fc.oneof(fc.double({ min: 0.5, max: 1.2, noNaN: true }), fc.constantFrom(1, 1.05, 0.999999));

const blockTerms = fc.record({ expected: hours, rate, blockHours: hours, priceFactor, overageFactor, variability: anyVariability, term: fc.integer({ min: 1, max: 60 }) });
const everydayTerms = fc.record({
  expected: fc.double({ min: 1, max: 300, noNaN: true }),
  rate: fc.double({ min: 60, max: 220, noNaN: true }),
  blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
  priceFactor: fc.double({ min: 0.7, max: 0.98, noNaN: true }),
  overageFactor: fc.double({ min: 0.8, max: 1.2, noNaN: true }),
  variability: everydayVariability,
  term: fc.integer({ min: 3, max: 36 }),
});
type Terms = typeof blockTerms extends fc.Arbitrary<infer T> ? T : never;

/** Each function with variability, called through its Excel adapter as a cell would call it. */
const calls: Record<string, (t: Terms) => unknown> = {
  BREAKEVEN: (t) => functions.breakEven(t.rate, t.blockHours, t.rate * t.blockHours * t.priceFactor, t.rate * t.overageFactor, t.variability),
  BLOCKVALUE: (t) => functions.blockValue(t.expected, t.rate, t.blockHours, t.rate * t.blockHours * t.priceFactor, t.rate * t.overageFactor, t.variability, t.term),
  UNUSEDHOURS: (t) => functions.unusedHours(t.expected, t.blockHours, t.variability),
  OVERAGEHOURS: (t) => functions.overageHours(t.expected, t.blockHours, t.variability),
  FORFEITRISK: (t) => functions.forfeitRisk(t.expected, t.blockHours, t.variability),
  EXPIRYFORECAST: (t) => functions.expiryForecast(t.expected / 2, t.term / 2, t.blockHours, t.term, t.variability),
  COMPARE: (t) => functions.compare(t.expected / t.term, t.rate, t.blockHours, t.rate * t.blockHours * t.priceFactor, t.rate * 4, t.rate * t.overageFactor, t.variability, t.term),
  RECOMMEND: (t) =>
    functions.recommend(t.expected / t.term, t.rate, t.blockHours, t.rate * t.blockHours * t.priceFactor, t.rate * 4, t.rate * t.overageFactor, t.variability, t.term, 1, 0, 0, 0.06),
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe.each(Object.entries(calls))('the work ITCOST.%s does', (_name, call) => {
  // Measured inside each test rather than while the file loads, so that mutation runs see which
  // test ran which code (docs/mutation-testing.md).
  const typical = () => median(fc.sample(everydayTerms, { numRuns: 500, seed: SEED }).map((t) => evaluationsOf(() => call(t))));

  it('takes at least one evaluation on everyday inputs (the count sees the work)', () => {
    expect(typical()).toBeGreaterThanOrEqual(1);
  });

  it('never takes more than 10× the evaluations of a typical call, however extreme the valid input', () => {
    const limit = 10 * typical();
    const worst = fc
      .sample(blockTerms, { numRuns: RUNS, seed: SEED + 1 })
      .map((t) => ({ t, evaluations: evaluationsOf(() => call(t)) }))
      .reduce((a, b) => (b.evaluations > a.evaluations ? b : a));
    // The failure shows the input, not just the count.
    expect({ inputs: worst.t, evaluations: Math.min(worst.evaluations, limit + 1) }).toEqual({ inputs: worst.t, evaluations: Math.min(worst.evaluations, limit) });
  });
});

describe('the slow corners the review found', () => {
  // BREAKEVEN(100, 20, 2100, 100.000001, 0.0010000001) took 36 ms where a typical call takes 10–100 µs.
  const corner = { rate: 100, blockHours: 20, price: 2100, overage: 100.000001, variability: 0.0010000001 };

  it('BREAKEVEN answers "never" at once when the block is dearer than hourly and overage a hair above the rate', () => {
    const evaluations = evaluationsOf(() => functions.breakEven(corner.rate, corner.blockHours, corner.price, corner.overage, corner.variability));
    expect(evaluations).toBeLessThanOrEqual(2);
  });

  it.each([1, 12, 36])('COMPARE and RECOMMEND with the same terms over %p months take the work of an ordinary call', (term) => {
    const monthly = corner.variability * Math.sqrt(term);
    const args = [1.6, corner.rate, corner.blockHours, corner.price, 500, corner.overage, monthly, term] as const;
    expect(evaluationsOf(() => functions.compare(...args))).toBeLessThanOrEqual(8);
    expect(evaluationsOf(() => functions.recommend(...args))).toBeLessThanOrEqual(16);
  });

  it.each([
    [100, 20, 2000, 100, 0.01], // a tie: the saving rises towards 0 and never reaches it
    [100, 20, 1999.999999, 100, 0.3], // a hair below the tie: the root is far out
    [100, 20, 2100, 99.999999, 1e-6], // a root beyond the block, barely
    [100, 20, 1800, 100.0001, 1e-4], // a near-double root
    [100, 20, 1960, 101, 0.02],
  ])('BREAKEVEN(%p, %p, %p, %p, %p) converges in a bounded number of evaluations', (r, h, p, o, v) => {
    expect(evaluationsOf(() => functions.breakEven(r, h, p, o, v))).toBeLessThanOrEqual(12);
  });

  it.each([1e-3, 1e-4, 1e-6])('the 95th percentile at variability %p takes one or two evaluations', (v) => {
    expect(evaluationsOf(() => functions.compare(100, 150, 1200, 170000, 9000, 150, v * Math.sqrt(12), 12))).toBeLessThanOrEqual(8);
  });
});
