import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { blockExpectations, type Demand } from './demand';
import { monthlyArrearsFactor } from './discount';
import { gammaPrefix, logGammaOnePlus, regularizedGamma } from './gamma';
import { RETAINER_DEMAND_LIMITS, RETAINERFORECAST_LIMITS, RETAINERVALUE_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, mapOutcome, succeed, type Outcome } from './outcome';
import { gaussRule, type QuadratureRule } from './quadrature';

/**
 * A monthly retainer: `monthlyHours` (A) made available at the start of each of `termMonths` (T)
 * months. Unused hours carry over up to K = `rolloverCap` × A; whatever is left when the term
 * ends expires.
 */
export interface RetainerTerms {
  /** Hours made available each month, A > 0. */
  readonly monthlyHours: number;
  /** The most that carries into the next month, as a multiple of A (0: use it or lose it). */
  readonly rolloverCap: number;
  /** Months in the term, a whole number ≥ 1. */
  readonly termMonths: number;
  /**
   * Hours already carried into the first month, 0 ≤ c₀ ≤ rolloverCap × A (default 0: a retainer
   * that starts now). A tracker forecasting the rest of a term passes the balance carried so far.
   */
  readonly carriedHours?: number;
}

/** Expected hours over a retainer's term. */
export interface RetainerExpectations {
  /** E[Σ forfeited_t]: retainer hours that expire unused. */
  readonly forfeitedHours: number;
  /** E[Σ overage_t]: hours beyond what was available, billed as overage. */
  readonly overageHours: number;
  /** E[Σ d^t · overage_t], with d the monthly discount factor given (1: the same as overageHours). */
  readonly discountedOverageHours: number;
}

/** Σ_{t=from}^{to} d^t (d = 1: the count of months). */
function discountSum(d: number, from: number, to: number): number {
  if (to < from) return 0;
  if (d === 1) return to - from + 1;
  return (d ** from - d ** (to + 1)) / (1 - d);
}

/**
 * Demand known exactly: every month needs h. With c₀ carried in, the spare hours c₀ + T·(A − h)
 * are all forfeited in the end when that is positive (carried or not, nothing is ever billed beyond
 * the allowance); when it is negative, the balance falls by h − A a month and is gone by month
 * m = ⌊c₀/(h − A)⌋ + 1, which bills m·(h − A) − c₀ hours, and every later month h − A.
 */
function certainRetainer(h: number, terms: RetainerTerms, d: number): RetainerExpectations {
  const A = terms.monthlyHours;
  const T = terms.termMonths;
  const carried = terms.carriedHours ?? 0;
  const spare = carried + T * (A - h);
  const short = h - A;
  let discounted = 0;
  if (spare < 0) {
    const first = Math.floor(carried / short) + 1;
    discounted = d ** first * (first * short - carried) + short * discountSum(d, first + 1, T);
  }
  return { forfeitedHours: Math.max(0, spare), overageHours: Math.max(0, -spare), discountedOverageHours: discounted };
}

/**
 * Nothing carries over (cap 0, or a one-month term): each month is a block of A hours on its own,
 * the first of A + c₀.
 */
function independentMonths(demand: Demand, terms: RetainerTerms, d: number): RetainerExpectations {
  const T = terms.termMonths;
  const month = blockExpectations(demand, terms.monthlyHours);
  const carried = terms.carriedHours ?? 0;
  const first = carried > 0 ? blockExpectations(demand, terms.monthlyHours + carried) : month;
  return {
    forfeitedHours: first.unused - month.unused + T * month.unused,
    overageHours: first.overage - month.overage + T * month.overage,
    discountedOverageHours: month.overage * discountSum(d, 1, T) + d * (first.overage - month.overage),
  };
}

/**
 * Below this shape (variability above 1e6) a month's demand is 0 but for a vanishing chance of a
 * month so large that it exceeds any balance: nothing is used from the allowance, and all h hours
 * a month are overage. The propagation's Gauss–Jacobi rule for the density's z^(k−1) breaks down
 * as k → 0, while the gap to this limit shrinks with k: about 5e-11 relative at 1e-12 (checked
 * against the propagation in test/model/retainer.test.ts).
 */
const VANISHING_SHAPE = 1e-12;

/** The limit of vanishing shape: every hour available is forfeited in the end, every hour needed is overage. */
function vanishingDemand(h: number, terms: RetainerTerms, d: number): RetainerExpectations {
  const T = terms.termMonths;
  return { forfeitedHours: (terms.carriedHours ?? 0) + T * terms.monthlyHours, overageHours: T * h, discountedOverageHours: h * discountSum(d, 1, T) };
}

