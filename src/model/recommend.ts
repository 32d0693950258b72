import type { RawArguments } from './arguments';
import { checkedComparison, optionRows, type CompareArguments, type Comparison, type OptionFigures, type OptionName, type OptionRows } from './compare';
import { formatChance, formatMoney, formatNumber, formatPercent } from './format';
import type { COMPARE_LIMITS } from './limits';
import { mapOutcome, type Outcome } from './outcome';

/** How much worse the cheapest option's 95th-percentile cost may be than the best one before we warn. */
export const BAD_CASE_WARNING_RATIO = 1.2;

/** RECOMMEND's first words, one per option. */
export type Verdict = 'Pay hourly' | 'Buy the prepaid block' | 'Choose managed services';

export const VERDICTS: Readonly<Record<OptionName, Verdict>> = {
  Hourly: 'Pay hourly',
  'Prepaid block': 'Buy the prepaid block',
  'Managed services': 'Choose managed services',
};

/** An option as the subject or object of a sentence: "the prepaid block would be cheaper". */
const NAMES: Readonly<Record<OptionName, string>> = {
  Hourly: 'paying hourly',
  'Prepaid block': 'the prepaid block',
  'Managed services': 'managed services',
};

/** An option after a cost: "4,440.00 paying hourly", "36,000.00 with managed services". */
const COSTED: Readonly<Record<OptionName, string>> = {
  Hourly: 'paying hourly',
  'Prepaid block': 'with the prepaid block',
  'Managed services': 'with managed services',
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The advice: the option to choose, its verdict, and the reasons, each a sentence. */
export interface Recommendation {
  readonly option: OptionName;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
}

/** The options whose expected cost is the lowest, within a hair (1e-9 relative), in row order. */
function lowestExpectedCost(rows: OptionRows): OptionFigures[] {
  const options = [rows.hourly, rows.block, rows.managed];
  const lowest = Math.min(...options.map((o) => o.expectedCost));
  return options.filter((o) => o.expectedCost <= lowest + 1e-9 * Math.abs(lowest));
}

/**
 * The option with the lowest expected cost. Options within a hair of each other tie; a tie goes
 * to the lower 95th-percentile cost, then to the simpler option (hourly, block, managed).
 */
export function cheapestOption(rows: OptionRows): OptionFigures {
  return lowestExpectedCost(rows).reduce((best, option) => (option.percentile95Cost < best.percentile95Cost ? option : best));
}

/** The option that would be strictly cheaper than `chosen` in expectation, not merely tied with it. */
function strictlyCheaper(rows: OptionRows, chosen: OptionName): OptionName | undefined {
  return lowestExpectedCost(rows).some((o) => o.option === chosen) ? undefined : cheapestOption(rows).option;
}

/** COMPARE's rows in two simpler worlds, to tell when discounting or uneven demand decided the choice. */
export interface SimplerWorlds {
  /** The same demand, every payment at face value. */
  readonly undiscounted: OptionRows;
  /**
   * Undiscounted, and exactly the expected hours are needed: the basis of the scenario sheet's
   * table of cost by hours used.
   */
  readonly knownHours: OptionRows;
}

/** Both worlds reuse the comparison's demand figures, so they cost no further incomplete-gamma evaluations. */
export function simplerWorlds(args: CompareArguments, comparison: Comparison): SimplerWorlds {
  const mean = comparison.demand.expectedHours;
  const known = { expectedHours: mean, expectedOverageHours: Math.max(0, mean - args.blockHours), percentile95Hours: mean };
  return { undiscounted: optionRows(args, comparison.demand, 1), knownHours: optionRows(args, known, 1) };
}

/** "over the 12-month term", the period every cost in COMPARE covers. */
function termLabel(comparison: Comparison): string {
  return `over the ${formatNumber(comparison.termMonths)}-month term`;
}

function costReason(comparison: Comparison, chosen: OptionFigures, args: CompareArguments): string {
  const others = [comparison.hourly, comparison.block, comparison.managed].filter((o) => o !== chosen);
  const against = others.map((o) => {
    const saving = o === comparison.hourly && formatMoney(chosen.savingVsHourly) !== formatMoney(0) ? ` (a saving of ${formatMoney(chosen.savingVsHourly)})` : '';
    return `${formatMoney(o.expectedCost)} ${COSTED[o.option]}${saving}`;
  });
  const basis = args.annualDiscountRate > 0 ? `, in today's money at ${formatPercent(args.annualDiscountRate)} a year` : '';
  return `Expected cost ${termLabel(comparison)}${basis}: ${formatMoney(chosen.expectedCost)} ${COSTED[chosen.option]}, against ${against.join(' and ')}.`;
}

function blockReason(comparison: Comparison, args: CompareArguments, chosen: boolean, undiscounted: OptionRows): string {
  const breakEven = comparison.blockBreakEven;
  const subject = chosen ? 'It' : 'The prepaid block';
  if (breakEven.kind === 'never') return `${subject} never pays off: at every level of use it costs more than paying hourly.`;
  const expected = `you expect ${formatNumber(comparison.expectedTermHours)} h`;
  if (!chosen && breakEven.hours <= comparison.expectedTermHours && undiscounted.block.expectedCost > undiscounted.hourly.expectedCost) {
    // Past its break-even the block stays cheaper unless its overage rate is above the hourly rate:
    // then it pays off only on a band of use, and the expected hours lie beyond it.
    return (
      `The prepaid block pays off from ${formatNumber(breakEven.hours)} h of use ${termLabel(comparison)}, but its overage rate ` +
      `(${formatMoney(args.overageRate)} an hour, against ${formatMoney(args.hourlyRate)} paying hourly) makes it dearer at the ${formatNumber(comparison.expectedTermHours)} h you expect.`
    );
  }
  const risk = chosen ? `, and the chance that some of its hours expire unused is ${formatChance(comparison.forfeitRisk)}` : '';
  return (
    `${subject} breaks even at ${formatNumber(breakEven.hours)} h of use ${termLabel(comparison)} ` +
    `(${formatPercent(breakEven.hours / args.blockHours)} of its ${formatNumber(args.blockHours)} h); ${expected}${risk}.`
  );
}

function managedReason(comparison: Comparison, args: CompareArguments, chosen: boolean): string {
  const breakEven = comparison.managedBreakEven;
  const subject = chosen ? 'They' : 'Managed services';
  if (breakEven.kind === 'never') return `${subject} never pay off: they save nothing per support hour.`;
  return `${subject} break even at ${formatNumber(breakEven.monthlyHours)} support hours a month; you expect ${formatNumber(args.expectedMonthlyHours)} h a month.`;
}

/** When another option costs the same in expectation, the choice was made on the bad case. */
function tieReason(comparison: Comparison, chosen: OptionFigures): string | undefined {
  const tied = lowestExpectedCost(comparison).filter((o) => o !== chosen);
  if (tied.length === 0) return undefined;
  const names = tied.map((o) => NAMES[o.option]).join(' and ');
  const costs = tied.map((o) => `${formatMoney(o.percentile95Cost)} ${COSTED[o.option]}`).join(' and ');
  return (
    `${capitalized(names)} would cost the same on average, but with demand at its 95th percentile (${formatNumber(comparison.demand.percentile95Hours)} h ${termLabel(comparison)}) ` +
    `${NAMES[chosen.option]} would cost ${formatMoney(chosen.percentile95Cost)}, against ${costs}.`
  );
}

/** When the cheapest option's 95th-percentile cost is more than 20% above the best one. */
function badCaseReason(comparison: Comparison, chosen: OptionFigures): string | undefined {
  const safest = [comparison.hourly, comparison.block, comparison.managed].reduce((best, o) => (o.percentile95Cost < best.percentile95Cost ? o : best));
  if (safest === chosen || !(chosen.percentile95Cost > BAD_CASE_WARNING_RATIO * safest.percentile95Cost)) return undefined;
  return (
    `But in a bad case, with demand at its 95th percentile (${formatNumber(comparison.demand.percentile95Hours)} h ${termLabel(comparison)}), ` +
    `${NAMES[chosen.option]} would cost ${formatMoney(chosen.percentile95Cost)}, against ${formatMoney(safest.percentile95Cost)} ${COSTED[safest.option]}.`
  );
}

function discountingReason(undiscounted: OptionName): string {
  const why = undiscounted === 'Prepaid block' ? ': its price is paid up front, the other costs month by month' : '';
  return `Without discounting, ${NAMES[undiscounted]} would be cheaper${why}.`;
}

function unevenDemandReason(comparison: Comparison, args: CompareArguments, knownHours: OptionName): string {
  const basis = `At exactly the expected ${formatNumber(comparison.expectedTermHours)} h ${termLabel(comparison)}${args.annualDiscountRate > 0 ? ' and without discounting' : ''}`;
  // Uneven demand only ever raises the block's expected overage; the other costs are linear in hours.
  const why = knownHours === 'Prepaid block' ? ', but uneven demand raises its expected overage, which tips the balance' : ', but uneven demand tips the balance';
  return `${basis}, ${NAMES[knownHours]} would be cheaper${why}.`;
}

/**
 * The advice for a comparison: the option with the lowest expected cost ({@link cheapestOption})
 * and, as sentences, the deciding figures, each labelled with its period and written with the
 * shared formatters, so they read exactly as COMPARE's cells, BREAKEVEN and the task pane show them:
 * - the expected costs over the term, and the chosen option's saving against paying hourly;
 * - for the block, where it breaks even (as BREAKEVEN, undiscounted) and the chance of forfeiting hours;
 *   for managed services, their break-even support hours a month;
 * - a warning when the chosen option's 95th-percentile cost is more than 20% above the best one;
 * - a sentence when discounting, or uneven demand, changed the choice ({@link simplerWorlds}): when
 *   another option would be strictly cheaper without discounting, or at exactly the expected hours.
 */
export function recommendationFor(comparison: Comparison, args: CompareArguments): Recommendation {
  const chosen = cheapestOption(comparison);
  const reasons = [costReason(comparison, chosen, args)];
  const worlds = simplerWorlds(args, comparison);
  if (chosen.option === 'Prepaid block') reasons.push(blockReason(comparison, args, true, worlds.undiscounted));
  else if (chosen.option === 'Managed services') reasons.push(managedReason(comparison, args, true));
  else reasons.push(blockReason(comparison, args, false, worlds.undiscounted), managedReason(comparison, args, false));

  const tie = tieReason(comparison, chosen);
  if (tie) reasons.push(tie);
  const badCase = badCaseReason(comparison, chosen);
  if (badCase) reasons.push(badCase);
  const undiscounted = strictlyCheaper(worlds.undiscounted, chosen.option);
  const knownHours = strictlyCheaper(worlds.knownHours, chosen.option);
  if (undiscounted) reasons.push(discountingReason(undiscounted));
  // When undiscounted and known hours favour the same option, discounting alone explains it.
  if (knownHours && knownHours !== undiscounted) reasons.push(unevenDemandReason(comparison, args, knownHours));
  return { option: chosen.option, verdict: VERDICTS[chosen.option], reasons: reasons.map(capitalized) };
}

/** The advice as one cell of text: the verdict, then the reasons. */
export function recommendationText(advice: Recommendation): string {
  return [`${advice.verdict}.`, ...advice.reasons].join(' ');
}

/** {@link recommendationFor} as RECOMMEND writes it. */
export function recommendation(comparison: Comparison, args: CompareArguments): string {
  return recommendationText(recommendationFor(comparison, args));
}

/**
 * ITCOST.RECOMMEND: checks the same arguments as COMPARE and returns {@link recommendation}.
 *
 * @example
 * recommend({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000 })
 * //=> { ok: true, value: 'Buy the prepaid block. Expected cost over the 12-month term: 4,140.00 with the prepaid block, against 4,440.00 paying hourly (a saving of 300.00) and 36,000.00 with managed services. It breaks even at 18.4 h of use over the 12-month term (91.9% of its 20 h); you expect 24 h, and the chance that some of its hours expire unused is 0.0%.' }
 */
export function recommend(raw: RawArguments<typeof COMPARE_LIMITS>): Outcome<string> {
  return mapOutcome(checkedComparison(raw), ({ args, comparison }) => recommendation(comparison, args));
}
