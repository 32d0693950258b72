import erfc from '@stdlib/math-base-special-erfc';
import { lowerRegularized, upperRegularized } from './gamma';
import { bracketedRoot } from './root';

/**
 * Demand for support hours over a period, modelled as a gamma distribution with the given
 * mean and coefficient of variation (DESIGN.md, "Model conventions"):
 * shape k = 1 / cv², scale θ = mean · cv². A variability of 0 means the hours are known exactly.
 */
export interface Demand {
  /** Expected hours over the period (the mean). */
  readonly expectedHours: number;
  /** Coefficient of variation: standard deviation ÷ mean. */
  readonly variability: number;
}

/**
 * The gamma shape k and the block size in units of the scale, x = H / θ = H · k / mean.
 * Returns undefined when demand is effectively certain: no variability, no expected use,
 * or a spread so narrow (or a mean so small) that the numbers overflow.
 */
function standardize(demand: Demand, blockHours: number): { shape: number; x: number } | undefined {
  const { expectedHours, variability } = demand;
  if (variability === 0 || expectedHours === 0) return undefined;
  const shape = 1 / (variability * variability);
  const x = (blockHours * shape) / expectedHours;
  if (!Number.isFinite(shape) || !Number.isFinite(x)) return undefined;
  // Variability beyond about 1e154 leaves no shape to speak of: see unboundedSpread.
  if (!(shape >= MIN_SHAPE)) return undefined;
  return { shape, x };
}

/**
 * Below this shape (variability above 1e150) the incomplete gamma has nothing left to resolve:
 * demand is 0 almost surely, with a vanishing chance of an enormous need that keeps the mean.
 * The limits as the shape goes to 0 are then exact enough: all prepaid hours go unused, every
 * expected hour is overage, and some hours are forfeited with certainty.
 */
const MIN_SHAPE = 1e-300;

function unboundedSpread(demand: Demand): boolean {
  const shape = 1 / (demand.variability * demand.variability);
  return demand.variability > 0 && demand.expectedHours > 0 && !(shape >= MIN_SHAPE);
}

/**
 * Beyond this shape (variability below 0.001) the gamma is a normal distribution to within its
 * skewness, 2 × variability < 0.002, and the incomplete gamma gets slow (a millisecond a call near
 * shape 1e10) and then inaccurate (wrong near x ≈ shape from about 1e20). So such near-certain
 * demand is modelled as normal, with mean m and standard deviation σ = m · variability.
 */
const NORMAL_SHAPE = 1e6;

