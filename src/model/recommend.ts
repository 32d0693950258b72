import type { RawArguments } from './arguments';
import { checkedComparison, optionRows, type CompareArguments, type Comparison, type OptionFigures, type OptionName } from './compare';
import { SHEET_FIGURES, type FigureFormat } from './format';
import type { COMPARE_LIMITS } from './limits';
import { blockCompareArguments, blockOfferComparison, type CommonTerms, type OfferComparison, type PrepaidOffer } from './offer';
import { mapOutcome, type Outcome } from './outcome';

/** How much worse the cheapest option's 95th-percentile cost may be than the best one before we warn. */
export const BAD_CASE_WARNING_RATIO = 1.2;

/** RECOMMEND's first words, one per option (RECOMMEND itself weighs a block; the task pane any offer). */
export type Verdict = 'Pay hourly' | 'Buy the prepaid block' | 'Buy the top-up block' | 'Take the monthly retainer' | 'Choose managed services';

export const VERDICTS: Readonly<Record<OptionName, Verdict>> = {
  Hourly: 'Pay hourly',
  'Prepaid block': 'Buy the prepaid block',
  'Top-up block': 'Buy the top-up block',
  'Monthly retainer': 'Take the monthly retainer',
  'Managed services': 'Choose managed services',
};

/** An option as the subject or object of a sentence: "the prepaid block would be cheaper". */
const NAMES: Readonly<Record<OptionName, string>> = {
  Hourly: 'paying hourly',
  'Prepaid block': 'the prepaid block',
  'Top-up block': 'the top-up block',
  'Monthly retainer': 'the monthly retainer',
  'Managed services': 'managed services',
};

/** An option after a cost: "4,440.00 paying hourly", "36,000.00 with managed services". */
const COSTED: Readonly<Record<OptionName, string>> = {
  Hourly: 'paying hourly',
  'Prepaid block': 'with the prepaid block',
  'Top-up block': 'with the top-up block',
  'Monthly retainer': 'with the monthly retainer',
  'Managed services': 'with managed services',
};

/** The three rows any comparison has: hourly billing, the prepaid offer, managed services. */
export interface ThreeRows {
  readonly hourly: OptionFigures;
  readonly prepaid: OptionFigures;
  readonly managed: OptionFigures;
}

const rowsOf = (rows: ThreeRows) => [rows.hourly, rows.prepaid, rows.managed];

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The advice: the option to choose, its verdict, and the reasons, each a sentence. */
export interface Recommendation {
  readonly option: OptionName;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
}

/** The options whose expected cost is the lowest, within a hair (1e-9 relative), in row order. */
function lowestExpectedCost(rows: ThreeRows): OptionFigures[] {
  const options = rowsOf(rows);
  const lowest = Math.min(...options.map((o) => o.expectedCost));
  return options.filter((o) => o.expectedCost <= lowest + 1e-9 * Math.abs(lowest));
}

/**
 * The option with the lowest expected cost. Options within a hair of each other tie; a tie goes
 * to the lower 95th-percentile cost, then to the simpler option (hourly, block, managed).
 */
export function cheapestOption(rows: ThreeRows): OptionFigures {
  return lowestExpectedCost(rows).reduce((best, option) => (option.percentile95Cost < best.percentile95Cost ? option : best));
}

/** The option that would be strictly cheaper than `chosen` in expectation, not merely tied with it. */
function strictlyCheaper(rows: ThreeRows, chosen: OptionName): OptionName | undefined {
  return lowestExpectedCost(rows).some((o) => o.option === chosen) ? undefined : cheapestOption(rows).option;
}

/** The rows in two simpler worlds, to tell when discounting or uneven demand decided the choice. */
export interface SimplerWorlds {
  /** The same demand, every payment at face value. */
  readonly undiscounted: ThreeRows;
  /**
   * Undiscounted, and exactly the expected hours are needed, the same every month: the basis of
   * the scenario sheet's table of cost by hours used.
   */
  readonly knownHours: ThreeRows;
}

/** A block's three rows under COMPARE's arguments, as {@link ThreeRows}. */
function blockRows(args: CompareArguments, demand: Comparison['demand'], discountFactor: number): ThreeRows {
  const rows = optionRows(args, demand, discountFactor);
  return { hourly: rows.hourly, prepaid: rows.block, managed: rows.managed };
}

/**
 * A block's simpler worlds, from the comparison's figures, so they cost no further
 * incomplete-gamma evaluations. (Any offer's: offer-advice.ts.)
 */
export function blockWorlds(common: CommonTerms, comparison: OfferComparison): SimplerWorlds {
  const { offer, demand } = comparison;
  if (offer.kind !== 'block') throw new Error('blockWorlds weighs a block');
  const args = blockCompareArguments(common, offer);
  const known = { expectedHours: demand.expectedHours, expectedOverageHours: Math.max(0, demand.expectedHours - offer.blockHours), percentile95Hours: demand.expectedHours };
  return { undiscounted: blockRows(args, demand, 1), knownHours: blockRows(args, known, 1) };
}

