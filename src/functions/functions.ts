/*
 * The ITCOST custom functions. Each one maps Excel's positional arguments to one model input,
 * calls the model and returns a number or an Excel error. The JSDoc below is the help Excel
 * shows in the formula bar; custom-functions-metadata-plugin turns it into functions.json and
 * appends the CustomFunctions.associate calls at build time.
 */
import * as model from '../model';
import { toExcelResult, toExcelTable, toExcelText } from './excel-result';

/**
 * Expected hours of use over the block's term at which a prepaid block costs the same as paying hourly (expected costs). #N/A if the block never pays off.
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/help/breakeven.html
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Must be at least 0. Default: hourly_rate.
 * @param [variability] Uncertainty of the hours needed over the term, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, hours known exactly.
 * @returns {number} Break-even expected hours over the term.
 */
export function breakEven(
  hourly_rate: number,
  block_hours: number,
  block_price: number,
  overage_rate?: number,
  variability?: number,
) {
  return toExcelResult(() =>
    model.breakEvenValue({
      hourlyRate: hourly_rate,
      blockHours: block_hours,
      blockPrice: block_price,
      overageRate: overage_rate,
      variability,
    }),
  );
}

/**
 * Expected saving from buying a prepaid block instead of paying hourly over its term, in money; positive means the block is cheaper. Present value when a discount rate is given.
 * @customfunction BLOCKVALUE
 * @helpurl https://localhost:3000/help/blockvalue.html
 * @param expected_hours Expected hours of support needed over the block's term. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Must be at least 0. Default: hourly_rate.
 * @param [variability] Uncertainty of the hours needed over the term, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, hours known exactly.
 * @param [term_months] Months until unused hours expire; hourly work and overage are paid monthly over this term. Must be at least 1. Default: 12.
 * @param [annual_discount_rate] Nominal annual discount rate, compounded monthly, e.g. 8% or 0.08. Must be at least 0%. Default: 0%, no discounting.
 * @returns {number} Expected saving in money.
 */
export function blockValue(
  expected_hours: number,
  hourly_rate: number,
  block_hours: number,
  block_price: number,
  overage_rate?: number,
  variability?: number,
  term_months?: number,
  annual_discount_rate?: number,
) {
  return toExcelResult(() =>
    model.blockValue({
      expectedHours: expected_hours,
      hourlyRate: hourly_rate,
      blockHours: block_hours,
      blockPrice: block_price,
      overageRate: overage_rate,
      variability,
      termMonths: term_months,
      annualDiscountRate: annual_discount_rate,
    }),
  );
}

/**
 * What each hour actually used cost under a prepaid block, in money per hour: (block price + overage) ÷ hours used. #N/A if no hours were used.
 * @customfunction EFFECTIVERATE
 * @helpurl https://localhost:3000/help/effectiverate.html
 * @param hours_used Hours of support actually used over the block's term. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour; the default overage rate. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Must be at least 0. Default: hourly_rate.
 * @returns {number} Cost per hour used, in money per hour.
 */
export function effectiveRate(
  hours_used: number,
  hourly_rate: number,
  block_hours: number,
  block_price: number,
  overage_rate?: number,
) {
  return toExcelResult(() =>
    model.effectiveRateValue({
      hoursUsed: hours_used,
      hourlyRate: hourly_rate,
      blockHours: block_hours,
      blockPrice: block_price,
      overageRate: overage_rate,
    }),
  );
}

/**
 * Expected prepaid hours left unused when a block expires, in hours.
 * @customfunction UNUSEDHOURS
 * @helpurl https://localhost:3000/help/unusedhours.html
 * @param expected_hours Expected hours of support needed over the block's term. Must be at least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, hours known exactly.
 * @returns {number} Expected unused hours.
 */
export function unusedHours(expected_hours: number, block_hours: number, variability?: number) {
  return toExcelResult(() =>
    model.unusedHours({ expectedHours: expected_hours, blockHours: block_hours, variability }),
  );
}

/**
 * Expected hours needed beyond a prepaid block over its term, billed at the overage rate, in hours.
 * @customfunction OVERAGEHOURS
 * @helpurl https://localhost:3000/help/overagehours.html
 * @param expected_hours Expected hours of support needed over the block's term. Must be at least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, hours known exactly.
 * @returns {number} Expected overage hours.
 */
