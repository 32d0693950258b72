import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { checkScenario, formatChance } from '../../src/model';
import { conditionalRules, rangeAddresses, type ConditionalRule, type SheetPlan } from '../../src/sheet/plan';
import { CHANCE_FORMAT, NEAR_CERTAIN_FORMAT, nearCertainCondition, shownNumberFormat } from '../../src/sheet/chance';
import { scenarioPlan } from '../../src/sheet/scenario';
import { TEMPLATES } from '../../src/sheet/templates';
import { trackerPlan } from '../../src/sheet/tracker';
import { loadPlan } from '../../tools/formula-engine';
import { excelFixed, formatValue, planToHtml } from '../support/render-plan';
import { planEngine } from './plan-engine';

const SEED = 20261129;

/** What a chance cell shows: its own format, or the near-certain one where that conditional format holds. */
const shownInACell = (probability: number) => formatValue(probability, shownNumberFormat(CHANCE_FORMAT, probability));

describe('the display function the tests read cells with (as Excel shows a number)', () => {
  it.each([
    [0.285, 2, 0, '0.29'], // stored as 0.28499999999999998: Excel rounds the 15-digit 0.285
    [0.1235, 1, 2, '12.4'],
    [0.12349999999999998, 1, 2, '12.4'], // 15 digits: 0.123500000000000
    [0.1234999999999, 1, 2, '12.3'],
    [0.0005, 1, 2, '0.1'],
    [0.99949999999999994, 1, 2, '100.0'],
    [0, 1, 2, '0.0'],
    [1, 1, 2, '100.0'],
    [-2.5, 0, 0, '-3'],
    [-0.001, 2, 0, '0.00'],
    [1234567.891, 2, 0, '1234567.89'],
  ])('rounds %p to %p decimals (point moved %p) as %p', (value, decimals, shift, text) => {
    expect(excelFixed(value, decimals, shift)).toBe(text);
  });

  it.each([
    [1234.5, '#,##0.00', '1,234.50'],
    [1234567.891, '#,##0.0', '1,234,567.9'],
    [0.1234, '0.0%', '12.3%'],
    [0, '[=0]0.0%;[<0.0005]"under 0.1%";0.0%', '0.0%'],
    [0.0001, '[=0]0.0%;[<0.0005]"under 0.1%";0.0%', 'under 0.1%'],
    [0.5, '[=0]0.0%;[<0.0005]"under 0.1%";0.0%', '50.0%'],
    [0.5, '"over 99.9%"', 'over 99.9%'],
  ])('shows %p in %p as %p', (value, numberFormat, text) => {
    expect(formatValue(value, numberFormat)).toBe(text);
  });
});

describe('a chance cell reads exactly as formatChance writes the same chance', () => {
  it.each([
    [0, '0.0%'],
    [1e-9, 'under 0.1%'],
    [0.0004, 'under 0.1%'],
    [0.0005, '0.1%'],
    [0.123456, '12.3%'],
    [0.12, '12.0%'],
    [0.1235, '12.4%'],
    [0.9985, '99.9%'],
    [0.99949999999999, '99.9%'],
    [0.99949999999999994, 'over 99.9%'], // the largest number below 0.9995, which Excel would round up to 100.0%
    [0.9996, 'over 99.9%'],
    [1 - 1e-9, 'over 99.9%'],
    [1 - 2 ** -53, 'over 99.9%'],
    [1, '100.0%'],
  ])('%p shows as %p in the cell and in the text', (probability, text) => {
    expect(shownInACell(probability)).toBe(text);
    expect(formatChance(probability)).toBe(text);
  });

  it('agrees for any probability, and near every rounding tie', () => {
    const tie = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -4, max: 4 })).map(([tenths, ulps]) => {
      let value = (tenths + 0.5) / 1000;
      for (let i = 0; i < Math.abs(ulps); i += 1) value += Math.sign(ulps) * Number.EPSILON * value;
      return Math.min(1, value);
    });
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), tie, fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.double({ min: 0.999, max: 1, noNaN: true })), (probability) => {
        expect(shownInACell(probability)).toBe(formatChance(probability));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('never shows a chance that is not 0 as 0.0%, nor one that is not 1 as 100.0%', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (probability) => {
        if (probability !== 0) expect(formatChance(probability)).not.toBe('0.0%');
        if (probability !== 1) expect(formatChance(probability)).not.toBe('100.0%');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each([0, 1e-9, 0.5, 0.9994, 0.99949999999999994, 0.9996, 1 - 1e-9, 1])('applies the near-certain format exactly where its formula holds, in a formula engine: %p', (probability) => {
    const hf = HyperFormula.buildFromArray([[probability]], { licenseKey: 'gpl-v3', smartRounding: false });
    try {
      const holds = hf.calculateFormula(`=${nearCertainCondition('A1')}`, 0);
      expect(holds).toBe(shownNumberFormat(CHANCE_FORMAT, probability) === NEAR_CERTAIN_FORMAT);
    } finally {
      hf.destroy();
    }
  });
});

/**
 * Each plan is built inside the tests that read it (not while this file loads), so that mutation
 * runs credit those tests with the plan code they run.
 */
function scenarioExample(): SheetPlan {
  const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400, termMonths: 12, overageRate: 175, monthlyFee: 900 });
  if (!checked.ok) throw new Error(checked.problem.message);
  return scenarioPlan(checked.value);
}
// The retainer tracker computes no chance: its forecast is in expected hours only (test/sheet/templates.test.ts checks it has no chance cell).
const PLANS: ReadonlyArray<readonly [string, () => SheetPlan]> = [
  ['the scenario sheet', scenarioExample],
  ...TEMPLATES.filter((t) => t.id !== 'retainer-tracker').map((t) => [`the ${t.title} template`, t.plan] as const),
];

