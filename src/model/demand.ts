import { gammaPrefix, gammaPrefixFromLog, logGammaOnePlus, regularizedGamma } from './gamma';

/**
 * Demand for support hours over a period, modelled as a gamma distribution with the given
 * mean and coefficient of variation (README, "How the numbers are computed"):
 * shape k = 1 / cv², scale θ = mean · cv², for every variability above 0.
 * A variability of 0 means the hours are known exactly.
 */
export interface Demand {
  /** Expected hours over the period (the mean). */
  readonly expectedHours: number;
  /** Coefficient of variation: standard deviation ÷ mean. */
  readonly variability: number;
}

/**
 * Below this shape (variability above 1e150) the incomplete gamma has nothing left to resolve:
 * demand is 0 almost surely, with a vanishing chance of an enormous need that keeps the mean.
 * The limits as the shape goes to 0 are then exact enough: all prepaid hours go unused, every
 * expected hour is overage, and some hours are forfeited with certainty.
 */
const MIN_SHAPE = 1e-300;

/** Everything the model needs about demand against a block of H hours, from one evaluation. */
export interface BlockExpectations {
  /** E[(H − U)⁺]: prepaid hours left unused. */
  readonly unused: number;
  /** E[(U − H)⁺]: hours beyond the block. */
  readonly overage: number;
  /** P(U < H): the chance that some prepaid hours are left unused. */
  readonly probabilityUnused: number;
  /**
   * −d E[(H − U)⁺] / d mean = P(k + 1, x) = E[X · 1{U < H}] with U = mean · X: how fast unused
   * hours fall as expected use rises. Expected overage grows at 1 minus this rate.
   */
  readonly unusedDecline: number;
  /** d² E[(U − H)⁺] / d mean² = prefix(k, x) · x / mean ≥ 0: expected overage is convex in the mean. */
  readonly overageCurvature: number;
}

/** Below this, x = H/θ is handled through its logarithm (see tinyBlockExpectations). */
const TINY_X = 1e-300;

/** A curvature too large to represent (a block of 5e-324 hours) tells the search nothing it can use. */
function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Demand known exactly (no variability or no expected use): everything follows from m − H. */
function certainExpectations(expectedHours: number, blockHours: number): BlockExpectations {
  const below = expectedHours < blockHours;
  return {
    unused: Math.max(0, blockHours - expectedHours),
    overage: Math.max(0, expectedHours - blockHours),
    probabilityUnused: below ? 1 : 0,
    unusedDecline: below ? 1 : 0,
    overageCurvature: 0,
  };
}

/**
 * Left of the mean, with t_n = x^n / ((k + 1)(k + 2)…(k + n)): P(k, x) = prefix · Σ_{n≥0} t_n,
 * so P(k + 1, x) = prefix · Σ_{n≥1} t_n and E[(H − U)⁺] = θ · prefix · Σ_{n≥1} n·t_n
 * = H · prefix · Σ_{n≥1} n·t_n / x, since θ·x = H. Every term is positive, where the closed forms
 * subtract nearly equal numbers. Used for x < (k + 1)/2, where the terms at least halve at each
 * step. The sums are returned divided by x, so that they stay finite however small x is.
 */
function leftTailSums(shape: number, x: number): { tailPerX: number; weightedPerX: number } {
  let term = 1 / (shape + 1); // t_n / x
  let tailPerX = term;
  let weightedPerX = term;
  for (let n = 2; n < 200; n += 1) {
    term *= x / (shape + n);
    tailPerX += term;
    weightedPerX += n * term;
    if (n * term <= 1e-17 * weightedPerX) break;
  }
  return { tailPerX, weightedPerX };
}

/**
 * Demand against a block so small against the scale that x = H/θ is below 1e-300, where x itself
 * may underflow while x^k need not (at shape 1e-3, the chance of needing less than H is still
 * large). Then P(k, x) = prefix·(1 + O(x)), E[(H − U)⁺] = H·prefix/(k + 1) and P(k + 1, x) = O(x).
 */
function tinyBlockExpectations(mean: number, shape: number, blockHours: number): BlockExpectations {
  const prefix = gammaPrefixFromLog(shape, Math.log(blockHours) - Math.log(mean) + Math.log(shape));
  const unused = (blockHours * prefix) / (shape + 1);
  return { unused, overage: mean - blockHours + unused, probabilityUnused: prefix, unusedDecline: 0, overageCurvature: 0 };
}

