import { blockValue, compare, compareTable, demandQuantile, managedValue, monthlyArrearsFactor, overageHours, type Outcome } from '../../src/model';

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

  it('takes the variability of one month, and spreads it over the term as independent months do', () => {
    // 12 independent months of mean 1.5 h and sd 0.75 h: the term's sd is 0.75·√12, its mean 18 h.
    const termVariability = (0.75 * Math.sqrt(12)) / 18;
    const { hourly, block, managed } = valueOf(compare({ ...offer, monthlyVariability: 0.5, overageRate: 90 }));
    const badCase = demandQuantile({ expectedHours: 18, variability: termVariability }, 0.95);
    expect(hourly.percentile95Cost).toBeCloseTo(100 * badCase, 9);
    expect(block.percentile95Cost).toBeCloseTo(1800 + 90 * Math.max(0, badCase - 20), 9);
    expect(managed.percentile95Cost).toBe(1800);
    const overage = valueOf(overageHours({ expectedHours: 18, blockHours: 20, variability: termVariability }));
    expect(block.expectedCost).toBeCloseTo(1800 + 90 * overage, 9);
  });

  it('does not read a monthly variability as the variability of the whole term', () => {
    const monthly = valueOf(compare({ ...offer, monthlyVariability: 0.5 }));
    const asIfTerm = demandQuantile({ expectedHours: 18, variability: 0.5 }, 0.95);
    expect(monthly.hourly.percentile95Cost).toBeLessThan(100 * asIfTerm - 1000);
  });

  it('charges disruption under every option, cut by incident reduction under managed services', () => {
    const { hourly, block, managed } = valueOf(compare({ ...offer, disruptionCostPerHour: 50, incidentReduction: 0.4 }));
    expect(hourly.expectedCost).toBeCloseTo(18 * 150, 9);
    expect(block.expectedCost).toBeCloseTo(1800 + 18 * 50, 9);
    expect(managed.expectedCost).toBeCloseTo(1800 + 18 * 0.6 * 50, 9);
  });

  it('agrees with BLOCKVALUE and MANAGEDVALUE over the same term and discounting', () => {
    const inputs = { ...offer, expectedMonthlyHours: 2.2, overageRate: 110, monthlyVariability: 0.6, termMonths: 18, coveredShare: 0.7, incidentReduction: 0.2, disruptionCostPerHour: 35, annualDiscountRate: 0.09 };
    const { block, managed } = valueOf(compare(inputs));
    const blockSaving = valueOf(blockValue({ ...inputs, expectedHours: 2.2 * 18, variability: 0.6 / Math.sqrt(18) }));
    expect(block.savingVsHourly).toBeCloseTo(blockSaving, 9);
    const managedSaving = valueOf(managedValue(inputs)) * 18 * monthlyArrearsFactor(18, 0.09);
    expect(managed.savingVsHourly).toBeCloseTo(managedSaving, 9);
  });

  describe('cost per support hour: what the provider is paid per hour it works', () => {
    it('is the hourly rate under hourly billing, without the cost of disruption', () => {
      const { hourly } = valueOf(compare({ ...offer, hourlyRate: 150, disruptionCostPerHour: 60 }));
      expect(hourly.costPerSupportHour).toBe(150);
    });

    it('is the block price plus expected overage, over the expected hours, for the block', () => {
      const inputs = { ...offer, overageRate: 120, monthlyVariability: 0.8, disruptionCostPerHour: 60 };
      const overage = valueOf(overageHours({ expectedHours: 18, blockHours: 20, variability: 0.8 / Math.sqrt(12) }));
      expect(valueOf(compare(inputs)).block.costPerSupportHour).toBeCloseTo((1800 + 120 * overage) / 18, 9);
    });

    it('is the fee plus the uncovered hours billed, over the hours still worked, for managed services', () => {
      const inputs = { ...offer, expectedMonthlyHours: 4, monthlyFee: 900, coveredShare: 0.75, incidentReduction: 0.2, disruptionCostPerHour: 60 };
      const hoursWorked = 0.8 * 4 * 12;
      const paid = 900 * 12 + 0.25 * 100 * hoursWorked;
      expect(valueOf(compare(inputs)).managed.costPerSupportHour).toBeCloseTo(paid / hoursWorked, 9);
    });

    it('is not discounted, while the expected costs are', () => {
      const plain = valueOf(compare({ ...offer, monthlyVariability: 0.5 }));
      const discounted = valueOf(compare({ ...offer, monthlyVariability: 0.5, annualDiscountRate: 0.12 }));
      expect(discounted.hourly.expectedCost).toBeLessThan(plain.hourly.expectedCost);
      for (const key of ['hourly', 'block', 'managed'] as const) expect(discounted[key].costPerSupportHour).toBeCloseTo(plain[key].costPerSupportHour as number, 12);
    });

    it('is #N/A in every row when no support hours are expected', () => {
      const table = valueOf(compareTable({ ...offer, expectedMonthlyHours: 0 }));
      for (const row of table.slice(1)) expect(row[2]).toEqual({ kind: 'noAnswer', message: 'no support hours are expected, so there is no cost per hour' });
      expect(table[2][1]).toBe(1800);
    });

    it('is #N/A for managed services alone when proactive care avoids every hour', () => {
      const table = valueOf(compareTable({ ...offer, incidentReduction: 1 }));
      expect(table[1][2]).toBe(100);
      expect(table[2][2]).toBe(100);
      expect(table[3][2]).toMatchObject({ kind: 'noAnswer' });
      expect(table[3][1]).toBe(1800);
    });
  });

  it('refuses bad input with a message naming the argument', () => {
    expect(compareTable({ ...offer, coveredShare: 1.5 })).toMatchObject({ ok: false, problem: { argument: 'covered_share' } });
    expect(compareTable({ ...offer, blockHours: 'twenty' })).toMatchObject({ ok: false, problem: { argument: 'block_hours' } });
    expect(compareTable({ ...offer, monthlyVariability: -0.1 })).toMatchObject({ ok: false, problem: { argument: 'monthly_variability' } });
  });
});

describe('COMPARE beyond the largest double', () => {
  it('says "too large" when one option’s cost overflows, even though another’s fits', () => {
    // Hourly: 1e300 an hour × 1e10 hours a month × 12 months overflows; managed services covering
    // every hour cost only the fee, 100 × 12.
    const outcome = compare({ expectedMonthlyHours: 1e10, hourlyRate: 1e300, blockHours: 20, blockPrice: 1800, monthlyFee: 100, coveredShare: 1 });
    expect(outcome).toEqual({ ok: false, problem: { kind: 'tooLarge', message: expect.stringContaining('too large') } });
  });
});