/**
 * A cap that never binds: c_t ≤ t·A, so from (T − 1)·A no balance that carries into a later month
 * reaches it. The balance is then c_t = max(0, c_{t−1} + A − D_t), a reflected random walk, and
 * Spitzer's identity (Spitzer, "A combinatorial lemma and its application to probability theory",
 * Trans. AMS 82, 1956) gives E[c_t] = Σ_{n≤t} E[(nA − G_n)⁺]/n, with G_n the demand of n months,
 * gamma with mean n·h and variability v/√n. Hence, with E[X⁺] − E[X] = E[X⁻],
 *   E[overage_t] = E[c_t] − E[c_{t−1}] + h − A = E[(G_t − tA)⁺]/t,
 * and all that is forfeited is what is left at the end, E[c_T] = Σ_{n≤T} E[(nA − G_n)⁺]/n.
 */
function uncappedRollover(demand: Demand, terms: RetainerTerms, d: number): RetainerExpectations {
  const { expectedHours: h, variability: v } = demand;
  let forfeited = 0;
  let overage = 0;
  let discounted = 0;
  for (let n = 1; n <= terms.termMonths; n += 1) {
    const months = blockExpectations({ expectedHours: n * h, variability: v / Math.sqrt(n) }, n * terms.monthlyHours);
    forfeited += months.unused / n;
    overage += months.overage / n;
    discounted += d ** n * (months.overage / n);
  }
  return { forfeitedHours: forfeited, overageHours: overage, discountedOverageHours: discounted };
}

/** Nodes per panel, and of the rule that takes in the density's factor z^(k−1) near z = 0. */
const PANEL_NODES = 12;
const SINGULAR_NODES = 12;
/** Panels of the carried balance are at most this many standard deviations of one month's demand wide. */
const PANEL_WIDTH_IN_DEVIATIONS = 2;
/** From this shape on, the density near 0 is negligible and smooth enough for Gauss–Legendre. */
const JACOBI_MAX_SHAPE = 50;
/** A singularity closer than this share of a panel's width before it is integrated from (see carriedBalance). */
const NEAR_SINGULAR = 1e-3;
/** Graded panels toward a multiple of A shrink by this ratio. */
const GRADING_RATIO = 0.25;
/** Month to month, the carried balance's distribution counts as settled below this change. */
const SETTLED = 1e-15;
/**
 * The most panels one call builds. Panels are two standard deviations of a month's demand wide, so
 * a balance capped at K needs about K/(2σ): demand steadier than that against the cap (8 hours a
 * month known to 0.1% with 24 hours of rollover) is refused rather than run for seconds.
 */
const MAX_PANELS = 128;
/** A chance below this is taken as 0 where only its complement matters (see the month loop). */
const TRIVIAL = 1e-18;
/** A panel whose density stays below this (per hour of its width) adds nothing to a month. */
const NEGLIGIBLE = 1e-20;

interface Panel {
  readonly start: number;
  readonly end: number;
  /** Index of the panel's first node. */
  readonly first: number;
}

/**
 * The panels over [0, top]: each stretch between breakpoints is cut into equal panels at most
 * `width` wide. The balance's distribution has a singularity like (b − y)^(j·k) just below
 * b = j·A (reached from an empty balance in j months) and, with hours carried in, below
 * b = c₀ + j·A; where such a breakpoint is rough (j·k < 3), the last panel below it is graded
 * geometrically toward it.
 */
function panelsOver(top: number, A: number, width: number, shape: number, carried = 0): Panel[] {
  const starts = [0, carried];
  /** The fewest months j whose allowance, from an empty balance or from c₀, ends at `at` (Infinity: none). */
  const months = (at: number) =>
    Math.min(
      ...starts.map((from) => {
        const j = Math.round((at - from) / A);
        return j >= 1 && Math.abs(at - from - j * A) <= 1e-12 * at ? j : Infinity;
      }),
    );
  const points: number[] = [];
  for (const from of starts) for (let j = 1; from + j * A < top * (1 - 1e-12); j += 1) points.push(from + j * A);
  points.sort((a, b) => a - b);
  // Without hours carried in, or with a multiple of A, the two sets of breakpoints coincide.
  const ends = points.filter((point, i) => i === 0 || point - points[i - 1] > 1e-12 * top);
  ends.push(top);
  const panels: Panel[] = [];
  const add = (start: number, end: number) => panels.push({ start, end, first: panels.length * PANEL_NODES });
  let start = 0;
  for (const end of ends) {
    const multiple = months(end);
    const singular = multiple * shape < 3;
    const count = Math.max(1, Math.ceil((end - start) / width));
    const step = (end - start) / count;
    const uniform = singular ? count - 1 : count;
    for (let p = 0; p < uniform; p += 1) add(start + p * step, p === count - 1 ? end : start + (p + 1) * step);
    if (singular) {
      const levels = Math.ceil(8 / (multiple * shape + 1));
      let from = end - step;
      for (let level = 1; level <= levels; level += 1) {
        const to = end - step * GRADING_RATIO ** level;
        add(from, to);
        from = to;
      }
      add(from, end);
    }
    start = end;
  }
  return panels;
}