export function overageHours(expected_hours: number, block_hours: number, variability?: number) {
  return toExcelResult(() =>
    model.overageHours({ expectedHours: expected_hours, blockHours: block_hours, variability }),
  );
}

/**
 * Probability, from 0 to 1, that some prepaid hours expire unused because the hours needed stay below the block.
 * @customfunction FORFEITRISK
 * @helpurl https://localhost:3000/help/forfeitrisk.html
 * @param expected_hours Expected hours of support needed over the block's term. Must be at least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, which gives 1 or 0.
 * @returns {number} Probability of forfeiting hours.
 */
export function forfeitRisk(expected_hours: number, block_hours: number, variability?: number) {
  return toExcelResult(() =>
    model.forfeitRisk({ expectedHours: expected_hours, blockHours: block_hours, variability }),
  );
}

/**
 * Expected monthly saving of managed services over hourly billing, in money per month; positive means managed services are cheaper. Hourly costs h·(R + c); managed costs F + h·(1 − q)·((1 − s)·R + c), with h the monthly hours, R the hourly rate, F the fee, s the covered share, q the incident reduction and c the disruption cost per hour.
 * @customfunction MANAGEDVALUE
 * @helpurl https://localhost:3000/help/managedvalue.html
 * @param expected_monthly_hours Support hours a month you expect to need if billed hourly. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param monthly_fee The managed-services fee, in money per month. Must be greater than 0.
 * @param [covered_share] Share of support hours the fee covers, e.g. 90% or 0.9; the rest is billed hourly. Must be from 0% to 100%. Default: 100%.
 * @param [incident_reduction] Share of support hours that proactive care avoids, e.g. 25% or 0.25. Must be from 0% to 100%. Default: 0%.
 * @param [disruption_cost_per_hour] What an hour of IT problems costs the business in lost work, in money per hour. Must be at least 0. Default: 0.
 * @returns {number} Expected monthly saving of managed services.
 */
export function managedValue(
  expected_monthly_hours: number,
  hourly_rate: number,
  monthly_fee: number,
  covered_share?: number,
  incident_reduction?: number,
  disruption_cost_per_hour?: number,
) {
  return toExcelResult(() =>
    model.managedValue({
      expectedMonthlyHours: expected_monthly_hours,
      hourlyRate: hourly_rate,
      monthlyFee: monthly_fee,
      coveredShare: covered_share,
      incidentReduction: incident_reduction,
      disruptionCostPerHour: disruption_cost_per_hour,
    }),
  );
}

/**
 * Support hours per month at which managed services cost the same as hourly billing: F ÷ ((R + c) − (1 − q)·((1 − s)·R + c)). #N/A if managed services never pay off.
 * @customfunction MANAGEDBREAKEVEN
 * @helpurl https://localhost:3000/help/managedbreakeven.html
 * @param monthly_fee The managed-services fee, in money per month. Must be greater than 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param [covered_share] Share of support hours the fee covers, e.g. 90% or 0.9; the rest is billed hourly. Must be from 0% to 100%. Default: 100%.
 * @param [incident_reduction] Share of support hours that proactive care avoids, e.g. 25% or 0.25. Must be from 0% to 100%. Default: 0%.
 * @param [disruption_cost_per_hour] What an hour of IT problems costs the business in lost work, in money per hour. Must be at least 0. Default: 0.
 * @returns {number} Break-even support hours per month.
 */
export function managedBreakEven(
  monthly_fee: number,
  hourly_rate: number,
  covered_share?: number,
  incident_reduction?: number,
  disruption_cost_per_hour?: number,
) {
  return toExcelResult(() =>
    model.managedBreakEven({
      monthlyFee: monthly_fee,
      hourlyRate: hourly_rate,
      coveredShare: covered_share,
      incidentReduction: incident_reduction,
      disruptionCostPerHour: disruption_cost_per_hour,
    }),
  );
}

