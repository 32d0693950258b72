import { COMPARE_LIMITS, SCENARIO_LIMITS } from '../model';
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

/**
 * Up to five offers side by side, each hourly, a block or managed, costed over a common horizon
 * from the same demand: expected cost, cost per support hour, the chance of forfeiting hours for
 * blocks, a ranking, and a RECOMMEND line over the cheapest offer of each type.
 */
export function quotesPlan(example: QuotesExample): SheetPlan {
  const WIDTH = 1 + MAX_OFFERS;
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
  const span = (row: number) => `$B$${row + 1}:$F$${row + 1}`;

  addRow(text('Provider quotes'));
  styles.push({ style: 'title', range: 'A1' });
  addRow(text('Costs over the horizon, undiscounted, including the disruption of IT problems. Hours needed are gamma distributed around the expected level; a block is bought again each time it expires.'));
  styles.push({ style: 'note', range: 'A2' });
  addRow();

  addRow(text('Your demand'), text('Value'));
  styles.push({ style: 'columnHeader', range: 'A4:B4' });
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
  styles.push({ style: 'input', range: 'B5:B8' });
  addRow();

  const offersHeader = addRow(text('Offers'), ...offerColumns.map((_, i) => text(`Offer ${i + 1}`)));
  styles.push({ style: 'columnHeader', range: `A${offersHeader + 1}:F${offersHeader + 1}` });
  const rowOf: Record<string, number> = {};
  for (const spec of OFFER_ROWS) {
    const cells = Array.from({ length: MAX_OFFERS }, (_, i): PlanCell => {
      const value = example.offers[i]?.[spec.key];
      return value === undefined ? { numberFormat: spec.format } : { value, numberFormat: spec.format };
    });
    rowOf[spec.key] = addRow(text(spec.label), ...cells);
  }
  styles.push({ style: 'input', range: `B${rowOf.provider + 1}:F${rowOf.incidentReduction + 1}` });
  const at = (key: string, column: string) => `${column}${rowOf[key] + 1}`;
  validations.push({ range: `B${rowOf.type + 1}:F${rowOf.type + 1}`, kind: 'list', options: ['hourly', 'block', 'managed'], message: 'Type must be hourly, block or managed.' });
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
    validations.push(validationFromLimit(`B${rowOf[key] + 1}:F${rowOf[key] + 1}`, limit, label.replace(/ \(.*\)$/, '')));
  }
  addRow();

  addRow(text('Over the horizon'));
  styles.push({ style: 'heading', range: `A${rows.length}` });
  const perOffer = (label: string, format: string, formula: (c: string) => string) =>
    addRow(text(label), ...offerColumns.map((c): PlanCell => ({ formula: formula(c), numberFormat: format })));
  const overage = (c: string) => `IF(${at('overageRate', c)}="",${at('hourlyRate', c)},${at('overageRate', c)})`;
  const termVariability = (c: string) => `monthly_variability/SQRT(${at('termMonths', c)})`;
  const cost = perOffer('Expected cost', MONEY, (c) =>
    `=IF(${at('type', c)}="hourly",horizon_months*expected_monthly_hours*(${at('hourlyRate', c)}+disruption_cost_per_hour),` +
      `IF(${at('type', c)}="block",horizon_months/${at('termMonths', c)}*(${at('blockPrice', c)}+${overage(c)}*ITCOST.OVERAGEHOURS(expected_monthly_hours*${at('termMonths', c)},${at('blockHours', c)},${termVariability(c)})+disruption_cost_per_hour*expected_monthly_hours*${at('termMonths', c)}),` +
      `IF(${at('type', c)}="managed",horizon_months*(${at('monthlyFee', c)}+expected_monthly_hours*(1-${at('incidentReduction', c)})*((1-${at('coveredShare', c)})*${at('hourlyRate', c)}+disruption_cost_per_hour)),"")))`,
  );
  const costCell = (c: string) => `${c}${cost + 1}`;
  perOffer('Cost per support hour', MONEY, (c) =>
    `=IF(${costCell(c)}="","",IFERROR(${costCell(c)}/(horizon_months*expected_monthly_hours*IF(${at('type', c)}="managed",1-${at('incidentReduction', c)},1)),""))`,
  );
  perOffer('Chance of forfeiting hours', PERCENT, (c) =>
    `=IF(${at('type', c)}="block",ITCOST.FORFEITRISK(expected_monthly_hours*${at('termMonths', c)},${at('blockHours', c)},${termVariability(c)}),"")`,
  );
  const rank = perOffer('Rank (1 = cheapest)', '0', (c) => `=IF(${costCell(c)}="","",1+COUNTIF(${span(cost)},"<"&${costCell(c)}))`);
  styles.push({ style: 'result', range: `B${cost + 1}:F${cost + 1}` }, { style: 'result', range: `B${rank + 1}:F${rank + 1}` });
  addRow();

  // Working for the recommendation: the cheapest offer of each type.
  addRow(text('Working: cheapest offer of each type'));
  styles.push({ style: 'heading', range: `A${rows.length}` });
  const bestOf: Record<OfferType, number> = { hourly: 0, block: 0, managed: 0 };
  for (const type of ['hourly', 'block', 'managed'] as const) {
    // Text ("") where an offer is of another type: MIN and MATCH skip it.
    const costs = perOffer(`Cost if ${type}`, MONEY, (c) => `=IF(${at('type', c)}="${type}",${costCell(c)},"")`);
    rows[costs][0] = text(`Cost of ${type} offers`);
    bestOf[type] = addRow(text(`Offers of this type; cheapest is offer`), { formula: `=COUNTIF(${span(rowOf.type)},"${type}")`, numberFormat: '0' }, {
      formula: `=IF(B${rows.length + 1}=0,"",MATCH(MIN(${span(costs)}),${span(costs)},0))`,
      numberFormat: '0',
    });
    names.push({ name: `has_${type}`, row: bestOf[type], column: 1, comment: `How many ${type} offers there are` });
    names.push({ name: `best_${type}`, row: bestOf[type], column: 2, comment: `The cheapest ${type} offer` });
  }
  addRow();
  const pick = (key: string, best: string) => `INDEX(${span(rowOf[key])},1,${best})`;
  const recommendation = addRow(text('Recommendation'), {
    formula:
      `=IF(AND(has_hourly>0,has_block>0,has_managed>0),ITCOST.RECOMMEND(expected_monthly_hours,${pick('hourlyRate', 'best_hourly')},` +
      `${pick('blockHours', 'best_block')},${pick('blockPrice', 'best_block')},${pick('monthlyFee', 'best_managed')},` +
      `IF(${pick('overageRate', 'best_block')}="",${pick('hourlyRate', 'best_block')},${pick('overageRate', 'best_block')}),` +
      `monthly_variability/SQRT(${pick('termMonths', 'best_block')}),${pick('termMonths', 'best_block')},` +
      `${pick('coveredShare', 'best_managed')},${pick('incidentReduction', 'best_managed')},disruption_cost_per_hour),` +
      `"Add at least one hourly, one block and one managed offer for a recommendation.")`,
  });
  styles.push({ style: 'result', range: `B${recommendation + 1}` });

  return {
    name: QUOTES_SHEET_NAME,
    cells: rows,
    names,
    styles,
    columnWidths: [250, 110, 110, 110, 110, 110],
    frozenRows: 1,
    validations,
  };
}