/** The panel rule, its barycentric weights and its integration matrices, built once. */
interface PanelRule extends QuadratureRule {
  /** Barycentric weights of the nodes, for the Lagrange basis anywhere. */
  readonly barycentric: readonly number[];
  /** cumulative[j·n + i] = ∫₀^{t_j} ℓ_i(t) dt: the integral up to node j of a polynomial given at the nodes. */
  readonly cumulative: Float64Array;
}

let panelRuleCache: PanelRule | undefined;

/** The Lagrange basis of `rule`'s nodes at t, into `out` (barycentric form; exact at a node). */
function lagrangeBasis(rule: PanelRule, t: number, out: Float64Array): void {
  const n = rule.nodes.length;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const gap = t - rule.nodes[i];
    if (gap === 0) {
      out.fill(0);
      out[i] = 1;
      return;
    }
    out[i] = rule.barycentric[i] / gap;
    total += out[i];
  }
  for (let i = 0; i < n; i += 1) out[i] /= total;
}

function panelRule(): PanelRule {
  if (panelRuleCache) return panelRuleCache;
  const { nodes, weights } = gaussRule(PANEL_NODES, 0);
  const barycentric = nodes.map((t, i) => 1 / nodes.reduce((product, s, j) => (j === i ? product : product * (t - s)), 1));
  const rule = { nodes, weights, barycentric, cumulative: new Float64Array(PANEL_NODES * PANEL_NODES) };
  const basis = new Float64Array(PANEL_NODES);
  // ∫₀^{t_j} ℓ_i = t_j·Σ_g w_g·ℓ_i(t_j·t_g): exact, ℓ_i being of degree n − 1.
  for (let j = 0; j < PANEL_NODES; j += 1) {
    for (let g = 0; g < PANEL_NODES; g += 1) {
      lagrangeBasis(rule, nodes[j] * nodes[g], basis);
      for (let i = 0; i < PANEL_NODES; i += 1) rule.cumulative[j * PANEL_NODES + i] += nodes[j] * weights[g] * basis[i];
    }
  }
  panelRuleCache = rule;
  return rule;
}

/**
 * The density of a month's demand, z^(k−1)·e^(−z/θ) / (Γ(k)·θ^k), with its constant taken once.
 * Up to shape 1,000 the exponent's terms stay below about 1e4, so it keeps 1e-12 relative; beyond,
 * the prefix's form that keeps full accuracy for large shapes.
 */
function demandDensity(shape: number, scale: number): (z: number) => number {
  if (shape >= 1000) return (z) => (z > 0 ? (shape * gammaPrefix(shape, z / scale)) / z : 0);
  const logNorm = logGammaOnePlus(shape) - Math.log(shape) + shape * Math.log(scale);
  return (z) => (z > 0 ? Math.exp((shape - 1) * Math.log(z) - z / scale - logNorm) : 0);
}

