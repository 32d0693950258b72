/**
 * The scenario sheet for a top-up block or a monthly retainer (src/sheet/offer-scenario.ts) in a
 * real formula engine (HyperFormula, with the ITCOST functions registered), against the model's
 * comparison of the same offer (compareOffer): every figure of the comparison, the offer's own
 * figures, the option with the lowest expected cost and the table of cost by hours used. Edits
 * to the inputs recalculate everything.
 */
import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import { checkOfferScenario, cheapestOption, compareOffer, offerCostForHours, scenarioTerms, VERDICTS, type OfferKind, type Scenario } from '../../src/model';
import { OFFER_INPUT_ROWS, offerInputRows, offerScenarioPlan } from '../../src/sheet/offer-scenario';
import { scenarioPlan } from '../../src/sheet/scenario';
import { expectClose, planEngine, valueOf } from './plan-engine';

const COMMON = { hourlyRate: 150, expectedMonthlyHours: 8, monthlyVariability: 0.5, disruptionCostPerHour: 40, monthlyFee: 1500, coveredShare: 0.9, incidentReduction: 0.2, annualDiscountRate: 0.06 };

function scenario(kind: OfferKind, raw: Readonly<Record<string, number>>): Scenario {
  return valueOf(checkOfferScenario(kind, raw));
}

const retainer = scenario('retainer', { ...COMMON, retainerHours: 8, retainerPrice: 1050, rolloverCap: 0.4, termMonths: 12, overageRate: 160 });
const topUp = scenario('topUp', { ...COMMON, blockHours: 24, blockPrice: 3300, termMonths: 12 });

/** The comparison as the sheet shows it: rows of [option, expected, per hour, 95th, saving]. */
function sheetComparison(s: Scenario) {
  const plan = offerScenarioPlan(s);
  const sheet = planEngine(plan);
  const table = plan.names.find((n) => n.name === 'comparison');
  if (!table) throw new Error('no comparison');
  const rows = [0, 1, 2].map((r) => [0, 1, 2, 3, 4].map((c) => sheet.hf.getCellValue({ sheet: sheet.sheet, row: table.row + r, col: table.column + c })));
  return { plan, sheet, rows };
}

/** Compares the sheet's comparison with the model's; the 95th percentile through Excel's GAMMA.INV, to 1e-6. */
function expectSheetMatchesModel(s: Scenario): void {
  const { sheet, rows } = sheetComparison(s);
  const { common, offer } = scenarioTerms(s);
  const model = valueOf(compareOffer(common, offer));
  [model.hourly, model.prepaid, model.managed].forEach((option, i) => {
    const [name, expected, perHour, badCase, saving] = rows[i];
    expect(name).toBe(option.option);
    expectClose(expected as number, option.expectedCost, `${option.option} expected cost`, 1e-9);
    if (option.costPerSupportHour === undefined) expect(perHour).toBeInstanceOf(DetailedCellError);
    else expectClose(perHour as number, option.costPerSupportHour, `${option.option} per hour`, 1e-9);
    expectClose(badCase as number, option.percentile95Cost, `${option.option} 95th percentile`, 1e-6);
    expectClose(saving as number, option.savingVsHourly, `${option.option} saving`, 1e-8);
  });
  expect(sheet.value('cheapest_option')).toBe(VERDICTS[cheapestOption(model).option]);
  if (model.figures.kind === 'retainer') {
    expectClose(sheet.number('forfeited_hours'), model.figures.forfeitedHours, 'forfeited', 1e-9);
    expectClose(sheet.number('overage_hours'), model.figures.overageHours, 'overage', 1e-9);
  }
  if (model.figures.kind === 'topUp') {
    expectClose(sheet.number('expected_blocks'), model.figures.expectedBlocks, 'blocks', 1e-9);
    expectClose(sheet.number('expired_hours'), model.figures.expiredHours, 'expired', 1e-8);
  }
}

