/**
 * The incomplete gamma functions against test/reference/gamma-tails.json (mpmath at 60 digits; see
 * test/reference/gamma_tails.py): P(a, x), Q(a, x) and the prefix x^a·e^−x / Γ(a + 1), each to
 * 2e-12 of its own size, however small, in both regimes of src/model/gamma.ts: the library below
 * shape 1,000 and Temme's expansion from there, inside its Taylor disc (|η| ≤ 1) and outside it.
 *
 * Why 2e-12 and not 1e-16: x is a double, and the tails' relative sensitivity to x grows with the
 * distance from the peak (about a·|η| at shape a), so a rounding of x by 1e-16 moves a far tail by
 * up to about 1e-13; the worst case measured here is 1.1e-12 (shape 1,000, η = 1.05, Q ≈ 1e-241).
 */
import reference from '../reference/gamma-tails.json';
import { gammaPrefix, regularizedGamma, TEMME_MIN_SHAPE } from '../../src/model/gamma';

const TOLERANCE = 2e-12;

interface TailCase {
  readonly shape: number;
  readonly x: number;
  readonly lower: number;
  readonly upper: number;
  readonly prefix: number;
  readonly eta?: number;
}

const cases: readonly TailCase[] = reference.cases;
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / expected;
const where = (c: TailCase) => (c.eta === undefined ? `x = ${c.x}` : `η = ${c.eta}`);

describe('the incomplete gamma functions against mpmath', () => {
  it('covers both regimes, and Temme\'s expansion inside and outside its Taylor disc, with tails far below 1e-100', () => {
    const temme = cases.filter((c) => c.shape >= TEMME_MIN_SHAPE);
    expect(cases.length - temme.length).toBeGreaterThanOrEqual(80);
    expect(temme.filter((c) => Math.abs(c.eta ?? 0) <= 1).length).toBeGreaterThanOrEqual(40);
    expect(temme.filter((c) => Math.abs(c.eta ?? 0) > 1).length).toBeGreaterThanOrEqual(5);
    expect(cases.some((c) => Math.min(c.lower, c.upper) < 1e-100)).toBe(true);
  });

  it.each(cases.map((c) => [c.shape, where(c), c] as const))('P and Q at shape %p, %s, each to 2e-12 of its size', (_shape, _where, c) => {
    const { lower, upper } = regularizedGamma(c.shape, c.x);
    expect({ lower: relativeError(lower, c.lower) <= TOLERANCE, upper: relativeError(upper, c.upper) <= TOLERANCE }).toEqual({ lower: true, upper: true });
  });

  it.each(cases.map((c) => [c.shape, where(c), c] as const))('the prefix at shape %p, %s, to 2e-12 of its size', (_shape, _where, c) => {
    expect(relativeError(gammaPrefix(c.shape, c.x), c.prefix)).toBeLessThanOrEqual(TOLERANCE);
  });
});
