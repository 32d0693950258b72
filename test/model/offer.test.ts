/**
 * Any prepaid offer weighed against hourly billing and managed services (src/model/offer.ts) and
 * the advice on it (offerRecommendation, adviseOnOffer): a block as COMPARE weighs it, a top-up block as
 * TOPUPVALUE, a monthly retainer as RETAINERVALUE, RETAINERUNUSED and RETAINEROVERAGE.
 */
import fc from 'fast-check';
import {
  compareOffer,
  compareOptions,
  demandQuantile,
  expectedTopUpBlocks,
  formatNumber,
  monthlyArrearsFactor,
  offerCostForHours,
  adviseOnOffer,
  blockWorlds,
  offerWorlds,
  offerRecommendation,
  recommendationFor,
  retainerOverage,
  retainerUnused,
  retainerValue,
  termVariability,
  topUpValue,
  type CommonTerms,
  type OfferComparison,
  type PrepaidOffer,
  SHEET_FIGURES,
  type FigureFormat,
} from '../../src/model';
import { valueOf } from '../sheet/plan-engine';

const common: CommonTerms = {
  expectedMonthlyHours: 8,
  hourlyRate: 150,
  monthlyFee: 1500,
  monthlyVariability: 0.5,
  termMonths: 12,
  coveredShare: 1,
  incidentReduction: 0,
  disruptionCostPerHour: 0,
  annualDiscountRate: 0,
};

const retainer = { kind: 'retainer', monthlyHours: 8, monthlyPrice: 1100, overageRate: 160, rolloverCap: 0.4 } as const;
const topUp = { kind: 'topUp', blockHours: 24, blockPrice: 3300 } as const;
const block = { kind: 'block', blockHours: 96, blockPrice: 13000, overageRate: 160 } as const;

function compared(terms: CommonTerms, offer: PrepaidOffer): OfferComparison {
  return valueOf(compareOffer(terms, offer));
}

/** Relative closeness, absolute below 1. */
function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const termsArbitrary = fc.record({
  expectedMonthlyHours: fc.double({ min: 0.5, max: 60, noNaN: true }),
  hourlyRate: fc.double({ min: 60, max: 250, noNaN: true }),
  monthlyFee: fc.double({ min: 100, max: 8000, noNaN: true }),
  monthlyVariability: fc.double({ min: 0, max: 1.2, noNaN: true }),
  termMonths: fc.integer({ min: 1, max: 36 }),
  coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
  incidentReduction: fc.double({ min: 0, max: 0.5, noNaN: true }),
  disruptionCostPerHour: fc.double({ min: 0, max: 200, noNaN: true }),
  annualDiscountRate: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.2, noNaN: true })),
});

describe('a block offer', () => {
  it('is weighed exactly as COMPARE weighs it, and advised on exactly as RECOMMEND advises', () => {
    const result = compared(common, block);
    const args = { ...common, blockHours: block.blockHours, blockPrice: block.blockPrice, overageRate: block.overageRate };
    const comparison = compareOptions(args);
    expect(result.prepaid).toEqual(comparison.block);
    expect([result.hourly, result.managed]).toEqual([comparison.hourly, comparison.managed]);
    expect(result.figures).toEqual({ kind: 'block', breakEven: comparison.blockBreakEven, forfeitRisk: comparison.forfeitRisk });
    expect(offerRecommendation(result, common)).toEqual(recommendationFor(comparison, args));
    expect(adviseOnOffer(result, common)).toEqual(recommendationFor(comparison, args));
  });
});