/**
 * Expected forfeited and overage hours of a monthly retainer with rollover, exactly (to about
 * 1e-9 relative), for gamma-distributed monthly demand.
 *
 * The carried balance c_t after month t lies in [0, K] with atoms at 0 and K. With
 * S_t(y) = P(c_t > y), F_t = 1 − S_t and D a month's demand (density f, P(D ≤ z) = G(z)),
 * conditioning on c_{t−1} and integrating by parts gives, for 0 ≤ y < K,
 *   S_t(y) = G(A − y) + ∫₀^K f(x + A − y) S_{t−1}(x) dx,
 *   F_t(y) = 1 − G(K + A − y) + ∫₀^K f(x + A − y) F_{t−1}(x) dx,
 * (each a sum of positive terms, so each stays accurate where it is small), and the month's
 * expectations follow from the previous balance:
 *   E[c_{t−1}] = ∫ S_{t−1},  E[unused_t] = E[(A − D)⁺] + ∫ G(x + A)·S_{t−1}(x) dx,
 *   E[overage_t] = E[(D − A − K)⁺] + ∫ (1 − G(x + A))·F_{t−1}(x) dx,
 *   Σ_t E[forfeited_t] = Σ_t (E[unused_t] − E[c_{t−1}]).
 *
 * The integrals are Gauss–Legendre panels over the balance (Nyström's method): the month-to-month
 * operator becomes a matrix, built once, and each month is one product with it. Where the density
 * f(x + A − y) is singular or steep inside a panel (x near y − A), its weights are integrated
 * separately: with a Gauss–Jacobi rule carrying the factor z^(k−1) from z = 0, and on
 * geometrically growing pieces just beyond it. Once the distribution stops changing, every later
 * month repeats the last.
 */