/**
 * E[(H − U)⁺], E[(U − H)⁺], P(U < H) and their sensitivities to the mean, from one evaluation of
 * the incomplete gamma and the prefix f = x^k·e^−x / Γ(k + 1) that links shape k to k + 1.
 * They come from the gamma distribution's limited expected value E[U ∧ H] = m·P(k + 1, x) + H·Q(k, x)
 * (Klugman, Panjer & Willmot, Loss Models, appendix A) and P(k + 1, x) = P(k, x) − f (DLMF §8.8).
 * For gamma demand U with mean m, shape k and scale θ = m/k, and x = H/θ:
 * - E[(U − H)⁺] = m·Q(k + 1, x) − H·Q(k, x) = (m − H)·Q(k, x) + m·f,
 * - E[(H − U)⁺] = H·P(k, x) − m·P(k + 1, x) = (H − m)·P(k, x) + m·f,
 * using Q(k + 1, x) = Q(k, x) + f. Each form is a sum of positive terms on its own side of the mean;
 * on the other side it cancels by a factor that grows like z² (z standard deviations out), which
 * far out costs a few digits: 1e-10 relative at worst, 35 standard deviations out at shape 4,000.
 * Far below the mean unused hours come from a series of positive terms instead (leftTailSums).
 *
 * @example
 * blockExpectations({ expectedHours: 18, variability: 0.5 }, 20).unused
 * //=> 4.7331 (approximately)
 */
export function blockExpectations(demand: Demand, blockHours: number): BlockExpectations {
  const { expectedHours: mean, variability } = demand;
  if (variability === 0 || mean === 0) return certainExpectations(mean, blockHours);
  const shape = 1 / (variability * variability);
  if (!Number.isFinite(shape)) return certainExpectations(mean, blockHours);
  if (!(shape >= MIN_SHAPE)) {
    return { unused: blockHours, overage: mean, probabilityUnused: 1, unusedDecline: 0, overageCurvature: 0 };
  }
  const x = (blockHours / mean) * shape;
  if (x < TINY_X) return tinyBlockExpectations(mean, shape, blockHours);
  // x/k − 1 = (H − m)/m, exact where H and m are close, which is where it matters.
  const excess = (blockHours - mean) / mean;
  const { lower, upper } = regularizedGamma(shape, x, excess);
  const prefix = gammaPrefix(shape, x, excess);
  let unused: number;
  let unusedDecline: number;
  if (x < (shape + 1) / 2) {
    const sums = leftTailSums(shape, x);
    unused = blockHours * prefix * sums.weightedPerX;
    unusedDecline = prefix * x * sums.tailPerX;
  } else {
    unused = (blockHours - mean) * lower + mean * prefix;
    unusedDecline = lower - prefix;
  }
  const overage = (mean - blockHours) * upper + mean * prefix;
  // Jensen: E[(H − U)⁺] ≥ (H − mean)⁺, and it can never exceed H. Clamping removes rounding residue.
  return {
    unused: clamp(unused, Math.max(0, blockHours - mean), blockHours),
    overage: clamp(overage, Math.max(0, mean - blockHours), mean),
    probabilityUnused: lower,
    unusedDecline: clamp(unusedDecline, 0, 1),
    overageCurvature: finiteOrZero((prefix * x) / mean),
  };
}

/**
 * Expected prepaid hours left unused at expiry, E[(H − U)⁺].
 *
 * @example
 * expectedUnusedHours({ expectedHours: 18, variability: 0.5 }, 20)
 * //=> 4.7331 (approximately)
 */
export function expectedUnusedHours(demand: Demand, blockHours: number): number {
  return blockExpectations(demand, blockHours).unused;
}

/**
 * Expected hours beyond the block, E[(U − H)⁺].
 *
 * @example
 * expectedOverageHours({ expectedHours: 18, variability: 0.5 }, 20)
 * //=> 2.7331 (approximately)
 */
export function expectedOverageHours(demand: Demand, blockHours: number): number {
  return blockExpectations(demand, blockHours).overage;
}

/**
 * Probability that demand stays below the block, P(U < H) = P(k, x): the chance that some
 * prepaid hours expire unused. With no variability it is 1 if expected use is below the block, else 0.
 *
 * @example
 * probabilityOfUnusedHours({ expectedHours: 18, variability: 0.5 }, 20)
 * //=> 0.6482 (approximately)
 */
export function probabilityOfUnusedHours(demand: Demand, blockHours: number): number {
  return blockExpectations(demand, blockHours).probabilityUnused;
}

/** A Halley step smaller than this relative to x leaves an error of about its cube. */
const QUANTILE_CONVERGED = 1e-7;
/** Most Halley steps a quantile takes; it needs 2 to 4, the rest is a safeguard. */
const MAX_QUANTILE_STEPS = 60;

/**
 * The standard normal quantile to about 5e-4 (Abramowitz and Stegun 26.2.23): only a starting
 * point for the gamma quantile, which Halley's method then makes exact.
 */
function normalQuantile(probability: number): number {
  const tail = Math.min(probability, 1 - probability);
  const t = Math.sqrt(-2 * Math.log(tail));
  const z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  return probability < 0.5 ? -z : z;
}

/**
 * A first guess at the standard gamma quantile. From shape 1, the Wilson–Hilferty cube-root
 * normal approximation x ≈ k·(1 − 1/(9k) + z/(3√k))³ (Wilson & Hilferty, PNAS 17 (1931);
 * Abramowitz and Stegun 26.4.17); below it, split as in `invgammp` of Numerical Recipes, 3rd ed.,
 * §6.2.1, the small-shape forms
 * P(k, x) ≈ x^k / Γ(k + 1) near 0 and Q(k, x) ≈ e^−x·x^(k−1)/Γ(k) far out. Far into the lower tail
 * (a tiny probability) Wilson–Hilferty falls short, and x^k / Γ(k + 1) = p is the better guess:
 * the larger of the two is taken.
 */
