import { COMPARE_LIMITS, RETAINERVALUE_LIMITS, SCENARIO_LIMITS, type ArgumentLimit } from '../model';
import { SheetBuilder, partOf, text, type Block } from './builder';
import { CHANCE_FORMAT } from './chance';
import { COUNT, GENERAL, HOURS, HOURS_INPUT, MONEY, PERCENT, RATIO, VARIABILITY } from './formats';
import { cellAddress, type PlanCell, type SheetPlan } from './plan';

export type OfferType = 'hourly' | 'block' | 'top-up' | 'retainer' | 'managed';

export interface QuoteOffer {
  readonly provider: string;
  readonly type: OfferType;
  readonly hourlyRate: number;
  readonly blockHours?: number;
  readonly blockPrice?: number;
  readonly termMonths?: number;
  readonly overageRate?: number;
  /** A retainer's hours and price a month, and the share of a month's hours that may roll over. */
  readonly retainerHours?: number;
  readonly retainerPrice?: number;
  readonly rolloverCap?: number;
  readonly monthlyFee?: number;
  readonly coveredShare?: number;
  readonly incidentReduction?: number;
}

export interface QuotesExample {
  readonly expectedMonthlyHours: number;
  readonly monthlyVariability: number;
  readonly disruptionCostPerHour: number;
  readonly horizonMonths: number;
  /** Up to five offers. */
  readonly offers: readonly QuoteOffer[];
}

export const QUOTES_SHEET_NAME = 'Provider quotes';
export const MAX_OFFERS = 5;
/** One input row of the offers table: what it holds, its label, and the limit each offer's value is checked against. */
interface OfferRow {
  readonly key: keyof QuoteOffer;
  readonly label: string;
  readonly format: string;
  readonly limit?: ArgumentLimit;
  /** How a validation message names the value, where the label does not read as a subject. */
  readonly subject?: string;
}

const OFFER_ROWS: readonly OfferRow[] = [
  { key: 'provider', label: 'Provider', format: GENERAL },
  { key: 'type', label: 'Type: hourly, block, top-up, retainer or managed', format: GENERAL },
  { key: 'hourlyRate', label: 'Hourly rate', format: MONEY, limit: COMPARE_LIMITS.hourlyRate },
  { key: 'blockHours', label: 'Block or top-up: hours', format: HOURS, limit: COMPARE_LIMITS.blockHours },
  { key: 'blockPrice', label: 'Block or top-up: price', format: MONEY, limit: COMPARE_LIMITS.blockPrice },
  { key: 'retainerHours', label: 'Retainer: hours a month', format: HOURS, limit: RETAINERVALUE_LIMITS.monthlyHours },
  { key: 'retainerPrice', label: 'Retainer: price a month', format: MONEY, limit: RETAINERVALUE_LIMITS.monthlyPrice },
  { key: 'rolloverCap', label: "Retainer: rollover cap (share of a month's hours)", format: PERCENT, limit: RETAINERVALUE_LIMITS.rolloverCap, subject: 'Retainer: rollover cap' },
  { key: 'termMonths', label: 'Block: valid for, or retainer: term (months)', format: COUNT, limit: COMPARE_LIMITS.termMonths, subject: 'Block or retainer: months' },
  { key: 'overageRate', label: 'Block or retainer: overage rate (blank = hourly rate)', format: MONEY, limit: COMPARE_LIMITS.overageRate, subject: 'Block or retainer: overage rate' },
  { key: 'monthlyFee', label: 'Managed: monthly fee', format: MONEY, limit: COMPARE_LIMITS.monthlyFee },
  { key: 'coveredShare', label: 'Managed: share of hours covered', format: PERCENT, limit: COMPARE_LIMITS.coveredShare },
  { key: 'incidentReduction', label: 'Managed: reduction in incidents', format: PERCENT, limit: COMPARE_LIMITS.incidentReduction },
];

const OFFER_TYPES: readonly OfferType[] = ['hourly', 'block', 'top-up', 'retainer', 'managed'];

/** How offer types read in the recommendation. */
const VERDICTS: Record<OfferType, string> = {
  hourly: 'pay hourly',
  block: 'buy the prepaid block',
  'top-up': 'buy the top-up block',
  retainer: 'take the monthly retainer',
  managed: 'choose managed services',
};

