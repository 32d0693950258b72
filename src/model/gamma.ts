import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import erfc from '@stdlib/math-base-special-erfc';

/**
 * The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) (DLMF §8.2) that the
 * demand model rests on, with the "prefix" x^a·e^−x / Γ(a + 1) that links neighbouring shapes:
 * P(a + 1, x) = P(a, x) − prefix (the recurrence of DLMF §8.8), so one evaluation serves both shapes.
 * How the pieces fit and where they come from: docs/architecture.md, "The numerical methods".
 *
 * Below shape 1,000 the values come from `@stdlib/math-base-special-gammainc` (a port of Boost's,
 * after DiDonato & Morris, ACM TOMS 12 (1986), and Temme).
 * From shape 1,000 (variability below about 0.03) we use Temme's uniform asymptotic expansion
 * (N. M. Temme, "The asymptotic expansion of the incomplete gamma functions", SIAM J. Math. Anal.
 * 10 (1979); DLMF §8.12; its use for computation in Gil, Segura & Temme, SIAM J. Sci. Comput. 34
 * (2012)), which is exact to double precision there at a fixed cost, where the library's series
 * need millions of terms in the tails of very large shapes and lose accuracy.
 *
 * Each evaluation is counted, so tests and the bench can bound the work a call does
 * deterministically (evaluations, not seconds). The count only grows; callers take differences.
 */
let evaluations = 0;

/** How many incomplete-gamma evaluations have been made so far in this process. */
export function gammaEvaluationCount(): number {
  return evaluations;
}

/** Both tails of the gamma distribution at one point. */
export interface GammaTails {
  /** P(a, x): the chance that a standard gamma variable with shape a is below x. */
  readonly lower: number;
  /** Q(a, x) = 1 − P(a, x), accurate in its own right when it is tiny. */
  readonly upper: number;
}

/** From this shape on, Temme's expansion replaces the library. */
export const TEMME_MIN_SHAPE = 1000;

/**
 * Taylor coefficients in η of Temme's c₀(η) … c₃(η), generated exactly (as fractions) by
 * tools/temme-coefficients.py from the recursion c_k = (1/η)·c'_{k−1} + (−1)^k·g_k/(λ − 1),
 * with g_k the Stirling coefficients of Γ*(a). Used for |η| ≤ 1, where the closed forms cancel.
 * The series converge for |η| < 2√π; at |η| = 1 the terms kept leave c₀ to about 1e-17 and the
 * others, divided by a, a², a³ with a ≥ 1,000, smaller still.
 */
