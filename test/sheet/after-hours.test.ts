/** After-hours work at a multiplier on the scenario sheets, in the formula engine. */
import { afterHoursFactor, checkOfferScenario, checkScenario, type ScenarioInputs } from '../../src/model';
import { AFTER_HOURS_FORMULA, withAfterHours } from '../../src/sheet/after-hours';
import { offerScenarioPlan } from '../../src/sheet/offer-scenario';
import { scenarioPlan } from '../../src/sheet/scenario';
import { expectClose, planEngine, valueOf } from './plan-engine';

const AFTER_HOURS = { workedMonthlyHours: 10, share: 0.2, multiplier: 1.5 };

function inputs(expectedMonthlyHours: number): ScenarioInputs {
  return valueOf(
    checkScenario({
      hourlyRate: 150, expectedMonthlyHours, monthlyVariability: 0.4, disruptionCostPerHour: 0, blockHours: 40, blockPrice: 5400,
      termMonths: 12, overageRate: 150, monthlyFee: 900, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0,
    }),
  );
}

describe('after-hours work on a scenario sheet', () => {
  it('counts each hour of work as 1 + share × (multiplier − 1) hours', () => {
    expect(afterHoursFactor({ share: 0.2, multiplier: 1.5 })).toBeCloseTo(1.1, 15);
    expect(afterHoursFactor({ share: 0.25, multiplier: 2 })).toBe(1.25);
    expect(afterHoursFactor({ share: 0, multiplier: 2 })).toBe(1);
  });

  it('shows the hours worked, the share and the multiplier as inputs, and the hours weighed as a formula over them', () => {
    const plan = scenarioPlan(inputs(11), { afterHours: AFTER_HOURS });
    const engine = planEngine(plan);
    expect(engine.number('worked_monthly_hours')).toBe(10);
    expect(engine.number('after_hours_share')).toBe(0.2);
    expect(engine.number('after_hours_multiplier')).toBe(1.5);
    expectClose(engine.number('expected_monthly_hours'), 11, 'expected monthly hours', 1e-15);
    expect(plan.cells.flat().map((cell) => cell?.formula)).toContain(AFTER_HOURS_FORMULA);
    // The rest of the sheet weighs the scaled hours.
    expectClose(engine.number('expected_term_hours'), 132, 'term hours', 1e-15);
    engine.set('after_hours_share', 0.5);
    expectClose(engine.number('expected_monthly_hours'), 12.5, 'after an edit', 1e-15);
    const validated = (plan.validations ?? []).map((validation) => validation.message);
    expect(validated.some((message) => message.includes('0% to 100%'))).toBe(true);
  });

  it('leaves the inputs as they are without after-hours work', () => {
    const fields = [{ label: 'Expected', name: 'expected_monthly_hours', cell: { value: 11 } }];
    expect(withAfterHours(fields, undefined)).toEqual(fields);
    const plan = scenarioPlan(inputs(11));
    expect(plan.names.some((name) => name.name === 'worked_monthly_hours')).toBe(false);
  });

  it('does the same on a top-up block\'s sheet', () => {
    const scenario = valueOf(
      checkOfferScenario('topUp', {
        hourlyRate: 150, expectedMonthlyHours: 11, monthlyVariability: 0.4, disruptionCostPerHour: 0, blockHours: 20, blockPrice: 2700,
        termMonths: 12, monthlyFee: 900, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0,
      }),
    );
    const engine = planEngine(offerScenarioPlan(scenario, { afterHours: AFTER_HOURS }));
    expect(engine.number('worked_monthly_hours')).toBe(10);
    expectClose(engine.number('expected_monthly_hours'), 11, 'expected monthly hours', 1e-15);
  });
});