/**
 * Billable hours for one ticket or the total over a range of tickets: each bills max(minimum, increment × ceiling(minutes ÷ increment)) × multiplier. Blank cells are ignored.
 * @customfunction BILLEDHOURS
 * @helpurl https://localhost:3000/help/billedhours.html
 * @param minutes_worked Minutes worked on one ticket, or a range with one ticket per cell; blank cells are ignored. Each must be at least 0.
 * @param [increment_minutes] The billing increment, in minutes: time is rounded up to a whole number of increments. Must be greater than 0. Default: 15.
 * @param [minimum_minutes] The least a ticket is billed, in minutes. Must be at least 0. Default: 0.
 * @param [multiplier] Applied to each ticket's minutes after rounding, e.g. 1.5 for after-hours work. Must be greater than 0. Default: 1.
 * @returns {number} Billable hours.
 */
export function billedHours(
  minutes_worked: unknown[][],
  increment_minutes?: number,
  minimum_minutes?: number,
  multiplier?: number,
) {
  return toExcelResult(() =>
    model.billedHours({
      minutesWorked: minutes_worked,
      incrementMinutes: increment_minutes,
      minimumMinutes: minimum_minutes,
      multiplier,
    }),
  );
}

/**
 * From past monthly support hours, spills two cells: the expected hours over the term (term × average month) and their variability ((standard deviation ÷ average) ÷ √term). Assumes months are independent.
 * @customfunction TERMDEMAND
 * @helpurl https://localhost:3000/help/termdemand.html
 * @param monthly_hours A range of past monthly support hours, holding at least 2 numbers; blank cells are ignored. Each must be at least 0.
 * @param [term_months] Months in the term to forecast, e.g. a block's validity. Must be at least 1. Default: 12.
 * @returns {number[][]} Expected hours over the term, and their variability.
 */
export function termDemand(monthly_hours: unknown[][], term_months?: number) {
  return toExcelTable(() => model.termDemand({ monthlyHours: monthly_hours, termMonths: term_months }));
}

/**
 * For a block already bought: expected hours left unused when it expires, if use continues at the rate so far (hours used ÷ months elapsed). 0 once the block is used up.
 * @customfunction EXPIRYFORECAST
 * @helpurl https://localhost:3000/help/expiryforecast.html
 * @param hours_used Hours used from the block so far. Must be at least 0.
 * @param months_elapsed Months since the block was bought. Must be greater than 0. It cannot exceed term_months.
 * @param block_hours Hours in the block. Must be greater than 0.
 * @param term_months Months from purchase until unused hours expire. Must be at least 1.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, use continues exactly at the rate so far.
 * @returns {number} Expected unused hours at expiry.
 */
export function expiryForecast(
  hours_used: number,
  months_elapsed: number,
  block_hours: number,
  term_months: number,
  monthly_variability?: number,
) {
  return toExcelResult(() =>
    model.expiryForecast({
      hoursUsed: hours_used,
      monthsElapsed: months_elapsed,
      blockHours: block_hours,
      termMonths: term_months,
      monthlyVariability: monthly_variability,
    }),
  );
}

/**
 * Spills a table comparing hourly billing, the prepaid block and managed services over the block's term: expected cost (with disruption), what the provider is paid per hour it works (without disruption or discounting), 95th-percentile cost and saving against hourly.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help/compare.html
 * @param expected_monthly_hours Support hours a month you expect to need if billed hourly. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param monthly_fee The managed-services fee, in money per month. Must be greater than 0.
 * @param [overage_rate] Money per hour beyond the block. Must be at least 0. Default: hourly_rate.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [term_months] The block's validity in months: the period compared. Must be at least 1. Default: 12.
 * @param [covered_share] Share of support hours the managed fee covers, e.g. 90% or 0.9. Must be from 0% to 100%. Default: 100%.
 * @param [incident_reduction] Share of support hours managed care avoids, e.g. 25% or 0.25. Must be from 0% to 100%. Default: 0%.
 * @param [disruption_cost_per_hour] Lost work per hour of IT problems, in money per hour, under every option. Must be at least 0. Default: 0.
 * @param [annual_discount_rate] Nominal annual discount rate, compounded monthly, e.g. 8% or 0.08. Must be at least 0%. Default: 0%, no discounting.
 * @returns {any[][]} A header row and one row per option.
 */
