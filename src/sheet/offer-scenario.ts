/**
 * The scenario sheet for a top-up block or a monthly retainer. COMPARE and RECOMMEND weigh a block
 * (their arguments are fixed), so for these offers the sheet writes the comparison out as formulas
 * over the inputs' names: hourly billing and managed services as COMPARE computes them, and the
 * offer's row from TOPUPVALUE or RETAINERVALUE, RETAINERUNUSED and RETAINEROVERAGE. Every figure
 * stays live, and each formula can be read in its cell. A block's scenario is scenarioPlan's.
 */
import { OFFER_SCENARIO_LIMITS, VERDICTS, type LimitTable, type OptionName, type Scenario, type AfterHours } from '../model';
import { SheetBuilder, partOf, text, type Field } from './builder';
import { COUNT, GENERAL, HOURS, HOURS_INPUT, MONEY, PERCENT, RATIO, VARIABILITY } from './formats';
import type { PlanCell, SheetPlan } from './plan';
import { DEFAULT_SENSITIVITY_ROWS, SCENARIO_INPUT_ROWS, SCENARIO_SHEET_NAME, SCENARIO_TITLE, costByHoursTable, entryHistoryFormula, managedCostFormula, scenarioPlan } from './scenario';
import { ENTRY_HISTORY_WIDTHS, placeEntryHistory, type EntryHistory } from './entry-history';
import { withAfterHours } from './after-hours';
import { withQuote, type QuoteInputs } from './managed-quote';

type OfferSheetKind = Exclude<Scenario['kind'], 'block'>;

interface InputRow {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly format: string;
}

/** The block sheet's input rows for these keys, so both sheets name and label them alike. */
function scenarioRows(keys: readonly string[]): readonly InputRow[] {
  return keys.map((key) => {
    const row = SCENARIO_INPUT_ROWS.find((r) => r.key === key);
    if (!row) throw new Error(`the scenario sheet has no input ${key}`);
    return row;
  });
}

const DEMAND_ROWS = scenarioRows(['hourlyRate', 'expectedMonthlyHours', 'monthlyVariability', 'disruptionCostPerHour']);
const MANAGED_ROWS = scenarioRows(['monthlyFee', 'coveredShare', 'incidentReduction', 'annualDiscountRate']);

/** The offer's input rows, between the demand's and the managed quote's. */
export const OFFER_INPUT_ROWS: Readonly<Record<OfferSheetKind, readonly InputRow[]>> = {
  topUp: [
    { key: 'blockHours', name: 'block_hours', label: 'Top-up block: hours', unit: 'hours per block', format: HOURS_INPUT },
    { key: 'blockPrice', name: 'block_price', label: 'Top-up block: price', unit: 'money per block, bought again each time it runs out', format: MONEY },
    { key: 'termMonths', name: 'term_months', label: 'Term compared', unit: 'months', format: COUNT },
  ],
  retainer: [
    { key: 'retainerHours', name: 'retainer_hours', label: 'Retainer: hours a month', unit: 'hours per month', format: HOURS_INPUT },
    { key: 'retainerPrice', name: 'retainer_price', label: 'Retainer: price a month', unit: 'money per month, paid at the start of the month', format: MONEY },
    { key: 'rolloverCap', name: 'rollover_cap', label: 'Retainer: rollover cap', unit: "share of a month's hours that may carry over (0: use it or lose it)", format: PERCENT },
    { key: 'termMonths', name: 'term_months', label: 'Retainer: term', unit: 'whole months', format: COUNT },
    { key: 'overageRate', name: 'overage_rate', label: 'Retainer: overage rate', unit: 'money per hour beyond the hours available', format: MONEY },
  ],
};

/** Every input row of a scenario with each kind of offer, in sheet order. */
export function offerInputRows(kind: OfferSheetKind): readonly InputRow[] {
  return [...DEMAND_ROWS, ...OFFER_INPUT_ROWS[kind], ...MANAGED_ROWS];
}

const OPTION: Readonly<Record<OfferSheetKind, OptionName>> = { topUp: 'Top-up block', retainer: 'Monthly retainer' };

