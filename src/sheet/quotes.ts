import { COMPARE_LIMITS, SCENARIO_LIMITS } from '../model';
import { CHANCE_FORMAT } from './chance';
import { columnLetters, type PlanCell, type PlanName, type PlanStyle, type PlanValidation, type SheetPlan } from './plan';
import { validationFromLimit } from './validation';

export type OfferType = 'hourly' | 'block' | 'managed';

export interface QuoteOffer {
  readonly provider: string;
  readonly type: OfferType;
  readonly hourlyRate: number;
  readonly blockHours?: number;
  readonly blockPrice?: number;
  readonly termMonths?: number;
  readonly overageRate?: number;
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
const MONEY = '#,##0.00';
const HOURS = '#,##0.0';
const PERCENT = '0.0%';

const OFFER_ROWS: ReadonlyArray<{ key: keyof QuoteOffer; label: string; format: string }> = [
  { key: 'provider', label: 'Provider', format: 'General' },
  { key: 'type', label: 'Type: hourly, block or managed', format: 'General' },
  { key: 'hourlyRate', label: 'Hourly rate', format: MONEY },
  { key: 'blockHours', label: 'Block: hours', format: HOURS },
  { key: 'blockPrice', label: 'Block: price', format: MONEY },
  { key: 'termMonths', label: 'Block: valid for (months)', format: '0' },
  { key: 'overageRate', label: 'Block: overage rate (blank = hourly rate)', format: MONEY },
  { key: 'monthlyFee', label: 'Managed: monthly fee', format: MONEY },
  { key: 'coveredShare', label: 'Managed: share of hours covered', format: PERCENT },
  { key: 'incidentReduction', label: 'Managed: reduction in incidents', format: PERCENT },
];

/** How offer types read in the recommendation. */
const VERDICTS: Record<OfferType, string> = { hourly: 'pay hourly', block: 'buy the prepaid block', managed: 'choose managed services' };

export const QUOTES_NOTES = [
  'Costs over the horizon, undiscounted, including the disruption of IT problems (the business bears it whoever fixes them). ' +
    'Hours needed are gamma distributed around the expected level; months are independent, so over n months the variability is the monthly one ÷ √n.',
  'A block is bought again each time it expires. Where the horizon is not a whole number of its terms, the last block counts pro rata: ' +
    'cost = horizon ÷ months valid × (price + expected overage + disruption over one term), so 12 months of an 18-month block count ⅔ of it.',
  'Cost per support hour is what the provider is paid ÷ the hours it works, without disruption; for managed services, the hours left after proactive care.',
] as const;

/**
 * Up to five offers side by side, each hourly, a block or managed, costed over a common horizon
 * from the same demand, each at its own rates: expected cost, cost per support hour, the chance
 * of forfeiting hours and the expected overage for blocks, a ranking, and a recommendation that
 * names the offer with the lowest expected cost. The working (which offer that is) sits in H:I,
 * clear of the offers' columns.
 */
export function quotesPlan(example: QuotesExample): SheetPlan {
  const WIDTH = 1 + MAX_OFFERS + 3; // A labels, B:F offers, G spacer, H:I working
  const rows: (PlanCell | null)[][] = [];
  const names: PlanName[] = [];
  const styles: PlanStyle[] = [];
  const validations: PlanValidation[] = [];
  const text = (value: string): PlanCell => ({ value });
  const addRow = (...cells: (PlanCell | null)[]) => {
    rows.push([...cells, ...Array<null>(WIDTH - cells.length).fill(null)]);
    return rows.length - 1;
  };
  const offerColumns = Array.from({ length: MAX_OFFERS }, (_, i) => columnLetters(i + 1)); // B..F
  const lastOfferColumn = offerColumns[MAX_OFFERS - 1];
  const nameOfferRow = (row: number, nameText: string, comment: string) => names.push({ name: nameText, row, column: 1, columns: MAX_OFFERS, comment });

  addRow(text('Provider quotes'));
  styles.push({ style: 'title', range: 'A1' });
  for (const note of QUOTES_NOTES) addRow(text(note));
  styles.push({ style: 'note', range: `A2:A${1 + QUOTES_NOTES.length}` });
  addRow();

  const demandHeader = addRow(text('Your demand'), text('Value'));
  styles.push({ style: 'columnHeader', range: `A${demandHeader + 1}:B${demandHeader + 1}` });
  const demand: Array<[string, string, number, string]> = [
    ['Expected support hours per month', 'expected_monthly_hours', example.expectedMonthlyHours, HOURS],
    ['Month-to-month variability', 'monthly_variability', example.monthlyVariability, '0.000'],
    ['Disruption cost per hour of IT problems', 'disruption_cost_per_hour', example.disruptionCostPerHour, MONEY],
    ['Horizon (months)', 'horizon_months', example.horizonMonths, '0'],
  ];
  const demandLimits = [SCENARIO_LIMITS.expectedMonthlyHours, SCENARIO_LIMITS.monthlyVariability, SCENARIO_LIMITS.disruptionCostPerHour, SCENARIO_LIMITS.termMonths];
  demand.forEach(([label, nameText, value, format], i) => {
    const row = addRow(text(label), { value, numberFormat: format });
    names.push({ name: nameText, row, column: 1, comment: label });
    validations.push(validationFromLimit(`B${row + 1}`, demandLimits[i], label));
  });
  styles.push({ style: 'input', range: `B${demandHeader + 2}:B${demandHeader + 1 + demand.length}` });
  addRow();

  const offersHeader = addRow(text('Offers'), ...offerColumns.map((_, i) => text(`Offer ${i + 1}`)));
  styles.push({ style: 'columnHeader', range: `A${offersHeader + 1}:${lastOfferColumn}${offersHeader + 1}` });
  const rowOf: Record<string, number> = {};
  for (const spec of OFFER_ROWS) {
    const cells = Array.from({ length: MAX_OFFERS }, (_, i): PlanCell => {
      const value = example.offers[i]?.[spec.key];
      return value === undefined ? { numberFormat: spec.format } : { value, numberFormat: spec.format };
    });
    rowOf[spec.key] = addRow(text(spec.label), ...cells);
  }
  nameOfferRow(rowOf.provider, 'offer_providers', 'Each offer\'s provider');
  nameOfferRow(rowOf.type, 'offer_types', 'Each offer\'s type');
  styles.push({ style: 'input', range: `B${rowOf.provider + 1}:${lastOfferColumn}${rowOf.incidentReduction + 1}` });
  const at = (key: string, column: string) => `${column}${rowOf[key] + 1}`;
  validations.push({ range: `B${rowOf.type + 1}:${lastOfferColumn}${rowOf.type + 1}`, kind: 'list', options: ['hourly', 'block', 'managed'], message: 'Type must be hourly, block or managed.' });
  const numericLimits: Array<[string, (typeof COMPARE_LIMITS)[keyof typeof COMPARE_LIMITS]]> = [
    ['hourlyRate', COMPARE_LIMITS.hourlyRate],
    ['blockHours', COMPARE_LIMITS.blockHours],
    ['blockPrice', COMPARE_LIMITS.blockPrice],
    ['termMonths', COMPARE_LIMITS.termMonths],
    ['overageRate', COMPARE_LIMITS.overageRate],
    ['monthlyFee', COMPARE_LIMITS.monthlyFee],
    ['coveredShare', COMPARE_LIMITS.coveredShare],
    ['incidentReduction', COMPARE_LIMITS.incidentReduction],
  ];
  for (const [key, limit] of numericLimits) {
    const label = OFFER_ROWS.find((r) => r.key === key)?.label ?? key;
    validations.push(validationFromLimit(`B${rowOf[key] + 1}:${lastOfferColumn}${rowOf[key] + 1}`, limit, label.replace(/ \(.*\)$/, '')));
  }
  addRow();

  addRow(text('Over the horizon'));
  styles.push({ style: 'heading', range: `A${rows.length}` });
  const perOffer = (label: string, format: string, formula: (c: string) => string) =>
    addRow(text(label), ...offerColumns.map((c): PlanCell => ({ formula: formula(c), numberFormat: format })));
  const is = (type: OfferType, c: string) => `${at('type', c)}="${type}"`;
  const overageRate = (c: string) => `IF(${at('overageRate', c)}="",${at('hourlyRate', c)},${at('overageRate', c)})`;
  // One block term: expected use and its variability (months independent).
  const termHours = (c: string) => `expected_monthly_hours*${at('termMonths', c)}`;
  const termVariability = (c: string) => `monthly_variability/SQRT(${at('termMonths', c)})`;
  const forfeit = perOffer('Block: chance of forfeiting hours, each term', CHANCE_FORMAT, (c) =>
    `=IF(${is('block', c)},ITCOST.FORFEITRISK(${termHours(c)},${at('blockHours', c)},${termVariability(c)}),"")`,
  );
  const overage = perOffer('Block: expected overage hours, each term', HOURS, (c) =>
    `=IF(${is('block', c)},ITCOST.OVERAGEHOURS(${termHours(c)},${at('blockHours', c)},${termVariability(c)}),"")`,
  );
  nameOfferRow(forfeit, 'offer_forfeit_risk', 'Each block\'s chance of forfeiting hours, each term');
  nameOfferRow(overage, 'offer_overage_hours', 'Each block\'s expected overage hours, each term');
  const overageHours = (c: string) => `${c}${overage + 1}`;
  // What the provider is paid over the horizon, and the hours it works.
  const hourlyPaid = (c: string) => `horizon_months*expected_monthly_hours*${at('hourlyRate', c)}`;
  const blockPaid = (c: string) => `horizon_months/${at('termMonths', c)}*(${at('blockPrice', c)}+${overageRate(c)}*${overageHours(c)})`;
  const managedHours = (c: string) => `horizon_months*expected_monthly_hours*(1-${at('incidentReduction', c)})`;
  const managedPaid = (c: string) => `horizon_months*${at('monthlyFee', c)}+${managedHours(c)}*(1-${at('coveredShare', c)})*${at('hourlyRate', c)}`;
  const cost = perOffer('Expected cost, including disruption', MONEY, (c) =>
    `=IF(${is('hourly', c)},${hourlyPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('block', c)},${blockPaid(c)}+horizon_months*expected_monthly_hours*disruption_cost_per_hour,` +
      `IF(${is('managed', c)},${managedPaid(c)}+${managedHours(c)}*disruption_cost_per_hour,"")))`,
  );
  nameOfferRow(cost, 'offer_costs', 'Each offer\'s expected cost over the horizon');
  const perHour = perOffer('Cost per support hour, paid to the provider', MONEY, (c) =>
    `=IF(${is('hourly', c)},IF(expected_monthly_hours=0,"",${at('hourlyRate', c)}),` +
      `IF(${is('block', c)},IF(expected_monthly_hours=0,"",${blockPaid(c)}/(horizon_months*expected_monthly_hours)),` +
      `IF(${is('managed', c)},IF(${managedHours(c)}=0,"",(${managedPaid(c)})/(${managedHours(c)})),"")))`,
  );
  nameOfferRow(perHour, 'offer_cost_per_hour', 'What each provider is paid per hour it works');
  const rank = perOffer('Rank (1 = cheapest)', '0', (c) => `=IF(${c}${cost + 1}="","",1+COUNTIF(offer_costs,"<"&${c}${cost + 1}))`);
  nameOfferRow(rank, 'offer_ranks', 'Each offer\'s rank by expected cost, 1 = cheapest');
  styles.push(
    { style: 'result', range: `B${cost + 1}:${lastOfferColumn}${cost + 1}` },
    { style: 'result', range: `B${rank + 1}:${lastOfferColumn}${rank + 1}` },
  );
  addRow();

  // The recommendation, from the table: the offer with the lowest expected cost (the first, on a tie).
  const recommendationHeader = addRow(text('Recommendation'));
  styles.push({ style: 'heading', range: `A${recommendationHeader + 1}` });
  const pick = (nameText: string) => `INDEX(${nameText},1,cheapest_offer)`;
  const verdict = (['hourly', 'block', 'managed'] as const).reduceRight(
    (otherwise, type) => `IF(${pick('offer_types')}="${type}","${VERDICTS[type]}",${otherwise})`,
    '""',
  );
  // Nested IFs, not AND: SMALL(…, 2) is an error with one offer, and AND evaluates every argument.
  const tie = 'IF(offers_costed<2,"",IF(SMALL(offer_costs,2)=MIN(offer_costs),", tied with another offer",""))';
  const recommendation = addRow(text('Cheapest offer'), {
    formula:
      `=IF(offers_costed=0,"Add an offer of type hourly, block or managed for a recommendation.",` +
      `"Offer "&cheapest_offer&IF(${pick('offer_providers')}="",""," ("&${pick('offer_providers')}&")")&": "&${verdict}&` +
      `", the lowest expected cost over "&horizon_months&" months"&${tie}&".")`,
  });
  names.push({ name: 'recommendation', row: recommendation, column: 1, comment: 'The offer with the lowest expected cost' });
  const cheapestCost = addRow(text('Its expected cost over the horizon'), { formula: '=IF(offers_costed=0,"",MIN(offer_costs))', numberFormat: MONEY });
  names.push({ name: 'recommended_cost', row: cheapestCost, column: 1, comment: 'The cheapest offer\'s expected cost over the horizon' });
  const margin = addRow(text('Expected saving against the next cheapest offer'), {
    formula: '=IF(offers_costed<2,"",SMALL(offer_costs,2)-MIN(offer_costs))',
    numberFormat: MONEY,
  });
  names.push({ name: 'recommended_margin', row: margin, column: 1, comment: 'How much less the cheapest offer is expected to cost than the next' });
  styles.push({ style: 'result', range: `B${recommendation + 1}:B${margin + 1}` });

  // Working, in H:I.
  rows[recommendationHeader][7] = text('Working');
  styles.push({ style: 'heading', range: `H${recommendationHeader + 1}` });
  rows[recommendation][7] = text('Offers costed');
  rows[recommendation][8] = { formula: '=COUNT(offer_costs)', numberFormat: '0' };
  names.push({ name: 'offers_costed', row: recommendation, column: 8, comment: 'How many offers have an expected cost' });
  rows[recommendation + 1][7] = text('Cheapest offer');
  rows[recommendation + 1][8] = { formula: '=IF(offers_costed=0,"",MATCH(MIN(offer_costs),offer_costs,0))', numberFormat: '0' };
  names.push({ name: 'cheapest_offer', row: recommendation + 1, column: 8, comment: 'The offer with the lowest expected cost' });

  return {
    name: QUOTES_SHEET_NAME,
    cells: rows,
    names,
    styles,
    columnWidths: [250, 110, 110, 110, 110, 110, 20, 100, 40],
    frozenRows: 1,
    validations,
  };
}
