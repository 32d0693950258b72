/*
 * The ITCOST custom functions. Each one maps Excel's positional arguments to one model input,
 * calls the model and returns a number or an Excel error. The JSDoc below is the help Excel
 * shows in the formula bar; custom-functions-metadata-plugin turns it into functions.json and
 * appends the CustomFunctions.associate calls at build time.
 */
import * as model from '../model';
import { toExcelResult } from './excel-result';

/**
 * Expected hours of use over the block's term at which a prepaid block costs the same as paying hourly (expected costs). #N/A if the block never pays off.
 * @customfunction BREAKEVEN
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#breakeven
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Default: hourly_rate.
 * @param [variability] Uncertainty of the hours needed over the term, as a coefficient of variation (standard deviation ÷ mean). Default: 0, hours known exactly.
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
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#blockvalue
 * @param expected_hours Expected hours of support needed over the block's term. At least 0.
 * @param hourly_rate Standard hourly rate, in money per hour. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, paid up front, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Default: hourly_rate.
 * @param [variability] Uncertainty of the hours needed over the term, as a coefficient of variation (standard deviation ÷ mean). Default: 0.
 * @param [term_months] Months until unused hours expire; hourly work and overage are paid monthly over this term. Default: 12. At least 1.
 * @param [annual_discount_rate] Nominal annual discount rate, compounded monthly, e.g. 0.08 for 8%. Default: 0, no discounting.
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
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#effectiverate
 * @param hours_used Hours of support actually used over the block's term. At least 0.
 * @param hourly_rate Standard hourly rate, in money per hour; the default overage rate. Must be greater than 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param block_price Price of the block, in money. Must be greater than 0.
 * @param [overage_rate] Money per hour for hours beyond the block. Default: hourly_rate.
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
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#unusedhours
 * @param expected_hours Expected hours of support needed over the block's term. At least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean). Default: 0, hours known exactly.
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
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#overagehours
 * @param expected_hours Expected hours of support needed over the block's term. At least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean). Default: 0, hours known exactly.
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
 * @helpurl https://github.com/itcost/itcost/blob/main/README.md#forfeitrisk
 * @param expected_hours Expected hours of support needed over the block's term. At least 0.
 * @param block_hours Hours in the prepaid block. Must be greater than 0.
 * @param [variability] Uncertainty of the hours needed, as a coefficient of variation (standard deviation ÷ mean). Default: 0, which gives 1 or 0.
 * @returns {number} Probability of forfeiting hours.
 */
export function forfeitRisk(expected_hours: number, block_hours: number, variability?: number) {
  return toExcelResult(() =>
    model.forfeitRisk({ expectedHours: expected_hours, blockHours: block_hours, variability }),
  );
}
