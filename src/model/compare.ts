import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { breakEvenHours, type BreakEven } from './breakeven';
import { blockExpectations, demandQuantile } from './demand';
import { monthlyArrearsFactor } from './discount';
import { COMPARE_LIMITS } from './limits';
import { termVariability } from './history';
import { hourlyCostForHours, managedBreakEvenHours, managedCostForHours, type ManagedBreakEven } from './managed';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, mapOutcome, succeed, type Outcome, type Problem, tooLargeProblem } from './outcome';

export type OptionName = 'Hourly' | 'Prepaid block' | 'Top-up block' | 'Monthly retainer' | 'Managed services';

/** One option's figures over the block's term, all in money unless noted. */
export interface OptionFigures {
  readonly option: OptionName;
  /** Expected cost over the term, including disruption, as a present value when discounting. */
  readonly expectedCost: number;
  /**
   * What the provider is paid per hour it works, money per hour: undiscounted and without
   * disruption. Undefined when it is expected to work no hours.
   */
  readonly costPerSupportHour: number | undefined;
  /** The cost if demand lands at its 95th percentile over the term. */
  readonly percentile95Cost: number;
  /** Expected cost of hourly billing minus this option's; positive means this option is cheaper. */
  readonly savingVsHourly: number;
}

/** The three options' figures, in COMPARE's row order. */
export interface OptionRows {
  readonly hourly: OptionFigures;
  readonly block: OptionFigures;
  readonly managed: OptionFigures;
}

/** What COMPARE needs from the distribution of the hours over the term, U. */
export interface TermDemandFigures {
  /** E[U] = expected monthly hours × term. */
  readonly expectedHours: number;
  /** E[(U − H)⁺], the expected hours beyond the block. */
  readonly expectedOverageHours: number;
  /** U's 95th percentile. */
  readonly percentile95Hours: number;
}