function quantileGuess(shape: number, probability: number): number {
  const nearZero = Math.exp((Math.log(probability) + logGammaOnePlus(shape)) / shape);
  if (shape >= 1) {
    const z = normalQuantile(probability);
    const cube = 1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape));
    const wilsonHilferty = cube > 0 ? shape * cube * cube * cube : 0;
    return probability < 0.5 ? Math.max(wilsonHilferty, nearZero) : wilsonHilferty;
  }
  const split = 1 - shape * (0.253 + shape * 0.12);
  if (probability < split) return Math.max(nearZero, Math.pow(probability / split, 1 / shape));
  return 1 - Math.log1p(-(probability - split) / (1 - split));
}

/**
 * The next point of the quantile search from x, given P and Q there, and whether it has
 * converged. Near the answer, a Halley step (as in Numerical Recipes' `invgammp`, §6.2.1, and Gil,
 * Segura & Temme, SIAM J. Sci. Comput. 34 (2012)): F(x) = P(k, x) − p has F' = g, the gamma density
 * k·prefix/x, and F''/F' = (k − 1)/x − 1, so it converges cubically. Far below a small p (P < p/2),
 * a Newton step on ln P in ln x, nearly a straight line there (P ≈ x^k/Γ(k + 1)), where Halley's
 * step in x would creep; far above a p near 1 (Q < (1 − p)/2), a Newton step on ln Q, nearly a
 * straight line in x (Q ≈ e^−x·x^(k−1)/Γ(k)).
 */
function quantileStep(shape: number, probability: number, x: number, lower: number, upper: number): { next: number; converged: boolean } {
  const density = (shape * gammaPrefix(shape, x)) / x;
  if (probability <= 0.5 && lower < probability / 2) {
    const logStep = ((Math.log(probability) - Math.log(lower)) * lower) / (shape * gammaPrefix(shape, x));
    return { next: x * Math.exp(logStep), converged: false };
  }
  if (probability > 0.5 && upper < (1 - probability) / 2) {
    return { next: x + ((Math.log(upper) - Math.log1p(-probability)) * upper) / density, converged: false };
  }
  // F(x), from whichever tail is small, so that it is accurate near the answer.
  const miss = probability <= 0.5 ? lower - probability : 1 - probability - upper;
  const ratio = miss / density;
  const halley = 1 - 0.5 * ratio * ((shape - 1) / x - 1);
  const change = halley > 0.1 ? ratio / halley : ratio;
  // Cubic convergence: once a step is this small, the error after it is below rounding.
  return { next: x - change, converged: Math.abs(change) <= QUANTILE_CONVERGED * x };
}

/**
 * The standard gamma quantile: the x with P(shape, x) = probability, from {@link quantileGuess}
 * by {@link quantileStep}: 1 to 4 evaluations for the probabilities COMPARE uses, a few more deep in
 * a tail. Every point tried narrows a bracket, and a step that would leave it bisects instead, so
 * the search always ends. A quantile too small for a double is 0.
 */
function standardGammaQuantile(shape: number, probability: number): number {
  let x = quantileGuess(shape, probability);
  let low = 0;
  let high = Infinity;
  for (let step = 0; step < MAX_QUANTILE_STEPS; step += 1) {
    if (!(x > 0)) return 0;
    const { lower, upper } = regularizedGamma(shape, x);
    const below = probability <= 0.5 ? lower < probability : 1 - probability < upper;
    if (lower === probability) return x;
    if (below) low = x;
    else high = x;
    const { next: proposed, converged } = quantileStep(shape, probability, x, lower, upper);
    if (converged) return proposed;
    let next = proposed;
    if (!(next > low && next < high)) next = high === Infinity ? 2 * Math.max(x, low) : low > 0 ? Math.sqrt(low * high) : high / 2;
    if (high !== Infinity && high - low <= 4 * Number.EPSILON * high) return next;
    x = next;
  }
  return x;
}

/**
 * The hours that demand stays at or below with the given probability (0 < probability < 1):
 * the gamma quantile θ · P⁻¹(k, probability). With no variability it is the expected hours.
 *
 * @example
 * demandQuantile({ expectedHours: 18, variability: 0.5 }, 0.95)
 * //=> 34.8915 (approximately)
 */
export function demandQuantile(demand: Demand, probability: number): number {
  const { expectedHours, variability } = demand;
  if (variability === 0 || expectedHours === 0) return expectedHours;
  const shape = 1 / (variability * variability);
  if (!Number.isFinite(shape)) return expectedHours;
  if (!(shape >= MIN_SHAPE)) return 0; // demand is 0 with probability 1 − (a vanishing chance)
  return (expectedHours / shape) * standardGammaQuantile(shape, probability);
}
