import {
  billedHours,
  blockValue,
  breakEvenValue,
  effectiveRateValue,
  expiryForecast,
  forfeitRisk,
  formatChance,
  formatMoney,
  formatNumber,
  managedBreakEven,
  managedValue,
  mapOutcome,
  overageHours,
  recommend,
  termDemand,
  unusedHours,
  type Outcome,
} from '../model';

/** One worked example per ITCOST function, computed by the model so the pane never shows a stale figure. */
export interface FunctionExample {
  readonly name: string;
  readonly formula: string;
  readonly meaning: string;
  readonly result: Outcome<number | string>;
  readonly format: 'hours' | 'money' | 'percent' | 'text';
}

export function functionExamples(): readonly FunctionExample[] {
  const block = { hourlyRate: 100, blockHours: 20, blockPrice: 1800 };
  const demand = { expectedHours: 18, blockHours: 20, variability: 0.5 };
  return [
    {
      name: 'BREAKEVEN',
      formula: '=ITCOST.BREAKEVEN(100, 20, 1800)',
      meaning: 'hours of use at which the block and hourly billing cost the same',
      result: breakEvenValue(block),
      format: 'hours',
    },
    {
      name: 'BLOCKVALUE',
      formula: '=ITCOST.BLOCKVALUE(18, 100, 20, 1800, 90, 0.5)',
      meaning: 'expected saving of the block over paying hourly (negative: hourly is cheaper)',
      result: blockValue({ ...block, expectedHours: 18, overageRate: 90, variability: 0.5 }),
      format: 'money',
    },
    {
      name: 'EFFECTIVERATE',
      formula: '=ITCOST.EFFECTIVERATE(15, 100, 20, 1800)',
      meaning: 'what each hour used really cost when only 15 hours were needed',
      result: effectiveRateValue({ ...block, hoursUsed: 15 }),
      format: 'money',
    },
    {
      name: 'UNUSEDHOURS',
      formula: '=ITCOST.UNUSEDHOURS(18, 20, 0.5)',
      meaning: 'expected prepaid hours left unused at expiry',
      result: unusedHours(demand),
      format: 'hours',
    },
    {
      name: 'OVERAGEHOURS',
      formula: '=ITCOST.OVERAGEHOURS(18, 20, 0.5)',
      meaning: 'expected hours beyond the block',
      result: overageHours(demand),
      format: 'hours',
    },
    {
      name: 'FORFEITRISK',
      formula: '=ITCOST.FORFEITRISK(18, 20, 0.5)',
      meaning: 'chance that some prepaid hours expire unused',
      result: forfeitRisk(demand),
      format: 'percent',
    },
    {
      name: 'MANAGEDVALUE',
      formula: '=ITCOST.MANAGEDVALUE(2, 185, 3000)',
      meaning: 'monthly saving of a 3,000 managed plan when you need 2 hours a month (negative: hourly is cheaper)',
      result: managedValue({ expectedMonthlyHours: 2, hourlyRate: 185, monthlyFee: 3000 }),
      format: 'money',
    },
    {
      name: 'MANAGEDBREAKEVEN',
      formula: '=ITCOST.MANAGEDBREAKEVEN(3000, 185)',
      meaning: 'support hours a month at which that plan costs the same as hourly billing',
      result: managedBreakEven({ monthlyFee: 3000, hourlyRate: 185 }),
      format: 'hours',
    },
    {
      name: 'BILLEDHOURS',
      formula: '=ITCOST.BILLEDHOURS(A2:A4, 15, 30)',
      meaning: 'billable hours for tickets of 10, 45 and 61 minutes, in 15-minute steps with a 30-minute minimum',
      result: billedHours({ minutesWorked: [[10], [45], [61]], incrementMinutes: 15, minimumMinutes: 30 }),
      format: 'hours',
    },
    {
      name: 'TERMDEMAND',
      formula: '=ITCOST.TERMDEMAND(B2:B7)',
      meaning: 'expected hours over 12 months from six months of history (spills the variability beside it)',
      result: mapOutcome(termDemand({ monthlyHours: [[10], [14], [12], [8], [16], [12]] }), (row) => row[0][0]),
      format: 'hours',
    },
    {
      name: 'EXPIRYFORECAST',
      formula: '=ITCOST.EXPIRYFORECAST(6, 6, 20, 12)',
      meaning: 'hours of a 20-hour block likely to expire unused after 6 hours in 6 months',
      result: expiryForecast({ hoursUsed: 6, monthsElapsed: 6, blockHours: 20, termMonths: 12 }),
      format: 'hours',
    },
    {
      name: 'RECOMMEND',
      formula: '=ITCOST.RECOMMEND(2, 185, 20, 3400, 3000, , 0.6)',
      meaning: 'the cheapest way to buy support for 2 hours a month that vary by ±60% from month to month, then the figures that decide it (COMPARE, with the same arguments, spills them as a table)',
      result: recommend({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, monthlyVariability: 0.6 }),
      format: 'text',
    },
  ];
}

/** An example's result as the function guide and the help pages show it: hours, money, a chance or text, or the model's message. */
export function exampleResultText(example: FunctionExample): string {
  if (!example.result.ok) return example.result.problem.message;
  const value = example.result.value;
  if (typeof value === 'string' || example.format === 'text') return String(value);
  if (example.format === 'hours') return `${formatNumber(value)} h`;
  return example.format === 'percent' ? formatChance(value) : formatMoney(value);
}
