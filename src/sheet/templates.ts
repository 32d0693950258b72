import { checkScenario, type ScenarioInputs } from '../model';
import type { SheetPlan } from './plan';
import { quotesPlan } from './quotes';
import { retainerTrackerPlan } from './retainer-tracker';
import { scenarioPlan } from './scenario';
import { trackerPlan } from './tracker';

/** A year of monthly support hours for a 25-person office: the example behind the options template. */
export const EXAMPLE_HISTORY: readonly number[] = [3.5, 1, 6, 2.5, 0.5, 4, 8, 2, 3, 1.5, 5, 2];

function exampleScenario(): ScenarioInputs {
  const checked = checkScenario({
    hourlyRate: 150,
    expectedMonthlyHours: 3.25,
    monthlyVariability: 0.65,
    disruptionCostPerHour: 60,
    blockHours: 40,
    blockPrice: 5400,
    termMonths: 12,
    overageRate: 150,
    monthlyFee: 900,
    coveredShare: 0.9,
    incidentReduction: 0.3,
    annualDiscountRate: 0.05,
  });
  if (!checked.ok) throw new Error(checked.problem.message);
  return checked.value;
}

export interface TemplateSpec {
  readonly id: 'options' | 'tracker' | 'retainer-tracker' | 'quotes';
  /** File name under dist/templates/. */
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly plan: () => SheetPlan;
}

export const TEMPLATES: readonly TemplateSpec[] = [
  {
    id: 'options',
    file: 'it-support-options.xlsx',
    title: 'IT support options',
    description: 'Hourly, a prepaid block and a managed quote compared, with demand from a year of history.',
    plan: () => scenarioPlan(exampleScenario(), { name: 'IT support options', history: EXAMPLE_HISTORY }),
  },
  {
    id: 'tracker',
    file: 'block-hours-tracker.xlsx',
    title: 'Block-hours tracker',
    description: 'For a block already bought: log hours month by month and see what will expire unused.',
    plan: () =>
      trackerPlan({
        blockHours: 40,
        blockPrice: 5400,
        startDate: 46204, // 2026-07-01
        termMonths: 12,
        overageRate: 150,
        monthlyHours: [3.5, 2, 4.25, 1.5, 3, 2.5, 3.75],
        ticketMinutes: [20, 45, 95, 10, 30],
        incrementMinutes: 15,
        minimumMinutes: 30,
        multiplier: 1,
      }),
  },
  {
    id: 'retainer-tracker',
    file: 'retainer-tracker.xlsx',
    title: 'Retainer tracker',
    description: 'For a monthly retainer under way: log hours month by month and see what carries over, what expires and what will.',
    plan: () =>
      retainerTrackerPlan({
        monthlyHours: 10,
        monthlyPrice: 1250,
        rolloverCap: 0.5,
        startDate: 46204, // 2026-07-01
        termMonths: 12,
        overageRate: 150,
        hoursUsed: [8, 11.5, 6, 9.25, 12.5, 7.5, 6.5],
      }),
  },
  {
    id: 'quotes',
    file: 'provider-quotes.xlsx',
    title: 'Provider quotes',
    description: 'Up to five offers side by side over a common horizon, ranked, with a recommendation.',
    plan: () =>
      quotesPlan({
        expectedMonthlyHours: 3.25,
        monthlyVariability: 0.65,
        disruptionCostPerHour: 60,
        horizonMonths: 12,
        offers: [
          { provider: 'Northside IT', type: 'hourly', hourlyRate: 150 },
          { provider: 'Northside IT', type: 'block', hourlyRate: 150, blockHours: 40, blockPrice: 5400, termMonths: 12 },
          { provider: 'Helpdesk Co', type: 'retainer', hourlyRate: 135, retainerHours: 3, retainerPrice: 380, rolloverCap: 0.5, termMonths: 12, overageRate: 145 },
          { provider: 'Metro MSP', type: 'managed', hourlyRate: 160, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.3 },
          { provider: 'Cloud Care', type: 'managed', hourlyRate: 140, monthlyFee: 650, coveredShare: 0.6, incidentReduction: 0.2 },
        ],
      }),
  },
];