export const OFFER_ASSUMPTIONS: Readonly<Record<OfferSheetKind, string>> = {
  topUp:
    'Assumptions: hours needed over the term are gamma distributed around the expected level, months independent (variability over the term = monthly ÷ √months). ' +
    'The top-up block is bought on day one and again each time it runs out; what is left of the last one expires. Blocks are counted at face value, ' +
    'hourly work and managed fees paid monthly in arrears and discounted at the annual rate. Costs include disruption. The table of cost by hours used is undiscounted.',
  retainer:
    "Assumptions: each month's hours are gamma distributed around the expected level, independent from month to month. The retainer's hours are available at the start " +
    'of each month; unused hours carry over up to the cap and expire at the end of the term; hours beyond what is available are billed as overage. Fees are paid at the start ' +
    'of each month, hourly work, overage and managed fees at its end, discounted at the annual rate. Costs include disruption. The bad case spreads the 95th-percentile hours evenly ' +
    'over the months. The table of cost by hours used is undiscounted, with the same hours every month.',
};

/** The results rows of each offer: its own figures (named, for the comparison), then the managed quote's. */
const RESULT_ROWS: Readonly<Record<OfferSheetKind, readonly { label: string; name: string; formula: string; unit: string; format: string }[]>> = {
  topUp: [
    { label: 'Top-up: expected saving vs hourly', name: 'topup_saving', formula: '=ITCOST.TOPUPVALUE(expected_term_hours,hourly_rate,block_hours,block_price,variability)', unit: 'money over the term, undiscounted', format: MONEY },
    { label: 'Top-up: expected blocks bought', name: 'expected_blocks', formula: '=(hourly_rate*expected_term_hours-topup_saving)/block_price', unit: 'blocks, from TOPUPVALUE = rate × hours − price × blocks', format: RATIO },
    { label: 'Top-up: expected hours that expire', name: 'expired_hours', formula: '=MAX(0,block_hours*expected_blocks-expected_term_hours)', unit: 'hours of the last block', format: HOURS },
  ],
  retainer: [
    { label: 'Retainer: expected hours forfeited', name: 'forfeited_hours', formula: '=ITCOST.RETAINERUNUSED(expected_monthly_hours,retainer_hours,monthly_variability,rollover_cap,term_months)', unit: 'hours over the term', format: HOURS },
    { label: 'Retainer: expected overage hours', name: 'overage_hours', formula: '=ITCOST.RETAINEROVERAGE(expected_monthly_hours,retainer_hours,monthly_variability,rollover_cap,term_months)', unit: 'hours over the term', format: HOURS },
    {
      label: 'Retainer: expected saving vs hourly',
      name: 'retainer_saving',
      formula: '=ITCOST.RETAINERVALUE(expected_monthly_hours,hourly_rate,retainer_hours,retainer_price,overage_rate,monthly_variability,rollover_cap,term_months,annual_discount_rate)',
      unit: 'money over the term (present value)',
      format: MONEY,
    },
  ],
};

