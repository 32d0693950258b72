/* What the review step shows, computed by the model from the wizard's inputs. Pure. */
import {
  compareOffer,
  gammaEvaluationCount,
  hourlyCostForHours,
  knownHoursBreakEven,
  managedCostForHours,
  mapOutcome,
  offerCostForHours,
  adviseOnOffer,
  scenarioTerms,
  SHEET_FIGURES,
  type FigureFormat,
  type OfferComparison,
  type OptionName,
  type Outcome,
  type Recommendation,
  type Scenario,
  type ScenarioInputs,
} from '../model';

export interface ChartSeries {
  readonly name: OptionName;
  readonly points: readonly (readonly [hours: number, cost: number])[];
}

export interface Preview {
  readonly comparison: OfferComparison;
  /** The verdict and its reasons, as RECOMMEND writes them. */
  readonly recommendation: Recommendation;
  /** Cost over the term against hours used, 0 to twice the expected hours (as on the sheet), with the break-evens and the expected hours marked. */
  readonly chart: {
    readonly series: readonly ChartSeries[];
    readonly markers: readonly { label: string; hours: number }[];
    readonly expectedHours: number;
    readonly maxHours: number;
  };
  /** How long the model took, in milliseconds (reported, never asserted: a clock is not a test). */
  readonly computeMs: number;
  /** How many incomplete-gamma evaluations the model made: the work, counted deterministically. */
  readonly evaluations: number;
}

const CHART_POINTS = 41;

/** The prepaid hours of an offer over the term: the block's, or the retainer's monthly hours × term. */
function prepaidHours(comparison: OfferComparison): number {
  const { offer } = comparison;
  return offer.kind === 'retainer' ? offer.monthlyHours * comparison.termMonths : offer.blockHours;
}

/**
 * The review step for any scenario: the model's comparison of its offer with hourly billing and
 * managed services, the advice, and the chart of cost by hours used. Fails as the model does
 * (a retainer whose carried balance cannot be computed).
 */
export function computeScenarioPreview(scenario: Scenario, now: () => number, f: FigureFormat = SHEET_FIGURES): Outcome<Preview> {
  const started = now();
  const evaluationsBefore = gammaEvaluationCount();
  const { common, offer } = scenarioTerms(scenario);
  return mapOutcome(compareOffer(common, offer), (comparison) => {
    const advice = adviseOnOffer(comparison, common, f);
    const maxHours = Math.max(2 * comparison.expectedTermHours, prepaidHours(comparison) * 1.25, 1);
    const hours = Array.from({ length: CHART_POINTS }, (_, i) => (i / (CHART_POINTS - 1)) * maxHours);
    const disruption = common.disruptionCostPerHour;
    const series: ChartSeries[] = [
      { name: 'Hourly', points: hours.map((h) => [h, hourlyCostForHours(h, common)] as const) },
      { name: comparison.prepaid.option, points: hours.map((h) => [h, offerCostForHours(offer, common.termMonths, h) + disruption * h] as const) },
      { name: 'Managed services', points: hours.map((h) => [h, managedCostForHours(h, common.termMonths, common)] as const) },
    ];
    // The chart shows cost for a known number of hours, so its markers are where those lines cross.
    const markers: { label: string; hours: number }[] = [];
    if (offer.kind === 'block') {
      const blockCrossing = knownHoursBreakEven(common, offer);
      if (blockCrossing.kind === 'hours') markers.push({ label: 'block pays off', hours: blockCrossing.hours });
    }
    if (comparison.managedBreakEven.kind === 'hours') {
      markers.push({ label: 'managed pays off', hours: comparison.managedBreakEven.monthlyHours * common.termMonths });
    }
    return {
      comparison,
      recommendation: advice,
      chart: { series, markers: markers.filter((m) => m.hours <= maxHours), expectedHours: comparison.expectedTermHours, maxHours },
      computeMs: now() - started,
      evaluations: gammaEvaluationCount() - evaluationsBefore,
    };
  });
}

/** {@link computeScenarioPreview} for a block's scenario, which always has one. */
export function computePreview(inputs: ScenarioInputs, now: () => number): Preview {
  const preview = computeScenarioPreview({ kind: 'block', inputs }, now);
  if (!preview.ok) throw new Error(preview.problem.message);
  return preview.value;
}

/** One labelled figure of the review step, as text. */
export interface ReviewFigure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

/**
 * The key figures beside the comparison, written with the model's formatters, so they read
 * exactly as RECOMMEND quotes them: for a block its break-even and chance of forfeiting hours, for
 * a top-up block the blocks bought and the hours that expire, for a retainer the hours forfeited
 * and billed as overage; and the managed break-even.
 */
export function reviewFigures(comparison: OfferComparison, f: FigureFormat = SHEET_FIGURES): readonly ReviewFigure[] {
  const managedEven = comparison.managedBreakEven;
  const managed: ReviewFigure = {
    id: 'figure-managed-break-even',
    label: 'Managed services pay off from',
    value: managedEven.kind === 'hours' ? `${f.number(managedEven.monthlyHours)} h a month` : 'never pays off',
  };
  const term = `over ${f.number(comparison.termMonths)} months`;
  const { figures, offer } = comparison;
  if (figures.kind === 'topUp' && offer.kind === 'topUp') {
    return [
      { id: 'figure-expected-blocks', label: 'Blocks bought, on average', value: `${f.number(figures.expectedBlocks)} of ${f.number(offer.blockHours)} h ${term}` },
      { id: 'figure-expired-hours', label: 'Hours of the last block that expire', value: `${f.number(figures.expiredHours)} h` },
      managed,
    ];
  }
  if (figures.kind === 'retainer') {
    return [
      { id: 'figure-forfeited-hours', label: 'Retainer hours forfeited', value: `${f.number(figures.forfeitedHours)} h ${term}` },
      { id: 'figure-overage-hours', label: 'Hours billed as overage', value: `${f.number(figures.overageHours)} h ${term}` },
      managed,
    ];
  }
  const blockEven = figures.kind === 'block' ? figures.breakEven : { kind: 'never' as const };
  const blockHours = prepaidHours(comparison);
  return [
    {
      id: 'figure-block-break-even',
      label: 'The block pays off from',
      value: blockEven.kind === 'hours' ? `${f.number(blockEven.hours)} h ${term} (${f.percent(blockEven.hours / blockHours)} of the block)` : 'never pays off',
    },
    managed,
    { id: 'figure-forfeit-risk', label: 'Chance some block hours expire unused', value: f.chance(figures.kind === 'block' ? figures.forfeitRisk : NaN) },
  ];
}

/** The review step's table: COMPARE's header and rows, each cell as text. */
export const REVIEW_HEADER = ['Option', 'Expected cost', 'Paid per hour', 'Bad case', 'Saving vs hourly'] as const;

/** What a cost per support hour that does not exist (no hours worked) or does not fit shows. */
export const NO_COST_PER_HOUR = '–';

export function reviewRows(comparison: OfferComparison, f: FigureFormat = SHEET_FIGURES): readonly (readonly string[])[] {
  return [comparison.hourly, comparison.prepaid, comparison.managed].map((option) => [
    option.option,
    f.money(option.expectedCost),
    option.costPerSupportHour !== undefined && Number.isFinite(option.costPerSupportHour) ? f.money(option.costPerSupportHour) : NO_COST_PER_HOUR,
    f.money(option.percentile95Cost),
    f.money(option.savingVsHourly),
  ]);
}
