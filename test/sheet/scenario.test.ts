import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import {
  blockValue,
  breakEvenValue,
  checkScenario,
  compare,
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
  type RawArguments,
  type SCENARIO_LIMITS,
  type ScenarioInputs,
} from '../../src/model';
import { scenarioPlan } from '../../src/sheet/scenario';
import { loadPlan } from '../../tools/formula-engine';
import { planEngine, valueOf } from './plan-engine';

const inputs: ScenarioInputs = valueOf(
  checkScenario({
    hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400,
    termMonths: 12, overageRate: 175, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25, annualDiscountRate: 0.06,
  }),
);

/** A result the model gives, or the fact that it gives none (the sheet shows an Excel error there). */
const NO_ANSWER = { error: 'no answer' } as const;
function answerOf<T>(outcome: Outcome<T>): T | typeof NO_ANSWER {
  return outcome.ok ? outcome.value : NO_ANSWER;
}

function expectResult(label: string, actual: unknown, expected: string | number | typeof NO_ANSWER): void {
  if (typeof expected === 'object') expect({ label, error: actual instanceof DetailedCellError }).toEqual({ label, error: true });
  else if (typeof expected === 'string') expect({ label, value: actual }).toEqual({ label, value: expected });
  else expect({ label, error: Math.abs((actual as number) - expected) / Math.max(1, Math.abs(expected)) <= 1e-9 ? 0 : actual }).toEqual({ label, error: 0 });
}

