import { blockValue, breakEvenValue, effectiveRateValue, forfeitRisk, overageHours, unusedHours, type Outcome } from '../model';

/** One worked example per ITCOST function, computed by the model so the pane never shows a stale figure. */
export interface FunctionExample {
  readonly name: string;
  readonly formula: string;
  readonly meaning: string;
  readonly result: Outcome<number>;
  readonly format: 'hours' | 'money' | 'percent';
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
  ];
}
