import type { RawArguments } from './arguments';
import { checkedComparison, type Comparison, type OptionFigures } from './compare';
import type { COMPARE_LIMITS } from './limits';
import { mapOutcome, type Outcome } from './outcome';

/** How much worse the cheapest option's 95th-percentile cost may be than the best one before we warn. */
export const BAD_CASE_WARNING_RATIO = 1.2;

// Fixed en-US formatting: a formula's text must not change with the machine that recalculates it.
const money = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2, minimumFractionDigits: 0 });
const hours = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
const share = (fraction: number) => `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
const chance = (probability: number) => {
  // A chance that rounds to 0% or 100% but is neither would mislead.
  if (probability > 0 && probability < 0.01) return 'under 1%';
  if (probability < 1 && probability > 0.99) return 'over 99%';
  return `${(probability * 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}%`;
};

/**
 * The option with the lowest expected cost. Options within a hair of each other tie; a tie goes
 * to the lower 95th-percentile cost, then to the simpler option (hourly, block, managed).
 */
export function cheapestOption(comparison: Comparison): OptionFigures {
  const options = [comparison.hourly, comparison.block, comparison.managed];
  const lowest = Math.min(...options.map((o) => o.expectedCost));
  const tied = options.filter((o) => o.expectedCost <= lowest + 1e-9 * Math.abs(lowest));
  return tied.reduce((best, option) => (option.percentile95Cost < best.percentile95Cost ? option : best));
}

function blockFigures(comparison: Comparison, blockHours: number): string {
  const breakEven = comparison.blockBreakEven;
  const when =
    breakEven.kind === 'hours'
      ? `the block breaks even at ${hours(breakEven.hours)} hours (${share(breakEven.hours / blockHours)} of its ${hours(blockHours)} hours)`
      : 'the block never pays off';
  return `${when} against ${hours(comparison.expectedTermHours)} expected, with a ${chance(comparison.forfeitRisk)} chance of forfeiting hours`;
}

function managedFigures(comparison: Comparison, expectedMonthlyHours: number): string {
  const breakEven = comparison.managedBreakEven;
  const when =
    breakEven.kind === 'hours'
      ? `managed services break even at ${hours(breakEven.monthlyHours)} support hours a month`
      : 'managed services never pay off';
  return `${when} against ${hours(expectedMonthlyHours)} expected`;
}

function badCaseWarning(comparison: Comparison, cheapest: OptionFigures): string {
  const safest = [comparison.hourly, comparison.block, comparison.managed].reduce((best, o) => (o.percentile95Cost < best.percentile95Cost ? o : best));
  if (safest === cheapest || !(cheapest.percentile95Cost > BAD_CASE_WARNING_RATIO * safest.percentile95Cost)) return '';
  return `; but in a bad case (95th percentile of demand) it would cost ${money(cheapest.percentile95Cost)}, against ${money(safest.percentile95Cost)} for ${safest.option.toLowerCase()}`;
}

/**
 * One plain sentence naming the cheapest option in expectation and the figures that decide it:
 * the break-even of the block (and its share of the block) with the chance of forfeiting hours,
 * or the managed break-even and the monthly saving, plus a warning when the cheapest option's
 * 95th-percentile cost is more than 20% above the best 95th-percentile cost.
 */
export function recommendation(comparison: Comparison, args: { expectedMonthlyHours: number; blockHours: number }): string {
  const cheapest = cheapestOption(comparison);
  const term = `${hours(comparison.termMonths)} months`;
  let sentence: string;
  if (cheapest === comparison.block) {
    sentence =
      `Buy the prepaid block: expected cost ${money(cheapest.expectedCost)} over ${term} against ${money(comparison.hourly.expectedCost)} paying hourly, ` +
      `a saving of ${money(cheapest.savingVsHourly)}; ${blockFigures(comparison, args.blockHours)}`;
  } else if (cheapest === comparison.managed) {
    sentence =
      `Choose managed services: expected cost ${money(cheapest.expectedCost)} over ${term} against ${money(comparison.hourly.expectedCost)} paying hourly, ` +
      `a saving of ${money(cheapest.savingVsHourly / comparison.termMonths)} a month; ${managedFigures(comparison, args.expectedMonthlyHours)}`;
  } else {
    sentence =
      `Pay hourly: expected cost ${money(cheapest.expectedCost)} over ${term}, the lowest of the three; ` +
      `${blockFigures(comparison, args.blockHours)}, and ${managedFigures(comparison, args.expectedMonthlyHours)}`;
  }
  return `${sentence}${badCaseWarning(comparison, cheapest)}.`;
}

/**
 * ITCOST.RECOMMEND: checks the same arguments as COMPARE and returns {@link recommendation}.
 *
 * @example
 * recommend({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000 })
 * //=> { ok: true, value: 'Pay hourly: expected cost 4,440 over 12 months, the lowest of the three; …' }
 */
export function recommend(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<string> {
  return mapOutcome(checkedComparison(raw), ({ args, comparison }) => recommendation(comparison, args));
}