const TEMME_TAYLOR: readonly (readonly number[])[] = [
  [
  -0.3333333333333333, 0.08333333333333333, -0.014814814814814815, 0.0011574074074074073,
  0.0003527336860670194, -0.0001787551440329218, 3.919263178522438e-05, -2.185448510679992e-06,
  -1.85406221071516e-06, 8.296711340953087e-07, -1.7665952736826078e-07, 6.707853543401498e-09,
  1.0261809784240309e-08, -4.382036018453353e-09, 9.14769958223679e-10, -2.5514193994946248e-11,
  -5.830772132550426e-11, 2.4361948020667415e-11, -5.0276692801141755e-12,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1.
  1.1004392031956135e-13, 3.371763262400985e-13, -1.392388722418162e-13, 2.8534893807047445e-14,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1.
  -5.139111834242572e-16, -1.9752288294349442e-15, 8.099521156704561e-16, -1.6522531216398162e-16,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1.
  2.5305430097478883e-18, 1.1686939738559576e-17, -4.770037049820485e-18,
  ],
  [
  -0.001851851851851852, -0.003472222222222222, 0.0026455026455026454, -0.0009902263374485596,
  0.00020576131687242798, -4.018775720164609e-07, -1.8098550334489977e-05, 7.64916091608111e-06,
  -1.6120900894563446e-06, 4.647127802807434e-09, 1.378633446915721e-07, -5.752545603517705e-08,
  1.1951628599778148e-08,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₁ is divided by a).
  -1.7543241719747647e-11,
  -1.0091543710600413e-09,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₁ is divided by a).
  4.162792991842583e-10, -8.56390702649298e-11, 6.067215101604758e-14, 7.1624989648114856e-12,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₁ is divided by a).
  -2.933186643771437e-12, 5.996696365683689e-13, -2.1671786527323313e-16, -4.978339972369262e-14,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₁ is divided by a).
  2.0291628823713425e-14,
  ],
  [
  0.004133597883597883, -0.0026813271604938273, 0.0007716049382716049, 2.0093878600823047e-06,
  -0.0001073665322636516, 5.2923448829120125e-05, -1.2760635188618728e-05,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₂ is divided by a²).
  3.423578734096138e-08, 1.3721957309062934e-06, -6.298992138380055e-07, 1.4280614206064242e-07,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₂ is divided by a²).
  -2.0477098421990866e-10, -1.409252991086752e-08, 6.228974084922022e-09, -1.3670488396617114e-09,
  // Stryker disable next-line UnaryOperator: its sign moves Q by less than the 2e-12 that test/model/gamma.test.ts resolves at shape 1,000 and |η| = 1 (c₂ is divided by a²).
  9.428356159014678e-13,
  ],
  // Stryker disable next-line all: c₃/a³ is below 7e-13 of the tail for every a ≥ 1,000, less than the 2e-12 that test/model/gamma.test.ts resolves.
  [
  // Stryker disable next-line all: as the row.
  0.0006494341563786008, 0.00022947209362139917, -0.0004691894943952557, 0.00026772063206283885,
  // Stryker disable next-line all: as the row.
  -7.561801671883977e-05, -2.396505113867297e-07, 1.1082654115347302e-05, -5.6749528269915965e-06,
  // Stryker disable next-line all: as the row.
  1.4230900732435883e-06, -2.7861080291528143e-11,
  ],
];

function horner(coefficients: readonly number[], z: number): number {
  let sum = 0;
  for (let index = coefficients.length - 1; index >= 0; index -= 1) sum = sum * z + coefficients[index];
  return sum;
}

/**
 * φ(d) = d − ln(1 + d) ≥ 0, the exponent of the gamma density relative to its peak (λ = 1 + d).
 * Near d = 0 the subtraction would cancel, so there we use ln(1 + d) = 2·atanh(z) with
 * z = d / (2 + d): φ = d² / (2 + d) − 2·(z³/3 + z⁵/5 + …), every term small.
 */
function peakExponent(d: number): number {
  if (Math.abs(d) >= 0.5) return d - Math.log1p(d);
  const z = d / (2 + d);
  const z2 = z * z;
  let power = z * z2;
  let series = 0;
  for (let n = 3; n < 60; n += 2) {
    const term = power / n;
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    power *= z2;
  }
  return (d * d) / (2 + d) - 2 * series;
}

/**
 * φ at x for shape a, given d = x/a − 1 as precisely as the caller has it. Far below the peak
 * (x < a/2), d has lost the digits of a small x/a to rounding towards −1, so there φ is taken
 * from λ = x/a itself: λ − 1 − ln λ.
 */
function peakExponentAt(a: number, x: number, d: number): number {
  if (d >= -0.5) return peakExponent(d);
  const ratio = x / a;
  return ratio - 1 - Math.log(ratio);
}

/** ln Γ(a + 1) − [(a + ½)·ln a − a + ½·ln 2π], Stirling's correction (the series of DLMF 5.11.1), for a ≥ 10. */
function stirlingCorrection(a: number): number {
  const inverse = 1 / a;
  const inverse2 = inverse * inverse;
  // 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + 1/(1188a⁹): below 1e-16 from a = 10.
  return inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680 - inverse2 / 1188))));
}

/**
 * The prefix x^a·e^−x / Γ(a + 1) = P(a, x) − P(a + 1, x) = Q(a + 1, x) − Q(a, x).
 * `excess` is x/a − 1; a caller that knows it more precisely than x itself passes it (see
 * {@link regularizedGamma}).
 * From a = 10 it is written as e^(−a·φ(d) − correction) / √(2πa), with d = x/a − 1, which keeps
 * full relative accuracy where the logarithms of x^a and Γ(a + 1) would each be huge.
 */