function carriedBalance(demand: Demand, terms: RetainerTerms, d: number): Outcome<RetainerExpectations> {
  const { expectedHours: h, variability: v } = demand;
  const A = terms.monthlyHours;
  const T = terms.termMonths;
  const c0 = terms.carriedHours ?? 0;
  // No balance carried into a later month exceeds c₀ + (T − 1)·A: a cap above that never binds.
  const top = Math.min(terms.rolloverCap * A, c0 + (T - 1) * A);
  const shape = 1 / (v * v);
  const scale = h * v * v;
  const width = PANEL_WIDTH_IN_DEVIATIONS * h * v;
  // Panels are counted before any is built where there could be very many (a cap 1e12 panels wide).
  const tooFine = () => {
    // The least variability whose panels fit, with room for one panel per multiple of A.
    const least = top / (PANEL_WIDTH_IN_DEVIATIONS * h * (MAX_PANELS - Math.ceil(top / A) - 1));
    const step = 10 ** (Math.floor(Math.log10(least)) - 1);
    return fail<RetainerExpectations>({ kind: 'tooLarge', argument: 'monthly_variability', message: MESSAGES.retainerTooFine(v, Number((Math.ceil(least / step) * step).toPrecision(2))) });
  };
  /** Whether a cap (in months of A) takes few enough panels at this variability. */
  const fits = (cap: number) => cap + 2 <= MAX_PANELS && (cap * A) / width + cap <= MAX_PANELS && panelsOver(cap * A, A, width, shape, c0).length <= MAX_PANELS;
  const tooLong = () => {
    // The largest cap, to a hundredth of a month, that fits: panels only grow with the cap.
    let low = 0;
    // No cap of MAX_PANELS months or more fits (one panel per month of A at least).
    let high = Math.ceil(Math.min(terms.rolloverCap, MAX_PANELS) * 100);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle / 100)) low = middle;
      else high = middle;
    }
    return fail<RetainerExpectations>({ kind: 'tooLarge', argument: 'rollover_cap', message: MESSAGES.retainerCapTooLarge(terms.rolloverCap, low / 100, c0 > 0 ? undefined : T - 1) });
  };
  if (top / A + 2 > MAX_PANELS) return tooLong();
  if (top / width + top / A > MAX_PANELS) return tooFine();
  const panels = panelsOver(top, A, width, shape, c0);
  // Grading toward each multiple of A adds up to eight panels per month's hours of cap.
  if (panels.length > MAX_PANELS) return top / width >= panels.length / 2 ? tooFine() : tooLong();
  const tails = (z: number) => (z > 0 ? regularizedGamma(shape, z / scale) : { lower: 0, upper: 1 });
  const density = demandDensity(shape, scale);
  const mode = Math.max(0, (shape - 1) * scale);

  const rule = panelRule();
  const n = panels.length * PANEL_NODES;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (const p of panels) {
    for (let i = 0; i < PANEL_NODES; i += 1) {
      x[p.first + i] = p.start + (p.end - p.start) * rule.nodes[i];
      w[p.first + i] = (p.end - p.start) * rule.weights[i];
    }
  }

  const jacobi: QuadratureRule | undefined = shape < JACOBI_MAX_SHAPE ? gaussRule(SINGULAR_NODES, shape - 1) : undefined;
  const logGammaShape = logGammaOnePlus(shape) - Math.log(shape);
  // Row by row, the month-to-month matrix over the columns its density reaches (a band: the
  // density is unimodal, and negligible far from its mode).
  const firstColumn = new Int32Array(n);
  const rows: Float64Array[] = [];
  const basis = new Float64Array(PANEL_NODES);
  let band = new Float64Array(0);
  let bandStart = 0;

  /** Adds ∫ f(z)·ℓ_i(z − A + y) dz over [z0, z1] to the row's band, by the rule given (`sign` −1 subtracts it). */
  const addPiece = (p: Panel, y: number, z0: number, z1: number, piece: QuadratureRule, singular: boolean, sign: number) => {
    const length = z1 - z0;
    // With the Jacobi rule, ∫₀^L f(z)·g(z) dz = (L/θ)^k / Γ(k) · ∫₀¹ t^(k−1)·e^(−Lt/θ)·g(Lt) dt.
    const factor = sign * (singular ? Math.exp(shape * Math.log(length / scale) - logGammaShape) : length);
    for (let g = 0; g < piece.nodes.length; g += 1) {
      const z = z0 + length * piece.nodes[g];
      const weight = factor * piece.weights[g] * (singular ? Math.exp(-z / scale) : density(z));
      if (weight === 0) continue;
      lagrangeBasis(rule, (z - A + y - p.start) / (p.end - p.start), basis);
      for (let i = 0; i < PANEL_NODES; i += 1) band[p.first - bandStart + i] += weight * basis[i];
    }
  };

  // Where the density is worth integrating: [reachLow, reachHigh], outside which it stays below
  // NEGLIGIBLE (it is unimodal). Below shape 1 it is unbounded at 0.
  const beyond = (from: number, step: number) => {
    let inside = from;
    let outside = from + step;
    while (outside > 0 && density(outside) >= NEGLIGIBLE) {
      inside = outside;
      step *= 2;
      outside = inside + step;
    }
    if (outside <= 0) return 0;
    for (let i = 0; i < 60; i += 1) {
      const middle = (inside + outside) / 2;
      if (density(middle) >= NEGLIGIBLE) inside = middle;
      else outside = middle;
    }
    return outside;
  };
  const spread = h * v;
  const reachLow = shape < 1 ? 0 : beyond(mode, -spread);
  const reachHigh = beyond(mode, spread);
  /** The first panel whose end is above u (panels.length if none). */
  const panelAfter = (u: number) => {
    let low = 0;
    let high = panels.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (panels[middle].end <= u) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  // Panels on one grid (see the row loop): as wide as the first and starting a whole number of
  // its widths from 0; off the grid (graded panels, a last stretch of another width): -1.
  const gridWidth = panels[0].end - panels[0].start;
  const gridIndex = Int32Array.from(panels, (p) => {
    const steps = Math.round(p.start / gridWidth);
    const onGrid = Math.abs(p.end - p.start - gridWidth) <= 1e-12 * gridWidth && Math.abs(p.start - steps * gridWidth) <= 1e-9 * gridWidth;
    return onGrid ? steps : -1;
  });
  const panelOf = new Int32Array(n);
  panels.forEach((p, index) => panelOf.fill(index, p.first, p.first + PANEL_NODES));
  const weightsKept = new Map<number, Float64Array>();

  for (let row = 0; row < n; row += 1) {
    const y = x[row];
    // Panels meeting x ∈ [y − A + reachLow, y − A + reachHigh], where z = x + A − y is in reach.
    const first = panelAfter(y - A + reachLow);
    let last = panelAfter(y - A + reachHigh);
    if (last >= panels.length || panels[last].start >= y - A + reachHigh) last -= 1;
    bandStart = first * PANEL_NODES;
    band = new Float64Array(Math.max(0, last - first + 1) * PANEL_NODES);
    const own = gridIndex[panelOf[row]];
    const node = row % PANEL_NODES;
    for (let index = first; index <= last; index += 1) {
      const p = panels[index];
      const width = p.end - p.start;
      const z0 = p.start + A - y;
      const z1 = p.end + A - y;
      if (z1 <= 0) continue;
      // The weights depend only on where the column's panel lies relative to the row's node: on
      // the grid, they are those of the same node and a panel as many widths away, wherever that
      // pair lies. Reused then (equal to rounding), computed and kept otherwise.
      const key = own >= 0 && gridIndex[index] >= 0 ? (gridIndex[index] - own + n) * PANEL_NODES + node : -1;
      const kept = key < 0 ? undefined : weightsKept.get(key);
      if (kept) {
        band.set(kept, p.first - bandStart);
        continue;
      }
      if (key >= 0) weightsKept.set(key, band.subarray(p.first - bandStart, p.first - bandStart + PANEL_NODES));
      if (z0 >= width) {
        for (let i = 0; i < PANEL_NODES; i += 1) band[p.first - bandStart + i] = w[p.first + i] * density(x[p.first + i] + A - y);
      } else if (!jacobi) {
        // Shape 50 or more: the density has nothing left near z = 0 that needs resolving.
        addPiece(p, y, Math.max(0, z0), z1, rule, false, 1);
      } else if (z0 <= 0) {
        addPiece(p, y, 0, z1, jacobi, true, 1);
      } else if (z0 < NEAR_SINGULAR * width) {
        // The singularity a hair before the panel: from it, less the hair (the panel's polynomial
        // barely extended), rather than an unbounded number of geometric pieces.
        addPiece(p, y, 0, z1, jacobi, true, 1);
        addPiece(p, y, 0, z0, jacobi, true, -1);
      } else {
        for (let from = z0; from < z1; from *= 2) addPiece(p, y, from, Math.min(z1, 2 * from), rule, false, 1);
      }
    }
    firstColumn[row] = bandStart;
    rows.push(band);
  }

  // G(A − y), 1 − G(K + A − y), G(x + A) and 1 − G(x + A) at the nodes: at each panel's ends from
  // the incomplete gamma, in between by integrating the density over the panel (its polynomial,
  // exactly), each tail from the end where it is smallest. G(A − y) near A, where the density's
  // z = A − y nears 0, is taken at every node instead.
  const startS = new Float64Array(n);
  const startF = new Float64Array(n);
  const availableBelow = new Float64Array(n);
  const availableAbove = new Float64Array(n);
  const values = new Float64Array(PANEL_NODES);
  /** ∫ over the panel from its start (or, `fromEnd`, from its end) to each node of the density at z(node). */
  const integrated = (p: Panel, z: (u: number) => number, fromEnd: boolean, out: (i: number, value: number) => void) => {
    const width = p.end - p.start;
    for (let i = 0; i < PANEL_NODES; i += 1) values[i] = density(z(x[p.first + i]));
    for (let j = 0; j < PANEL_NODES; j += 1) {
      let sum = 0;
      for (let i = 0; i < PANEL_NODES; i += 1) {
        const upTo = rule.cumulative[j * PANEL_NODES + i];
        sum += (fromEnd ? rule.weights[i] - upTo : upTo) * values[i];
      }
      out(p.first + j, width * sum);
    }
  };
  for (const p of panels) {
    const width = p.end - p.start;
    if (A - p.end >= width) {
      const anchor = tails(A - p.end).lower;
      integrated(p, (u) => A - u, true, (i, value) => (startS[i] = anchor + value));
    } else {
      for (let i = p.first; i < p.first + PANEL_NODES; i += 1) startS[i] = tails(A - x[i]).lower;
    }
    const topAnchor = tails(top + A - p.start).upper;
    integrated(p, (u) => top + A - u, false, (i, value) => (startF[i] = topAnchor + value));
    const lowAnchor = tails(p.start + A).lower;
    integrated(p, (u) => u + A, false, (i, value) => (availableBelow[i] = lowAnchor + value));
    const highAnchor = tails(p.end + A).upper;
    integrated(p, (u) => u + A, true, (i, value) => (availableAbove[i] = highAnchor + value));
  }
  const unusedAtZero = blockExpectations(demand, A).unused;
  const overageAtTop = blockExpectations(demand, A + top).overage;

  let S = new Float64Array(n);
  let F = new Float64Array(n).fill(1);
  let nextS = new Float64Array(n);
  let nextF = new Float64Array(n);
  let forfeited = 0;
  let overage = 0;
  let discounted = 0;
  if (c0 > 0) {
    // Month 1 from the balance carried in: A + c₀ hours available, and c₁ = min(K, (A + c₀ − D)⁺),
    // so S₁(y) = G(A + c₀ − y). None of c₀ is subtracted: what of it goes unused is forfeited too.
    const first = blockExpectations(demand, A + c0);
    forfeited = first.unused;
    overage = first.overage;
    discounted = d * first.overage;
    for (let i = 0; i < n; i += 1) {
      const tail = tails(A + c0 - x[i]);
      S[i] = tail.lower;
      F[i] = tail.upper;
    }
  }
  for (let t = c0 > 0 ? 2 : 1; t <= T; t += 1) {
    let carried = 0;
    let unused = unusedAtZero;
    let over = overageAtTop;
    for (let i = 0; i < n; i += 1) {
      carried += w[i] * S[i];
      unused += w[i] * availableBelow[i] * S[i];
      over += w[i] * availableAbove[i] * F[i];
    }
    forfeited += unused - carried;
    overage += over;
    discounted += d ** t * over;
    if (t === T) break;
    // S falls and F rises with y. Below `settledLow` F is under TRIVIAL (S is 1 to double
    // precision), above `settledHigh` S is: a row whose band lies there needs no product, since
    // what it would add is below TRIVIAL, and its complement is 1 minus its start.
    let settledLow = 0;
    while (settledLow < n && F[settledLow] < TRIVIAL) settledLow += 1;
    let settledHigh = n - 1;
    while (settledHigh >= 0 && S[settledHigh] < TRIVIAL) settledHigh -= 1;
    let change = 0;
    for (let row = 0; row < n; row += 1) {
      const entries = rows[row];
      const offset = firstColumn[row];
      let s = startS[row];
      let f = startF[row];
      if (offset + entries.length <= settledLow && f < TRIVIAL) {
        s = 1 - f;
      } else if (offset > settledHigh && s < TRIVIAL) {
        f = 1 - s;
      } else {
        for (let i = 0; i < entries.length; i += 1) {
          s += entries[i] * S[offset + i];
          f += entries[i] * F[offset + i];
        }
      }
      nextS[row] = s;
      nextF[row] = f;
      change = Math.max(change, Math.abs(s - S[row]), Math.abs(f - F[row]));
    }
    [S, nextS] = [nextS, S];
    [F, nextF] = [nextF, F];
    if (change <= SETTLED && t > 1) {
      // Months t + 1 … T all repeat month t.
      const rest = T - t;
      forfeited += rest * (unused - carried);
      overage += rest * over;
      discounted += over * discountSum(d, t + 1, T);
      break;
    }
  }
  return succeed({ forfeitedHours: forfeited, overageHours: overage, discountedOverageHours: discounted });
}