export function compare(
  expected_monthly_hours: number,
  hourly_rate: number,
  block_hours: number,
  block_price: number,
  monthly_fee: number,
  overage_rate?: number,
  monthly_variability?: number,
  term_months?: number,
  covered_share?: number,
  incident_reduction?: number,
  disruption_cost_per_hour?: number,
  annual_discount_rate?: number,
) {
  // COMPARE_LIMITS lists the arguments in this order; the metadata test holds the two together.
  const raw = model.positionalArguments(model.COMPARE_LIMITS, [
    expected_monthly_hours,
    hourly_rate,
    block_hours,
    block_price,
    monthly_fee,
    overage_rate,
    monthly_variability,
    term_months,
    covered_share,
    incident_reduction,
    disruption_cost_per_hour,
    annual_discount_rate,
  ]);
  return toExcelTable(() => model.compareTable(raw));
}

/**
 * Advice in one cell: "Pay hourly", "Buy the prepaid block" or "Choose managed services", whichever has the lowest expected cost in COMPARE, then the figures that decide it, each with its period. Same arguments as COMPARE.
 * @customfunction RECOMMEND
 * @helpurl https://localhost:3000/help/recommend.html
 * @param expected_monthly_hours Support hours a month you expect to need if billed hourly. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param monthly_fee The managed-services fee, in money per month. Must be greater than 0.
 * @param [overage_rate] Money per hour beyond the block. Must be at least 0. Default: hourly_rate.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [term_months] The block's validity in months: the period compared. Must be at least 1. Default: 12.
 * @param [covered_share] Share of support hours the managed fee covers, e.g. 90% or 0.9. Must be from 0% to 100%. Default: 100%.
 * @param [incident_reduction] Share of support hours managed care avoids, e.g. 25% or 0.25. Must be from 0% to 100%. Default: 0%.
 * @param [disruption_cost_per_hour] Lost work per hour of IT problems, in money per hour, under every option. Must be at least 0. Default: 0.
 * @param [annual_discount_rate] Nominal annual discount rate, compounded monthly, e.g. 8% or 0.08. Must be at least 0%. Default: 0%, no discounting.
 * @returns {string} The recommendation.
 */
export function recommend(
  expected_monthly_hours: number,
  hourly_rate: number,
  block_hours: number,
  block_price: number,
  monthly_fee: number,
  overage_rate?: number,
  monthly_variability?: number,
  term_months?: number,
  covered_share?: number,
  incident_reduction?: number,
  disruption_cost_per_hour?: number,
  annual_discount_rate?: number,
) {
  const raw = model.positionalArguments(model.COMPARE_LIMITS, [
    expected_monthly_hours,
    hourly_rate,
    block_hours,
    block_price,
    monthly_fee,
    overage_rate,
    monthly_variability,
    term_months,
    covered_share,
    incident_reduction,
    disruption_cost_per_hour,
    annual_discount_rate,
  ]);
  return toExcelText(() => model.recommend(raw));
}

/**
 * Expected saving over the term of a monthly retainer with rollover instead of paying hourly, in money; positive means the retainer is cheaper. The fee is paid at the start of each month, hourly work and overage at its end; present value when a discount rate is given.
 * @customfunction RETAINERVALUE
 * @helpurl https://localhost:3000/help/retainervalue.html
 * @param expected_monthly_hours Support hours a month you expect to need if billed hourly. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param monthly_hours Hours the retainer makes available at the start of each month. Must be greater than 0.
 * @param monthly_price The retainer's fee, in money per month. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond what is available in a month. Must be at least 0. Default: hourly_rate.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [rollover_cap] Most unused hours that carry into the next month, as a share of monthly_hours, e.g. 40% or 0.4; the rest expire at month end, and everything left expires with the term. Must be at least 0%. Default: 0%, use it or lose it.
 * @param [term_months] Months in the retainer's term. Must be a whole number from 1 to 1200. Default: 12.
 * @param [annual_discount_rate] Nominal annual discount rate, compounded monthly, e.g. 8% or 0.08. Must be at least 0%. Default: 0%, no discounting.
 * @returns {number} Expected saving in money over the term.
 */
export function retainerValue(
  expected_monthly_hours: number,
  hourly_rate: number,
  monthly_hours: number,
  monthly_price: number,
  overage_rate?: number,
  monthly_variability?: number,
  rollover_cap?: number,
  term_months?: number,
  annual_discount_rate?: number,
) {
  return toExcelResult(() =>
    model.retainerValue({
      expectedMonthlyHours: expected_monthly_hours,
      hourlyRate: hourly_rate,
      monthlyHours: monthly_hours,
      monthlyPrice: monthly_price,
      overageRate: overage_rate,
      monthlyVariability: monthly_variability,
      rolloverCap: rollover_cap,
      termMonths: term_months,
      annualDiscountRate: annual_discount_rate,
    }),
  );
}

