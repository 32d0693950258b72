/**
 * The advice on any prepaid offer, for the task pane: a top-up block's and a retainer's sentences
 * and simpler worlds beside a block's (recommend.ts keeps only a block's, which RECOMMEND needs).
 */
import { hourlyAndManagedRows, optionRow, type TermDemandFigures } from './compare';
import { SHEET_FIGURES, type FigureFormat } from './format';
import { offerCostForHours, type CommonTerms, type OfferComparison } from './offer';
import { blockReason, blockWorlds, offerRecommendation, termLabel, type OfferAdvice, type Recommendation, type SimplerWorlds, type ThreeRows } from './recommend';

/**
 * Both worlds reuse the comparison's figures, so they cost no further incomplete-gamma evaluations.
 * Undiscounted, a top-up block costs what it costs anyway (its blocks are counted at face value)
 * and a retainer costs M·T + o·E[Σ overage_t]; with known hours, each costs
 * {@link offerCostForHours} of the expected hours.
 */
export function offerWorlds(common: CommonTerms, comparison: OfferComparison): SimplerWorlds {
  const { offer, demand, termMonths } = comparison;
  if (offer.kind === 'block') return blockWorlds(common, comparison);
  const mean = demand.expectedHours;
  const disruption = common.disruptionCostPerHour;
  const world = (termDemand: TermDemandFigures, prepaidCost: number): ThreeRows => {
    const { hourly, managed } = hourlyAndManagedRows(common, termDemand, 1);
    const badCase = termDemand.percentile95Hours;
    const badCaseCost = offerCostForHours(offer, termMonths, badCase) + disruption * badCase;
    const prepaid = optionRow(comparison.prepaid.option, prepaidCost + disruption * termDemand.expectedHours, comparison.prepaid.costPerSupportHour, badCaseCost, hourly.expectedCost);
    return { hourly, prepaid, managed };
  };
  const figures = comparison.figures;
  const undiscountedCost =
    offer.kind === 'topUp' && figures.kind === 'topUp'
      ? offer.blockPrice * figures.expectedBlocks
      : offerCostForHours(offer, termMonths, 0) + (offer.kind === 'retainer' ? offer.overageRate * demand.expectedOverageHours : 0);
  return {
    undiscounted: world(demand, undiscountedCost),
    knownHours: world({ expectedHours: mean, expectedOverageHours: 0, percentile95Hours: mean }, offerCostForHours(offer, termMonths, mean)),
  };
}

/** What the top-up block or retainer would come to: blocks bought and hours that expire, or hours forfeited and billed as overage. */
export function offerReason(comparison: OfferComparison, common: CommonTerms, chosen: boolean, undiscounted: ThreeRows, f: FigureFormat): string {
  const { offer, figures } = comparison;
  if (offer.kind === 'block') return blockReason(comparison, common, offer, chosen, undiscounted, f);
  if (offer.kind === 'topUp' && figures.kind === 'topUp') {
    const subject = chosen ? 'You' : 'With the top-up block you';
    return (
      `${subject} would buy ${f.number(figures.expectedBlocks)} blocks of ${f.number(offer.blockHours)} h on average ${termLabel(comparison, f)}; ` +
      `about ${f.number(figures.expiredHours)} h of the last one would expire unused.`
    );
  }
  if (offer.kind === 'retainer' && figures.kind === 'retainer') {
    const subject = chosen ? 'It' : 'The monthly retainer';
    const rollover =
      offer.rolloverCap > 0
        ? `unused hours carry over up to ${f.percent(offer.rolloverCap)} of a month (${f.number(offer.rolloverCap * offer.monthlyHours)} h)`
        : 'unused hours are lost at the end of each month';
    return (
      `${subject} would forfeit about ${f.number(figures.forfeitedHours)} of its ${f.number(offer.monthlyHours * comparison.termMonths)} h ${termLabel(comparison, f)} ` +
      `and bill about ${f.number(figures.overageHours)} h as overage: ${rollover}.`
    );
  }
  return '';
}

/** How the advice speaks of any offer. */
export const ANY_OFFER_ADVICE: OfferAdvice = { reason: offerReason, worlds: offerWorlds };

/** The advice on any offer's comparison: offerRecommendation with every offer's sentences, its figures written as `f` writes them. */
export function adviseOnOffer(comparison: OfferComparison, common: CommonTerms, f: FigureFormat = SHEET_FIGURES): Recommendation {
  return offerRecommendation(comparison, common, ANY_OFFER_ADVICE, f);
}
