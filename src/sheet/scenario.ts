import { COMPARE_SPILL, SCENARIO_LIMITS, TERMDEMAND_LIMITS, type ScenarioInputs, type AfterHours } from '../model';
import { SheetBuilder, blockRange, partOf, text, type Field } from './builder';
import { CHANCE_FORMAT } from './chance';
import { COUNT, GENERAL, HOURS, HOURS_INPUT, MONEY, PERCENT, VARIABILITY } from './formats';
import { cellAddress, type PlanCell, type PlanChart, type SheetPlan } from './plan';
import { ENTRY_HISTORY_FORMULAS, ENTRY_HISTORY_WIDTHS, placeEntryHistory, type EntryHistory } from './entry-history';
import { withAfterHours } from './after-hours';
import { withQuote, type QuoteInputs } from './managed-quote';

export const SCENARIO_SHEET_NAME = 'IT cost scenario';
export const SCENARIO_TITLE = 'IT cost scenario';
export const DEFAULT_SENSITIVITY_ROWS = 21;

/** The inputs block, in sheet order; each value cell gets the defined name. */
export const SCENARIO_INPUT_ROWS: readonly {
  readonly key: keyof ScenarioInputs;
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly format: string;
}[] = [
  { key: 'hourlyRate', name: 'hourly_rate', label: 'Hourly rate', unit: 'money per hour', format: MONEY },
  { key: 'expectedMonthlyHours', name: 'expected_monthly_hours', label: 'Expected support hours per month', unit: 'hours per month', format: HOURS_INPUT },
  { key: 'monthlyVariability', name: 'monthly_variability', label: 'Month-to-month variability', unit: 'how far a month typically strays from the average', format: VARIABILITY },
  { key: 'disruptionCostPerHour', name: 'disruption_cost_per_hour', label: 'Disruption cost of IT problems', unit: 'money per hour', format: MONEY },
  { key: 'blockHours', name: 'block_hours', label: 'Block: hours', unit: 'hours', format: HOURS_INPUT },
  { key: 'blockPrice', name: 'block_price', label: 'Block: price', unit: 'money, paid up front', format: MONEY },
  { key: 'termMonths', name: 'term_months', label: 'Block: valid for', unit: 'months', format: COUNT },
  { key: 'overageRate', name: 'overage_rate', label: 'Block: overage rate', unit: 'money per hour', format: MONEY },
  { key: 'monthlyFee', name: 'monthly_fee', label: 'Managed: monthly fee', unit: 'money per month', format: MONEY },
  { key: 'coveredShare', name: 'covered_share', label: 'Managed: share of hours covered', unit: 'share, 0 to 100%', format: PERCENT },
  { key: 'incidentReduction', name: 'incident_reduction', label: 'Managed: reduction in incidents', unit: 'share, 0 to 100%', format: PERCENT },
  { key: 'annualDiscountRate', name: 'annual_discount_rate', label: 'Annual discount rate', unit: 'per year, compounded monthly', format: PERCENT },
];

export const SCENARIO_ASSUMPTIONS =
  'Assumptions: hours needed over the term are gamma distributed around the expected level; months are independent, ' +
  'so variability over the term is the monthly variability ÷ √months. The block is paid on day one; hourly work, overage ' +
  'and managed fees are paid monthly in arrears, discounted at the annual rate compounded monthly. Costs include disruption. ' +
  'The table of cost by hours used is undiscounted.';

/** COMPARE's and RECOMMEND's arguments: monthly hours and the variability of one month's hours. */
const COMPARE_ARGUMENTS =
  'expected_monthly_hours,hourly_rate,block_hours,block_price,monthly_fee,overage_rate,monthly_variability,term_months,covered_share,incident_reduction,disruption_cost_per_hour,annual_discount_rate';

/** Where each option stands in COMPARE's table: its row (header = 1) and the saving column. */
const COMPARE_MANAGED_ROW = 4;
const COMPARE_SAVING_COLUMN = 5;

/** Savings over the term are present values when a discount rate is given, as in COMPARE. */
const OVER_THE_TERM = 'money over the term (present value)';