/**
 * Expected retainer hours forfeited over the whole term: hours beyond the rollover cap at each month end, and everything left when the term ends.
 * @customfunction RETAINERUNUSED
 * @helpurl https://localhost:3000/help/retainerunused.html
 * @param expected_monthly_hours Support hours a month you expect to need. Must be at least 0.
 * @param monthly_hours Hours the retainer makes available at the start of each month. Must be greater than 0.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [rollover_cap] Most unused hours that carry into the next month, as a share of monthly_hours, e.g. 40% or 0.4. Must be at least 0%. Default: 0%, use it or lose it.
 * @param [term_months] Months in the retainer's term. Must be a whole number from 1 to 1200. Default: 12.
 * @returns {number} Expected hours forfeited over the term.
 */
export function retainerUnused(expected_monthly_hours: number, monthly_hours: number, monthly_variability?: number, rollover_cap?: number, term_months?: number) {
  return toExcelResult(() =>
    model.retainerUnused({
      expectedMonthlyHours: expected_monthly_hours,
      monthlyHours: monthly_hours,
      monthlyVariability: monthly_variability,
      rolloverCap: rollover_cap,
      termMonths: term_months,
    }),
  );
}

/**
 * Expected hours billed as overage over the whole term of a monthly retainer: each month's hours beyond that month's hours plus what carried over.
 * @customfunction RETAINEROVERAGE
 * @helpurl https://localhost:3000/help/retaineroverage.html
 * @param expected_monthly_hours Support hours a month you expect to need. Must be at least 0.
 * @param monthly_hours Hours the retainer makes available at the start of each month. Must be greater than 0.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [rollover_cap] Most unused hours that carry into the next month, as a share of monthly_hours, e.g. 40% or 0.4. Must be at least 0%. Default: 0%, use it or lose it.
 * @param [term_months] Months in the retainer's term. Must be a whole number from 1 to 1200. Default: 12.
 * @returns {number} Expected overage hours over the term.
 */
export function retainerOverage(expected_monthly_hours: number, monthly_hours: number, monthly_variability?: number, rollover_cap?: number, term_months?: number) {
  return toExcelResult(() =>
    model.retainerOverage({
      expectedMonthlyHours: expected_monthly_hours,
      monthlyHours: monthly_hours,
      monthlyVariability: monthly_variability,
      rolloverCap: rollover_cap,
      termMonths: term_months,
    }),
  );
}

/**
 * Expected saving over the term of a top-up block, bought at the start and again each time it runs out, instead of paying hourly, in money (undiscounted): hourly_rate × expected_hours − block_price × expected blocks bought. No overage is billed; what is left of the last block expires.
 * @customfunction TOPUPVALUE
 * @helpurl https://localhost:3000/help/topupvalue.html
 * @param expected_hours Expected hours of support needed over the term. Must be at least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in each block. Must be greater than 0.
 * @param block_price Price of each block, in money. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed over the term, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Must be at least 0. Default: 0, hours known exactly.
 * @returns {number} Expected saving in money.
 */
export function topUpValue(expected_hours: number, hourly_rate: number, block_hours: number, block_price: number, variability?: number) {
  return toExcelResult(() =>
    model.topUpValue({
      expectedHours: expected_hours,
      hourlyRate: hourly_rate,
      blockHours: block_hours,
      blockPrice: block_price,
      variability,
    }),
  );
}

/**
 * For a retainer under way, spills a column of two: the expected hours still to be forfeited, then the expected hours to be billed as overage, over the months left, from the hours carried into the next month.
 * @customfunction RETAINERFORECAST
 * @helpurl https://localhost:3000/help/retainerforecast.html
 * @param expected_monthly_hours Support hours a month you expect to need from now on, e.g. the average so far. Must be at least 0.
 * @param monthly_hours Hours the retainer makes available at the start of each month. Must be greater than 0.
 * @param carried_hours Unused hours carried into the next month, no more than rollover_cap × monthly_hours allows. Must be at least 0.
 * @param months_left Months left in the term, the next one included. Must be a whole number from 1 to 1200.
 * @param [monthly_variability] Uncertainty of one month's hours, as a coefficient of variation (standard deviation ÷ mean), e.g. 0.5 for ±50%. Months are independent. Must be at least 0. Default: 0.
 * @param [rollover_cap] Most unused hours that carry into the next month, as a share of monthly_hours, e.g. 40% or 0.4. Must be at least 0%. Default: 0%, use it or lose it.
 * @returns {number[][]} Expected hours forfeited, and expected overage hours, over the months left.
 */
