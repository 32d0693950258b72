import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { blockCostForHours } from './block';
import { hourlyCostForHours, managedCostForHours } from './managed';
import type { CompareArguments } from './compare';
import { BLOCKVALUE_LIMITS, COMPARE_LIMITS } from './limits';
import type { Outcome } from './outcome';

/**
 * The inputs of a scenario, as the wizard asks for them and the scenario sheet stores them.
 * Demand is asked for per month (what people know), with its month-to-month variability;
 * the term's figures follow from them under the independence assumption of TERMDEMAND.
 */
export const SCENARIO_LIMITS = {
  hourlyRate: COMPARE_LIMITS.hourlyRate,
  expectedMonthlyHours: COMPARE_LIMITS.expectedMonthlyHours,
  monthlyVariability: COMPARE_LIMITS.monthlyVariability,
  disruptionCostPerHour: COMPARE_LIMITS.disruptionCostPerHour,
  blockHours: COMPARE_LIMITS.blockHours,
  blockPrice: COMPARE_LIMITS.blockPrice,
  termMonths: BLOCKVALUE_LIMITS.termMonths,
  overageRate: COMPARE_LIMITS.overageRate,
  monthlyFee: COMPARE_LIMITS.monthlyFee,
  coveredShare: COMPARE_LIMITS.coveredShare,
  incidentReduction: COMPARE_LIMITS.incidentReduction,
  annualDiscountRate: COMPARE_LIMITS.annualDiscountRate,
} as const;

export type ScenarioInputs = CheckedArguments<typeof SCENARIO_LIMITS>;

/** Checks a scenario's inputs and fills in defaults. */
export function checkScenario(raw: RawArguments<typeof SCENARIO_LIMITS>): Outcome<ScenarioInputs> {
  return checkArguments(SCENARIO_LIMITS, raw);
}

/** COMPARE's arguments for a scenario. */
export function scenarioCompareArguments(inputs: ScenarioInputs): CompareArguments {
  return {
    expectedMonthlyHours: inputs.expectedMonthlyHours,
    hourlyRate: inputs.hourlyRate,
    blockHours: inputs.blockHours,
    blockPrice: inputs.blockPrice,
    monthlyFee: inputs.monthlyFee,
    overageRate: inputs.overageRate,
    monthlyVariability: inputs.monthlyVariability,
    termMonths: inputs.termMonths,
    coveredShare: inputs.coveredShare,
    incidentReduction: inputs.incidentReduction,
    disruptionCostPerHour: inputs.disruptionCostPerHour,
    annualDiscountRate: inputs.annualDiscountRate,
  };
}

/**
 * A block's price from its discount on the hourly rate: hours × rate × (1 − discount).
 *
 * @example
 * blockPriceFromDiscount(20, 100, 0.1)
 * //=> 1800
 */
export function blockPriceFromDiscount(blockHours: number, hourlyRate: number, discount: number): number {
  return blockHours * hourlyRate * (1 - discount);
}

/**
 * The discount a block's price gives on the hourly rate: 1 − price / (hours × rate).
 *
 * @example
 * blockDiscount(20, 100, 1800)
 * //=> 0.1 (approximately)
 */
export function blockDiscount(blockHours: number, hourlyRate: number, blockPrice: number): number {
  return 1 - blockPrice / (blockHours * hourlyRate);
}

/**
 * A managed plan's monthly fee from its price per seat (user or device) and the number of seats.
 *
 * @example
 * monthlyFeeFromSeats(120, 25)
 * //=> 3000
 */
export function monthlyFeeFromSeats(pricePerSeat: number, seats: number): number {
  return pricePerSeat * seats;
}

/** What a block costs by hours used, with disruption, undiscounted: the sensitivity table's formulas. */
export function costsForHoursUsed(inputs: ScenarioInputs, hoursUsed: number): { hourly: number; block: number; managed: number } {
  return {
    hourly: hourlyCostForHours(hoursUsed, inputs),
    block: blockCostForHours(hoursUsed, inputs) + inputs.disruptionCostPerHour * hoursUsed,
    managed: managedCostForHours(hoursUsed, inputs.termMonths, inputs),
  };
}