export const QUOTES_NOTES = [
  'Costs over the horizon, undiscounted, including the disruption of IT problems (the business bears it whoever fixes them). ' +
    'Hours needed are gamma distributed around the expected level; months are independent, so over n months the variability is the monthly one ÷ √n.',
  'A block is bought again each time it expires. Where the horizon is not a whole number of its terms, the last block counts pro rata: ' +
    'cost = horizon ÷ months valid × (price + expected overage + disruption over one term), so 12 months of an 18-month block count ⅔ of it.',
  'A top-up block is bought at the start of the horizon and again each time it runs out (TOPUPVALUE); what is left of the last one expires, and no overage is billed. ' +
    'A retainer gives its hours each month, rolling unused ones over up to its cap (RETAINEROVERAGE, RETAINERUNUSED); like a block, it counts pro rata over the horizon.',
  'Cost per support hour is what the provider is paid ÷ the hours it works, without disruption; for managed services, the hours left after proactive care.',
] as const;

/**
 * Up to five offers side by side, each hourly, a block, a top-up block, a retainer or managed, costed over a common horizon
 * from the same demand, each at its own rates: expected cost, cost per support hour, the chance
 * of forfeiting hours and the expected overage for blocks, a ranking, and a recommendation that
 * names the offer with the lowest expected cost. The working (which offer that is) sits in H:I,
 * clear of the offers' columns.
 */