/** A computed chance: a formula calling FORFEITRISK, or one on a row whose label speaks of a chance. */
function chanceCells(plan: SheetPlan): string[] {
  return plan.cells.flatMap((row, r) => {
    const label = typeof row[0]?.value === 'string' ? row[0].value : '';
    return row.flatMap((cell, c) => (cell?.formula && (/FORFEITRISK\(/.test(cell.formula) || /chance/i.test(label)) ? [`${String.fromCharCode(65 + c)}${r + 1}`] : []));
  });
}

function numberFormatAt(plan: SheetPlan, address: string): string | undefined {
  const column = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return plan.cells[row]?.[column]?.numberFormat;
}

describe.each(PLANS)('the chance cells of %s', (_title, build) => {
  it('all have the chance format, and nothing else has it', () => {
    const plan = build();
    const cells = chanceCells(plan);
    expect(cells.length).toBeGreaterThan(0);
    for (const address of cells) expect({ address, format: numberFormatAt(plan, address) }).toEqual({ address, format: CHANCE_FORMAT });
    const formatted = plan.cells.flatMap((row, r) => row.flatMap((cell, c) => (cell?.numberFormat === CHANCE_FORMAT ? [`${String.fromCharCode(65 + c)}${r + 1}`] : [])));
    expect(formatted.sort()).toEqual([...cells].sort());
  });

  it('each get the near-certain number format as a conditional format on themselves', () => {
    const plan = build();
    const rules = conditionalRules(plan);
    for (const address of chanceCells(plan)) {
      expect(rules).toContainEqual({ range: address, formula: `=${nearCertainCondition(address)}`, warning: false, numberFormat: NEAR_CERTAIN_FORMAT });
    }
  });

  it('show in a picture what formatChance writes', () => {
    const plan = build();
    const { hf, sheet } = loadPlan(plan);
    const values = hf.getSheetValues(sheet).map((row) => [...row]);
    const cells = chanceCells(plan);
    const probabilities = [0, 1e-9, 0.0004, 0.123456, 0.9996, 1 - 1e-9, 1];
    cells.forEach((address, i) => {
      values[Number(address.slice(1)) - 1][address.charCodeAt(0) - 65] = probabilities[i % probabilities.length];
    });
    const html = planToHtml(plan, values);
    for (const probability of probabilities.slice(0, cells.length)) expect(html).toContain(`>${formatChance(probability)}</td>`);
  });
});

/**
 * How a cell looks under the rules that hold on it: LibreOffice applies only the first (in
 * priority order), Excel every one, the first winning where two set the same thing.
 */
function looks(rules: readonly ConditionalRule[], holds: (rule: ConditionalRule) => boolean) {
  const holding = rules.filter(holds);
  const first = holding[0];
  return {
    libreOffice: { warning: first?.warning ?? false, numberFormat: first?.numberFormat },
    excel: { warning: holding.some((r) => r.warning), numberFormat: holding.find((r) => r.numberFormat !== undefined)?.numberFormat },
  };
}

describe('a warned-of chance in the block-hours tracker', () => {
  const overageLikely = [2, 5, 3, 5.5, 2.5, 4.5, 3.5];
  const build = () => trackerPlan({ blockHours: 40, blockPrice: 5400, startDate: 46204, termMonths: 12, overageRate: 150, monthlyHours: overageLikely, ticketMinutes: [], incrementMinutes: 15, minimumMinutes: 30, multiplier: 1 });
  const at = (plan: SheetPlan, name: string) => `B${(plan.names.find((n) => n.name === name)?.row ?? -1) + 1}`;

  it.each([
    [0.3, { warning: false, numberFormat: undefined }],
    [0.9, { warning: true, numberFormat: undefined }],
    [0.9996, { warning: true, numberFormat: NEAR_CERTAIN_FORMAT }],
    [1, { warning: true, numberFormat: undefined }],
  ])('looks the same in Excel and LibreOffice at a chance of overage of %p', (chance, look) => {
    const plan = build();
    const sheet = planEngine(plan);
    sheet.set('chance_overage', chance);
    const address = at(plan, 'chance_overage');
    // Every rule on the cell is written for it (its range starts there), so its formula reads as it stands.
    const onCell = conditionalRules(plan).filter((rule) => rangeAddresses(rule.range).includes(address));
    for (const rule of onCell) expect(rule.range.split(':')[0]).toBe(address);
    const seen = looks(onCell, (rule) => sheet.evaluate(rule.formula) === true);
    expect(seen).toEqual({ libreOffice: look, excel: look });
    expect(formatValue(chance, seen.excel.numberFormat ?? CHANCE_FORMAT)).toBe(formatChance(chance));
  });

  it('refuses a chance cell a warning covers other than at its top-left cell', () => {
    const plan = build();
    const moved = { ...plan, conditionalFormats: [{ range: `B1:${at(plan, 'chance_overage')}`, formula: '=TRUE' }] };
    expect(() => conditionalRules(moved)).toThrow(/not its top-left cell/);
  });
});
