import { breakEvenHours, type BreakEven } from './breakeven';
import { blockCostForHours } from './block';
import { compareOptions, BAD_CASE_PROBABILITY, hourlyAndManagedRows, optionRow, type CompareArguments, type Comparison, type OptionFigures, type TermDemandFigures } from './compare';
import { demandQuantile } from './demand';
import { monthlyArrearsFactor } from './discount';
import { termVariability } from './history';
import { managedBreakEvenHours, type ManagedBreakEven } from './managed';
import { andThen, fail, succeed, tooLargeProblem, type Outcome } from './outcome';
import { retainerExpectations } from './retainer';
import { expectedTopUpBlocks } from './topup';

/**
 * The prepaid offer a scenario weighs against hourly billing and managed services:
 * - a block of hours bought once, with overage beyond it (COMPARE's block);
 * - a top-up block, bought again each time it runs out (TOPUPVALUE);
 * - a monthly retainer with capped rollover (RETAINERVALUE).
 */
export type PrepaidOffer =
  | { readonly kind: 'block'; readonly blockHours: number; readonly blockPrice: number; readonly overageRate: number }
  | { readonly kind: 'topUp'; readonly blockHours: number; readonly blockPrice: number }
  | { readonly kind: 'retainer'; readonly monthlyHours: number; readonly monthlyPrice: number; readonly overageRate: number; readonly rolloverCap: number };

export type OfferKind = PrepaidOffer['kind'];

/** What every offer is weighed under: COMPARE's arguments other than the block's. */
export type CommonTerms = Omit<CompareArguments, 'blockHours' | 'blockPrice' | 'overageRate'>;

/** What the comparison knows about the prepaid offer beyond its row, by kind. */
export type OfferFigures =
  | {
      readonly kind: 'block';
      /** Expected hours over the term at which the block and hourly billing cost the same (BREAKEVEN). */
      readonly breakEven: BreakEven;
      /** Chance that some of the block's hours expire unused. */
      readonly forfeitRisk: number;
    }
  | {
      readonly kind: 'topUp';
      /** Expected number of blocks bought, E[N]. */
      readonly expectedBlocks: number;
      /** Expected hours of the last block that expire unused, H·E[N] − E[U]. */
      readonly expiredHours: number;
    }
  | {
      readonly kind: 'retainer';
      /** Expected retainer hours forfeited over the term (RETAINERUNUSED). */
      readonly forfeitedHours: number;
      /** Expected hours billed as overage over the term (RETAINEROVERAGE). */
      readonly overageHours: number;
    };

/** Hourly billing, the prepaid offer and managed services over one term. */
export interface OfferComparison {
  readonly offer: PrepaidOffer;
  readonly termMonths: number;
  /** Expected hours needed over the term: expected monthly hours × term. */
  readonly expectedTermHours: number;
  /** The demand figures the rows were computed from (the block's or retainer's expected overage). */
  readonly demand: TermDemandFigures;
  readonly hourly: OptionFigures;
  readonly prepaid: OptionFigures;
  readonly managed: OptionFigures;
  readonly managedBreakEven: ManagedBreakEven;
  readonly figures: OfferFigures;
}

/** COMPARE's arguments for a block offer. */
export function blockCompareArguments(common: CommonTerms, offer: Extract<PrepaidOffer, { kind: 'block' }>): CompareArguments {
  return { ...common, blockHours: offer.blockHours, blockPrice: offer.blockPrice, overageRate: offer.overageRate };
}

/** A block's comparison (COMPARE's) in the shape every offer shares. */
export function blockOfferComparison(comparison: Comparison, offer: Extract<PrepaidOffer, { kind: 'block' }>): OfferComparison {
  return {
    offer,
    termMonths: comparison.termMonths,
    expectedTermHours: comparison.expectedTermHours,
    demand: comparison.demand,
    hourly: comparison.hourly,
    prepaid: comparison.block,
    managed: comparison.managed,
    managedBreakEven: comparison.managedBreakEven,
    figures: { kind: 'block', breakEven: comparison.blockBreakEven, forfeitRisk: comparison.forfeitRisk },
  };
}

