/* What the review step shows, computed by the model from the wizard's inputs. Pure. */
import {
  breakEvenHours,
  compareOptions,
  costsForHoursUsed,
  formatChance,
  formatMoney,
  formatNumber,
  formatPercent,
  gammaEvaluationCount,
  recommendationFor,
  scenarioCompareArguments,
  type Comparison,
  type Recommendation,
  type ScenarioInputs,
} from '../model';

export interface ChartSeries {
  readonly name: 'Hourly' | 'Prepaid block' | 'Managed services';
  readonly points: readonly (readonly [hours: number, cost: number])[];
}

export interface Preview {
  readonly comparison: Comparison;
  /** The verdict and its reasons, as RECOMMEND writes them. */
  readonly recommendation: Recommendation;
  /** Cost over the term against hours used, 0 to twice the expected hours (as on the sheet). */
  readonly chart: { readonly series: readonly ChartSeries[]; readonly markers: readonly { label: string; hours: number }[]; readonly maxHours: number };
  /** How long the model took, in milliseconds (reported, never asserted: a clock is not a test). */
  readonly computeMs: number;
  /** How many incomplete-gamma evaluations the model made: the work, counted deterministically. */
  readonly evaluations: number;
}

const CHART_POINTS = 41;

export function computePreview(inputs: ScenarioInputs, now: () => number): Preview {
  const started = now();
  const evaluationsBefore = gammaEvaluationCount();
  const args = scenarioCompareArguments(inputs);
  const comparison = compareOptions(args);
  const advice = recommendationFor(comparison, args);
  const maxHours = Math.max(2 * comparison.expectedTermHours, inputs.blockHours * 1.25, 1);
  const hours = Array.from({ length: CHART_POINTS }, (_, i) => (i / (CHART_POINTS - 1)) * maxHours);
  const costs = hours.map((h) => costsForHoursUsed(inputs, h));
  const series: ChartSeries[] = [
    { name: 'Hourly', points: hours.map((h, i) => [h, costs[i].hourly] as const) },
    { name: 'Prepaid block', points: hours.map((h, i) => [h, costs[i].block] as const) },
    { name: 'Managed services', points: hours.map((h, i) => [h, costs[i].managed] as const) },
  ];
  // The chart shows cost for a known number of hours, so its markers are where those lines cross.
  const markers: { label: string; hours: number }[] = [];
  const blockCrossing = breakEvenHours({ ...inputs, variability: 0 });
  if (blockCrossing.kind === 'hours') markers.push({ label: 'block break-even', hours: blockCrossing.hours });
  if (comparison.managedBreakEven.kind === 'hours') {
    markers.push({ label: 'managed break-even', hours: comparison.managedBreakEven.monthlyHours * inputs.termMonths });
  }
  return {
    comparison,
    recommendation: advice,
    chart: { series, markers: markers.filter((m) => m.hours <= maxHours), maxHours },
    computeMs: now() - started,
    evaluations: gammaEvaluationCount() - evaluationsBefore,
  };
}

/** One labelled figure of the review step, as text. */
export interface ReviewFigure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

/**
 * The key figures beside the comparison, written with the model's formatters, so they read
 * exactly as RECOMMEND quotes them.
 */
export function reviewFigures(comparison: Comparison, termMonths: number, blockHours: number): readonly ReviewFigure[] {
  const blockEven = comparison.blockBreakEven;
  const managedEven = comparison.managedBreakEven;
  return [
    {
      id: 'figure-block-break-even',
      label: 'Block break-even',
      value:
        blockEven.kind === 'hours'
          ? `${formatNumber(blockEven.hours)} h over ${formatNumber(termMonths)} months (${formatPercent(blockEven.hours / blockHours)} of the block)`
          : 'never pays off',
    },
    {
      id: 'figure-managed-break-even',
      label: 'Managed break-even',
      value: managedEven.kind === 'hours' ? `${formatNumber(managedEven.monthlyHours)} h a month` : 'never pays off',
    },
    { id: 'figure-forfeit-risk', label: 'Chance of forfeiting block hours', value: formatChance(comparison.forfeitRisk) },
  ];
}

/** The review step's table: COMPARE's header and rows, each cell as text. */
export const REVIEW_HEADER = ['Option', 'Expected cost', 'Paid per hour', '95th pct.', 'Saving vs hourly'] as const;

/** What a cost per support hour that does not exist (no hours worked) or does not fit shows. */
export const NO_COST_PER_HOUR = '–';

export function reviewRows(comparison: Comparison): readonly (readonly string[])[] {
  return [comparison.hourly, comparison.block, comparison.managed].map((option) => [
    option.option,
    formatMoney(option.expectedCost),
    option.costPerSupportHour !== undefined && Number.isFinite(option.costPerSupportHour) ? formatMoney(option.costPerSupportHour) : NO_COST_PER_HOUR,
    formatMoney(option.percentile95Cost),
    formatMoney(option.savingVsHourly),
  ]);
}
