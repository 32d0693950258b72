import fc from 'fast-check';
import {
  compare,
  expectedBlockCost,
  expectedTopUpBlocks,
  retainerOverage,
  retainerUnused,
  forfeitRisk,
  managedCostForHours,
  overageHours,
  termVariability,
} from '../../src/model';
import { formulasGrid } from '../../src/sheet/plan';
import { MAX_OFFERS, quotesPlan, type QuoteOffer, type QuotesExample } from '../../src/sheet/quotes';
import { TEMPLATES } from '../../src/sheet/templates';
import { expectClose, planEngine, valueOf } from './plan-engine';

const SEED = 20261128;

/** COMPARE's figures for one offer alone: the other two options get placeholder terms that don't affect its row. */
function compareFor(d: QuotesExample, offer: QuoteOffer, termMonths: number) {
  return valueOf(
    compare({
      expectedMonthlyHours: d.expectedMonthlyHours,
      hourlyRate: offer.hourlyRate,
      blockHours: offer.blockHours ?? 1,
      blockPrice: offer.blockPrice ?? 1,
      monthlyFee: offer.monthlyFee ?? 1,
      overageRate: offer.overageRate ?? offer.hourlyRate,
      monthlyVariability: d.monthlyVariability,
      termMonths,
      coveredShare: offer.coveredShare ?? 1,
      incidentReduction: offer.incidentReduction ?? 0,
      disruptionCostPerHour: d.disruptionCostPerHour,
    }),
  );
}

/**
 * One offer over the horizon, from the model: COMPARE's undiscounted expected cost (over the
 * horizon for hourly and managed; over one term for a block, times horizon ÷ term, the sheet's
 * stated pro-rata rule), and what the provider is paid per hour it works.
 */
function modelOffer(d: QuotesExample, offer: QuoteOffer) {
  const horizonHours = d.expectedMonthlyHours * d.horizonMonths;
  if (offer.type === 'hourly') {
    return { cost: compareFor(d, offer, d.horizonMonths).hourly.expectedCost, perHour: horizonHours > 0 ? offer.hourlyRate : undefined };
  }
  if (offer.type === 'managed') {
    const terms = { hourlyRate: offer.hourlyRate, monthlyFee: offer.monthlyFee ?? 0, coveredShare: offer.coveredShare ?? 1, incidentReduction: offer.incidentReduction ?? 0 };
    const worked = (1 - terms.incidentReduction) * horizonHours;
    const paid = managedCostForHours(horizonHours, d.horizonMonths, { ...terms, disruptionCostPerHour: 0 });
    return { cost: compareFor(d, offer, d.horizonMonths).managed.expectedCost, perHour: worked > 0 ? paid / worked : undefined };
  }
  const disruption = d.disruptionCostPerHour * horizonHours;
  if (offer.type === 'top-up') {
    // Bought over the whole horizon: P·E[N] for the horizon's hours.
    const blocks = expectedTopUpBlocks({ expectedHours: horizonHours, variability: termVariability(d.monthlyVariability, d.horizonMonths) }, offer.blockHours ?? 0);
    const paid = (offer.blockPrice ?? 0) * blocks;
    return { cost: paid + disruption, perHour: horizonHours > 0 ? paid / horizonHours : undefined, blocks };
  }
  if (offer.type === 'retainer') {
    // One term's fees and overage, pro rata over the horizon, as for a block.
    const term = offer.termMonths ?? 12;
    const args = { expectedMonthlyHours: d.expectedMonthlyHours, monthlyHours: offer.retainerHours ?? 0, monthlyVariability: d.monthlyVariability, rolloverCap: offer.rolloverCap ?? 0, termMonths: term };
    const overage = valueOf(retainerOverage(args));
    const paid = (d.horizonMonths / term) * ((offer.retainerPrice ?? 0) * term + (offer.overageRate ?? offer.hourlyRate) * overage);
    return { cost: paid + disruption, perHour: horizonHours > 0 ? paid / horizonHours : undefined, retainerOverage: overage, retainerForfeited: valueOf(retainerUnused(args)) };
  }
  const term = offer.termMonths ?? 12;
  const demand = { expectedHours: d.expectedMonthlyHours * term, variability: termVariability(d.monthlyVariability, term) };
  const block = { blockHours: offer.blockHours ?? 0, blockPrice: offer.blockPrice ?? 0, overageRate: offer.overageRate ?? offer.hourlyRate };
  return {
    cost: (d.horizonMonths / term) * compareFor(d, offer, term).block.expectedCost,
    perHour: demand.expectedHours > 0 ? expectedBlockCost(demand, block) / demand.expectedHours : undefined,
    forfeit: valueOf(forfeitRisk({ ...demand, blockHours: block.blockHours })),
    overage: valueOf(overageHours({ ...demand, blockHours: block.blockHours })),
  };
}