export function retainerForecast(
  expected_monthly_hours: number,
  monthly_hours: number,
  carried_hours: number,
  months_left: number,
  monthly_variability?: number,
  rollover_cap?: number,
) {
  return toExcelTable(() =>
    model.retainerForecast({
      expectedMonthlyHours: expected_monthly_hours,
      monthlyHours: monthly_hours,
      carriedHours: carried_hours,
      monthsLeft: months_left,
      monthlyVariability: monthly_variability,
      rolloverCap: rollover_cap,
    }),
  );
}

/**
 * From a time-entry export, spills one row per calendar month from the first entry's month to the last: the month's first day (a date) and the hours billed in it, 0 for a month with no entries. Each entry is billed as BILLEDHOURS bills a ticket. The second column feeds TERMDEMAND.
 * @customfunction MONTHLYHOURS
 * @helpurl https://localhost:3000/help/monthlyhours.html
 * @param dates The date of each time entry: a range of dates, at least one; a time of day is ignored, and positions blank in both ranges are skipped. Each must be a date from 1900-01-01 to 9999-12-31.
 * @param minutes The minutes worked on each entry: a range of the same shape as dates, one entry per position. Each must be at least 0.
 * @param [increment_minutes] The billing increment, in minutes: each entry is rounded up to a whole number of increments. Must be greater than 0. Default: 15.
 * @param [minimum_minutes] The least an entry is billed, in minutes. Must be at least 0. Default: 0.
 * @param [multiplier] Applied to each entry's minutes after rounding, e.g. 1.5 for after-hours work. Must be greater than 0. Default: 1.
 * @returns {number[][]} Each month's first day, and the hours billed in it.
 */
export function monthlyHours(
  dates: unknown[][],
  minutes: unknown[][],
  increment_minutes?: number,
  minimum_minutes?: number,
  multiplier?: number,
) {
  return toExcelTable(() =>
    model.monthlyHours({
      dates,
      minutes,
      incrementMinutes: increment_minutes,
      minimumMinutes: minimum_minutes,
      multiplier,
    }),
  );
}

/**
 * The monthly fee a managed-services quote amounts to, in money per month: the larger of the minimum fee and the seats (users, devices and servers at their prices), plus the onboarding fee spread over the months.
 * @customfunction MANAGEDFEE
 * @helpurl https://localhost:3000/help/managedfee.html
 * @param users Users the quote covers. Must be at least 0.
 * @param price_per_user Money per user per month. Must be at least 0.
 * @param [devices] Devices (workstations, laptops) the quote covers. Must be at least 0. Default: 0.
 * @param [price_per_device] Money per device per month. Must be at least 0. Default: 0.
 * @param [servers] Servers the quote covers. Must be at least 0. Default: 0.
 * @param [price_per_server] Money per server per month. Must be at least 0. Default: 0.
 * @param [minimum_fee] The least the provider bills a month, in money. Must be at least 0. Default: 0.
 * @param [onboarding_fee] A one-off fee for taking the business on, in money, spread over the months. Must be at least 0. Default: 0.
 * @param [months] Months the onboarding fee is spread over, e.g. the agreement's term. Must be at least 1. Default: 12.
 * @returns {number} Monthly fee in money.
 */
export function managedFee(
  users: number,
  price_per_user: number,
  devices?: number,
  price_per_device?: number,
  servers?: number,
  price_per_server?: number,
  minimum_fee?: number,
  onboarding_fee?: number,
  months?: number,
) {
  return toExcelResult(() =>
    model.managedFee({
      users,
      pricePerUser: price_per_user,
      devices,
      pricePerDevice: price_per_device,
      servers,
      pricePerServer: price_per_server,
      minimumFee: minimum_fee,
      onboardingFee: onboarding_fee,
      months,
    }),
  );
}