const MANAGED_RESULT_ROWS = [
  { label: 'Managed break-even', formula: '=ITCOST.MANAGEDBREAKEVEN(monthly_fee,hourly_rate,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'hours per month', format: HOURS },
  { label: 'Managed: expected saving vs hourly per month', formula: '=ITCOST.MANAGEDVALUE(expected_monthly_hours,hourly_rate,monthly_fee,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'money per month, undiscounted', format: MONEY },
] as const;

/** The cost of disruption, discounted as hourly work is: A·c·hours. */
const DISRUPTION = 'arrears_factor*disruption_cost_per_hour';

/** The offer's row of the comparison: expected cost, cost per support hour, 95th-percentile cost, saving vs hourly. */
const OFFER_ROW: Readonly<Record<OfferSheetKind, readonly [string, string, string, string]>> = {
  topUp: [
    `=block_price*expected_blocks+${DISRUPTION}*expected_term_hours`,
    '=IF(expected_term_hours>0,block_price*expected_blocks/expected_term_hours,NA())',
    `=block_price*MAX(1,ROUNDUP(bad_case_hours/block_hours,0))+${DISRUPTION}*bad_case_hours`,
    '=hourly_expected_cost-offer_expected_cost',
  ],
  retainer: [
    '=hourly_expected_cost-retainer_saving',
    '=IF(expected_term_hours>0,(retainer_price*term_months+overage_rate*overage_hours)/expected_term_hours,NA())',
    `=retainer_price*(1+annual_discount_rate/12)*term_months*arrears_factor+arrears_factor*overage_rate*MAX(0,bad_case_hours-retainer_hours*term_months)+${DISRUPTION}*bad_case_hours`,
    '=retainer_saving',
  ],
};

/** What the offer costs for exactly `hours` over the term, undiscounted, with disruption: offerCostForHours. */
const COST_FOR_HOURS: Readonly<Record<OfferSheetKind, (hours: string) => string>> = {
  topUp: (h) => `=block_price*MAX(1,ROUNDUP(${h}/block_hours,0))+disruption_cost_per_hour*${h}`,
  retainer: (h) => `=retainer_price*term_months+overage_rate*MAX(0,${h}-retainer_hours*term_months)+disruption_cost_per_hour*${h}`,
};


export interface OfferScenarioPlanOptions {
  /** Rows in the table of cost by hours used (at least 2). */
  readonly sensitivityRows?: number;
  readonly name?: string;
  /** The time-entry export the demand was estimated from (see scenarioPlan). */
  readonly entries?: EntryHistory;
  /** After-hours work at a multiplier (see scenarioPlan). */
  readonly afterHours?: AfterHours;
  /** The managed quote the monthly fee came from (see scenarioPlan). */
  readonly quote?: QuoteInputs;
}

/**
 * The scenario sheet for a scenario: scenarioPlan's for a block; for a top-up block or a retainer,
 * inputs with defined names, the term's figures, the offer's live ITCOST results, the comparison
 * written out as formulas (see the file's comment), the option with the lowest expected cost, and
 * the table of cost by hours used with its chart.
 */
export function offerScenarioPlan(scenario: Scenario, options: OfferScenarioPlanOptions = {}): SheetPlan {
  if (scenario.kind === 'block') return scenarioPlan(scenario.inputs, options);
  const kind = scenario.kind;
  const inputs = scenario.inputs as unknown as Readonly<Record<string, number>>;
  const limits: LimitTable = OFFER_SCENARIO_LIMITS[kind];
  const sensitivityRows = Math.max(2, Math.floor(options.sensitivityRows ?? DEFAULT_SENSITIVITY_ROWS));
  const entries = options.entries;
  const sheet = new SheetBuilder(entries ? [270, 110, 150, 135, 120, 20, ...ENTRY_HISTORY_WIDTHS] : [270, 110, 150, 135, 120]);

  sheet.title(SCENARIO_TITLE);
  sheet.note(OFFER_ASSUMPTIONS[kind]);
  sheet.skip();

  const inputsHeader = sheet.header(sheet.nextRow, 0, 'Inputs', 'Value', 'Unit');
  const inputFields = offerInputRows(kind).map((input): Field => {
    const fromHistory = entries ? entryHistoryFormula(input.key) : undefined;
    return fromHistory
      ? { label: input.label, name: input.name, cell: { formula: fromHistory, numberFormat: input.format }, unit: `${input.unit}, from the history in G:K` }
      : { label: input.label, name: input.name, cell: { value: inputs[input.key], numberFormat: input.format }, unit: input.unit, limit: limits[input.key] };
  });
  sheet.style('input', sheet.fields(sheet.nextRow, 0, withQuote(withAfterHours(inputFields, options.afterHours), options.quote)).values);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Derived for the term');
  sheet.fields(sheet.nextRow, 0, [
    { label: 'Expected hours over the term', name: 'expected_term_hours', cell: { formula: '=expected_monthly_hours*term_months', numberFormat: HOURS }, unit: 'hours' },
    { label: 'Variability over the term', name: 'variability', cell: { formula: '=monthly_variability/SQRT(term_months)', numberFormat: VARIABILITY }, unit: 'how far the term\'s total typically strays from its average' },
    {
      label: '95th percentile of the hours over the term',
      name: 'bad_case_hours',
      cell: { formula: '=IF(OR(variability=0,expected_term_hours=0),expected_term_hours,GAMMA.INV(0.95,1/variability^2,expected_term_hours*variability^2))', numberFormat: HOURS },
      unit: 'hours: the bad case',
    },
    {
      label: 'Discount factor of monthly payments',
      name: 'arrears_factor',
      cell: { formula: '=PV(annual_discount_rate/12,term_months,-1/term_months)', numberFormat: RATIO },
      unit: 'present value of 1 paid evenly at the end of each month (1 without discounting)',
    },
  ]);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Results');
  const results = sheet.fields(sheet.nextRow, 0, [
    ...RESULT_ROWS[kind].map((r) => ({ label: r.label, name: r.name, cell: { formula: r.formula, numberFormat: r.format }, unit: r.unit })),
    ...MANAGED_RESULT_ROWS.map((r) => ({ label: r.label, cell: { formula: r.formula, numberFormat: r.format }, unit: r.unit })),
  ]);
  sheet.style('result', results.values);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Comparison over the term');
  const header = sheet.header(sheet.nextRow, 0, 'Option', 'Expected cost', 'Cost per support hour', '95th percentile cost', 'Saving vs hourly');
  const offer = OFFER_ROW[kind];
  const rows = sheet.putRows(header.row + 1, 0, [
    [
      text('Hourly'),
      { formula: '=arrears_factor*(hourly_rate+disruption_cost_per_hour)*expected_term_hours', numberFormat: MONEY },
      { formula: '=IF(expected_term_hours>0,hourly_rate,NA())', numberFormat: MONEY },
      { formula: '=arrears_factor*(hourly_rate+disruption_cost_per_hour)*bad_case_hours', numberFormat: MONEY },
      { formula: '=hourly_expected_cost-hourly_expected_cost', numberFormat: MONEY },
    ],
    [text(OPTION[kind]), ...offer.map((formula): PlanCell => ({ formula, numberFormat: MONEY }))],
    [
      text('Managed services'),
      { formula: `=arrears_factor*(${managedCostFormula('expected_term_hours')})`, numberFormat: MONEY },
      { formula: '=IF((1-incident_reduction)*expected_term_hours>0,monthly_fee*term_months/((1-incident_reduction)*expected_term_hours)+(1-covered_share)*hourly_rate,NA())', numberFormat: MONEY },
      { formula: `=arrears_factor*(${managedCostFormula('bad_case_hours')})`, numberFormat: MONEY },
      { formula: '=hourly_expected_cost-managed_expected_cost', numberFormat: MONEY },
    ],
  ]);
  sheet.name('hourly_expected_cost', partOf(rows, { row: 0, rows: 1, column: 1, columns: 1 }), 'Expected cost of paying hourly over the term');
  sheet.name('offer_expected_cost', partOf(rows, { row: 1, rows: 1, column: 1, columns: 1 }), `Expected cost of the ${OPTION[kind].toLowerCase()} over the term`);
  sheet.name('managed_expected_cost', partOf(rows, { row: 2, rows: 1, column: 1, columns: 1 }), 'Expected cost of managed services over the term');
  sheet.name('comparison', rows, 'The comparison: option, expected cost, cost per support hour, 95th percentile cost, saving vs hourly');
  const verdict = sheet.fields(sheet.nextRow, 0, [
    {
      label: 'Lowest expected cost',
      name: 'cheapest_option',
      cell: {
        formula:
          `=IF(AND(hourly_expected_cost<=offer_expected_cost,hourly_expected_cost<=managed_expected_cost),"${VERDICTS.Hourly}",` +
          `IF(offer_expected_cost<=managed_expected_cost,"${VERDICTS[OPTION[kind]]}","${VERDICTS['Managed services']}"))`,
        numberFormat: GENERAL,
      },
      unit: 'ties go to the simpler option; the task pane also gives the reasons',
    },
  ]);
  sheet.style('result', verdict.values);
  sheet.skip();

  const chart = costByHoursTable(sheet, OPTION[kind], COST_FOR_HOURS[kind], sensitivityRows);
  // Beside the inputs, from their header row down, once every other row is placed.
  if (entries) placeEntryHistory(sheet, inputsHeader.row, 6, entries);
  return sheet.plan({ name: options.name ?? SCENARIO_SHEET_NAME, frozenRows: 1, chart });
}