/**
 * Expected forfeited and overage hours of a monthly retainer over its term, for monthly demand
 * that is gamma distributed with the given mean and variability, independent from month to month
 * (README, "Monthly retainers"). `monthlyDiscount` is the discount factor of one month,
 * 1 / (1 + r/12); it only weights `discountedOverageHours`.
 *
 * @example
 * retainerExpectations({ expectedHours: 8, variability: 0.5 }, { monthlyHours: 8, rolloverCap: 0, termMonths: 12 })
 * //=> { ok: true, value: { forfeitedHours: 18.7552 (approximately), overageHours: 18.7552 (approximately), discountedOverageHours: 18.7552 (approximately) } }
 */
export function retainerExpectations(demand: Demand, terms: RetainerTerms, monthlyDiscount = 1): Outcome<RetainerExpectations> {
  const { expectedHours: h, variability: v } = demand;
  // A spread that underflows (h·v² below the smallest double) is demand known exactly.
  if (v === 0 || h === 0 || !(h * v * v > 0)) return succeed(certainRetainer(h, terms, monthlyDiscount));
  if (!(terms.rolloverCap > 0) || terms.termMonths === 1) return succeed(independentMonths(demand, terms, monthlyDiscount));
  if (1 / (v * v) < VANISHING_SHAPE) return succeed(vanishingDemand(h, terms, monthlyDiscount));
  if (terms.rolloverCap >= terms.termMonths - 1 && !terms.carriedHours) return succeed(uncappedRollover(demand, terms, monthlyDiscount));
  return carriedBalance(demand, terms, monthlyDiscount);
}