/** Blocks bought when exactly `hours` are needed: max(1, ⌈hours / H⌉). */
function blocksForHours(hours: number, blockHours: number): number {
  return Math.max(1, Math.ceil(hours / blockHours));
}

/**
 * What the prepaid offer costs, undiscounted and without disruption, if exactly `hours` are
 * needed over the term, spread evenly over its months:
 * - block: price + o·(U − H)⁺;
 * - top-up: price · max(1, ⌈U / H⌉);
 * - retainer: M·T + o·(U − A·T)⁺ (with the same hours every month, nothing is carried over).
 *
 * @example
 * offerCostForHours({ kind: 'retainer', monthlyHours: 8, monthlyPrice: 1100, overageRate: 160, rolloverCap: 0.4 }, 12, 120)
 * //=> 17040 — 12 × 1,100 + 160 × (120 − 96)
 */
export function offerCostForHours(offer: PrepaidOffer, termMonths: number, hours: number): number {
  switch (offer.kind) {
    case 'block':
      return blockCostForHours(hours, offer);
    case 'topUp':
      return offer.blockPrice * blocksForHours(hours, offer.blockHours);
    case 'retainer':
      return offer.monthlyPrice * termMonths + offer.overageRate * Math.max(0, hours - offer.monthlyHours * termMonths);
  }
}

/**
 * A top-up block's row, with A the monthly-arrears discount factor and c the disruption cost per
 * hour (borne whoever is paid): expected cost P·E[N] + A·c·μ. The first block is bought on day
 * one; the later ones are counted at face value, not discounted, since when they fall due is
 * itself uncertain (earlier money costs more, so this errs against the offer). The
 * 95th-percentile cost is P·max(1, ⌈U₉₅ / H⌉) + A·c·U₉₅: cost rises with the hours.
 */
function topUpRow(common: CommonTerms, offer: Extract<PrepaidOffer, { kind: 'topUp' }>, expectedBlocks: number, demand: TermDemandFigures, hourlyExpected: number): OptionFigures {
  const disruption = monthlyArrearsFactor(common.termMonths, common.annualDiscountRate) * common.disruptionCostPerHour;
  const mean = demand.expectedHours;
  const badCase = demand.percentile95Hours;
  const paid = offer.blockPrice * expectedBlocks;
  const badCaseCost = offer.blockPrice * blocksForHours(badCase, offer.blockHours) + disruption * badCase;
  return optionRow('Top-up block', paid + disruption * mean, mean > 0 ? paid / mean : undefined, badCaseCost, hourlyExpected);
}

/**
 * A retainer's row: expected cost M·(1 + r/12)·T·A + o·E[Σ d^t·overage_t] + A·c·μ, the fees paid
 * at the start of each month and overage at its end, as RETAINERVALUE discounts them. The
 * 95th-percentile cost is the cost with the term's hours at their 95th percentile spread evenly
 * over the months, which uneven months can only raise.
 */
function retainerRow(common: CommonTerms, offer: Extract<PrepaidOffer, { kind: 'retainer' }>, discountedOverageHours: number, demand: TermDemandFigures, hourlyExpected: number): OptionFigures {
  const { termMonths: T, disruptionCostPerHour: c, annualDiscountRate: r } = common;
  const A = monthlyArrearsFactor(T, r);
  const mean = demand.expectedHours;
  const badCase = demand.percentile95Hours;
  const fees = offer.monthlyPrice * (1 + r / 12) * T * A;
  const paidUndiscounted = offer.monthlyPrice * T + offer.overageRate * demand.expectedOverageHours;
  const badCaseOverage = Math.max(0, badCase - offer.monthlyHours * T);
  return optionRow(
    'Monthly retainer',
    fees + offer.overageRate * discountedOverageHours + A * c * mean,
    mean > 0 ? paidUndiscounted / mean : undefined,
    fees + A * (offer.overageRate * badCaseOverage + c * badCase),
    hourlyExpected,
  );
}

