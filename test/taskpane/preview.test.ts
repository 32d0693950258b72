import fc from 'fast-check';
import {
  breakEvenValue,
  checkScenario,
  compareOptions,
  compareTable,
  formatChance,
  formatMoney,
  formatNumber,
  formatPercent,
  forfeitRisk,
  gammaEvaluationCount,
  recommend,
  recommendationText,
  scenarioCompareArguments,
  type ScenarioInputs,
} from '../../src/model';
import { NO_COST_PER_HOUR, computePreview, computeScenarioPreview, reviewFigures, reviewRows } from '../../src/taskpane/preview';

function scenario(raw: Parameters<typeof checkScenario>[0]): ScenarioInputs {
  const checked = checkScenario(raw);
  if (!checked.ok) throw new Error(checked.problem.message);
  return checked.value;
}

const clock = () => 0;
const INPUTS = scenario({
  hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400,
  termMonths: 12, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25,
});

const scenarios = fc
  .record({
    hourlyRate: fc.double({ min: 40, max: 300, noNaN: true }),
    expectedMonthlyHours: fc.double({ min: 0, max: 40, noNaN: true }),
    monthlyVariability: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2, noNaN: true })),
    disruptionCostPerHour: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 150, noNaN: true })),
    blockHours: fc.integer({ min: 5, max: 300 }),
    discount: fc.double({ min: 0, max: 0.3, noNaN: true }),
    termMonths: fc.integer({ min: 1, max: 36 }),
    feeShare: fc.double({ min: 0.3, max: 1.5, noNaN: true }),
    coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    incidentReduction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    annualDiscountRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
  })
  .map(({ discount, feeShare, ...o }) =>
    scenario({ ...o, blockPrice: o.blockHours * o.hourlyRate * (1 - discount), monthlyFee: Math.max(1, feeShare * o.hourlyRate * o.expectedMonthlyHours) }),
  );