function templatePlan() {
  const template = TEMPLATES.find((t) => t.id === 'quotes');
  if (!template) throw new Error('no quotes template');
  return template.plan();
}

/** Reads a per-offer row by its defined name. */
function offerRows(sheet: ReturnType<typeof planEngine>, name: string): unknown[] {
  return Array.from({ length: MAX_OFFERS }, (_, i) => sheet.value(name, i) ?? '');
}

function checkAgainstModel(d: QuotesExample) {
  const sheet = planEngine(quotesPlan(d));
  const model = d.offers.map((offer) => modelOffer(d, offer));
  const costs = offerRows(sheet, 'offer_costs');
  const perHour = offerRows(sheet, 'offer_cost_per_hour');
  const forfeit = offerRows(sheet, 'offer_forfeit_risk');
  const overage = offerRows(sheet, 'offer_overage_hours');
  const ranks = offerRows(sheet, 'offer_ranks');
  const blocks = offerRows(sheet, 'offer_topup_blocks');
  const retainerForfeited = offerRows(sheet, 'offer_retainer_forfeited');
  const retainerOverageHours = offerRows(sheet, 'offer_retainer_overage');
  model.forEach((m, i) => {
    const offer = `offer ${i + 1} (${d.offers[i].type})`;
    expectClose(costs[i] as number, m.cost, `${offer} expected cost`);
    if (m.perHour === undefined) expect(perHour[i]).toBe('');
    else expectClose(perHour[i] as number, m.perHour, `${offer} cost per support hour`);
    expect(ranks[i]).toBe(1 + model.filter((other) => other.cost < m.cost).length);
    if (m.blocks !== undefined) expectClose(blocks[i] as number, m.blocks, `${offer} blocks bought`);
    else expect(blocks[i]).toBe('');
    if (m.retainerOverage !== undefined && m.retainerForfeited !== undefined) {
      expectClose(retainerOverageHours[i] as number, m.retainerOverage, `${offer} retainer overage`);
      expectClose(retainerForfeited[i] as number, m.retainerForfeited, `${offer} retainer forfeited`);
    } else expect([retainerForfeited[i], retainerOverageHours[i]]).toEqual(['', '']);
    if (m.forfeit === undefined || m.overage === undefined) expect([forfeit[i], overage[i]]).toEqual(['', '']);
    else {
      expectClose(forfeit[i] as number, m.forfeit, `${offer} chance of forfeiting`);
      expectClose(overage[i] as number, m.overage, `${offer} expected overage`);
    }
  });
  for (let i = d.offers.length; i < MAX_OFFERS; i += 1) expect([costs[i], perHour[i], ranks[i]]).toEqual(['', '', '']);

  // The recommendation names the cheapest offer (the first, on a tie) and quotes the table's figures.
  const sorted = model.map((m) => m.cost).sort((a, b) => a - b);
  const best = model.findIndex((m) => m.cost === sorted[0]);
  const recommendation = sheet.value('recommendation') as string;
  expect(recommendation).toMatch(new RegExp(`^Offer ${best + 1}\\b`));
  expect(recommendation).toContain(d.offers[best].provider);
  expect(recommendation).toContain(
    { hourly: 'pay hourly', block: 'buy the prepaid block', 'top-up': 'buy the top-up block', retainer: 'take the monthly retainer', managed: 'choose managed services' }[d.offers[best].type],
  );
  expect(recommendation).toContain(`over ${d.horizonMonths} months`);
  expectClose(sheet.number('recommended_cost'), sorted[0], 'recommended cost');
  if (model.length > 1) expectClose(sheet.number('recommended_margin'), sorted[1] - sorted[0], 'saving against the next cheapest');
  return { sheet, model };
}

