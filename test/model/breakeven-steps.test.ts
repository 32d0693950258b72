/**
 * The searches behind the break-even (src/model/breakeven-steps.ts), each on a concave function
 * whose roots and peak are known in closed form, so that what they return can be checked exactly
 * and the evaluations they take counted:
 * - g(h) = ln h − c, which rises everywhere (Newton's method from the left is safe but not exact);
 * - g(h) = c + 1 − cosh(h − p), which peaks at p with value c: two roots p ± acosh(1 + c) when
 *   c > 0, nearly double when c is small, none when c < 0;
 * - g(h) = L·h + b − w(h) with a falling w, the shape of the saving when overage costs about as
 *   much as hourly: it creeps towards its root, far out.
 * Every search is given budgets from 0 up and must never evaluate more often than allowed.
 */
import { breakEvenHours, gammaEvaluationCount } from '../../src/model';
import { increasingRoot, isRoot, modelStep, peakInBracket, rootInBracket, type SavingAt } from '../../src/model/breakeven-steps';

const EPS = Number.EPSILON;

/** A point of g from its value, slope and curvature, with the rounding error of the terms it sums. */
function point(hours: number, saving: number, slope: number, curvature: number, size: number, unusedCost = 0, unusedElasticity = Infinity): SavingAt {
  return { hours, saving, slope, curvature, unusedCost, unusedElasticity, noise: 4 * EPS * size };
}

/** Counts the evaluations of a function of h. */
function counting(g: (hours: number) => SavingAt): { at: (hours: number) => SavingAt; readonly count: number } {
  let count = 0;
  return {
    at: (hours) => {
      count += 1;
      return g(hours);
    },
    get count() {
      return count;
    },
  };
}

const logMinus = (c: number) => (h: number) => point(h, Math.log(h) - c, 1 / h, -1 / (h * h), Math.abs(Math.log(h)) + c);
const coshPeak = (c: number, p: number) => (h: number) =>
  point(h, c + 1 - Math.cosh(h - p), -Math.sinh(h - p), -Math.cosh(h - p), Math.abs(c) + 1 + Math.cosh(h - p));
/** L·h + b − C·h^−k: q = L·h + b, w = C·h^−k, whose elasticity −d ln w / d ln h is k. */
const creepingPower = (linear: number, constant: number, scale: number, power: number) => (h: number) => {
  const w = scale * h ** -power;
  return point(h, linear * h + constant - w, linear + (power * w) / h, (-power * (power + 1) * w) / (h * h), linear * h + Math.abs(constant) + w, w, power);
};
/** L·h + b − e^−h: w = e^−h, elasticity h; far out w underflows to 0. */
const creepingExponential = (linear: number, constant: number) => (h: number) => {
  const w = Math.exp(-h);
  return point(h, linear * h + constant - w, linear + w, -w, linear * h + Math.abs(constant) + w, w, h);
};

/** The root of an increasing g between low and high, by bisection to the last bit. */
function bisect(g: (hours: number) => SavingAt, low: number, high: number): number {
  let a = low;
  let b = high;
  while (b - a > 2 * EPS * b) {
    const middle = a + (b - a) / 2;
    if (middle <= a || middle >= b) break;
    if (g(middle).saving >= 0) b = middle;
    else a = middle;
  }
  return b;
}

describe('the step from a point below the root (modelStep)', () => {
  it.each([
    // [saving, slope, curvature, step, reachesZero, why]
    [-6, 2, 0, 3, true, 'with no curvature it is Newton’s step, −g/g′'],
    [-6, 2, 1, 3, true, 'a positive curvature (never met: g is concave) is taken as none'],
    [-3, 2, -0.5, 2, true, 'the quadratic model’s smaller root, δ = −2g / (g′ + √(g′² − 2g·g″))'],
    [-4, 2, -0.5, 4, true, 'a double root of the model is still a root'],
    [-5, 2, -0.5, 4, false, 'a model with no root: its peak, −g′/g″'],
  ])('g %p, g′ %p, g″ %p: a step of %p (reaches zero: %p): %s', (saving, slope, curvature, step, reachesZero) => {
    const result = modelStep(point(10, saving, slope, curvature, 0));
    expect(result.reachesZero).toBe(reachesZero);
    expect(result.step).toBeCloseTo(step, 12);
  });

  it('never steps shorter than Newton’s step', () => {
    // A model root shorter than −g/g′ can only come from rounding; g′ ≫ everything here.
    const result = modelStep(point(1, -1e-300, 1, -1e-300, 0));
    expect(result.step).toBeGreaterThanOrEqual(1e-300);
  });
});