type RetainerArguments = CheckedArguments<typeof RETAINER_DEMAND_LIMITS>;

function expectationsOf(args: RetainerArguments, annualDiscountRate = 0): Outcome<RetainerExpectations> {
  return retainerExpectations(
    { expectedHours: args.expectedMonthlyHours, variability: args.monthlyVariability },
    { monthlyHours: args.monthlyHours, rolloverCap: args.rolloverCap, termMonths: args.termMonths },
    1 / (1 + annualDiscountRate / 12),
  );
}

/**
 * RETAINERUNUSED: expected retainer hours forfeited over the whole term, E[Σ forfeited_t].
 *
 * @example
 * retainerUnused({ expectedMonthlyHours: 8, monthlyHours: 8, monthlyVariability: 0.5, rolloverCap: 0.4, termMonths: 12 })
 * //=> { ok: true, value: 12.7338 (approximately) }
 */
export function retainerUnused(raw: RawArguments<typeof RETAINER_DEMAND_LIMITS>): Outcome<number> {
  return andThen(checkArguments(RETAINER_DEMAND_LIMITS, raw), (args) => mapOutcome(expectationsOf(args), (e) => e.forfeitedHours));
}

/**
 * RETAINEROVERAGE: expected hours billed as overage over the whole term, E[Σ overage_t].
 *
 * @example
 * retainerOverage({ expectedMonthlyHours: 8, monthlyHours: 6, monthlyVariability: 0.5, rolloverCap: 0.4, termMonths: 12 })
 * //=> { ok: true, value: 27.5258 (approximately) }
 */
