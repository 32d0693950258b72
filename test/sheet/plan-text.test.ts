/**
 * Every word a sheet plan shows is there: no label, unit, heading or note is empty, no name lacks
 * its comment, every validation message names what it is about, and the chart is titled. The
 * formula-engine tests check the numbers; this checks the words a reader goes by, in the scenario
 * sheet and in each template.
 */
import { TEMPLATES } from '../../src/sheet/templates';
import { scenarioPlan } from '../../src/sheet/scenario';
import { checkOfferScenario, checkScenario, type ScenarioInputs } from '../../src/model';
import { offerScenarioPlan } from '../../src/sheet/offer-scenario';
import type { SheetPlan } from '../../src/sheet/plan';

const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.5, disruptionCostPerHour: 0, blockHours: 20, blockPrice: 3400, termMonths: 12, monthlyFee: 900 });
if (!checked.ok) throw new Error(checked.problem.message);
const inputs: ScenarioInputs = checked.value;

function valueOrThrow<T>(outcome: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

const plans: ReadonlyArray<readonly [string, () => SheetPlan]> = [
  ['the scenario sheet', () => scenarioPlan(inputs)],
  ['the scenario sheet with a history', () => scenarioPlan(inputs, { history: [3, 5, 4, 6] })],
  ['the scenario sheet for a top-up block', () => offerScenarioPlan(valueOrThrow(checkOfferScenario('topUp', { hourlyRate: 150, expectedMonthlyHours: 8, blockHours: 24, blockPrice: 3300, monthlyFee: 1500 })))],
  ['the scenario sheet for a retainer', () => offerScenarioPlan(valueOrThrow(checkOfferScenario('retainer', { hourlyRate: 150, expectedMonthlyHours: 8, retainerHours: 8, retainerPrice: 1050, monthlyFee: 1500 })))],
  ...TEMPLATES.map((template) => [`the ${template.title} template`, template.plan] as const),
];

/** Where a plan shows an empty word: the A1 address of each empty text or formula cell. */
function emptyCells(plan: SheetPlan): string[] {
  return plan.cells.flatMap((row, r) =>
    row.flatMap((cell, c) => {
      const blankText = typeof cell?.value === 'string' && cell.value.trim() === '';
      const blankFormula = cell?.formula !== undefined && cell.formula.trim().replace(/^=/, '') === '';
      return blankText || blankFormula ? [`${String.fromCharCode(65 + c)}${r + 1}`] : [];
    }),
  );
}

describe.each(plans)('%s', (_name, build) => {
  it('has no empty text or formula cell', () => {
    expect(emptyCells(build())).toEqual([]);
  });

  it('names each defined name, and says what it is in its comment', () => {
    const plan = build();
    expect(plan.names.length).toBeGreaterThan(0);
    for (const name of plan.names) {
      expect({ name: name.name, ok: /^[a-z][a-z0-9_]*$/.test(name.name) && name.comment.trim().length > 2 }).toEqual({ name: name.name, ok: true });
    }
  });

  it('begins every validation message with what it is about', () => {
    for (const validation of build().validations ?? []) expect(validation.message).toMatch(/^[A-Z0-9…][^ ]/);
  });

  it('titles its chart and both axes, if it has a chart', () => {
    const chart = build().chart;
    if (chart === undefined) return;
    for (const title of [chart.title, chart.xAxisTitle, chart.yAxisTitle]) expect(title.trim()).not.toBe('');
  });
});