/** "over the 12-month term", the period every cost in COMPARE covers. */
export function termLabel(comparison: OfferComparison, f: FigureFormat): string {
  return `over the ${f.number(comparison.termMonths)}-month term`;
}

function costReason(comparison: OfferComparison, chosen: OptionFigures, common: CommonTerms, f: FigureFormat): string {
  const others = rowsOf(comparison).filter((o) => o !== chosen);
  const against = others.map((o) => {
    const saving = o === comparison.hourly && f.money(chosen.savingVsHourly) !== f.money(0) ? ` (a saving of ${f.money(chosen.savingVsHourly)})` : '';
    return `${f.money(o.expectedCost)} ${COSTED[o.option]}${saving}`;
  });
  const basis = common.annualDiscountRate > 0 ? `, in today's money at ${f.percent(common.annualDiscountRate)} a year` : '';
  return `Expected cost ${termLabel(comparison, f)}${basis}: ${f.money(chosen.expectedCost)} ${COSTED[chosen.option]}, against ${against.join(' and ')}.`;
}

export function blockReason(
  comparison: OfferComparison,
  common: CommonTerms,
  offer: Extract<PrepaidOffer, { kind: 'block' }>,
  chosen: boolean,
  undiscounted: ThreeRows,
  f: FigureFormat,
): string {
  if (comparison.figures.kind !== 'block') return '';
  const { breakEven, forfeitRisk } = comparison.figures;
  const subject = chosen ? 'It' : 'The prepaid block';
  if (breakEven.kind === 'never') return `${subject} never pays off: at every level of use it costs more than paying hourly.`;
  const expected = `you expect ${f.number(comparison.expectedTermHours)} h`;
  if (!chosen && breakEven.hours <= comparison.expectedTermHours && undiscounted.prepaid.expectedCost > undiscounted.hourly.expectedCost) {
    // Past its break-even the block stays cheaper unless its overage rate is above the hourly rate:
    // then it pays off only on a band of use, and the expected hours lie beyond it.
    return (
      `The prepaid block pays off from ${f.number(breakEven.hours)} h of use ${termLabel(comparison, f)}, but its overage rate ` +
      `(${f.money(offer.overageRate)} an hour, against ${f.money(common.hourlyRate)} paying hourly) makes it dearer at the ${f.number(comparison.expectedTermHours)} h you expect.`
    );
  }
  const risk = chosen ? `, and the chance that some of its hours expire unused is ${f.chance(forfeitRisk)}` : '';
  return (
    `${subject} breaks even at ${f.number(breakEven.hours)} h of use ${termLabel(comparison, f)} ` +
    `(${f.percent(breakEven.hours / offer.blockHours)} of its ${f.number(offer.blockHours)} h); ${expected}${risk}.`
  );
}

function managedReason(comparison: OfferComparison, common: CommonTerms, chosen: boolean, f: FigureFormat): string {
  const breakEven = comparison.managedBreakEven;
  const subject = chosen ? 'They' : 'Managed services';
  if (breakEven.kind === 'never') return `${subject} never pay off: they save nothing per support hour.`;
  return `${subject} break even at ${f.number(breakEven.monthlyHours)} support hours a month; you expect ${f.number(common.expectedMonthlyHours)} h a month.`;
}

/** When another option costs the same in expectation, the choice was made on the bad case. */
function tieReason(comparison: OfferComparison, chosen: OptionFigures, f: FigureFormat): string | undefined {
  const tied = lowestExpectedCost(comparison).filter((o) => o !== chosen);
  if (tied.length === 0) return undefined;
  const names = tied.map((o) => NAMES[o.option]).join(' and ');
  const costs = tied.map((o) => `${f.money(o.percentile95Cost)} ${COSTED[o.option]}`).join(' and ');
  return (
    `${capitalized(names)} would cost the same on average, but with demand at its 95th percentile (${f.number(comparison.demand.percentile95Hours)} h ${termLabel(comparison, f)}) ` +
    `${NAMES[chosen.option]} would cost ${f.money(chosen.percentile95Cost)}, against ${costs}.`
  );
}

/** When the cheapest option's 95th-percentile cost is more than 20% above the best one. */
function badCaseReason(comparison: OfferComparison, chosen: OptionFigures, f: FigureFormat): string | undefined {
  const safest = rowsOf(comparison).reduce((best, o) => (o.percentile95Cost < best.percentile95Cost ? o : best));
  if (safest === chosen || !(chosen.percentile95Cost > BAD_CASE_WARNING_RATIO * safest.percentile95Cost)) return undefined;
  return (
    `But in a bad case, with demand at its 95th percentile (${f.number(comparison.demand.percentile95Hours)} h ${termLabel(comparison, f)}), ` +
    `${NAMES[chosen.option]} would cost ${f.money(chosen.percentile95Cost)}, against ${f.money(safest.percentile95Cost)} ${COSTED[safest.option]}.`
  );
}