const demandArbitrary = {
  expectedMonthlyHours: fc.double({ min: 0.25, max: 40, noNaN: true }),
  monthlyVariability: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 1.5, noNaN: true })),
  disruptionCostPerHour: fc.double({ min: 0, max: 300, noNaN: true }),
  horizonMonths: fc.integer({ min: 1, max: 36 }),
};
const rate = fc.double({ min: 50, max: 250, noNaN: true });
const offerArbitrary: fc.Arbitrary<QuoteOffer> = fc.oneof(
  fc.record({ provider: fc.constantFrom('North', 'South'), type: fc.constant('hourly' as const), hourlyRate: rate }),
  fc.record({
    provider: fc.constantFrom('Block Co', ''),
    type: fc.constant('block' as const),
    hourlyRate: rate,
    blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
    blockPrice: fc.double({ min: 300, max: 30_000, noNaN: true }),
    termMonths: fc.integer({ min: 1, max: 24 }),
    overageRate: fc.option(rate, { nil: undefined }),
  }),
  fc.record({
    provider: fc.constant('Top Co'),
    type: fc.constant('top-up' as const),
    hourlyRate: rate,
    blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
    blockPrice: fc.double({ min: 300, max: 30_000, noNaN: true }),
  }),
  fc.record({
    provider: fc.constant('Retain Co'),
    type: fc.constant('retainer' as const),
    hourlyRate: rate,
    retainerHours: fc.double({ min: 1, max: 40, noNaN: true }),
    retainerPrice: fc.double({ min: 50, max: 6000, noNaN: true }),
    rolloverCap: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: undefined }),
    termMonths: fc.integer({ min: 1, max: 24 }),
    overageRate: fc.option(rate, { nil: undefined }),
  }),
  fc.record({
    provider: fc.constant('MSP'),
    type: fc.constant('managed' as const),
    hourlyRate: rate,
    monthlyFee: fc.double({ min: 50, max: 3000, noNaN: true }),
    coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    incidentReduction: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  }),
);