export function retainerOverage(raw: RawArguments<typeof RETAINER_DEMAND_LIMITS>): Outcome<number> {
  return andThen(checkArguments(RETAINER_DEMAND_LIMITS, raw), (args) => mapOutcome(expectationsOf(args), (e) => e.overageHours));
}

/**
 * RETAINERVALUE: expected saving over the term of a monthly retainer instead of paying hourly,
 * E[hourly cost] − E[retainer cost] (positive means the retainer is cheaper). Hourly work and
 * overage are paid at the end of each month, the retainer's fee at its start; with a discount
 * rate r, a payment at the end of month t is worth d^t today, d = 1/(1 + r/12), and the fee of
 * month t is worth d^(t−1):
 *   hourly = R·h·Σ d^t,  retainer = M·Σ d^(t−1) + o·Σ d^t·E[overage_t].
 *
 * @example
 * retainerValue({ expectedMonthlyHours: 8, hourlyRate: 150, monthlyHours: 8, monthlyPrice: 1100, monthlyVariability: 0.5, rolloverCap: 0.4 })
 * //=> { ok: true, value: -710.0756 (approximately) }
 */
export function retainerValue(raw: RawArguments<typeof RETAINERVALUE_LIMITS>): Outcome<number> {
  return andThen(checkArguments(RETAINERVALUE_LIMITS, raw), (args) => {
    const T = args.termMonths;
    const r = args.annualDiscountRate;
    // Σ_{t=1..T} d^t, and the fees' Σ d^(t−1), which is (1 + r/12) times it.
    const arrears = T * monthlyArrearsFactor(T, r);
    return andThen(expectationsOf(args, r), (expected) => {
      const hourly = args.hourlyRate * args.expectedMonthlyHours * arrears;
      const retainer = args.monthlyPrice * (1 + r / 12) * arrears + args.overageRate * expected.discountedOverageHours;
      return finiteOrProblem(hourly - retainer);
    });
  });
}

/** The size of RETAINERFORECAST's spill: hours forfeited above hours of overage, in one column. */
export const RETAINERFORECAST_SPILL = { rows: 2, columns: 1 } as const;

/**
 * RETAINERFORECAST: for a retainer under way, the expected hours still to be forfeited and to be
 * billed as overage over the months left, from the balance carried into the next month (month 1
 * then has monthly_hours + carried_hours available). A column of two: forfeited, then overage.
 *
 * @example
 * retainerForecast({ expectedMonthlyHours: 8, monthlyHours: 8, carriedHours: 2, monthsLeft: 2, monthlyVariability: 0.5, rolloverCap: 0.4 })
 * //=> { ok: true, value: [[3.8421 (approximately)], [1.8421 (approximately)]] }
 */
export function retainerForecast(raw: RawArguments<typeof RETAINERFORECAST_LIMITS>): Outcome<number[][]> {
  return andThen(checkArguments(RETAINERFORECAST_LIMITS, raw), (args) => {
    const cap = args.rolloverCap * args.monthlyHours;
    if (args.carriedHours > cap) {
      return fail({ kind: 'invalidInput', argument: 'carried_hours', message: MESSAGES.atMostArgument('carried_hours', 'rollover_cap × monthly_hours', cap, args.carriedHours) });
    }
    const expected = retainerExpectations(
      { expectedHours: args.expectedMonthlyHours, variability: args.monthlyVariability },
      { monthlyHours: args.monthlyHours, rolloverCap: args.rolloverCap, termMonths: args.monthsLeft, carriedHours: args.carriedHours },
    );
    return mapOutcome(expected, (e) => [[e.forfeitedHours], [e.overageHours]]);
  });
}
