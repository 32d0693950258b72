import { blockValue, compare, compareTable, demandQuantile, managedValue, monthlyArrearsFactor, recommend, type Outcome } from '../../src/model';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

const offer = { expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150 };

describe('COMPARE', () => {
  it('spills a header and the three options with hours known exactly', () => {
    expect(valueOf(compareTable(offer))).toEqual([
      ['Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly'],
      ['Hourly', 1800, 100, 1800, 0],
      ['Prepaid block', 1800, 100, 1800, 0],
      ['Managed services', 1800, 100, 1800, 0],
    ]);
  });

  it('prices the 95th percentile of demand, not its mean', () => {
    const { hourly, block, managed } = valueOf(compare({ ...offer, variability: 0.5, overageRate: 90 }));
    const badCase = demandQuantile({ expectedHours: 18, variability: 0.5 }, 0.95);
    expect(hourly.percentile95Cost).toBeCloseTo(100 * badCase, 9);
    expect(block.percentile95Cost).toBeCloseTo(1800 + 90 * (badCase - 20), 9);
    expect(managed.percentile95Cost).toBe(1800);
  });

  it('charges disruption under every option, cut by incident reduction under managed services', () => {
    const { hourly, block, managed } = valueOf(compare({ ...offer, disruptionCostPerHour: 50, incidentReduction: 0.4 }));
    expect(hourly.expectedCost).toBeCloseTo(18 * 150, 9);
    expect(block.expectedCost).toBeCloseTo(1800 + 18 * 50, 9);
    expect(managed.expectedCost).toBeCloseTo(1800 + 18 * 0.6 * 50, 9);
    expect(managed.costPerSupportHour).toBeCloseTo(managed.expectedCost / (18 * 0.6), 9);
  });

  it('agrees with BLOCKVALUE and MANAGEDVALUE over the same term and discounting', () => {
    const inputs = { ...offer, expectedMonthlyHours: 2.2, overageRate: 110, variability: 0.6, termMonths: 18, coveredShare: 0.7, incidentReduction: 0.2, disruptionCostPerHour: 35, annualDiscountRate: 0.09 };
    const { block, managed } = valueOf(compare(inputs));
    const blockSaving = valueOf(blockValue({ ...inputs, expectedHours: 2.2 * 18 }));
    expect(block.savingVsHourly).toBeCloseTo(blockSaving, 9);
    const managedSaving = valueOf(managedValue(inputs)) * 18 * monthlyArrearsFactor(18, 0.09);
    expect(managed.savingVsHourly).toBeCloseTo(managedSaving, 9);
  });

  it('puts #N/A in the cost-per-hour cells only when no support hours are expected', () => {
    const table = valueOf(compareTable({ ...offer, expectedMonthlyHours: 0 }));
    for (const row of table.slice(1)) expect(row[2]).toEqual({ kind: 'noAnswer', message: 'no support hours are expected, so there is no cost per hour' });
    expect(table[2][1]).toBe(1800);
  });

  it('refuses bad input with a message naming the argument', () => {
    expect(compareTable({ ...offer, coveredShare: 1.5 })).toMatchObject({ ok: false, problem: { argument: 'covered_share' } });
    expect(compareTable({ ...offer, blockHours: 'twenty' })).toMatchObject({ ok: false, problem: { argument: 'block_hours' } });
  });
});

describe('RECOMMEND', () => {
  const sentenceOf = (raw: Parameters<typeof recommend>[0]) => valueOf(recommend(raw));

  it('is one sentence', () => {
    const sentence = sentenceOf({ ...offer, variability: 0.5 });
    expect(sentence.endsWith('.')).toBe(true);
    expect(sentence.slice(0, -1)).not.toMatch(/\.\s/);
  });

  it('recommends the block with its break-even, its share of the block and the chance of forfeiting hours', () => {
    const sentence = sentenceOf({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, variability: 0.2 });
    expect(sentence).toMatch(/^Buy the prepaid block/);
    expect(sentence).toMatch(/breaks even at [\d.]+ hours \([\d.]+% of its 20 hours\)/);
    expect(sentence).toMatch(/\d+% chance of forfeiting hours/);
  });

  it('recommends managed services with the monthly saving and the break-even hours', () => {
    const sentence = sentenceOf({ expectedMonthlyHours: 20, hourlyRate: 120, blockHours: 200, blockPrice: 20000, monthlyFee: 1800, variability: 0.4, coveredShare: 0.9, incidentReduction: 0.3, disruptionCostPerHour: 50 });
    expect(sentence).toMatch(/^Choose managed services/);
    expect(sentence).toContain('a saving of 732 a month');
    expect(sentence).toContain('break even at 14.2 support hours a month against 20 expected');
  });

  it('recommends paying hourly, and says what each alternative would need', () => {
    const sentence = sentenceOf({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 40, blockPrice: 7000, monthlyFee: 3000 });
    expect(sentence).toMatch(/^Pay hourly/);
    expect(sentence).toContain('the block breaks even at 37.8 hours (94.6% of its 40 hours) against 24 expected, with a 100% chance of forfeiting hours');
    expect(sentence).toContain('managed services break even at 16.2 support hours a month against 2 expected');
    expect(sentence).not.toContain('bad case');
  });

  it('warns when the cheapest option has a much worse 95th-percentile cost', () => {
    const sentence = sentenceOf({ expectedMonthlyHours: 3, hourlyRate: 100, blockHours: 40, blockPrice: 3400, monthlyFee: 500, variability: 0.9 });
    expect(sentence).toMatch(/^Pay hourly/);
    expect(sentence).toMatch(/but in a bad case \(95th percentile of demand\) it would cost [\d,]+, against 6,000 for managed services\.$/);
  });

  it('refuses bad input like COMPARE', () => {
    expect(recommend({ ...offer, incidentReduction: -1 })).toMatchObject({ ok: false, problem: { argument: 'incident_reduction' } });
  });
});