describe('a monthly retainer', () => {
  it('saves against hourly what RETAINERVALUE says, and forfeits and bills what RETAINERUNUSED and RETAINEROVERAGE say (seeded)', () => {
    fc.assert(
      fc.property(
        termsArbitrary,
        fc.record({ monthlyHours: fc.double({ min: 1, max: 60, noNaN: true }), discount: fc.double({ min: 0.7, max: 1.1, noNaN: true }), overage: fc.double({ min: 0.8, max: 1.5, noNaN: true }), rolloverCap: fc.constantFrom(0, 0.25, 0.4, 1, 3) }),
        (terms, r) => {
          const offer = { kind: 'retainer', monthlyHours: r.monthlyHours, monthlyPrice: r.monthlyHours * terms.hourlyRate * r.discount, overageRate: terms.hourlyRate * r.overage, rolloverCap: r.rolloverCap } as const;
          const demandArgs = { expectedMonthlyHours: terms.expectedMonthlyHours, monthlyHours: offer.monthlyHours, monthlyVariability: terms.monthlyVariability, rolloverCap: offer.rolloverCap, termMonths: terms.termMonths };
          const valueOutcome = retainerValue({ ...demandArgs, hourlyRate: terms.hourlyRate, monthlyPrice: offer.monthlyPrice, overageRate: offer.overageRate, annualDiscountRate: terms.annualDiscountRate });
          const outcome = compareOffer(terms, offer);
          // Where RETAINERVALUE cannot answer (steady demand against a long rollover), neither can the comparison.
          if (!valueOutcome.ok) {
            expect(outcome).toEqual(valueOutcome);
            return;
          }
          const value = valueOutcome.value;
          const result = valueOf(outcome);
          // Disruption is borne whoever is paid: it cancels out of the saving.
          expectClose(result.prepaid.savingVsHourly, value, 1e-9);
          expect(result.prepaid.option).toBe('Monthly retainer');
          expect(result.figures).toEqual({ kind: 'retainer', forfeitedHours: valueOf(retainerUnused(demandArgs)), overageHours: valueOf(retainerOverage(demandArgs)) });
          // Hourly and managed rows are COMPARE's for the same terms.
          const comparison = compareOptions({ ...terms, blockHours: 1, blockPrice: 1, overageRate: 1 });
          expect([result.hourly, result.managed]).toEqual([comparison.hourly, comparison.managed]);
        },
      ),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it('costs, per support hour, its fees and overage over the expected hours, undiscounted', () => {
    const result = compared({ ...common, annualDiscountRate: 0.1 }, retainer);
    const figures = result.figures.kind === 'retainer' ? result.figures : undefined;
    expectClose(result.prepaid.costPerSupportHour ?? NaN, (12 * 1100 + 160 * (figures?.overageHours ?? NaN)) / 96);
  });

  it('costs, in the bad case, its fees and the overage of the 95th-percentile hours spread evenly over the months', () => {
    const terms = { ...common, disruptionCostPerHour: 40, annualDiscountRate: 0.06 };
    const result = compared(terms, retainer);
    const badCase = demandQuantile({ expectedHours: 96, variability: termVariability(0.5, 12) }, 0.95);
    expectClose(result.demand.percentile95Hours, badCase);
    const A = monthlyArrearsFactor(12, 0.06);
    expectClose(result.prepaid.percentile95Cost, 1100 * (1 + 0.06 / 12) * 12 * A + A * (160 * Math.max(0, badCase - 96) + 40 * badCase));
  });

  it('fails as RETAINERVALUE fails when the carried balance cannot be computed', () => {
    const steady = { ...common, monthlyVariability: 0.02, termMonths: 36 };
    const value = retainerValue({ expectedMonthlyHours: 8, hourlyRate: 150, monthlyHours: 8, monthlyPrice: 1100, monthlyVariability: 0.02, rolloverCap: 34, termMonths: 36 });
    const result = compareOffer(steady, { ...retainer, rolloverCap: 34 });
    expect(result.ok).toBe(value.ok);
  });
});

describe('a top-up block', () => {
  it('saves against hourly what TOPUPVALUE says without discounting, and A·R·μ − P·E[N] with it (seeded)', () => {
    fc.assert(
      fc.property(termsArbitrary, fc.double({ min: 2, max: 200, noNaN: true }), fc.double({ min: 0.7, max: 1.1, noNaN: true }), (terms, blockHours, discount) => {
        const offer = { kind: 'topUp', blockHours, blockPrice: blockHours * terms.hourlyRate * discount } as const;
        const result = compared(terms, offer);
        const mean = terms.expectedMonthlyHours * terms.termMonths;
        const variability = termVariability(terms.monthlyVariability, terms.termMonths);
        const blocks = expectedTopUpBlocks({ expectedHours: mean, variability }, blockHours);
        const A = monthlyArrearsFactor(terms.termMonths, terms.annualDiscountRate);
        expectClose(result.prepaid.savingVsHourly, A * terms.hourlyRate * mean - offer.blockPrice * blocks, 1e-9);
        if (terms.annualDiscountRate === 0) {
          expectClose(result.prepaid.savingVsHourly, valueOf(topUpValue({ expectedHours: mean, hourlyRate: terms.hourlyRate, blockHours, blockPrice: offer.blockPrice, variability })), 1e-9);
        }
        expect(result.figures).toEqual({ kind: 'topUp', expectedBlocks: blocks, expiredHours: Math.max(0, blockHours * blocks - mean) });
        // The bad case buys the blocks the 95th-percentile hours need.
        const badCase = result.demand.percentile95Hours;
        expectClose(result.prepaid.percentile95Cost, offer.blockPrice * Math.max(1, Math.ceil(badCase / blockHours)) + A * terms.disruptionCostPerHour * badCase);
      }),
      { seed: 20261208, numRuns: 100 },
    );
  });
});

describe('what an offer costs for exactly known hours (the chart and the sheet)', () => {
  it.each([
    [block, 50, 13000],
    [block, 100, 13000 + 160 * 4],
    [topUp, 0, 3300],
    [topUp, 24, 3300],
    [topUp, 24.5, 6600],
    [topUp, 96, 4 * 3300],
    [retainer, 50, 13200],
    [retainer, 96, 13200],
    [retainer, 120, 13200 + 160 * 24],
  ] as const)('%o for %p h over 12 months: %p', (offer, hours, cost) => {
    expect(offerCostForHours(offer, 12, hours)).toBeCloseTo(cost, 9);
  });
});

describe('the advice on a top-up block or retainer', () => {
  it('takes the retainer when it is cheapest, and says what it forfeits and bills as overage', () => {
    const cheap = { ...retainer, monthlyPrice: 900 };
    const result = compared(common, cheap);
    const advice = adviseOnOffer(result, common);
    expect(advice.verdict).toBe('Take the monthly retainer');
    expect(advice.option).toBe('Monthly retainer');
    const figures = result.figures.kind === 'retainer' ? result.figures : undefined;
    expect(advice.reasons[1]).toBe(
      `It would forfeit about ${formatNumber(figures?.forfeitedHours ?? NaN)} of its 96 h over the 12-month term and bill about ${formatNumber(figures?.overageHours ?? NaN)} h as overage: unused hours carry over up to 40% of a month (3.2 h).`,
    );
  });

  it('says a retainer with no rollover loses its unused hours each month', () => {
    const advice = adviseOnOffer(compared(common, { ...retainer, monthlyPrice: 900, rolloverCap: 0 }), common);
    expect(advice.reasons[1]).toMatch(/: unused hours are lost at the end of each month\.$/);
  });

  it('buys the top-up block when it is cheapest, and says how many blocks and how many hours expire', () => {
    const cheap = { ...topUp, blockPrice: 2600 };
    const result = compared(common, cheap);
    const advice = adviseOnOffer(result, common);
    expect(advice.verdict).toBe('Buy the top-up block');
    const figures = result.figures.kind === 'topUp' ? result.figures : undefined;
    expect(advice.reasons[1]).toBe(`You would buy ${formatNumber(figures?.expectedBlocks ?? NaN)} blocks of 24 h on average over the 12-month term; about ${formatNumber(figures?.expiredHours ?? NaN)} h of the last one would expire unused.`);
  });

  it('pays hourly when the retainer is dear, and still says what the retainer would come to', () => {
    const advice = adviseOnOffer(compared(common, { ...retainer, monthlyPrice: 2000 }), { ...common });
    expect(advice.verdict).toBe('Pay hourly');
    expect(advice.reasons[1]).toMatch(/^The monthly retainer would forfeit about /);
    expect(advice.reasons[2]).toMatch(/^Managed services break even at/);
  });

  it('says when discounting decided against a retainer, and why', () => {
    // Just cheaper than hourly at face value; its fees fall due a month before hourly bills.
    const terms = { ...common, monthlyVariability: 0, annualDiscountRate: 0.2 };
    const offer = { ...retainer, monthlyPrice: 8 * 150 * 0.995, rolloverCap: 0 };
    const advice = adviseOnOffer(compared(terms, offer), terms);
    expect(advice.verdict).toBe('Pay hourly');
    expect(advice.reasons).toContain('Without discounting, the monthly retainer would be cheaper: its fees are paid at the start of each month, the other costs at the end.');
  });

  it('says when uneven demand decided against a retainer: at the expected hours it would be cheaper', () => {
    const terms = { ...common, monthlyVariability: 0.8 };
    const offer = { ...retainer, monthlyPrice: 8 * 150 * 0.97, rolloverCap: 0 };
    const advice = adviseOnOffer(compared(terms, offer), terms);
    expect(advice.verdict).toBe('Pay hourly');
    expect(advice.reasons.at(-1)).toBe('At exactly the expected 96 h over the 12-month term, the monthly retainer would be cheaper, but uneven demand raises its expected overage, which tips the balance.');
  });
});

describe('the simpler worlds the advice weighs a top-up block or retainer in (offerWorlds)', () => {
  const terms = { ...common, disruptionCostPerHour: 30, annualDiscountRate: 0.08 };

  it('a top-up block: its blocks at face value undiscounted; the blocks the expected hours need, when they are known', () => {
    const result = compared(terms, topUp);
    const worlds = offerWorlds(terms, result);
    const figures = result.figures.kind === 'topUp' ? result.figures : undefined;
    expectClose(worlds.undiscounted.prepaid.expectedCost, 3300 * (figures?.expectedBlocks ?? NaN) + 30 * 96);
    expectClose(worlds.undiscounted.prepaid.percentile95Cost, offerCostForHours(topUp, 12, result.demand.percentile95Hours) + 30 * result.demand.percentile95Hours);
    expectClose(worlds.undiscounted.hourly.expectedCost, (150 + 30) * 96);
    expectClose(worlds.knownHours.prepaid.expectedCost, 4 * 3300 + 30 * 96);
    expectClose(worlds.knownHours.prepaid.percentile95Cost, 4 * 3300 + 30 * 96);
    expect(worlds.knownHours.prepaid.option).toBe('Top-up block');
  });

  it('a retainer: its fees and expected overage undiscounted; with the same known hours every month, fees and overage beyond its hours', () => {
    const offer = { ...retainer, monthlyHours: 6 };
    const result = compared(terms, offer);
    const worlds = offerWorlds(terms, result);
    const figures = result.figures.kind === 'retainer' ? result.figures : undefined;
    expectClose(worlds.undiscounted.prepaid.expectedCost, 12 * 1100 + 160 * (figures?.overageHours ?? NaN) + 30 * 96);
    expectClose(worlds.knownHours.prepaid.expectedCost, 12 * 1100 + 160 * 12 * (8 - 6) + 30 * 96);
    expectClose(worlds.undiscounted.managed.expectedCost, 1500 * 12 + 30 * 96);
  });

  it('a block: the block’s worlds', () => {
    const result = compared(terms, block);
    expect(offerWorlds(terms, result)).toEqual(blockWorlds(terms, result));
  });

  it('names a top-up block it does not choose as the subject of its sentence', () => {
    const advice = adviseOnOffer(compared(common, { ...topUp, blockPrice: 4000 }), common);
    expect(advice.verdict).not.toBe('Buy the top-up block');
    expect(advice.reasons[1]).toMatch(/^With the top-up block you would buy [0-9.]+ blocks of 24 h on average over the 12-month term; about [0-9.]+ h of the last one would expire unused\.$/);
  });
});

describe('the figures of the advice, written as a caller asks (the task pane in the workbook\'s locale)', () => {
  /** A format that marks every figure it writes, so a figure written any other way shows as bare digits. */
  const marked: FigureFormat = {
    money: (v) => `⟨money ${v}⟩`,
    number: (v) => `⟨number ${v}⟩`,
    percent: (v) => `⟨percent ${v}⟩`,
    chance: (v) => `⟨chance ${v}⟩`,
  };
  const offers: readonly PrepaidOffer[] = [block, topUp, retainer, { ...retainer, rolloverCap: 0 }, { ...block, overageRate: 400 }];
  const terms: readonly CommonTerms[] = [
    common,
    { ...common, annualDiscountRate: 0.3 },
    { ...common, monthlyFee: 300, coveredShare: 0.8 },
    { ...common, expectedMonthlyHours: 30, monthlyVariability: 1.2 },
    { ...common, expectedMonthlyHours: 0.5 },
  ];

  it.each(offers.flatMap((offer) => terms.map((t) => [offer.kind, offer, t] as const)))('writes every figure through the given format (%s)', (_kind, offer, t) => {
    const outcome = compareOffer(t, offer);
    if (!outcome.ok) return;
    const advice = adviseOnOffer(outcome.value, t, marked);
    const text = advice.reasons.join(' ');
    expect(text).toMatch(/⟨money /);
    // Outside the marks only words remain: "95th" names a percentile, not a figure.
    expect(text.replace(/⟨[^⟩]*⟩/g, '').replace(/95th/g, '')).not.toMatch(/\d/);
    // And the sheets' format gives RECOMMEND's text: the same reasons, figures written en-US.
    expect(adviseOnOffer(outcome.value, t)).toEqual(adviseOnOffer(outcome.value, t, SHEET_FIGURES));
  });
});