describe('the review step', () => {
  it('counts its work: the evaluations COMPARE makes, and none more for the advice or the chart', () => {
    fc.assert(
      fc.property(scenarios, (inputs) => {
        const before = gammaEvaluationCount();
        compareOptions(scenarioCompareArguments(inputs));
        const comparing = gammaEvaluationCount() - before;
        expect(computePreview(inputs, clock).evaluations).toBe(comparing);
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  it('shows the advice RECOMMEND gives for the same inputs, verdict first', () => {
    const { recommendation } = computePreview(INPUTS, clock);
    expect(recommendationText(recommendation)).toBe(valueOfRecommend(INPUTS));
    expect(recommendation.reasons.length).toBeGreaterThanOrEqual(2);
    expect(['Pay hourly', 'Buy the prepaid block', 'Choose managed services']).toContain(recommendation.verdict);
  });

  it('shows COMPARE\'s cells in its table, written by the model\'s money formatter', () => {
    const { comparison } = computePreview(INPUTS, clock);
    const table = compareTable(scenarioCompareArguments(INPUTS));
    if (!table.ok) throw new Error(table.problem.message);
    expect(reviewRows(comparison)).toEqual(table.value.slice(1).map((row) => row.map((cell) => (typeof cell === 'number' ? formatMoney(cell) : cell))));
  });

  it('shows what the provider is paid per hour, not the cost of disruption', () => {
    const [hourly] = reviewRows(computePreview(INPUTS, clock).comparison);
    expect(hourly[2]).toBe('185.00');
  });

  it('shows a dash for the cost per hour when no support hours are expected', () => {
    const rows = reviewRows(computePreview({ ...INPUTS, expectedMonthlyHours: 0 }, clock).comparison);
    expect(rows.map((row) => row[2])).toEqual([NO_COST_PER_HOUR, NO_COST_PER_HOUR, NO_COST_PER_HOUR]);
  });

  it('writes the break-even and the chance of forfeiting hours as BREAKEVEN and FORFEITRISK give them', () => {
    const figures = reviewFigures(computePreview(INPUTS, clock).comparison);
    const variability = 0.6 / Math.sqrt(12);
    const breakEven = breakEvenValue({ hourlyRate: 185, blockHours: 20, blockPrice: 3400, variability });
    const chance = forfeitRisk({ expectedHours: 24, blockHours: 20, variability });
    if (!breakEven.ok || !chance.ok) throw new Error('expected values');
    expect(figures.find((f) => f.id === 'figure-block-break-even')?.value).toBe(`${formatNumber(breakEven.value)} h over 12 months (${formatPercent(breakEven.value / 20)} of the block)`);
    expect(figures.find((f) => f.id === 'figure-forfeit-risk')?.value).toBe(formatChance(chance.value));
  });

  it('never quotes a figure in the advice that its own table or figures write differently', () => {
    fc.assert(
      fc.property(scenarios, (inputs) => {
        const { comparison, recommendation } = computePreview(inputs, clock);
        const shown = [...reviewRows(comparison).flat(), ...reviewFigures(comparison).map((f) => f.value)].join(' | ');
        const text = recommendationText(recommendation);
        // Costs and savings: each in the table, exactly as written there.
        for (const money of text.match(/\d{1,3}(?:,\d{3})*\.\d{2}(?= (?:paying|with)| against|\))/g) ?? []) expect(shown).toContain(money);
        // The block's break-even and the chance of forfeiting hours, exactly as the figures write them.
        const breakEven = /breaks even at ([\d,.]+) h of use .*?\(([\d,.]+%) of its/.exec(text);
        if (breakEven) expect(shown).toContain(`${breakEven[1]} h over`);
        if (breakEven) expect(shown).toContain(`(${breakEven[2]} of the block)`);
        const chance = /hours expire unused is ((?:under |over )?[\d,.]+%)/.exec(text);
        if (chance) expect(shown).toContain(chance[1]);
        const managed = /break even at ([\d,.]+) support hours a month/.exec(text);
        if (managed) expect(shown).toContain(`${managed[1]} h a month`);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

function valueOfRecommend(inputs: ScenarioInputs): string {
  const outcome = recommend(scenarioCompareArguments(inputs));
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

describe('the review of a top-up block or a retainer', () => {
  const common = { hourlyRate: 150, expectedMonthlyHours: 8, monthlyVariability: 0.5, disruptionCostPerHour: 0, termMonths: 12, monthlyFee: 1500, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0 };

  it('shows a retainer’s row, its hours forfeited and billed as overage, and its cost line', () => {
    const scenario = { kind: 'retainer', inputs: { ...common, retainerHours: 8, retainerPrice: 1050, rolloverCap: 0.4, overageRate: 160 } } as const;
    const preview = computeScenarioPreview(scenario, clock);
    if (!preview.ok) throw new Error(preview.problem.message);
    const { comparison } = preview.value;
    expect(reviewRows(comparison).map((row) => row[0])).toEqual(['Hourly', 'Monthly retainer', 'Managed services']);
    expect(reviewRows(comparison)[1][1]).toBe(formatMoney(comparison.prepaid.expectedCost));
    const figures = comparison.figures.kind === 'retainer' ? comparison.figures : undefined;
    expect(reviewFigures(comparison).map((f) => [f.id, f.value])).toEqual([
      ['figure-forfeited-hours', `${formatNumber(figures?.forfeitedHours ?? NaN)} h over 12 months`],
      ['figure-overage-hours', `${formatNumber(figures?.overageHours ?? NaN)} h over 12 months`],
      ['figure-managed-break-even', expect.stringMatching(/ h a month$/)],
    ]);
    const line = preview.value.chart.series.find((s) => s.name === 'Monthly retainer');
    expect(line?.points[0]).toEqual([0, 12 * 1050]);
    expect(preview.value.chart.markers.map((m) => m.label)).not.toContain('block break-even');
  });

  it('shows a top-up block’s blocks bought and hours that expire', () => {
    const scenario = { kind: 'topUp', inputs: { ...common, blockHours: 24, blockPrice: 3300 } } as const;
    const preview = computeScenarioPreview(scenario, clock);
    if (!preview.ok) throw new Error(preview.problem.message);
    expect(reviewFigures(preview.value.comparison).map((f) => f.id)).toEqual(['figure-expected-blocks', 'figure-expired-hours', 'figure-managed-break-even']);
    expect(preview.value.recommendation.verdict).toMatch(/^(Pay hourly|Buy the top-up block|Choose managed services)$/);
  });

  it('gives the model’s problem when a retainer cannot be computed', () => {
    const scenario = { kind: 'retainer', inputs: { ...common, monthlyVariability: 0.02, termMonths: 36, retainerHours: 8, retainerPrice: 1050, rolloverCap: 34, overageRate: 160 } } as const;
    const preview = computeScenarioPreview(scenario, clock);
    expect(preview.ok).toBe(false);
  });
});