/** Why discounting favours an option: what is paid when. */
const PAID_WHEN: Readonly<Partial<Record<OptionName, string>>> = {
  'Prepaid block': ': its price is paid up front, the other costs month by month',
  'Top-up block': ': its blocks are paid up front, the other costs month by month',
  'Monthly retainer': ': its fees are paid at the start of each month, the other costs at the end',
};

function discountingReason(undiscounted: OptionName): string {
  return `Without discounting, ${NAMES[undiscounted]} would be cheaper${PAID_WHEN[undiscounted] ?? ''}.`;
}

function unevenDemandReason(comparison: OfferComparison, common: CommonTerms, knownHours: OptionName, f: FigureFormat): string {
  const basis = `At exactly the expected ${f.number(comparison.expectedTermHours)} h ${termLabel(comparison, f)}${common.annualDiscountRate > 0 ? ' and without discounting' : ''}`;
  // Uneven demand only ever raises a block's or retainer's expected overage; hourly and managed costs are linear in hours.
  const raisesOverage = knownHours === 'Prepaid block' || knownHours === 'Monthly retainer';
  const why = raisesOverage ? ', but uneven demand raises its expected overage, which tips the balance' : ', but uneven demand tips the balance';
  return `${basis}, ${NAMES[knownHours]} would be cheaper${why}.`;
}

/**
 * What the advice says of the prepaid offer, and the simpler worlds it is weighed in. A block's
 * ({@link BLOCK_ADVICE}) is here, for RECOMMEND; any offer's is in offer-advice.ts, for the task
 * pane, so that the functions' bundle does not carry the other offers' sentences.
 */
export interface OfferAdvice {
  reason(comparison: OfferComparison, common: CommonTerms, chosen: boolean, undiscounted: ThreeRows, f: FigureFormat): string;
  worlds(common: CommonTerms, comparison: OfferComparison): SimplerWorlds;
}

export const BLOCK_ADVICE: OfferAdvice = {
  reason: (comparison, common, chosen, undiscounted, f) => (comparison.offer.kind === 'block' ? blockReason(comparison, common, comparison.offer, chosen, undiscounted, f) : ''),
  worlds: blockWorlds,
};

/**
 * The advice for an offer's comparison (a block's unless `advice` says how to speak of others): the option with the lowest expected cost
 * ({@link cheapestOption}) and, as sentences, the deciding figures, each labelled with its period
 * and written with the shared formatters, so they read exactly as COMPARE's cells, BREAKEVEN and
 * the task pane show them:
 * - the expected costs over the term, and the chosen option's saving against paying hourly;
 * - for a block, where it breaks even (as BREAKEVEN, undiscounted) and the chance of forfeiting
 *   hours; for a top-up block, the blocks bought and the hours that expire; for a retainer, the
 *   hours forfeited and billed as overage; for managed services, their break-even support hours;
 * - a warning when the chosen option's 95th-percentile cost is more than 20% above the best one;
 * - a sentence when discounting, or uneven demand, changed the choice (`advice.worlds`: {@link blockWorlds}, or offerWorlds in offer-advice.ts): when
 *   another option would be strictly cheaper without discounting, or at exactly the expected hours.
 */
export function offerRecommendation(comparison: OfferComparison, common: CommonTerms, advice: OfferAdvice = BLOCK_ADVICE, f: FigureFormat = SHEET_FIGURES): Recommendation {
  const chosen = cheapestOption(comparison);
  const reasons = [costReason(comparison, chosen, common, f)];
  const worlds = advice.worlds(common, comparison);
  if (chosen === comparison.prepaid) reasons.push(advice.reason(comparison, common, true, worlds.undiscounted, f));
  else if (chosen === comparison.managed) reasons.push(managedReason(comparison, common, true, f));
  else reasons.push(advice.reason(comparison, common, false, worlds.undiscounted, f), managedReason(comparison, common, false, f));

  const tie = tieReason(comparison, chosen, f);
  if (tie) reasons.push(tie);
  const badCase = badCaseReason(comparison, chosen, f);
  if (badCase) reasons.push(badCase);
  const undiscounted = strictlyCheaper(worlds.undiscounted, chosen.option);
  const knownHours = strictlyCheaper(worlds.knownHours, chosen.option);
  if (undiscounted) reasons.push(discountingReason(undiscounted));
  // When undiscounted and known hours favour the same option, discounting alone explains it.
  if (knownHours && knownHours !== undiscounted) reasons.push(unevenDemandReason(comparison, common, knownHours, f));
  return { option: chosen.option, verdict: VERDICTS[chosen.option], reasons: reasons.map(capitalized) };
}

/** {@link offerRecommendation} for COMPARE's block: RECOMMEND's advice. */
export function recommendationFor(comparison: Comparison, args: CompareArguments): Recommendation {
  const offer = { kind: 'block', blockHours: args.blockHours, blockPrice: args.blockPrice, overageRate: args.overageRate } as const;
  return offerRecommendation(blockOfferComparison(comparison, offer), args);
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
