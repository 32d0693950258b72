import { DetailedCellError } from 'hyperformula';
import {
  blockValue,
  breakEvenValue,
  checkScenario,
  compareTable,
  costsForHoursUsed,
  forfeitRisk,
  managedBreakEven,
  managedValue,
  recommend,
  scenarioCompareArguments,
  termVariability,
  unusedHours,
  type Outcome,
  type ScenarioInputs,
} from '../../src/model';
import { SCENARIO_INPUT_ROWS, scenarioPlan } from '../../src/sheet/scenario';
import { loadPlan } from '../../tools/formula-engine';

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

const inputs: ScenarioInputs = valueOf(
  checkScenario({
    hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400,
    termMonths: 12, overageRate: 175, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25, annualDiscountRate: 0.06,
  }),
);

function expectedResults(s: ScenarioInputs) {
  const term = { expectedHours: s.expectedMonthlyHours * s.termMonths, variability: termVariability(s.monthlyVariability, s.termMonths) };
  const block = { hourlyRate: s.hourlyRate, blockHours: s.blockHours, blockPrice: s.blockPrice, overageRate: s.overageRate, variability: term.variability };
  const managed = { expectedMonthlyHours: s.expectedMonthlyHours, hourlyRate: s.hourlyRate, monthlyFee: s.monthlyFee, coveredShare: s.coveredShare, incidentReduction: s.incidentReduction, disruptionCostPerHour: s.disruptionCostPerHour };
  return {
    'Block break-even': valueOf(breakEvenValue(block)),
    'Block: expected saving vs hourly': valueOf(blockValue({ ...block, expectedHours: term.expectedHours, termMonths: s.termMonths, annualDiscountRate: s.annualDiscountRate })),
    'Block: chance of forfeiting hours': valueOf(forfeitRisk({ ...term, blockHours: s.blockHours })),
    'Block: expected unused hours': valueOf(unusedHours({ ...term, blockHours: s.blockHours })),
    'Managed: expected saving vs hourly': valueOf(managedValue(managed)),
    'Managed break-even': valueOf(managedBreakEven(managed)),
    Recommendation: valueOf(recommend(scenarioCompareArguments(s))),
  };
}

/** Reads the sheet by its labels in column A, as a person auditing it would. */
function readByLabel(hf: ReturnType<typeof loadPlan>['hf'], sheet: number) {
  const values = hf.getSheetValues(sheet);
  const byLabel = new Map<string, unknown>();
  for (const row of values) if (typeof row[0] === 'string') byLabel.set(row[0], row[1]);
  return { values, byLabel };
}

describe('the scenario sheet plan in a real formula engine', () => {
  const plan = scenarioPlan(inputs);
  const { hf, sheet } = loadPlan(plan);

  it('computes every formula without an error', () => {
    const errors: string[] = [];
    hf.getSheetValues(sheet).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value instanceof DetailedCellError) errors.push(`${String.fromCharCode(65 + c)}${r + 1}: ${value.value} ${value.message}`);
      }),
    );
    expect(errors).toEqual([]);
    expect(plan.cells.flat().filter((cell) => cell?.formula).length).toBeGreaterThan(80);
  });

  it('shows the model\'s numbers in the results block', () => {
    const { byLabel } = readByLabel(hf, sheet);
    for (const [label, expected] of Object.entries(expectedResults(inputs))) {
      if (typeof expected === 'string') expect(byLabel.get(label)).toBe(expected);
      else expect(byLabel.get(label)).toBeCloseTo(expected, 9);
    }
  });

  it('spills COMPARE with the model\'s table', () => {
    const { values } = readByLabel(hf, sheet);
    const start = values.findIndex((row) => row[0] === 'Option');
    const spilled = values.slice(start, start + 4).map((row) => row.slice(0, 5));
    const expected = valueOf(compareTable(scenarioCompareArguments(inputs)));
    spilled.forEach((row, r) => row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === 'number') expect(cell).toBeCloseTo(want, 9);
      else expect(cell).toEqual(want);
    }));
  });

  it('tabulates cost by hours used from 0 to twice the expected hours', () => {
    const { values } = readByLabel(hf, sheet);
    const header = values.findIndex((row) => row[0] === 'Hours used');
    const table = values.slice(header + 1, header + 22);
    expect(table).toHaveLength(21);
    expect(table[0][0]).toBe(0);
    expect(table[20][0]).toBeCloseTo(2 * 2 * 12, 12);
    for (const row of table) {
      const costs = costsForHoursUsed(inputs, row[0] as number);
      expect(row[1]).toBeCloseTo(costs.hourly, 9);
      expect(row[2]).toBeCloseTo(costs.block, 9);
      expect(row[3]).toBeCloseTo(costs.managed, 9);
    }
  });

  it('recalculates as the model says when an input cell changes', () => {
    const row = SCENARIO_INPUT_ROWS.findIndex((input) => input.key === 'expectedMonthlyHours') + 4;
    const fresh = loadPlan(scenarioPlan(inputs));
    fresh.hf.setCellContents({ sheet: fresh.sheet, row, col: 1 }, 3.5);
    const changed = { ...inputs, expectedMonthlyHours: 3.5 };
    const { byLabel } = readByLabel(fresh.hf, fresh.sheet);
    for (const [label, expected] of Object.entries(expectedResults(changed))) {
      if (typeof expected === 'string') expect(byLabel.get(label)).toBe(expected);
      else expect(byLabel.get(label)).toBeCloseTo(expected, 9);
    }
    expect(byLabel.get('Block: expected saving vs hourly')).not.toBeCloseTo(expectedResults(inputs)['Block: expected saving vs hourly'], 3);
  });
});