export interface Comparison extends OptionRows {
  readonly termMonths: number;
  /** Expected hours needed over the term: expected monthly hours × term. */
  readonly expectedTermHours: number;
  /** The demand figures the rows were computed from. */
  readonly demand: TermDemandFigures;
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

/** One option's row: its figures, and its saving against the expected cost of paying hourly. */
export function optionRow(option: OptionName, expectedCost: number, costPerSupportHour: number | undefined, percentile95Cost: number, hourlyExpectedCost: number): OptionFigures {
  return { option, expectedCost, costPerSupportHour, percentile95Cost, savingVsHourly: hourlyExpectedCost - expectedCost };
}

/** The arguments every option is weighed under: COMPARE's, without the block's. */
type CommonArguments = Omit<CompareArguments, 'blockHours' | 'blockPrice' | 'overageRate'>;

/**
 * The rows of hourly billing and managed services from the demand figures and A, the
 * monthly-arrears discount factor (1 without discounting). Disruption c costs the business the
 * same per problem hour whoever fixes it; under managed services proactive care removes a share q
 * of those hours.
 * - hourly: A · (R + c) · U
 * - managed: A · (F · T + (1 − q) · U · ((1 − s) · R + c))
 * Every cost rises with U, so the 95th-percentile cost is the cost at U's 95th percentile.
 * Cost per support hour is what the provider is paid ÷ the hours it works, undiscounted and
 * without disruption: R; (F · T + (1 − s) · R · (1 − q) · μ) ÷ ((1 − q) · μ).
 */
export function hourlyAndManagedRows(args: CommonArguments, demand: TermDemandFigures, discountFactor: number): { hourly: OptionFigures; managed: OptionFigures } {
  const { hourlyRate: rate, monthlyFee, termMonths, coveredShare, incidentReduction } = args;
  const { expectedHours: mean, percentile95Hours: badCase } = demand;
  const hourlyCost = (hours: number) => discountFactor * hourlyCostForHours(hours, args);
  const managedCost = (hours: number) => discountFactor * managedCostForHours(hours, termMonths, args);
  const expectedHourly = hourlyCost(mean);
  const managedHoursWorked = (1 - incidentReduction) * mean;
  return {
    hourly: optionRow('Hourly', expectedHourly, mean > 0 ? rate : undefined, hourlyCost(badCase), expectedHourly),
    managed: optionRow(
      'Managed services',
      managedCost(mean),
      // F·T ÷ ((1 − q)·μ) + (1 − s)·R: the same quotient, without forming a product that could overflow.
      managedHoursWorked > 0 ? (monthlyFee * termMonths) / managedHoursWorked + (1 - coveredShare) * rate : undefined,
      managedCost(badCase),
      expectedHourly,
    ),
  };
}

/**
 * The three rows of COMPARE from the demand figures and A, the monthly-arrears discount factor:
 * {@link hourlyAndManagedRows}, and the block's, paid on day one:
 * - block: price + A · (o · (U − H)⁺ + c · U)
 * Its cost per support hour is (P + o · E[(U − H)⁺]) ÷ μ.
 */
export function optionRows(args: CompareArguments, demand: TermDemandFigures, discountFactor: number): OptionRows {
  const { blockPrice, overageRate, disruptionCostPerHour: disruption } = args;
  const { expectedHours: mean, expectedOverageHours: overage, percentile95Hours: badCase } = demand;
  const blockCost = (overageHours: number, hours: number) => blockPrice + discountFactor * (overageRate * overageHours + disruption * hours);
  const { hourly, managed } = hourlyAndManagedRows(args, demand, discountFactor);
  return {
    hourly,
    block: optionRow(
      'Prepaid block',
      blockCost(overage, mean),
      mean > 0 ? (blockPrice + overageRate * overage) / mean : undefined,
      blockCost(Math.max(0, badCase - args.blockHours), badCase),
      hourly.expectedCost,
    ),
    managed,
  };
}

/**
 * The three ways to buy support over one block term T. The hours over the term U are gamma
 * distributed with mean = monthly hours × T and variability = monthly variability ÷ √T (months
 * independent, as in TERMDEMAND); the costs are those of {@link optionRows}.
 */
export function compareOptions(args: CompareArguments): Comparison {
  const { hourlyRate, blockHours, blockPrice, overageRate, termMonths } = args;
  const variability = termVariability(args.monthlyVariability, termMonths);
  const distribution = { expectedHours: args.expectedMonthlyHours * termMonths, variability };
  // One evaluation gives both the expected overage and the chance of forfeiting hours.
  const atBlock = blockExpectations(distribution, blockHours);
  const demand: TermDemandFigures = {
    expectedHours: distribution.expectedHours,
    expectedOverageHours: atBlock.overage,
    percentile95Hours: demandQuantile(distribution, BAD_CASE_PROBABILITY),
  };
  return {
    termMonths,
    expectedTermHours: demand.expectedHours,
    demand,
    ...optionRows(args, demand, monthlyArrearsFactor(termMonths, args.annualDiscountRate)),
    // Undiscounted, as ITCOST.BREAKEVEN reports it, so the advice and the function agree.
    blockBreakEven: breakEvenHours({ hourlyRate, blockHours, blockPrice, overageRate, variability }),
    managedBreakEven: managedBreakEvenHours(args),
    forfeitRisk: atBlock.probabilityUnused,
  };
}

/** Checks COMPARE's or RECOMMEND's arguments and compares the three options. */
export function checkedComparison(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<{ args: CompareArguments; comparison: Comparison }> {
  return andThen(checkArguments(COMPARE_LIMITS, raw), (args) => {
    const comparison = compareOptions(args);
    const numbers = [comparison.hourly, comparison.block, comparison.managed].flatMap((o) => [o.expectedCost, o.percentile95Cost, o.savingVsHourly]);
    return numbers.every(Number.isFinite) ? succeed({ args, comparison }) : fail(tooLargeProblem());
  });
}

export function compare(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<Comparison> {
  return mapOutcome(checkedComparison(raw), ({ comparison }) => comparison);
}

/** A cell of a spilled table: text, a number, or a cell-level "no answer". */
export type TableCell = string | number | Problem;

export const COMPARE_HEADER = ['Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly'] as const;

/** The size of COMPARE's spill: a header row and three options, by the header's columns. Sheet plans and the formula engine read it from here. */
export const COMPARE_SPILL = { rows: 4, columns: COMPARE_HEADER.length } as const;

/**
 * A cost per support hour as a cell: #N/A when the provider works no hours, and "too large"
 * when so few are worked that the quotient overflows; the rest of the table still shows.
 */
function costPerSupportHourCell(value: number | undefined): TableCell {
  if (value === undefined) return { kind: 'noAnswer', message: MESSAGES.noSupportHours() };
  const checked = finiteOrProblem(value);
  return checked.ok ? checked.value : checked.problem;
}

/**
 * ITCOST.COMPARE: a header row and one row per option, in the order hourly, block, managed.
 *
 * @example
 * compareTable({ expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150 })
 * //=> { ok: true, value: [['Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly'], ['Hourly', 1800, 100, 1800, 0], ['Prepaid block', 1800, 100, 1800, 0], ['Managed services', 1800, 100, 1800, 0]] }
 */
export function compareTable(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<TableCell[][]> {
  return mapOutcome(compare(raw), (comparison) => [
    [...COMPARE_HEADER],
    ...[comparison.hourly, comparison.block, comparison.managed].map((o): TableCell[] => [
      o.option,
      o.expectedCost,
      costPerSupportHourCell(o.costPerSupportHour),
      o.percentile95Cost,
      o.savingVsHourly,
    ]),
  ]);
}
