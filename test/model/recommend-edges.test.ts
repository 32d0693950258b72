/**
 * RECOMMEND's sentences at the edges: ties (two-way, three-way and within a hair), options that
 * never pay off, the bad-case warning against an option other than the last, and the note on
 * uneven demand when costs are discounted. Figures are worked by hand or taken from COMPARE and
 * demandQuantile, the functions RECOMMEND quotes.
 */
import { compareTable, demandQuantile, formatMoney, formatNumber, recommend, type COMPARE_LIMITS, type Outcome, type RawArguments } from '../../src/model';

type Raw = RawArguments<typeof COMPARE_LIMITS>;

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

const textOf = (raw: Raw) => valueOf(recommend(raw));
/** The advice cut into its sentences (verdict first). */
const sentencesOf = (raw: Raw) => textOf(raw).split(/(?<=\.) (?=[A-Z])/);

describe('RECOMMEND on a tie', () => {
  // 1.5 h a month at 100 over 12 months: 1,800 hourly; managed services at 150 a month: 1,800 too.
  // Uneven demand (variability 0.5) gives managed services the lower 95th-percentile cost.
  const tie = { expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150, overageRate: 90, monthlyVariability: 0.5 };

  it('gives the verdict, the costs, the reason for the chosen option and the tie, and nothing else', () => {
    const sentences = sentencesOf(tie);
    expect(sentences[0]).toBe('Choose managed services.');
    expect(sentences).toHaveLength(4);
    expect(sentences[3]).toMatch(/^Paying hourly would cost the same on average, but with demand at its 95th percentile/);
  });

  it('quotes no saving against paying hourly when there is none to the cent', () => {
    expect(textOf(tie)).toContain('against 1,800.00 paying hourly and ');
    expect(textOf(tie)).not.toContain('a saving of');
  });

  it('treats costs within a hair (1e-9 relative) as the same cost', () => {
    const managedDearerByAHair = { ...tie, monthlyFee: 150 * (1 + 1e-12) };
    expect(sentencesOf(managedDearerByAHair)[0]).toBe('Choose managed services.');
    expect(textOf(managedDearerByAHair)).toContain('Paying hourly would cost the same on average');
  });

  it('names both other options when all three cost the same', () => {
    // Known demand (no variability): 18 h over the term cost 1,800 hourly, 1,800 for the 20-hour
    // block and 1,800 in fees; with equal 95th-percentile costs the simplest option, hourly, wins.
    const text = textOf({ expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150 });
    expect(text).toMatch(/^Pay hourly\. /);
    expect(text).toContain('The prepaid block and managed services would cost the same on average');
    expect(text).toContain('against 1,800.00 with the prepaid block and 1,800.00 with managed services.');
  });
});

describe('RECOMMEND when an option never pays off', () => {
  it('says so of a block dearer than paying hourly at every level of use', () => {
    // 2,500 for 20 hours at 100 an hour, overage at 100: up to 20 h it costs more than 100·h, beyond it 500 more.
    const text = textOf({ expectedMonthlyHours: 2, hourlyRate: 100, blockHours: 20, blockPrice: 2500, monthlyFee: 3000 });
    expect(text).toMatch(/^Pay hourly\. /);
    expect(text).toContain('The prepaid block never pays off: at every level of use it costs more than paying hourly.');
  });

  it('says so of managed services that cover nothing and prevent nothing', () => {
    const text = textOf({ expectedMonthlyHours: 2, hourlyRate: 100, blockHours: 40, blockPrice: 5000, monthlyFee: 300, coveredShare: 0, incidentReduction: 0 });
    expect(text).toMatch(/^Pay hourly\. /);
    expect(text).toContain('Managed services never pay off: they save nothing per support hour.');
  });
});

describe('RECOMMEND’s bad-case warning', () => {
  it('compares with the option whose 95th-percentile cost is lowest, the block here, not the last one', () => {
    // Hourly is cheapest on average (36 h × 100 = 3,600 against the block's 5,000), but very uneven
    // demand puts its 95th percentile far up, where the 200-hour block still costs its price.
    const raw = { expectedMonthlyHours: 3, hourlyRate: 100, blockHours: 200, blockPrice: 5000, monthlyFee: 2000, monthlyVariability: 3.1 };
    const p95Hours = demandQuantile({ expectedHours: 36, variability: 3.1 / Math.sqrt(12) }, 0.95);
    expect(p95Hours).toBeLessThan(200);
    const [hourly, block] = valueOf(compareTable(raw)).slice(1);
    expect(block[3]).toBe(5000);
    expect(textOf(raw)).toContain(
      `But in a bad case, with demand at its 95th percentile (${formatNumber(p95Hours)} h over the 12-month term), paying hourly would cost ${formatMoney(100 * p95Hours)}, against 5,000.00 with the prepaid block.`,
    );
    expect(hourly[3]).toBeCloseTo(100 * p95Hours, 6);
  });
});

describe('RECOMMEND’s note on uneven demand', () => {
  it('says the comparison at the expected hours is without discounting when costs are discounted', () => {
    // At exactly 36 h the block costs 3,400 against 3,600 hourly; uneven demand adds expected overage.
    const raw = { expectedMonthlyHours: 3, hourlyRate: 100, blockHours: 40, blockPrice: 3400, monthlyFee: 500, monthlyVariability: 0.9, annualDiscountRate: 0.01 };
    expect(textOf(raw)).toMatch(
      /^Pay hourly\. .* At exactly the expected 36 h over the 12-month term and without discounting, the prepaid block would be cheaper, but uneven demand raises its expected overage, which tips the balance\.$/,
    );
  });
});