export function quotesPlan(example: QuotesExample): SheetPlan {
  // A labels, B:F offers, G spacer, H:I working.
  const sheet = new SheetBuilder([250, 110, 110, 110, 110, 110, 20, 100, 40]);
  const offerColumns = Array.from({ length: MAX_OFFERS }, (_, i) => 1 + i); // B..F

  sheet.title('Provider quotes');
  sheet.note(...QUOTES_NOTES);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Your demand', 'Value');
  const demand = sheet.fields(sheet.nextRow, 0, [
    { label: 'Expected support hours per month', name: 'expected_monthly_hours', cell: { value: example.expectedMonthlyHours, numberFormat: HOURS_INPUT }, limit: SCENARIO_LIMITS.expectedMonthlyHours },
    { label: 'Month-to-month variability', name: 'monthly_variability', cell: { value: example.monthlyVariability, numberFormat: VARIABILITY }, limit: SCENARIO_LIMITS.monthlyVariability },
    { label: 'Disruption cost per hour of IT problems', name: 'disruption_cost_per_hour', cell: { value: example.disruptionCostPerHour, numberFormat: MONEY }, limit: SCENARIO_LIMITS.disruptionCostPerHour },
    { label: 'Horizon (months)', name: 'horizon_months', cell: { value: example.horizonMonths, numberFormat: COUNT }, limit: SCENARIO_LIMITS.termMonths },
  ]);
  sheet.style('input', demand.values);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Offers', ...offerColumns.map((_, i) => `Offer ${i + 1}`));
  const offers = sheet.putRows(
    sheet.nextRow,
    0,
    OFFER_ROWS.map((spec) => [
      text(spec.label),
      ...offerColumns.map((_, i): PlanCell => {
        const value = example.offers[i]?.[spec.key];
        return value === undefined ? { numberFormat: spec.format } : { value, numberFormat: spec.format };
      }),
    ]),
  );
  /** One input row's cells across the offers, B:F. */
  const offerRow = (key: keyof QuoteOffer): Block => partOf(offers, { row: OFFER_ROWS.findIndex((spec) => spec.key === key), rows: 1, column: 1 });
  sheet.name('offer_providers', offerRow('provider'), 'Each offer\'s provider');
  sheet.name('offer_types', offerRow('type'), 'Each offer\'s type');
  sheet.style('input', partOf(offers, { column: 1 }));
  sheet.validateList(offerRow('type'), OFFER_TYPES, 'Type must be hourly, block, top-up, retainer or managed.');
  for (const spec of OFFER_ROWS) if (spec.limit) sheet.validate(offerRow(spec.key), spec.limit, spec.subject ?? spec.label);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Over the horizon');
  const at = (key: keyof QuoteOffer, column: number) => cellAddress(offerRow(key).row, column);
  /** A row of one figure per offer; its cells across the offers, B:F. */
  const perOffer = (label: string, numberFormat: string, formula: (column: number) => string): Block =>
    partOf(sheet.addRow(text(label), ...offerColumns.map((c): PlanCell => ({ formula: formula(c), numberFormat }))), { column: 1 });
  const is = (type: OfferType, c: number) => `${at('type', c)}="${type}"`;
  const overageRate = (c: number) => `IF(${at('overageRate', c)}="",${at('hourlyRate', c)},${at('overageRate', c)})`;
  // One block term: expected use and its variability (months independent).
  const termHours = (c: number) => `expected_monthly_hours*${at('termMonths', c)}`;
  const termVariability = (c: number) => `monthly_variability/SQRT(${at('termMonths', c)})`;
  const forfeit = perOffer('Block: chance of forfeiting hours, each term', CHANCE_FORMAT, (c) =>
    `=IF(${is('block', c)},ITCOST.FORFEITRISK(${termHours(c)},${at('blockHours', c)},${termVariability(c)}),"")`,
  );
  const overage = perOffer('Block: expected overage hours, each term', HOURS, (c) =>
    `=IF(${is('block', c)},ITCOST.OVERAGEHOURS(${termHours(c)},${at('blockHours', c)},${termVariability(c)}),"")`,
  );
  const retainerArguments = (c: number) => `expected_monthly_hours,${at('retainerHours', c)},monthly_variability,IF(${at('rolloverCap', c)}="",0,${at('rolloverCap', c)}),${at('termMonths', c)}`;
  const forfeited = perOffer('Retainer: expected hours forfeited, each term', HOURS, (c) => `=IF(${is('retainer', c)},ITCOST.RETAINERUNUSED(${retainerArguments(c)}),"")`);
  const retainerOverage = perOffer('Retainer: expected overage hours, each term', HOURS, (c) => `=IF(${is('retainer', c)},ITCOST.RETAINEROVERAGE(${retainerArguments(c)}),"")`);
  // The horizon's hours and their variability, for a top-up block bought over the whole horizon.
  const horizonHours = 'expected_monthly_hours*horizon_months';
  const horizonVariability = 'monthly_variability/SQRT(horizon_months)';
  // TOPUPVALUE = R·μ − P·E[N], so what the top-ups cost is R·μ − TOPUPVALUE.
  const blocks = perOffer('Top-up: expected blocks bought over the horizon', RATIO, (c) =>
    `=IF(${is('top-up', c)},(${at('hourlyRate', c)}*${horizonHours}-ITCOST.TOPUPVALUE(${horizonHours},${at('hourlyRate', c)},${at('blockHours', c)},${at('blockPrice', c)},${horizonVariability}))/${at('blockPrice', c)},"")`,
  );
  sheet.name('offer_forfeit_risk', forfeit, 'Each block\'s chance of forfeiting hours, each term');
  sheet.name('offer_retainer_forfeited', forfeited, 'Each retainer\'s expected hours forfeited, each term');
  sheet.name('offer_retainer_overage', retainerOverage, 'Each retainer\'s expected overage hours, each term');
  sheet.name('offer_topup_blocks', blocks, 'Each top-up block\'s expected number of blocks bought over the horizon');
  sheet.name('offer_overage_hours', overage, 'Each block\'s expected overage hours, each term');
  const overageHours = (c: number) => cellAddress(overage.row, c);
  // What the provider is paid over the horizon, and the hours it works.
  const hourlyPaid = (c: number) => `horizon_months*expected_monthly_hours*${at('hourlyRate', c)}`;
  const blockPaid = (c: number) => `horizon_months/${at('termMonths', c)}*(${at('blockPrice', c)}+${overageRate(c)}*${overageHours(c)})`;
  const topUpPaid = (c: number) => `${at('blockPrice', c)}*${cellAddress(blocks.row, c)}`;
  const retainerPaid = (c: number) => `horizon_months/${at('termMonths', c)}*(${at('retainerPrice', c)}*${at('termMonths', c)}+${overageRate(c)}*${cellAddress(retainerOverage.row, c)})`;
  const managedHours = (c: number) => `horizon_months*expected_monthly_hours*(1-${at('incidentReduction', c)})`;
  const managedPaid = (c: number) => `horizon_months*${at('monthlyFee', c)}+${managedHours(c)}*(1-${at('coveredShare', c)})*${at('hourlyRate', c)}`;
  const cost = perOffer('Expected cost, including disruption', MONEY, (c) =>
    `=IF(${is('hourly', c)},${hourlyPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('block', c)},${blockPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('top-up', c)},${topUpPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('retainer', c)},${retainerPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('managed', c)},${managedPaid(c)}+${managedHours(c)}*disruption_cost_per_hour,"")))))`,
  );
  sheet.name('offer_costs', cost, 'Each offer\'s expected cost over the horizon');
  const perHour = perOffer('Cost per support hour, paid to the provider', MONEY, (c) =>
    `=IF(${is('hourly', c)},IF(expected_monthly_hours=0,"",${at('hourlyRate', c)}),` +
      `IF(${is('block', c)},IF(expected_monthly_hours=0,"",${blockPaid(c)}/(horizon_months*expected_monthly_hours)),` +
      `IF(${is('top-up', c)},IF(expected_monthly_hours=0,"",${topUpPaid(c)}/(horizon_months*expected_monthly_hours)),` +
      `IF(${is('retainer', c)},IF(expected_monthly_hours=0,"",${retainerPaid(c)}/(horizon_months*expected_monthly_hours)),` +
      `IF(${is('managed', c)},IF(${managedHours(c)}=0,"",(${managedPaid(c)})/(${managedHours(c)})),"")))))`,
  );
  sheet.name('offer_cost_per_hour', perHour, 'What each provider is paid per hour it works');
  const rank = perOffer('Rank (1 = cheapest)', COUNT, (c) => {
    const offerCost = cellAddress(cost.row, c);
    return `=IF(${offerCost}="","",1+COUNTIF(offer_costs,"<"&${offerCost}))`;
  });
  sheet.name('offer_ranks', rank, 'Each offer\'s rank by expected cost, 1 = cheapest');
  sheet.style('result', cost);
  sheet.style('result', rank);
  sheet.skip();

  // The recommendation, from the table: the offer with the lowest expected cost (the first, on a tie).
  const recommendationHeader = sheet.header(sheet.nextRow, 0, 'Recommendation');
  const pick = (name: string) => `INDEX(${name},1,cheapest_offer)`;
  const verdict = OFFER_TYPES.reduceRight((otherwise, type) => `IF(${pick('offer_types')}="${type}","${VERDICTS[type]}",${otherwise})`, '""');
  // Nested IFs, not AND: SMALL(…, 2) is an error with one offer, and AND evaluates every argument.
  const tie = 'IF(offers_costed<2,"",IF(SMALL(offer_costs,2)=MIN(offer_costs),", tied with another offer",""))';
  const recommendation = sheet.fields(sheet.nextRow, 0, [
    {
      label: 'Cheapest offer',
      name: 'recommendation',
      comment: 'The offer with the lowest expected cost',
      cell: {
        formula:
          `=IF(offers_costed=0,"Add an offer of type hourly, block, top-up, retainer or managed for a recommendation.",` +
          `"Offer "&cheapest_offer&IF(${pick('offer_providers')}="",""," ("&${pick('offer_providers')}&")")&": "&${verdict}&` +
          `", the lowest expected cost over "&horizon_months&" months"&${tie}&".")`,
      },
    },
    { label: 'Its expected cost over the horizon', name: 'recommended_cost', comment: 'The cheapest offer\'s expected cost over the horizon', cell: { formula: '=IF(offers_costed=0,"",MIN(offer_costs))', numberFormat: MONEY } },
    {
      label: 'Expected saving against the next cheapest offer',
      name: 'recommended_margin',
      comment: 'How much less the cheapest offer is expected to cost than the next',
      cell: { formula: '=IF(offers_costed<2,"",SMALL(offer_costs,2)-MIN(offer_costs))', numberFormat: MONEY },
    },
  ]);
  sheet.style('result', recommendation.values);

  // Working, in H:I, beside the recommendation.
  sheet.header(recommendationHeader.row, 7, 'Working');
  sheet.fields(recommendation.values.row, 7, [
    { label: 'Offers costed', name: 'offers_costed', comment: 'How many offers have an expected cost', cell: { formula: '=COUNT(offer_costs)', numberFormat: COUNT } },
    { label: 'Cheapest offer', name: 'cheapest_offer', comment: 'The offer with the lowest expected cost', cell: { formula: '=IF(offers_costed=0,"",MATCH(MIN(offer_costs),offer_costs,0))', numberFormat: COUNT } },
  ]);

  return sheet.plan({ name: QUOTES_SHEET_NAME, frozenRows: 1 });
}