describe('a root is a point whose value is within its rounding error of 0 (isRoot)', () => {
  it.each([
    [0, 0, true],
    [1e-15, 1e-15, true],
    [-1e-15, 1e-15, true],
    [2e-15, 1e-15, false],
    [-2e-15, 1e-15, false],
  ])('g = %p with a rounding error of %p: %p', (saving, noise, expected) => {
    expect(isRoot({ ...point(1, saving, 1, 0, 0), noise })).toBe(expected);
  });
});

describe('the first root inside a bracket (rootInBracket)', () => {
  it('finds ln h = 3 between 1 and 100 to the last bits, in 14 evaluations (measured)', () => {
    const g = counting(logMinus(3));
    const found = rootInBracket(g.at, logMinus(3)(1), logMinus(3)(100), 60);
    expect(Math.abs(found - Math.exp(3))).toBeLessThanOrEqual(16 * EPS * Math.exp(3));
    expect(g.count).toBeLessThanOrEqual(14);
  });

  it('lands on a quadratic’s root in one evaluation (its model is exact)', () => {
    // g = 1 − (h − 5)²/4: roots 3 and 7; from 1 with the peak at 5 as the right end.
    const quadratic = (h: number) => point(h, 1 - (h - 5) ** 2 / 4, -(h - 5) / 2, -0.5, 1 + (h - 5) ** 2 / 4);
    const g = counting(quadratic);
    expect(rootInBracket(g.at, quadratic(1), quadratic(5), 60)).toBeCloseTo(3, 14);
    expect(g.count).toBe(1);
  });

  it.each([
    [1e-2, 25],
    [1e-5, 33],
    [1e-8, 38],
    [1e-11, 37],
  ])('finds the first of two nearly double roots (peak %p above 0), from 5 away, in at most %p evaluations (measured)', (c, most) => {
    const f = coshPeak(c, 50);
    const root = 50 - Math.acosh(1 + c);
    const g = counting(f);
    const found = rootInBracket(g.at, f(45), f(50), 60);
    // The root moves by noise / g′ for a change in g within its rounding error.
    const tolerance = (f(root).noise * 2) / Math.abs(f(root).slope) + 8 * EPS * 50;
    expect(Math.abs(found - root)).toBeLessThanOrEqual(tolerance);
    expect(g.count).toBeLessThanOrEqual(most);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('with a budget of %p evaluations, takes no more and returns a point at or past the root', (budget) => {
    const f = coshPeak(1e-6, 50);
    const root = 50 - Math.acosh(1 + 1e-6);
    const g = counting(f);
    const found = rootInBracket(g.at, f(45), f(50), budget);
    expect(g.count).toBeLessThanOrEqual(budget);
    expect(found).toBeGreaterThanOrEqual(root - 1e-9);
    expect(found).toBeLessThanOrEqual(50);
    if (budget === 0) expect(found).toBe(50);
  });

  it('returns at once when the bracket is already narrower than the rounding of its ends', () => {
    const f = logMinus(Math.log(1e6));
    const g = counting(f);
    const right = 1e6 * (1 + EPS);
    expect(rootInBracket(g.at, f(1e6 * (1 - EPS)), f(right), 60)).toBe(right);
    expect(g.count).toBe(0);
  });
});

describe('the peak inside a bracket, where it decides whether there is a root (peakInBracket)', () => {
  it.each([
    [1e-3, 3],
    [1e-6, 3],
    [1e-9, 4],
    [1e-12, 4],
  ])('with the peak %p above 0: returns a point where g ≥ 0, in at most %p evaluations (measured)', (c, most) => {
    const f = coshPeak(c, 50);
    const g = counting(f);
    const best = peakInBracket(g.at, f(48), f(51.5), 60);
    expect(best.saving).toBeGreaterThanOrEqual(0);
    expect(g.count).toBeLessThanOrEqual(most);
  });

  it.each([
    [1e-3, 3],
    [1e-6, 4],
    [1e-9, 4],
    [1e-12, 4],
  ])('with the peak %p below 0: returns a point below 0 close to it, in at most %p evaluations (measured)', (c, most) => {
    // Once a point sits at the peak, the tangents at the ends cross within rounding of it.
    const f = coshPeak(-c, 50);
    const g = counting(f);
    const best = peakInBracket(g.at, f(48), f(51.5), 60);
    expect(best.saving).toBeLessThan(0);
    expect(best.saving).toBeGreaterThanOrEqual(-c * (1 + 1e-5));
    expect(g.count).toBeLessThanOrEqual(most);
  });

  it('stops after one evaluation when the tangents at the ends cross below 0', () => {
    // Peak 1 below 0: after one step, the tangents at 48 and at the new point cross below 0.
    const f = coshPeak(-1, 50);
    const g = counting(f);
    const best = peakInBracket(g.at, f(48), f(51.5), 60);
    expect(best.saving).toBeLessThan(-1);
    expect(g.count).toBe(1);
  });

  it('finds a peak that Newton’s step on the slope overshoots, by halving the bracket', () => {
    // g = c − |h − 50|^1.5 has no curvature to speak of far out, where Newton's step on g′ leaves
    // the bracket; the bracket is halved instead.
    const sharp = (c: number) => (h: number) => {
      const d = h - 50;
      const a = Math.abs(d);
      return point(h, c - a ** 1.5, -1.5 * Math.sign(d) * a ** 0.5, a === 0 ? -1e6 : -0.75 * a ** -0.5, Math.abs(c) + a ** 1.5);
    };
    const f = sharp(1e-4);
    const g = counting(f);
    const best = peakInBracket(g.at, f(10), f(60), 60);
    // From 60, Newton's step lands at 40, where the next one would land at 40 again: it halves
    // the bracket to 50 instead, the peak.
    expect(best.saving).toBe(1e-4);
    expect(g.count).toBe(2);
  });

  it.each([0, 1, 2, 3])('with a budget of %p evaluations, takes no more and returns the best point seen', (budget) => {
    const f = coshPeak(1e-9, 50);
    const g = counting(f);
    const rising = f(48);
    const falling = f(51);
    const best = peakInBracket(g.at, rising, falling, budget);
    expect(g.count).toBeLessThanOrEqual(budget);
    // The best of the ends is the falling one (1 from the peak against 2).
    expect(best.saving).toBeGreaterThanOrEqual(falling.saving);
    if (budget === 0) expect(best).toBe(falling);
  });

  it('starts from the rising end when it is the better one', () => {
    const f = coshPeak(-1, 50);
    const rising = f(49.5);
    expect(peakInBracket(() => f(50.75), rising, f(52), 0)).toBe(rising);
  });
});

describe('the root of a saving that rises everywhere and creeps towards it (increasingRoot)', () => {
  const powerCases: ReadonlyArray<readonly [number, number, number, number, number]> = [
    // [L, b, C, k, evaluations measured]: g = L·h + b − C·h^−k from h = 1.
    [1e-2, 0.5, 1, 2, 5],
    [0, 1e-6, 1, 2, 2],
    [0, 1e-12, 1, 0.5, 4],
    [1e-9, 1e-8, 1, 1, 6],
    [1e-12, 0, 1, 3, 2],
  ];

  it.each(powerCases)('L %p, b %p, C %p, k %p: the root to 1e-13, in at most %p evaluations', (linear, constant, scale, power, most) => {
    const f = creepingPower(linear, constant, scale, power);
    let high = 2;
    while (f(high).saving < 0) high *= 2;
    const expected = bisect(f, 1, high);
    const g = counting(f);
    const found = increasingRoot(g.at, f(1), linear, 60);
    expect(Math.abs(found - expected)).toBeLessThanOrEqual(1e-13 * expected);
    expect(g.count).toBeLessThanOrEqual(most);
  });

  it.each([
    [1e-3, 24],
    [1e-8, 46],
  ])('L·h + %p − e^−h: the root to 1e-13 where e^−h underflows past it, in at most %p evaluations (measured)', (constant, most) => {
    // ψ = ln w − ln q is −∞ where w underflows: the search halves the bracket in ln h instead,
    // alternating with Newton's step from the left. (w falls much more slowly in the model.)
    const f = creepingExponential(1e-300, constant);
    const expected = bisect(f, 1e-3, 1000);
    const g = counting(f);
    const found = increasingRoot(g.at, f(1e-3), 1e-300, 60);
    expect(Math.abs(found - expected)).toBeLessThanOrEqual(1e-13 * expected);
    expect(g.count).toBeLessThanOrEqual(most);
  });

  it.each([0, 1, 2, 3, 4])('with a budget of %p evaluations, takes no more and returns a bound on the root', (budget) => {
    const f = creepingPower(1e-9, 1e-8, 1, 1);
    const g = counting(f);
    const found = increasingRoot(g.at, f(1), 1e-9, budget);
    expect(g.count).toBeLessThanOrEqual(budget);
    if (budget === 0) expect(found).toBe(1);
    expect(Number.isFinite(found)).toBe(true);
  });

  it('returns Infinity when the root lies beyond the largest double, after one look there', () => {
    // q = 1e-10 against w = h^−0.01: w > q at every double (w = q at h = 1e1000).
    const f = creepingPower(0, 1e-10, 1, 0.01);
    const g = counting(f);
    expect(increasingRoot(g.at, f(1), 0, 60)).toBe(Infinity);
    expect(g.count).toBe(1);
  });

  it('returns Newton’s point at once when its step is below the rounding of h', () => {
    const f = creepingPower(1, -1, 1e-300, 1);
    const root = 1 + 1e-300;
    const g = counting(f);
    expect(increasingRoot(g.at, f(1), 1, 60)).toBeCloseTo(root, 15);
    expect(g.count).toBe(0);
  });
});

describe('the break-even search within a budget of evaluations', () => {
  // Hard cases of test/model/breakeven-corners.test.ts: a creeping root, a nearly double one, a
  // peak just short of paying off, an everyday one.
  // [price, overage, variability, evaluations measured with the default budget]; R 100, H 20.
  const cases: ReadonlyArray<readonly [number, number, number, number]> = [
    [1999.9992318609773, 99.99820619348662, 0.1410200827970559, 8],
    [2000, 101, 0.02, 10],
    [1937.4, 101, 0.02, 3],
    [1990, 101, 0.02, 5],
    [1800, 150, 0.5, 6],
  ];

  it.each(cases.flatMap(([price, overage, variability, measured]) => [0, 1, 2, 3, 5, measured].map((budget) => [budget, price, overage, variability, measured] as const)))(
    'with a budget of %p: never evaluates more (price %p, overage %p, variability %p; %p needed)',
    (budget, blockPrice, overageRate, variability, measured) => {
      const terms = { hourlyRate: 100, blockHours: 20, blockPrice, overageRate, variability };
      const before = gammaEvaluationCount();
      const result = breakEvenHours(terms, budget);
      expect(gammaEvaluationCount() - before).toBeLessThanOrEqual(budget);
      if (budget === 0) expect(result).toEqual({ kind: 'hours', hours: blockPrice / 100 });
      // Given what it was measured to need, the same answer as with the default 60, in as many.
      if (budget === measured) {
        const again = gammaEvaluationCount();
        expect(result).toEqual(breakEvenHours(terms));
        expect(gammaEvaluationCount() - again).toBe(measured);
      }
    },
  );
});
