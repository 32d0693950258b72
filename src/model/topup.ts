import { checkArguments, type RawArguments } from './arguments';
import { blockExpectations, type Demand } from './demand';
import { gammaPrefix, regularizedGamma } from './gamma';
import { TOPUPVALUE_LIMITS } from './limits';
import { andThen, finiteOrProblem, type Outcome } from './outcome';

/** Below this, a ratio of hours within 1e-12 of a whole number is that number (1.1/0.1 is 11.000000000000002). */
const WHOLE = 1e-12;
/** P(U > kH) counts as 1 when P(U ≤ kH) is below this, and the sum stops when what is left is below this share of it. */
const NEGLIGIBLE = 1e-17;
/** From this many hours of the density's scale per block, the rest of the sum is taken by Euler–Maclaurin. */
const WIDE = 8;
/** Terms summed one by one before Euler–Maclaurin takes over, so that kH is far from the density's corner at 0. */
const HEAD = 24;
/** The most terms summed one by one (see expectedTopUpBlocks). */
const MAX_TERMS = 100_000;
/** B_2j / (2j)! for j = 1…4: the Euler–Maclaurin coefficients. */
const BERNOULLI_OVER_FACTORIAL = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600];

/** Blocks bought when demand is known exactly: max(1, ⌈U/H⌉). */
function certainBlocks(hours: number, blockHours: number): number {
  const ratio = hours / blockHours;
  const whole = Math.round(ratio);
  return Math.max(1, Math.abs(ratio - whole) <= WHOLE * ratio ? whole : Math.ceil(ratio));
}

/**
 * f⁽ⁿ⁾(u) / f(u) for the gamma density f(u) ∝ u^a·e^(−u/θ), a = k − 1, by Leibniz's rule:
 * Σ_j C(n, j)·a(a − 1)…(a − j + 1)·u^(−j)·(−1/θ)^(n−j).
 */
function densityDerivativeRatio(n: number, a: number, scale: number, u: number): number {
  let sum = 0;
  let binomial = 1;
  let falling = 1;
  for (let j = 0; j <= n; j += 1) {
    sum += binomial * falling * u ** -j * (-1 / scale) ** (n - j);
    binomial = (binomial * (n - j)) / (j + 1);
    falling *= a - j;
  }
  return sum;
}

/**
 * Σ_{k≥m} Q(kH) by Euler–Maclaurin, for demand whose density changes little from one block to the
 * next, where Q(u) = P(U > u):
 *   Σ_{k≥m} g(k) = ∫_m^∞ g + g(m)/2 − Σ_j B_2j/(2j)!·g^(2j−1)(m),  g(x) = Q(xH),
 * with ∫_m^∞ Q(xH) dx = E[(U − mH)⁺]/H and g^(2j−1) = −H^(2j−1)·f^(2j−2) (f the density).
 * Four correction terms leave an error of about B_10/10!·H⁹·f⁽⁸⁾, below 1e-15 of the sum when
 * the density's scale is 8 blocks or more and mH is 24 blocks from 0.
 */
function eulerMaclaurinTail(demand: Demand, shape: number, scale: number, blockHours: number, m: number): number {
  const u = m * blockHours;
  const { overage } = blockExpectations(demand, u);
  const upper = regularizedGamma(shape, u / scale).upper;
  const density = (shape * gammaPrefix(shape, u / scale)) / u;
  let corrections = 0;
  BERNOULLI_OVER_FACTORIAL.forEach((coefficient, index) => {
    const order = 2 * index; // f^(2j−2) for j = index + 1
    corrections += coefficient * blockHours ** (order + 1) * density * densityDerivativeRatio(order, shape - 1, scale, u);
  });
  return overage / blockHours + upper / 2 + corrections;
}

/**
 * Expected number of blocks bought when a block of H hours is bought at the start of the term and
 * again each time it runs out: E[N] = E[max(1, ⌈U/H⌉)] = 1 + Σ_{k≥1} P(U > kH), with U the hours
 * needed over the term (gamma, README "How the numbers are computed").
 *
 * @example
 * expectedTopUpBlocks({ expectedHours: 30, variability: 0.3 }, 10)
 * //=> 3.4999 (approximately)
 */
export function expectedTopUpBlocks(demand: Demand, blockHours: number): number {
  const { expectedHours: mean, variability } = demand;
  if (variability === 0 || mean === 0) return certainBlocks(mean, blockHours);
  const shape = 1 / (variability * variability);
  if (!Number.isFinite(shape)) return certainBlocks(mean, blockHours);
  const scale = mean * variability * variability;
  if (!(scale > 0)) {
    // A spread below the smallest double: U is the mean, and when that is a whole number of
    // blocks, as likely just above it as just below, so the last block is bought half the time.
    const ratio = mean / blockHours;
    return Number.isInteger(ratio) ? ratio + 0.5 : Math.max(1, Math.ceil(ratio));
  }
  // Beyond 2^52 blocks the count has no fraction left to resolve: the fractional part of U/H
  // averages ½, below the last digit.
  if (mean / blockHours > 2 ** 52) return mean / blockHours + 0.5;
  const lower = (k: number) => regularizedGamma(shape, (k * blockHours) / scale).lower;
  // The first k whose P(U ≤ kH) is not negligible; every term before it is 1.
  let low = 1;
  let high = Math.max(1, Math.floor(mean / blockHours));
  if (lower(high) < NEGLIGIBLE) {
    low = high;
  } else {
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (lower(middle) < NEGLIGIBLE) low = middle + 1;
      else high = middle;
    }
  }
  let blocks = low; // 1 for the first block, and low − 1 terms of 1
  // The density's scale: its spread for shapes of 1 and more; below, the exponential's scale θ.
  const densityScale = shape >= 1 ? mean * variability : scale;
  if (densityScale >= WIDE * blockHours) {
    const m = Math.max(HEAD, low);
    for (let k = low; k < m; k += 1) blocks += regularizedGamma(shape, (k * blockHours) / scale).upper;
    return blocks + eulerMaclaurinTail(demand, shape, scale, blockHours, m);
  }
  // The spread is under WIDE blocks, so about 40·WIDE terms reach from the start to a negligible
  // tail; the bound only guards against a sum that would not end.
  for (let k = low; k < low + MAX_TERMS; k += 1) {
    const term = regularizedGamma(shape, (k * blockHours) / scale).upper;
    blocks += term;
    // What is left is at most E[(U − kH)⁺]/H.
    if (term <= NEGLIGIBLE * blocks && blockExpectations(demand, k * blockHours).overage / blockHours <= NEGLIGIBLE * blocks) return blocks;
  }
  return blocks + eulerMaclaurinTail(demand, shape, scale, blockHours, low + MAX_TERMS);
}

/**
 * TOPUPVALUE: expected saving over the term of a block that is bought again each time it runs out,
 * instead of paying hourly: R·E[U] − P·E[N] (undiscounted). Every hour is paid at the block's
 * rate and no overage is billed; what is left of the last block expires.
 *
 * @example
 * topUpValue({ expectedHours: 30, hourlyRate: 150, blockHours: 10, blockPrice: 1350, variability: 0.3 })
 * //=> { ok: true, value: -224.8022 (approximately) }
 */
export function topUpValue(raw: RawArguments<typeof TOPUPVALUE_LIMITS>): Outcome<number> {
  return andThen(checkArguments(TOPUPVALUE_LIMITS, raw), (args) => {
    const blocks = expectedTopUpBlocks({ expectedHours: args.expectedHours, variability: args.variability }, args.blockHours);
    return finiteOrProblem(args.hourlyRate * args.expectedHours - args.blockPrice * blocks);
  });
}