function expectedResults(s: ScenarioInputs) {
  const term = { expectedHours: s.expectedMonthlyHours * s.termMonths, variability: termVariability(s.monthlyVariability, s.termMonths) };
  const block = { hourlyRate: s.hourlyRate, blockHours: s.blockHours, blockPrice: s.blockPrice, overageRate: s.overageRate, variability: term.variability };
  const managed = { expectedMonthlyHours: s.expectedMonthlyHours, hourlyRate: s.hourlyRate, monthlyFee: s.monthlyFee, coveredShare: s.coveredShare, incidentReduction: s.incidentReduction, disruptionCostPerHour: s.disruptionCostPerHour };
  return {
    'Block break-even': answerOf(breakEvenValue(block)),
    'Block: chance of forfeiting hours': valueOf(forfeitRisk({ ...term, blockHours: s.blockHours })),
    'Block: expected unused hours': valueOf(unusedHours({ ...term, blockHours: s.blockHours })),
    'Managed break-even': answerOf(managedBreakEven(managed)),
    'Block: expected saving vs hourly over the term': valueOf(blockValue({ ...block, expectedHours: term.expectedHours, termMonths: s.termMonths, annualDiscountRate: s.annualDiscountRate })),
    'Managed: expected saving vs hourly over the term': valueOf(compare(scenarioCompareArguments(s))).managed.savingVsHourly,
    'Managed: expected saving vs hourly per month': valueOf(managedValue(managed)),
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

/** The example's plan in a fresh engine, built by each test that reads it (see test/sheet/chance.test.ts). */
function examplePlan() {
  const plan = scenarioPlan(inputs);
  return { plan, ...loadPlan(plan) };
}

describe('the scenario sheet plan in a real formula engine', () => {

  it('computes every formula without an error', () => {
    const { plan, hf, sheet } = examplePlan();
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
    const { hf, sheet } = examplePlan();
    const { byLabel } = readByLabel(hf, sheet);
    for (const [label, expected] of Object.entries(expectedResults(inputs))) expectResult(label, byLabel.get(label), expected);
  });

  it('spills COMPARE with the model\'s table', () => {
    const { hf, sheet } = examplePlan();
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
    const { hf, sheet } = examplePlan();
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
    const fresh = planEngine(scenarioPlan(inputs));
    fresh.set('expected_monthly_hours', 3.5);
    const changed = { ...inputs, expectedMonthlyHours: 3.5 };
    const { byLabel } = readByLabel(fresh.hf, fresh.sheet);
    for (const [label, expected] of Object.entries(expectedResults(changed))) expectResult(label, byLabel.get(label), expected);
    expect(byLabel.get('Block: expected saving vs hourly over the term')).not.toBeCloseTo(expectedResults(inputs)['Block: expected saving vs hourly over the term'], 3);
  });

  it('states the period of each saving, and the two over the term are COMPARE\'s saving column', () => {
    const { hf, sheet } = examplePlan();
    const values = hf.getSheetValues(sheet);
    const units = new Map<string, unknown>(values.filter((row) => typeof row[0] === 'string').map((row) => [row[0] as string, row[2]]));
    const savings = [...units.keys()].filter((label) => /saving vs hourly/.test(label));
    expect(savings).toHaveLength(3);
    for (const label of savings) {
      const period = /over the term$/.test(label) ? 'over the term' : /per month$/.test(label) ? 'per month' : undefined;
      expect({ label, period }).toEqual({ label, period: expect.any(String) });
      expect(String(units.get(label))).toContain(period);
    }
    // Over the term, the block's and managed services' savings sit on adjacent rows, both from the same basis as COMPARE.
    const labels = values.map((row) => row[0]);
    const block = labels.indexOf('Block: expected saving vs hourly over the term');
    expect(labels[block + 1]).toBe('Managed: expected saving vs hourly over the term');
    const { byLabel } = readByLabel(hf, sheet);
    const table = valueOf(compare(scenarioCompareArguments(inputs)));
    expect(byLabel.get('Block: expected saving vs hourly over the term')).toBeCloseTo(table.block.savingVsHourly, 6);
    expect(byLabel.get('Managed: expected saving vs hourly over the term')).toBeCloseTo(table.managed.savingVsHourly, 6);
  });
});

describe('the scenario sheet for any inputs (seeded)', () => {
  // Monthly variability from steady to wild, with and without discounting: COMPARE and RECOMMEND
  // get the monthly figure, the other functions the term's.
  const inputsArbitrary = fc
    .record({
      hourlyRate: fc.double({ min: 60, max: 250, noNaN: true }),
      expectedMonthlyHours: fc.double({ min: 0.5, max: 30, noNaN: true }),
      monthlyVariability: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1.5, noNaN: true })),
      disruptionCostPerHour: fc.double({ min: 0, max: 200, noNaN: true }),
      blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
      discount: fc.double({ min: 0, max: 0.3, noNaN: true }),
      termMonths: fc.integer({ min: 1, max: 36 }),
      monthlyFee: fc.double({ min: 100, max: 3000, noNaN: true }),
      coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
      incidentReduction: fc.double({ min: 0, max: 0.9, noNaN: true }),
      annualDiscountRate: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.15, noNaN: true })),
    })
    .map(({ discount, ...raw }): RawArguments<typeof SCENARIO_LIMITS> => ({ ...raw, blockPrice: raw.blockHours * raw.hourlyRate * (1 - discount), overageRate: raw.hourlyRate }));

  it('shows the model\'s results and COMPARE table', () => {
    fc.assert(
      fc.property(inputsArbitrary, (raw) => {
        const s = valueOf(checkScenario(raw));
        const { hf, sheet } = loadPlan(scenarioPlan(s, { sensitivityRows: 2 }));
        const { values, byLabel } = readByLabel(hf, sheet);
        for (const [label, expected] of Object.entries(expectedResults(s))) expectResult(label, byLabel.get(label), expected);
        const start = values.findIndex((row) => row[0] === 'Option');
        const table = valueOf(compareTable(scenarioCompareArguments(s)));
        table.slice(1).forEach((row, r) =>
          row.forEach((want, c) => {
            const cell = values[start + 1 + r][c];
            if (typeof want === 'number') expect(Math.abs((cell as number) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
            else if (typeof want === 'string') expect(cell).toBe(want);
          }),
        );
      }),
      { seed: 20261129, numRuns: 25 },
    );
  });
});
