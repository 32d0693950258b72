import { checkArguments, type RawArguments } from './arguments';
import { blockExpectations, expectedOverageHours, expectedUnusedHours, probabilityOfUnusedHours, type Demand } from './demand';
import { monthlyArrearsFactor } from './discount';
import {
  BLOCKVALUE_LIMITS,
  DEMAND_LIMITS,
  EFFECTIVERATE_LIMITS,
} from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, mapOutcome, type Outcome } from './outcome';

/** A prepaid block of support hours. */
export interface BlockOffer {
  /** Hours prepaid. */
  readonly blockHours: number;
  /** Price paid up front, in money. */
  readonly blockPrice: number;
  /** Money per hour for hours beyond the block. */
  readonly overageRate: number;
}

/**
 * What the block costs if exactly `hoursUsed` hours are needed:
 * price + overageRate · max(0, hoursUsed − blockHours).
 *
 * @example
 * blockCostForHours(25, { blockHours: 20, blockPrice: 1800, overageRate: 90 })
 * //=> 2250
 */
export function blockCostForHours(hoursUsed: number, block: BlockOffer): number {
  return block.blockPrice + block.overageRate * Math.max(0, hoursUsed - block.blockHours);
}

/**
 * Expected cost of the block under uncertain demand, undiscounted:
 * price + overageRate · E[(U − blockHours)⁺].
 *
 * @example
 * expectedBlockCost({ expectedHours: 18, variability: 0.5 }, { blockHours: 20, blockPrice: 1800, overageRate: 90 })
 * //=> 2045.98 (approximately)
 */
export function expectedBlockCost(demand: Demand, block: BlockOffer): number {
  return block.blockPrice + block.overageRate * expectedOverageHours(demand, block.blockHours);
}

/**
 * ITCOST.BLOCKVALUE: the expected saving from buying the block instead of paying hourly for
 * the same hours over the block's term. Positive means the block is cheaper.
 *
 * saving = A · (hourlyRate · expectedHours − overageRate · E[overage]) − blockPrice,
 * where A is {@link monthlyArrearsFactor}: the block is paid on day one, hourly work and
 * overage monthly in arrears, evenly over the term. With no discount rate A = 1.
 *
 * Far beyond the block, R·m and o·E[overage] are nearly equal and their difference would be lost
 * to rounding (at 1e18 hours, all of it). Since E[overage] = m − H + E[unused], the same saving is
 * A · ((R − o)·m + o·(H − E[unused])) − price, which keeps every digit there; below the block the
 * first form is the exact one.
 *
 * @example
 * blockValue({ expectedHours: 18, hourlyRate: 100, blockHours: 20, blockPrice: 1800, overageRate: 90, variability: 0.5 })
 * //=> { ok: true, value: -245.98 (approximately) }
 */
export function blockValue(raw: RawArguments<typeof BLOCKVALUE_LIMITS>): Outcome<number> {
  return andThen(checkArguments(BLOCKVALUE_LIMITS, raw), (args) => {
    const { expectedHours: mean, hourlyRate: rate, overageRate, blockHours } = args;
    const expected = blockExpectations({ expectedHours: mean, variability: args.variability }, blockHours);
    const factor = monthlyArrearsFactor(args.termMonths, args.annualDiscountRate);
    const charges =
      mean <= blockHours
        ? rate * mean - overageRate * expected.overage
        : (rate - overageRate) * mean + overageRate * (blockHours - expected.unused);
    return finiteOrProblem(factor * charges - args.blockPrice);
  });
}

/** What each hour actually used cost under the block, or why there is no such figure. */
export type EffectiveRate = { readonly kind: 'rate'; readonly rate: number } | { readonly kind: 'noHoursUsed' };

/**
 * ITCOST.EFFECTIVERATE: the block's cost for the hours actually used, divided by those hours:
 * (price + overageRate · max(0, hoursUsed − blockHours)) / hoursUsed.
 *
 * @example
 * effectiveRate({ hoursUsed: 15, hourlyRate: 100, blockHours: 20, blockPrice: 1800 })
 * //=> { ok: true, value: { kind: 'rate', rate: 120 } }
 */
export function effectiveRate(raw: RawArguments<typeof EFFECTIVERATE_LIMITS>): Outcome<EffectiveRate> {
  return mapOutcome(checkArguments(EFFECTIVERATE_LIMITS, raw), (args): EffectiveRate => {
    if (args.hoursUsed === 0) return { kind: 'noHoursUsed' };
    return { kind: 'rate', rate: blockCostForHours(args.hoursUsed, args) / args.hoursUsed };
  });
}

/** Turns an effective-rate result into a number, or a "no answer" problem. */
export function effectiveRateValue(raw: RawArguments<typeof EFFECTIVERATE_LIMITS>): Outcome<number> {
  return andThen(effectiveRate(raw), (result) =>
    result.kind === 'rate'
      ? finiteOrProblem(result.rate)
      : fail({ kind: 'noAnswer', argument: 'hours_used', message: MESSAGES.noHoursUsed() }),
  );
}

/**
 * ITCOST.UNUSEDHOURS: expected prepaid hours left unused at expiry.
 *
 * @example
 * unusedHours({ expectedHours: 18, blockHours: 20, variability: 0.5 })
 * //=> { ok: true, value: 4.7331 (approximately) }
 */
export function unusedHours(raw: RawArguments<typeof DEMAND_LIMITS>): Outcome<number> {
  return mapOutcome(checkArguments(DEMAND_LIMITS, raw), (args) => expectedUnusedHours(args, args.blockHours));
}

/**
 * ITCOST.OVERAGEHOURS: expected hours needed beyond the block.
 *
 * @example
 * overageHours({ expectedHours: 18, blockHours: 20, variability: 0.5 })
 * //=> { ok: true, value: 2.7331 (approximately) }
 */
export function overageHours(raw: RawArguments<typeof DEMAND_LIMITS>): Outcome<number> {
  return mapOutcome(checkArguments(DEMAND_LIMITS, raw), (args) => expectedOverageHours(args, args.blockHours));
}

/**
 * ITCOST.FORFEITRISK: the probability that some prepaid hours expire unused, P(U < blockHours).
 *
 * @example
 * forfeitRisk({ expectedHours: 18, blockHours: 20, variability: 0.5 })
 * //=> { ok: true, value: 0.6482 (approximately) }
 */
export function forfeitRisk(raw: RawArguments<typeof DEMAND_LIMITS>): Outcome<number> {
  return mapOutcome(checkArguments(DEMAND_LIMITS, raw), (args) => probabilityOfUnusedHours(args, args.blockHours));
}