export function gammaPrefix(a: number, x: number, excess = (x - a) / a): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 0;
  if (a < 10) return Math.exp(a * Math.log(x) - x - gammaln(a + 1));
  return Math.exp(-a * peakExponentAt(a, x, excess) - stirlingCorrection(a)) / Math.sqrt(2 * Math.PI * a);
}

/** ln Γ(a + 1), from the library. */
export function logGammaOnePlus(a: number): number {
  return gammaln(a + 1);
}

/**
 * The prefix from ln x, for an x too small for a double (below about 1e-300, where x itself
 * underflows while x^a need not: at shape 1e-3, (1e-320)^a is 0.48). There e^−x = 1.
 */
export function gammaPrefixFromLog(a: number, logX: number): number {
  return Math.exp(a * logX - gammaln(a + 1));
}

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/**
 * Temme's sum Σ c_k(η)·a^−k for k = 0…3 (k = 0…2 off the Taylor disc; c₃/a³ is below 1e-12
 * there). Closed forms (DLMF 8.12.8–8.12.9, and c₂ from the recursion), with u = λ − 1:
 * c₀ = 1/u − 1/η, c₁ = 1/η³ − 1/u³ − 1/u² − 1/(12u),
 * c₂ = −3/η⁵ + 3/u⁵ + 5/u⁴ + 25/(12u³) + 1/(12u²) + 1/(288u).
 */
function temmeSum(a: number, eta: number, u: number): number {
  if (Math.abs(eta) <= 1) {
    const inverse = 1 / a;
    return (
      horner(TEMME_TAYLOR[0], eta) +
      inverse * (horner(TEMME_TAYLOR[1], eta) + inverse * (horner(TEMME_TAYLOR[2], eta) + inverse * horner(TEMME_TAYLOR[3], eta)))
    );
  }
  const iu = 1 / u;
  const ie = 1 / eta;
  const c0 = iu - ie;
  const c1 = ie * ie * ie - iu * (iu * (iu + 1) + 1 / 12);
  const c2 = -3 * ie ** 5 + iu * (1 / 288 + iu * (1 / 12 + iu * (25 / 12 + iu * (5 + 3 * iu))));
  return c0 + (c1 + c2 / a) / a;
}

/**
 * Temme's uniform expansion (DLMF 8.12.3–8.12.4): with λ = x/a, η = sign(λ − 1)·√(2·φ(λ − 1)),
 * Q(a, x) = ½·erfc(η·√(a/2)) + R and P(a, x) = ½·erfc(−η·√(a/2)) − R, where
 * R = e^(−a·η²/2) / √(2πa) · Σ c_k(η)·a^−k.
 */
function temmeTails(a: number, x: number, u: number): GammaTails {
  const phi = peakExponentAt(a, x, u);
  const eta = Math.sign(u) * Math.sqrt(2 * phi);
  const y = eta * Math.sqrt(a / 2);
  const remainder = (Math.exp(-a * phi) / (SQRT_TWO_PI * Math.sqrt(a))) * temmeSum(a, eta, u);
  return { lower: 0.5 * erfc(-y) - remainder, upper: 0.5 * erfc(y) + remainder };
}

/**
 * P(a, x) and Q(a, x) in one evaluation, each accurate where it is small. For large shapes what
 * matters is x/a − 1 (`excess`), measured in standard deviations as (x/a − 1)·√a: a caller that
 * has it exactly, as (H − m)/m, passes it, since x = H·a/m carries a rounding error of √a·1e-16
 * standard deviations (1e-10 at shape 1e12). The library computes the
 * smaller tail (below the mean, P; above it, Q) and the other is 1 minus it, which loses nothing
 * because it is at least about one half.
 */
export function regularizedGamma(a: number, x: number, excess = (x - a) / a): GammaTails {
  evaluations += 1;
  if (!(x > 0)) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  if (a >= TEMME_MIN_SHAPE) return temmeTails(a, x, excess);
  // Note stdlib's argument order: (x, shape).
  if (x < a) {
    const lower = gammainc(x, a, true, false);
    return { lower, upper: 1 - lower };
  }
  const upper = gammainc(x, a, true, true);
  return { lower: 1 - upper, upper };
}