describe.each([
  ['retainer', retainer],
  ['top-up block', topUp],
] as const)('the scenario sheet for a %s', (_name, s) => {
  it('shows the comparison, the offer’s figures and the cheapest option as the model computes them', () => {
    expectSheetMatchesModel(s);
  });

  it('names every input as its limits say, and validates it', () => {
    const plan = offerScenarioPlan(s);
    for (const row of offerInputRows(s.kind === 'block' ? 'topUp' : s.kind)) {
      const name = plan.names.find((n) => n.name === row.name);
      expect({ row: row.name, named: name !== undefined }).toEqual({ row: row.name, named: true });
    }
    expect(plan.validations?.length).toBe(offerInputRows(s.kind === 'block' ? 'topUp' : s.kind).length);
  });

  it('tabulates cost by hours used from 0 to twice the expected hours, as offerCostForHours', () => {
    const { plan, sheet } = sheetComparison(s);
    const header = plan.cells.findIndex((row) => row[0]?.value === 'Hours used');
    const { common, offer } = scenarioTerms(s);
    for (let r = 1; r <= 21; r += 1) {
      const hours = sheet.hf.getCellValue({ sheet: sheet.sheet, row: header + r, col: 0 }) as number;
      expectClose(hours, ((r - 1) / 20) * 2 * common.expectedMonthlyHours * common.termMonths, `hours ${r}`);
      const cost = sheet.hf.getCellValue({ sheet: sheet.sheet, row: header + r, col: 2 }) as number;
      expectClose(cost, offerCostForHours(offer, common.termMonths, hours) + common.disruptionCostPerHour * hours, `cost at ${hours} h`);
    }
  });
});

describe('editing the sheet', () => {
  it('recalculates a retainer’s comparison for any inputs typed into it (seeded)', () => {
    fc.assert(
      fc.property(
        fc.record({
          expectedMonthlyHours: fc.double({ min: 0.5, max: 40, noNaN: true }),
          monthlyVariability: fc.constantFrom(0, 0.1, 0.3, 0.6, 1),
          retainerHours: fc.double({ min: 1, max: 40, noNaN: true }),
          discount: fc.double({ min: 0.75, max: 1.05, noNaN: true }),
          rolloverCap: fc.constantFrom(0, 0.25, 0.5, 2, 11),
          termMonths: fc.integer({ min: 1, max: 24 }),
          annualDiscountRate: fc.constantFrom(0, 0.08),
        }),
        (c) => {
          const plan = offerScenarioPlan(retainer);
          const sheet = planEngine(plan);
          const values = { ...c, retainerPrice: c.retainerHours * 150 * c.discount };
          for (const row of OFFER_INPUT_ROWS.retainer) if (row.key in values) sheet.set(row.name, values[row.key as keyof typeof values]);
          for (const key of ['expectedMonthlyHours', 'monthlyVariability', 'annualDiscountRate'] as const) sheet.set(offerInputRows('retainer').find((r) => r.key === key)?.name ?? '', c[key]);
          const edited = scenario('retainer', { ...COMMON, retainerHours: values.retainerHours, retainerPrice: values.retainerPrice, rolloverCap: c.rolloverCap, termMonths: c.termMonths, overageRate: 160, expectedMonthlyHours: c.expectedMonthlyHours, monthlyVariability: c.monthlyVariability, annualDiscountRate: c.annualDiscountRate });
          const { common, offer } = scenarioTerms(edited);
          const model = compareOffer(common, offer);
          if (!model.ok) return;
          const saving = sheet.number('retainer_saving');
          expectClose(saving, model.value.prepaid.savingVsHourly, 'retainer saving', 1e-9);
          expect(sheet.value('cheapest_option')).toBe(VERDICTS[cheapestOption(model.value).option]);
        },
      ),
      { seed: 20261209, numRuns: 25 },
    );
  });
});

describe('a block scenario', () => {
  it('is the block’s scenario sheet', () => {
    const block = scenario('block', { ...COMMON, blockHours: 20, blockPrice: 3400, termMonths: 12 });
    if (block.kind !== 'block') throw new Error('not a block');
    expect(offerScenarioPlan(block)).toEqual(scenarioPlan(block.inputs));
  });
});
