import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { blockCostForHours } from './block';
import { hourlyCostForHours, managedCostForHours } from './managed';
import type { CompareArguments } from './compare';
import { BLOCKVALUE_LIMITS, COMPARE_LIMITS, RETAINERVALUE_LIMITS } from './limits';
import type { CommonTerms, OfferKind, PrepaidOffer } from './offer';
import { mapOutcome, type Outcome } from './outcome';

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

// Each table lists the demand first (the overage rate defaults to the hourly rate) and the managed
// quote last, each entry SCENARIO_LIMITS' own. Written out rather than spread: a spread keeps the
// tables in the functions' bundle, which has no use for them.

/** A scenario whose prepaid offer is a top-up block: the block's hours and price, no overage (it is bought again instead). */
export const TOPUP_SCENARIO_LIMITS = {
  hourlyRate: SCENARIO_LIMITS.hourlyRate,
  expectedMonthlyHours: SCENARIO_LIMITS.expectedMonthlyHours,
  monthlyVariability: SCENARIO_LIMITS.monthlyVariability,
  disruptionCostPerHour: SCENARIO_LIMITS.disruptionCostPerHour,
  blockHours: SCENARIO_LIMITS.blockHours,
  blockPrice: SCENARIO_LIMITS.blockPrice,
  termMonths: SCENARIO_LIMITS.termMonths,
  monthlyFee: SCENARIO_LIMITS.monthlyFee,
  coveredShare: SCENARIO_LIMITS.coveredShare,
  incidentReduction: SCENARIO_LIMITS.incidentReduction,
  annualDiscountRate: SCENARIO_LIMITS.annualDiscountRate,
} as const;

/** A scenario whose prepaid offer is a monthly retainer, with RETAINERVALUE's limits (a term of whole months). */
export const RETAINER_SCENARIO_LIMITS = {
  hourlyRate: SCENARIO_LIMITS.hourlyRate,
  expectedMonthlyHours: SCENARIO_LIMITS.expectedMonthlyHours,
  monthlyVariability: SCENARIO_LIMITS.monthlyVariability,
  disruptionCostPerHour: SCENARIO_LIMITS.disruptionCostPerHour,
  retainerHours: RETAINERVALUE_LIMITS.monthlyHours,
  retainerPrice: RETAINERVALUE_LIMITS.monthlyPrice,
  rolloverCap: RETAINERVALUE_LIMITS.rolloverCap,
  termMonths: RETAINERVALUE_LIMITS.termMonths,
  overageRate: RETAINERVALUE_LIMITS.overageRate,
  monthlyFee: SCENARIO_LIMITS.monthlyFee,
  coveredShare: SCENARIO_LIMITS.coveredShare,
  incidentReduction: SCENARIO_LIMITS.incidentReduction,
  annualDiscountRate: SCENARIO_LIMITS.annualDiscountRate,
} as const;

export type TopUpScenarioInputs = CheckedArguments<typeof TOPUP_SCENARIO_LIMITS>;
export type RetainerScenarioInputs = CheckedArguments<typeof RETAINER_SCENARIO_LIMITS>;

/** The limit table of a scenario with each kind of offer. */
export const OFFER_SCENARIO_LIMITS = { block: SCENARIO_LIMITS, topUp: TOPUP_SCENARIO_LIMITS, retainer: RETAINER_SCENARIO_LIMITS } as const;

/** A scenario: its kind of prepaid offer and its checked inputs. */
export type Scenario =
  | { readonly kind: 'block'; readonly inputs: ScenarioInputs }
  | { readonly kind: 'topUp'; readonly inputs: TopUpScenarioInputs }
  | { readonly kind: 'retainer'; readonly inputs: RetainerScenarioInputs };

/** Checks a scenario's inputs for its kind of offer and fills in defaults. */
export function checkOfferScenario(kind: OfferKind, raw: Readonly<Record<string, unknown>>): Outcome<Scenario> {
  switch (kind) {
    case 'block':
      return mapOutcome(checkArguments(SCENARIO_LIMITS, raw), (inputs) => ({ kind, inputs }));
    case 'topUp':
      return mapOutcome(checkArguments(TOPUP_SCENARIO_LIMITS, raw), (inputs) => ({ kind, inputs }));
    case 'retainer':
      return mapOutcome(checkArguments(RETAINER_SCENARIO_LIMITS, raw), (inputs) => ({ kind, inputs }));
  }
}

/** A scenario as the terms every option is weighed under and its prepaid offer (for compareOffer). */
export function scenarioTerms(scenario: Scenario): { common: CommonTerms; offer: PrepaidOffer } {
  const i = scenario.inputs;
  const common: CommonTerms = {
    expectedMonthlyHours: i.expectedMonthlyHours,
    hourlyRate: i.hourlyRate,
    monthlyFee: i.monthlyFee,
    monthlyVariability: i.monthlyVariability,
    termMonths: i.termMonths,
    coveredShare: i.coveredShare,
    incidentReduction: i.incidentReduction,
    disruptionCostPerHour: i.disruptionCostPerHour,
    annualDiscountRate: i.annualDiscountRate,
  };
  switch (scenario.kind) {
    case 'block':
      return { common, offer: { kind: 'block', blockHours: scenario.inputs.blockHours, blockPrice: scenario.inputs.blockPrice, overageRate: scenario.inputs.overageRate } };
    case 'topUp':
      return { common, offer: { kind: 'topUp', blockHours: scenario.inputs.blockHours, blockPrice: scenario.inputs.blockPrice } };
    case 'retainer':
      return {
        common,
        offer: { kind: 'retainer', monthlyHours: scenario.inputs.retainerHours, monthlyPrice: scenario.inputs.retainerPrice, overageRate: scenario.inputs.overageRate, rolloverCap: scenario.inputs.rolloverCap },
      };
  }
}

/** Checks a scenario's inputs and fills in defaults. */
export function checkScenario(raw: RawArguments<typeof SCENARIO_LIMITS>): Outcome<ScenarioInputs> {
  return checkArguments(SCENARIO_LIMITS, raw);
}

/** COMPARE's arguments for a scenario. */
export function scenarioCompareArguments(inputs: ScenarioInputs): CompareArguments {
  const { common } = scenarioTerms({ kind: 'block', inputs });
  return { ...common, blockHours: inputs.blockHours, blockPrice: inputs.blockPrice, overageRate: inputs.overageRate };
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
