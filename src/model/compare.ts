import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { breakEvenHours, type BreakEven } from './breakeven';
import { demandQuantile, expectedOverageHours, probabilityOfUnusedHours } from './demand';
import { monthlyArrearsFactor } from './discount';
import { COMPARE_LIMITS } from './limits';
import { termVariability } from './history';
import { hourlyCostForHours, managedBreakEvenHours, managedCostForHours, type ManagedBreakEven } from './managed';
import { MESSAGES } from './messages';
import { andThen, fail, mapOutcome, succeed, type Outcome, type Problem } from './outcome';

export type OptionName = 'Hourly' | 'Prepaid block' | 'Managed services';

/** One option's figures over the block's term, all in money unless noted. */
export interface OptionFigures {
  readonly option: OptionName;
  /** Expected cost over the term, including disruption, as a present value when discounting. */
  readonly expectedCost: number;
  /** Expected cost ÷ expected hours of support received; undefined when none are expected. */
  readonly costPerSupportHour: number | undefined;
  /** The cost if demand lands at its 95th percentile over the term. */
  readonly percentile95Cost: number;
  /** Expected cost of hourly billing minus this option's; positive means this option is cheaper. */
  readonly savingVsHourly: number;
}

export interface Comparison {
  readonly termMonths: number;
  /** Expected hours needed over the term: expected monthly hours × term. */
  readonly expectedTermHours: number;
  readonly hourly: OptionFigures;
  readonly block: OptionFigures;
  readonly managed: OptionFigures;
  /** Expected hours over the term at which the block and hourly billing cost the same (undiscounted, as BREAKEVEN). */
  readonly blockBreakEven: BreakEven;
  /** Support hours per month at which managed services and hourly billing cost the same. */
  readonly managedBreakEven: ManagedBreakEven;
  /** Chance that some of the block's hours expire unused. */
  readonly forfeitRisk: number;
}

export type CompareArguments = CheckedArguments<typeof COMPARE_LIMITS>;

/** The percentile COMPARE reports as a bad case. */
export const BAD_CASE_PROBABILITY = 0.95;

function figures(option: OptionName, expectedCost: number, hoursReceived: number, percentile95Cost: number, hourlyCost: number): OptionFigures {
  return {
    option,
    expectedCost,
    costPerSupportHour: hoursReceived > 0 ? expectedCost / hoursReceived : undefined,
    percentile95Cost,
    savingVsHourly: hourlyCost - expectedCost,
  };
}

/**
 * The three ways to buy support over one block term T, with demand U over the term gamma
 * distributed (mean = monthly hours × T, the given variability) and A the monthly-arrears
 * discount factor (1 without discounting). Disruption c costs the business the same per problem
 * hour whoever fixes it; under managed services proactive care removes a share q of those hours.
 * - hourly: A · (R + c) · U
 * - block: price + A · (o · (U − H)⁺ + c · U), the price paid on day one
 * - managed: A · (F · T + (1 − q) · U · ((1 − s) · R + c))
 * Every cost rises with U, so the 95th-percentile cost is the cost at U's 95th percentile.
 */
export function compareOptions(args: CompareArguments): Comparison {
  const { hourlyRate: rate, blockHours, blockPrice, overageRate, termMonths, disruptionCostPerHour: disruption } = args;
  // Months are independent (as in TERMDEMAND), so the term's variability is the monthly one ÷ √T.
  const variability = termVariability(args.monthlyVariability, termMonths);
  const demand = { expectedHours: args.expectedMonthlyHours * termMonths, variability };
  const factor = monthlyArrearsFactor(termMonths, args.annualDiscountRate);
  const mean = demand.expectedHours;
  const badCase = demandQuantile(demand, BAD_CASE_PROBABILITY);

  const hourlyCost = (hours: number) => factor * hourlyCostForHours(hours, args);
  const blockCost = (overage: number, hours: number) => blockPrice + factor * (overageRate * overage + disruption * hours);
  const managedCost = (hours: number) => factor * managedCostForHours(hours, termMonths, args);

  const expectedHourly = hourlyCost(mean);
  return {
    termMonths,
    expectedTermHours: mean,
    hourly: figures('Hourly', expectedHourly, mean, hourlyCost(badCase), expectedHourly),
    block: figures('Prepaid block', blockCost(expectedOverageHours(demand, blockHours), mean), mean, blockCost(Math.max(0, badCase - blockHours), badCase), expectedHourly),
    managed: figures('Managed services', managedCost(mean), (1 - args.incidentReduction) * mean, managedCost(badCase), expectedHourly),
    // Undiscounted, as ITCOST.BREAKEVEN reports it, so the sentence and the function agree.
    blockBreakEven: breakEvenHours({ hourlyRate: rate, blockHours, blockPrice, overageRate, variability }),
    managedBreakEven: managedBreakEvenHours(args),
    forfeitRisk: probabilityOfUnusedHours(demand, blockHours),
  };
}

/** Checks COMPARE's or RECOMMEND's arguments and compares the three options. */
export function checkedComparison(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<{ args: CompareArguments; comparison: Comparison }> {
  return andThen(checkArguments(COMPARE_LIMITS, raw), (args) => {
    const comparison = compareOptions(args);
    const numbers = [comparison.hourly, comparison.block, comparison.managed].flatMap((o) => [o.expectedCost, o.percentile95Cost, o.savingVsHourly]);
    return numbers.every(Number.isFinite) ? succeed({ args, comparison }) : fail({ kind: 'invalidInput', message: MESSAGES.resultTooLarge() });
  });
}

export function compare(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<Comparison> {
  return mapOutcome(checkedComparison(raw), ({ comparison }) => comparison);
}

/** A cell of a spilled table: text, a number, or a cell-level "no answer". */
export type TableCell = string | number | Problem;

export const COMPARE_HEADER = ['Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly'] as const;

/**
 * ITCOST.COMPARE: a header row and one row per option, in the order hourly, block, managed.
 *
 * @example
 * compareTable({ expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150 })
 * //=> { ok: true, value: [[header…], ['Hourly', 1800, 100, 1800, 0], ['Prepaid block', 1800, 100, 1800, 0], ['Managed services', 1800, 100, 1800, 0]] }
 */
export function compareTable(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<TableCell[][]> {
  return mapOutcome(compare(raw), (comparison) => [
    [...COMPARE_HEADER],
    ...[comparison.hourly, comparison.block, comparison.managed].map((o): TableCell[] => [
      o.option,
      o.expectedCost,
      o.costPerSupportHour ?? { kind: 'noAnswer', message: MESSAGES.noSupportHours() },
      o.percentile95Cost,
      o.savingVsHourly,
    ]),
  ]);
}