const RESULT_ROWS: readonly { readonly label: string; readonly formula: string; readonly unit?: string; readonly format: string }[] = [
  { label: 'Block break-even', formula: '=ITCOST.BREAKEVEN(hourly_rate,block_hours,block_price,overage_rate,variability)', unit: 'hours over the term', format: HOURS },
  { label: 'Block: chance of forfeiting hours', formula: '=ITCOST.FORFEITRISK(expected_term_hours,block_hours,variability)', unit: 'probability, over the term', format: CHANCE_FORMAT },
  { label: 'Block: expected unused hours', formula: '=ITCOST.UNUSEDHOURS(expected_term_hours,block_hours,variability)', unit: 'hours at the end of the term', format: HOURS },
  { label: 'Managed break-even', formula: '=ITCOST.MANAGEDBREAKEVEN(monthly_fee,hourly_rate,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'hours per month', format: HOURS },
  { label: 'Block: expected saving vs hourly over the term', formula: '=ITCOST.BLOCKVALUE(expected_term_hours,hourly_rate,block_hours,block_price,overage_rate,variability,term_months,annual_discount_rate)', unit: OVER_THE_TERM, format: MONEY },
  // COMPARE's own figure, so the two savings side by side cover the same period on the same basis.
  { label: 'Managed: expected saving vs hourly over the term', formula: `=INDEX(ITCOST.COMPARE(${COMPARE_ARGUMENTS}),${COMPARE_MANAGED_ROW},${COMPARE_SAVING_COLUMN})`, unit: OVER_THE_TERM, format: MONEY },
  { label: 'Managed: expected saving vs hourly per month', formula: '=ITCOST.MANAGEDVALUE(expected_monthly_hours,hourly_rate,monthly_fee,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'money per month, undiscounted', format: MONEY },
  { label: 'Recommendation', formula: `=ITCOST.RECOMMEND(${COMPARE_ARGUMENTS})`, format: GENERAL },
];

/** The longest advice RECOMMEND writes, in characters, with room to spare: its cell is made tall enough for it. */
const ADVICE_CHARACTERS = 900;

/** With a history, these inputs become formulas over it (the `history` name), as TERMDEMAND computes them for one month. */
const HISTORY_FORMULAS: Partial<Record<keyof ScenarioInputs, string>> = {
  expectedMonthlyHours: '=AVERAGE(history)',
  monthlyVariability: '=STDEV.S(history)/AVERAGE(history)',
};

/** The formula an input becomes over a time-entry history, if it is one of the two the history estimates. */
export function entryHistoryFormula(key: string): string | undefined {
  return key === 'expectedMonthlyHours' || key === 'monthlyVariability' ? ENTRY_HISTORY_FORMULAS[key] : undefined;
}

export interface ScenarioPlanOptions {
  /** Rows in the table of cost by hours used (at least 2). */
  readonly sensitivityRows?: number;
  readonly name?: string;
  /**
   * Past monthly support hours. When given, they are listed in G:H and the expected monthly hours
   * and month-to-month variability become formulas over them (as TERMDEMAND computes them).
   */
  readonly history?: readonly number[];
  /**
   * The time-entry export the demand was estimated from. When given (and no `history`), its entries
   * are listed from column G, with the months MONTHLYHOURS bills and the two inputs as TERMDEMAND
   * over them (src/sheet/entry-history.ts).
   */
  readonly entries?: EntryHistory;
  /** After-hours work at a multiplier: the expected hours become a formula over the hours worked, the share and the multiplier. */
  readonly afterHours?: AfterHours;
  /** The managed quote the monthly fee came from: shown as inputs, the fee as MANAGEDFEE over them. */
  readonly quote?: QuoteInputs;
}

/**
 * The scenario sheet: inputs with defined names, derived term figures, live ITCOST results,
 * the COMPARE spill, a table of cost by hours used (0 to twice the expected hours) and its chart.
 */
export function scenarioPlan(inputs: ScenarioInputs, options: ScenarioPlanOptions = {}): SheetPlan {
  const sensitivityRows = Math.max(2, Math.floor(options.sensitivityRows ?? DEFAULT_SENSITIVITY_ROWS));
  const history = options.history;
  const entries = history ? undefined : options.entries;
  // A:E holds the COMPARE spill; G:H the history, or G:K the entries and their months.
  const sheet = new SheetBuilder(history ? [270, 110, 150, 135, 120, 20, 80, 90] : entries ? [270, 110, 150, 135, 120, 20, ...ENTRY_HISTORY_WIDTHS] : [270, 110, 150, 135, 120]);

  sheet.title(SCENARIO_TITLE);
  sheet.note(SCENARIO_ASSUMPTIONS);
  sheet.skip();

  const inputsHeader = sheet.header(sheet.nextRow, 0, 'Inputs', 'Value', 'Unit');
  const inputFields = SCENARIO_INPUT_ROWS.map((input): Field => {
    const fromHistory = history ? HISTORY_FORMULAS[input.key] : entries ? entryHistoryFormula(input.key) : undefined;
    return fromHistory
      ? { label: input.label, name: input.name, cell: { formula: fromHistory, numberFormat: input.format }, unit: `${input.unit}, from the history in ${history ? 'H' : 'G:K'}` }
      : { label: input.label, name: input.name, cell: { value: inputs[input.key], numberFormat: input.format }, unit: input.unit, limit: SCENARIO_LIMITS[input.key] };
  });
  const inputValues = sheet.fields(sheet.nextRow, 0, withQuote(withAfterHours(inputFields, options.afterHours), options.quote)).values;
  sheet.style('input', inputValues);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Derived for the term');
  sheet.fields(sheet.nextRow, 0, [
    { label: 'Expected hours over the term', name: 'expected_term_hours', cell: { formula: '=expected_monthly_hours*term_months', numberFormat: HOURS }, unit: 'hours' },
    {
      label: 'Variability over the term',
      name: 'variability',
      cell: { formula: '=monthly_variability/SQRT(term_months)', numberFormat: VARIABILITY },
      unit: "the term's typical swing, for BREAKEVEN, BLOCKVALUE, FORFEITRISK and UNUSEDHOURS",
    },
  ]);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Results');
  const results = sheet.fields(sheet.nextRow, 0, RESULT_ROWS.map((result) => ({ label: result.label, cell: { formula: result.formula, numberFormat: result.format }, unit: result.unit })));
  sheet.style('result', results.values);
  // The advice runs to several sentences: wrapped across the sheet from its cell, with room for the longest.
  const advice = partOf(results.values, { row: RESULT_ROWS.findIndex((result) => result.label === 'Recommendation'), rows: 1 });
  sheet.wrap({ ...advice, columns: sheet.columnCount - advice.column }, ADVICE_CHARACTERS);
  sheet.skip();

  sheet.header(sheet.nextRow, 0, 'Comparison over the term');
  const comparison = sheet.spill(sheet.nextRow, 0, `=ITCOST.COMPARE(${COMPARE_ARGUMENTS})`, COMPARE_SPILL);
  sheet.style('columnHeader', partOf(comparison, { rows: 1 }));
  // Number formats for the spilled figures are set on the cells the spill will fill.
  sheet.format(partOf(comparison, { row: 1, column: 1 }), MONEY);
  sheet.skip();

  const chart = costByHoursTable(sheet, 'Prepaid block', (hours) => `=block_price+overage_rate*MAX(0,${hours}-block_hours)+disruption_cost_per_hour*${hours}`, sensitivityRows);

  if (history) {
    // Beside the inputs, from their header row down.
    sheet.header(inputsHeader.row, 6, 'Month', 'Support hours');
    const months = sheet.putRows(inputValues.row, 6, history.map((hours, i) => [text(`Month ${i + 1}`), { value: hours, numberFormat: HOURS_INPUT }]));
    const hours = partOf(months, { column: 1 });
    sheet.name('history', hours, 'Past monthly support hours');
    sheet.style('input', hours);
    sheet.validate(hours, TERMDEMAND_LIMITS.monthlyHours, 'Support hours');
  }
  if (entries) placeEntryHistory(sheet, inputsHeader.row, 6, entries);

  return sheet.plan({ name: options.name ?? SCENARIO_SHEET_NAME, frozenRows: 1, chart });
}

/** What managed services cost over the term for `hours` (a formula's text), undiscounted, with disruption. */
export const managedCostFormula = (hours: string) => `monthly_fee*term_months+(1-incident_reduction)*${hours}*((1-covered_share)*hourly_rate+disruption_cost_per_hour)`;

/**
 * The table of cost over the term by hours used, from 0 to twice the expected hours, undiscounted:
 * hourly billing, the prepaid offer (`offerCost` of a row's hours cell, a formula) and managed
 * services, at the sheet's next row; and the chart of it, placed beside. Every scenario sheet ends
 * with it.
 */
export function costByHoursTable(sheet: SheetBuilder, offerLabel: string, offerCost: (hours: string) => string, rows: number): PlanChart {
  sheet.header(sheet.nextRow, 0, 'Cost over the term by hours used (undiscounted)');
  const tableHeader = sheet.header(sheet.nextRow, 0, 'Hours used', 'Hourly', offerLabel, 'Managed services');
  const tableRows = Array.from({ length: rows }, (_, i): PlanCell[] => {
    const hours = cellAddress(tableHeader.row + 1 + i, 0);
    return [
      { formula: `=${i}/${rows - 1}*2*expected_term_hours`, numberFormat: HOURS },
      { formula: `=${hours}*(hourly_rate+disruption_cost_per_hour)`, numberFormat: MONEY },
      { formula: offerCost(hours), numberFormat: MONEY },
      { formula: `=${managedCostFormula(hours)}`, numberFormat: MONEY },
    ];
  });
  const table = sheet.putRows(tableHeader.row + 1, 0, tableRows);
  return {
    title: 'Cost over the term by hours used',
    xAxisTitle: 'Hours used over the term',
    yAxisTitle: 'Cost',
    dataRange: blockRange({ ...tableHeader, rows: 1 + table.rows }),
    topLeft: cellAddress(tableHeader.row, 6),
    bottomRight: cellAddress(tableHeader.row + 20, 13),
  };
}