/**
 * Hourly billing, the prepaid offer and managed services over one term, as COMPARE weighs them:
 * the hours over the term U are gamma with mean = monthly hours × T and variability = monthly
 * variability ÷ √T, and the rows are {@link hourlyAndManagedRows} and the offer's own (a block's
 * is COMPARE's; {@link topUpRow}, {@link retainerRow}). A retainer's figures come from
 * RETAINERUNUSED and RETAINEROVERAGE's computation, and fail as they do when it cannot be done.
 *
 * @example
 * compareOffer({ expectedMonthlyHours: 8, hourlyRate: 150, monthlyFee: 2000, monthlyVariability: 0.5, termMonths: 12, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0, annualDiscountRate: 0 }, { kind: 'retainer', monthlyHours: 8, monthlyPrice: 1100, overageRate: 150, rolloverCap: 0.4 }).value.prepaid.expectedCost
 * //=> 15110.0756 (approximately) — 14,400 paying hourly, less RETAINERVALUE's −710.0756
 */
export function compareOffer(common: CommonTerms, offer: PrepaidOffer): Outcome<OfferComparison> {
  if (offer.kind === 'block') return succeed(blockOfferComparison(compareOptions(blockCompareArguments(common, offer)), offer));
  const T = common.termMonths;
  const termDemand = { expectedHours: common.expectedMonthlyHours * T, variability: termVariability(common.monthlyVariability, T) };
  const percentile95Hours = demandQuantile(termDemand, BAD_CASE_PROBABILITY);
  /** The rows and the whole comparison, once the offer's own figures are known. */
  const finish = (figures: OfferFigures, expectedOverageHours: number, row: (demand: TermDemandFigures, hourlyExpected: number) => OptionFigures): Outcome<OfferComparison> => {
    const demand: TermDemandFigures = { expectedHours: termDemand.expectedHours, expectedOverageHours, percentile95Hours };
    const { hourly, managed } = hourlyAndManagedRows(common, demand, monthlyArrearsFactor(T, common.annualDiscountRate));
    const prepaid = row(demand, hourly.expectedCost);
    const numbers = [hourly, prepaid, managed].flatMap((o) => [o.expectedCost, o.percentile95Cost, o.savingVsHourly]);
    if (!numbers.every(Number.isFinite)) return fail(tooLargeProblem());
    return succeed({ offer, termMonths: T, expectedTermHours: termDemand.expectedHours, demand, hourly, prepaid, managed, managedBreakEven: managedBreakEvenHours(common), figures });
  };
  if (offer.kind === 'topUp') {
    const expectedBlocks = expectedTopUpBlocks(termDemand, offer.blockHours);
    const expiredHours = Math.max(0, offer.blockHours * expectedBlocks - termDemand.expectedHours);
    return finish({ kind: 'topUp', expectedBlocks, expiredHours }, 0, (demand, hourlyExpected) => topUpRow(common, offer, expectedBlocks, demand, hourlyExpected));
  }
  const monthly = { expectedHours: common.expectedMonthlyHours, variability: common.monthlyVariability };
  const terms = { monthlyHours: offer.monthlyHours, rolloverCap: offer.rolloverCap, termMonths: T };
  return andThen(retainerExpectations(monthly, terms, 1 / (1 + common.annualDiscountRate / 12)), (e) =>
    finish({ kind: 'retainer', forfeitedHours: e.forfeitedHours, overageHours: e.overageHours }, e.overageHours, (demand, hourlyExpected) =>
      retainerRow(common, offer, e.discountedOverageHours, demand, hourlyExpected),
    ),
  );
}

/** Where exactly known hours make the block cost what hourly costs (the chart's marker): BREAKEVEN with no variability. */
export function knownHoursBreakEven(common: CommonTerms, offer: Extract<PrepaidOffer, { kind: 'block' }>): BreakEven {
  return breakEvenHours({ hourlyRate: common.hourlyRate, blockHours: offer.blockHours, blockPrice: offer.blockPrice, overageRate: offer.overageRate, variability: 0 });
}
