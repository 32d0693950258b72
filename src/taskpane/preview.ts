/* What the review step shows, computed by the model from the wizard's inputs. Pure. */
import {
  breakEvenHours,
  compareOptions,
  costsForHoursUsed,
  recommendation,
  scenarioCompareArguments,
  type Comparison,
  type ScenarioInputs,
} from '../model';

export interface ChartSeries {
  readonly name: 'Hourly' | 'Prepaid block' | 'Managed services';
  readonly points: readonly (readonly [hours: number, cost: number])[];
}

export interface Preview {
  readonly comparison: Comparison;
  readonly recommendation: string;
  /** Cost over the term against hours used, 0 to twice the expected hours (as on the sheet). */
  readonly chart: { readonly series: readonly ChartSeries[]; readonly markers: readonly { label: string; hours: number }[]; readonly maxHours: number };
  /** How long the model took, in milliseconds. */
  readonly computeMs: number;
}

const CHART_POINTS = 41;

export function computePreview(inputs: ScenarioInputs, now: () => number): Preview {
  const started = now();
  const args = scenarioCompareArguments(inputs);
  const comparison = compareOptions(args);
  const sentence = recommendation(comparison, args);
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
    recommendation: sentence,
    chart: { series, markers: markers.filter((m) => m.hours <= maxHours), maxHours },
    computeMs: now() - started,
  };
}