/** Standard normal CDF Φ(z) and density φ(z). */
function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Near-certain demand: z = (H − m) / σ, or undefined for demand the gamma model handles. */
function nearlyCertain(demand: Demand, blockHours: number, shape: number): { z: number; sigma: number } | undefined {
  if (!(shape > NORMAL_SHAPE)) return undefined;
  const sigma = demand.expectedHours * demand.variability;
  return { sigma, z: (blockHours - demand.expectedHours) / sigma };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Expected prepaid hours left unused at expiry, E[(H − U)⁺].
 *
 * For gamma demand U with shape k and scale θ, and x = H/θ:
 * E[(H − U)⁺] = H · P(k, x) − mean · P(k + 1, x),
 * using E[U · 1{U < H}] = mean · P(k + 1, x).
 *
 * @example
 * expectedUnusedHours({ expectedHours: 18, variability: 0.5 }, 20)
 * //=> 4.7331 (approximately)
 */
export function expectedUnusedHours(demand: Demand, blockHours: number): number {
  if (unboundedSpread(demand)) return blockHours;
  const certain = Math.max(0, blockHours - demand.expectedHours);
  const standard = standardize(demand, blockHours);
  if (standard === undefined) return certain;
  const { shape, x } = standard;
  const normal = nearlyCertain(demand, blockHours, shape);
  // Normal: E[(H − U)⁺] = (H − m) · Φ(z) + σ · φ(z).
  const unused = normal
    ? (blockHours - demand.expectedHours) * normalCdf(normal.z) + normal.sigma * normalDensity(normal.z)
    : blockHours * lowerRegularized(shape, x) - demand.expectedHours * lowerRegularized(shape + 1, x);
  // Jensen: E[(H − U)⁺] ≥ (H − mean)⁺; it can never exceed H. Clamping removes rounding residue.
  return clamp(unused, certain, blockHours);
}

/**
 * Expected hours beyond the block, E[(U − H)⁺] = mean · Q(k + 1, x) − H · Q(k, x).
 *
 * @example
 * expectedOverageHours({ expectedHours: 18, variability: 0.5 }, 20)
 * //=> 2.7331 (approximately)
 */
export function expectedOverageHours(demand: Demand, blockHours: number): number {
  if (unboundedSpread(demand)) return demand.expectedHours;
  const certain = Math.max(0, demand.expectedHours - blockHours);
  const standard = standardize(demand, blockHours);
  if (standard === undefined) return certain;
  const { shape, x } = standard;
  const normal = nearlyCertain(demand, blockHours, shape);
  // Normal: E[(U − H)⁺] = (m − H) · Φ(−z) + σ · φ(z).
  const overage = normal
    ? (demand.expectedHours - blockHours) * normalCdf(-normal.z) + normal.sigma * normalDensity(normal.z)
    : demand.expectedHours * upperRegularized(shape + 1, x) - blockHours * upperRegularized(shape, x);
  return clamp(overage, certain, demand.expectedHours);
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
  if (unboundedSpread(demand)) return 1;
  const standard = standardize(demand, blockHours);
  if (standard === undefined) return demand.expectedHours < blockHours ? 1 : 0;
  const normal = nearlyCertain(demand, blockHours, standard.shape);
  return normal ? normalCdf(normal.z) : lowerRegularized(standard.shape, standard.x);
}

/**
 * How fast expected unused hours fall as expected use rises: −d E[(H − U)⁺] / d mean = P(k + 1, x).
 * Demand scales with its mean (U = mean · X), so this is E[X · 1{U < H}]. Expected overage grows
 * at 1 minus this rate; computing the small side directly keeps it accurate far past the block.
 */
export function unusedHoursDecline(demand: Demand, blockHours: number): number {
  if (unboundedSpread(demand)) return 0;
  const standard = standardize(demand, blockHours);
  if (standard === undefined) return demand.expectedHours < blockHours ? 1 : 0;
  const normal = nearlyCertain(demand, blockHours, standard.shape);
  // Normal, with σ = m · variability: −d/dm [(H − m) Φ(z) + σ φ(z)] = Φ(z) − variability · φ(z).
  return normal ? normalCdf(normal.z) - demand.variability * normalDensity(normal.z) : lowerRegularized(standard.shape + 1, standard.x);
}

/** Halving or doubling steps allowed while bracketing a quantile: enough to span every double. */
const MAX_BRACKET_STEPS = 2100;

/**
 * The standard gamma quantile: the x with P(shape, x) = probability. P rises monotonically in x,
 * so we bracket the answer within a factor of 2 around the mean (= shape), then close in on it
 * to full precision. This inverts the same incomplete gamma the rest of the model uses.
 */
function standardGammaQuantile(shape: number, probability: number): number {
  let low = shape;
  let high = shape;
  for (let step = 0; step < MAX_BRACKET_STEPS && lowerRegularized(shape, low) >= probability; step += 1) {
    high = low;
    low /= 2;
  }
  for (let step = 0; step < MAX_BRACKET_STEPS && lowerRegularized(shape, high) < probability; step += 1) {
    low = high;
    high *= 2;
  }
  return bracketedRoot((x) => lowerRegularized(shape, x) - probability, low, high);
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
  if (shape > NORMAL_SHAPE) {
    const sigma = expectedHours * variability;
    const span = 40 * sigma;
    return bracketedRoot((hours) => normalCdf((hours - expectedHours) / sigma) - probability, expectedHours - span, expectedHours + span);
  }
  return (expectedHours / shape) * standardGammaQuantile(shape, probability);
}