describe('the provider quotes in a real formula engine', () => {
  it('costs, ranks and recommends as the model does, for any demand and offers (seeded)', () => {
    fc.assert(
      fc.property(fc.record({ ...demandArbitrary, offers: fc.array(offerArbitrary, { minLength: 1, maxLength: MAX_OFFERS }) }), (d) => {
        checkAgainstModel(d);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('prices each offer at its own rates, over the horizon: the issue\'s managed quote over 6 months', () => {
    // The template's offers, over a horizon shorter than the 12-month block and equal to the 6-month one.
    const sheet = planEngine(templatePlan());
    sheet.set('horizon_months', 6);
    const costs = offerRows(sheet, 'offer_costs');
    const cloudCare = 4; // Offer 5: managed at 140/h, while the cheapest hourly offer charges 150/h
    const d: QuotesExample = { expectedMonthlyHours: 3.25, monthlyVariability: 0.65, disruptionCostPerHour: 60, horizonMonths: 6, offers: [] };
    const offer: QuoteOffer = { provider: 'Cloud Care', type: 'managed', hourlyRate: 140, monthlyFee: 650, coveredShare: 0.6, incidentReduction: 0.2 };
    expectClose(costs[cloudCare] as number, modelOffer(d, offer).cost, 'managed at its own rate');
    expect(costs[cloudCare]).not.toBeCloseTo(modelOffer(d, { ...offer, hourlyRate: 150 }).cost, 2);
    const minimum = Math.min(...(costs.filter((c) => typeof c === 'number') as number[]));
    expectClose(sheet.number('recommended_cost'), minimum, 'the recommendation quotes the table');
  });

  it('counts a block pro rata when the horizon is not a whole number of its terms, and says so', () => {
    const d: QuotesExample = {
      expectedMonthlyHours: 3,
      monthlyVariability: 0.5,
      disruptionCostPerHour: 40,
      horizonMonths: 12,
      offers: [{ provider: 'Long block', type: 'block', hourlyRate: 150, blockHours: 50, blockPrice: 6000, termMonths: 18 }],
    };
    const { sheet, model } = checkAgainstModel(d);
    expectClose(offerRows(sheet, 'offer_costs')[0] as number, (12 / 18) * compareFor(d, d.offers[0], 18).block.expectedCost, '⅔ of an 18-month block');
    expect(model[0].cost).toBeGreaterThan(0);
    const notes = quotesPlan(d).cells.flat().map((cell) => String(cell?.value ?? ''));
    expect(notes.some((note) => /not a whole number of its terms/.test(note) && /pro rata/.test(note))).toBe(true);
  });

  it('keeps its working out of the offers\' columns', () => {
    const plan = templatePlan();
    const grid = formulasGrid(plan);
    const results = grid.findIndex((row) => row[0] === 'Over the horizon');
    // From the results down, a row either fills every offer's column (one figure per offer) or leaves C:F empty.
    grid.slice(results).forEach((row, r) => {
      const others = row.slice(2, 1 + MAX_OFFERS);
      expect({ row: results + 1 + r, filled: others.every((c) => c !== '') || others.every((c) => c === '') }).toEqual({ row: results + 1 + r, filled: true });
    });
    for (const name of ['offers_costed', 'cheapest_offer']) {
      expect({ name, column: plan.names.find((n) => n.name === name)?.column }).toEqual({ name, column: expect.any(Number) });
      expect(plan.names.find((n) => n.name === name)?.column).toBeGreaterThan(MAX_OFFERS); // right of F
    }
  });
});

describe('the provider quotes, branch by branch, against the model', () => {
  const demand = { expectedMonthlyHours: 3, monthlyVariability: 0.5, horizonMonths: 12 };
  const block: QuoteOffer = { provider: 'Block Co', type: 'block', hourlyRate: 150, blockHours: 30, blockPrice: 4000, termMonths: 12 };
  const hourly: QuoteOffer = { provider: 'North', type: 'hourly', hourlyRate: 150 };
  const managed: QuoteOffer = { provider: 'MSP', type: 'managed', hourlyRate: 150, monthlyFee: 400, coveredShare: 0.8, incidentReduction: 0.25 };

  it.each([
    ['hourly', hourly, 1],
    ['block', block, 1],
    ['managed', managed, 1 - 0.25],
  ])('counts the disruption of every hour still needed in a %s offer\'s expected cost', (_type, offer, shareNeeded) => {
    const costAt = (disruptionCostPerHour: number) => {
      const d: QuotesExample = { ...demand, disruptionCostPerHour, offers: [offer] };
      checkAgainstModel(d);
      return offerRows(planEngine(quotesPlan(d)), 'offer_costs')[0] as number;
    };
    expect(costAt(60) - costAt(0)).toBeCloseTo(12 * 3 * shareNeeded * 60, 6);
  });

  it('leaves the cost per support hour blank when no hours are expected, and costs what is still paid', () => {
    checkAgainstModel({ ...demand, expectedMonthlyHours: 0, disruptionCostPerHour: 40, offers: [hourly, block, managed] });
  });

  it('says when two offers tie for the lowest cost, and that the saving is nil', () => {
    const { sheet } = checkAgainstModel({ ...demand, disruptionCostPerHour: 40, offers: [hourly, { ...hourly, provider: 'South' }, { ...block, blockPrice: 9000 }] });
    expect(sheet.value('recommendation')).toMatch(/^Offer 1 \(North\): pay hourly, .*, tied with another offer\.$/);
    expect(sheet.number('recommended_margin')).toBe(0);
  });

  it('does not speak of a tie when the cheapest offer stands alone', () => {
    const { sheet } = checkAgainstModel({ ...demand, disruptionCostPerHour: 40, offers: [hourly, { ...hourly, hourlyRate: 140 }] });
    expect(sheet.value('recommendation')).not.toContain('tied');
  });

  it('asks for an offer when none is costed', () => {
    const sheet = planEngine(quotesPlan({ ...demand, disruptionCostPerHour: 40, offers: [] }));
    expect(sheet.value('recommendation')).toBe('Add an offer of type hourly, block, top-up, retainer or managed for a recommendation.');
    expect([sheet.value('recommended_cost') ?? '', sheet.value('recommended_margin') ?? '']).toEqual(['', '']);
  });
});
