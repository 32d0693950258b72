import { SCENARIO_LIMITS, TERMDEMAND_LIMITS, type ScenarioInputs } from '../model';
import { CHANCE_FORMAT } from './chance';
import { cellAddress, type PlanCell, type PlanName, type PlanStyle, type PlanValidation, type SheetPlan } from './plan';
import { validationFromLimit } from './validation';

export const SCENARIO_SHEET_NAME = 'IT cost scenario';
export const SCENARIO_TITLE = 'IT cost scenario';
export const DEFAULT_SENSITIVITY_ROWS = 21;

const MONEY = '#,##0.00';
const HOURS = '#,##0.0';
const PERCENT = '0.0%';
const RATIO = '0.000';

/** The inputs block, in sheet order; each value cell gets the defined name. */
export const SCENARIO_INPUT_ROWS: readonly {
  readonly key: keyof ScenarioInputs;
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly format: string;
}[] = [
  { key: 'hourlyRate', name: 'hourly_rate', label: 'Hourly rate', unit: 'money per hour', format: MONEY },
  { key: 'expectedMonthlyHours', name: 'expected_monthly_hours', label: 'Expected support hours per month', unit: 'hours per month', format: HOURS },
  { key: 'monthlyVariability', name: 'monthly_variability', label: 'Month-to-month variability', unit: 'standard deviation ÷ mean of one month', format: RATIO },
  { key: 'disruptionCostPerHour', name: 'disruption_cost_per_hour', label: 'Disruption cost of IT problems', unit: 'money per hour', format: MONEY },
  { key: 'blockHours', name: 'block_hours', label: 'Block: hours', unit: 'hours', format: HOURS },
  { key: 'blockPrice', name: 'block_price', label: 'Block: price', unit: 'money, paid up front', format: MONEY },
  { key: 'termMonths', name: 'term_months', label: 'Block: valid for', unit: 'months', format: '0' },
  { key: 'overageRate', name: 'overage_rate', label: 'Block: overage rate', unit: 'money per hour', format: MONEY },
  { key: 'monthlyFee', name: 'monthly_fee', label: 'Managed: monthly fee', unit: 'money per month', format: MONEY },
  { key: 'coveredShare', name: 'covered_share', label: 'Managed: share of hours covered', unit: 'share, 0 to 100%', format: PERCENT },
  { key: 'incidentReduction', name: 'incident_reduction', label: 'Managed: reduction in incidents', unit: 'share, 0 to 100%', format: PERCENT },
  { key: 'annualDiscountRate', name: 'annual_discount_rate', label: 'Annual discount rate', unit: 'per year, compounded monthly', format: PERCENT },
];

/** Where the inputs block starts: row 5 (zero-based 4), values in column B. */
export const SCENARIO_FIRST_INPUT_ROW = 4;
export const SCENARIO_VALUE_COLUMN = 1;

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

const RESULT_ROWS: readonly { readonly label: string; readonly formula: string; readonly unit: string; readonly format: string }[] = [
  { label: 'Block break-even', formula: '=ITCOST.BREAKEVEN(hourly_rate,block_hours,block_price,overage_rate,variability)', unit: 'hours over the term', format: HOURS },
  { label: 'Block: chance of forfeiting hours', formula: '=ITCOST.FORFEITRISK(expected_term_hours,block_hours,variability)', unit: 'probability, over the term', format: CHANCE_FORMAT },
  { label: 'Block: expected unused hours', formula: '=ITCOST.UNUSEDHOURS(expected_term_hours,block_hours,variability)', unit: 'hours at the end of the term', format: HOURS },
  { label: 'Managed break-even', formula: '=ITCOST.MANAGEDBREAKEVEN(monthly_fee,hourly_rate,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'hours per month', format: HOURS },
  { label: 'Block: expected saving vs hourly over the term', formula: '=ITCOST.BLOCKVALUE(expected_term_hours,hourly_rate,block_hours,block_price,overage_rate,variability,term_months,annual_discount_rate)', unit: OVER_THE_TERM, format: MONEY },
  // COMPARE's own figure, so the two savings side by side cover the same period on the same basis.
  { label: 'Managed: expected saving vs hourly over the term', formula: `=INDEX(ITCOST.COMPARE(${COMPARE_ARGUMENTS}),${COMPARE_MANAGED_ROW},${COMPARE_SAVING_COLUMN})`, unit: OVER_THE_TERM, format: MONEY },
  { label: 'Managed: expected saving vs hourly per month', formula: '=ITCOST.MANAGEDVALUE(expected_monthly_hours,hourly_rate,monthly_fee,covered_share,incident_reduction,disruption_cost_per_hour)', unit: 'money per month, undiscounted', format: MONEY },
  { label: 'Recommendation', formula: `=ITCOST.RECOMMEND(${COMPARE_ARGUMENTS})`, unit: '', format: 'General' },
];

/** With a history, these inputs become formulas over it (the `history` name), as TERMDEMAND computes them for one month. */
const HISTORY_FORMULAS: Partial<Record<keyof ScenarioInputs, string>> = {
  expectedMonthlyHours: '=AVERAGE(history)',
  monthlyVariability: '=STDEV.S(history)/AVERAGE(history)',
};

export interface ScenarioPlanOptions {
  /** Rows in the table of cost by hours used (at least 2). */
  readonly sensitivityRows?: number;
  readonly name?: string;
  /**
   * Past monthly support hours. When given, they are listed in G:H and the expected monthly hours
   * and month-to-month variability become formulas over them (as TERMDEMAND computes them).
   */
  readonly history?: readonly number[];
}

/**
 * The scenario sheet: inputs with defined names, derived term figures, live ITCOST results,
 * the COMPARE spill, a table of cost by hours used (0 to twice the expected hours) and its chart.
 */
export function scenarioPlan(inputs: ScenarioInputs, options: ScenarioPlanOptions = {}): SheetPlan {
  const sensitivityRows = Math.max(2, Math.floor(options.sensitivityRows ?? DEFAULT_SENSITIVITY_ROWS));
  const history = options.history;
  const WIDTH = history ? 8 : 5; // A:E holds the COMPARE spill; G:H the history
  const rows: (PlanCell | null)[][] = [];
  const names: PlanName[] = [];
  const styles: PlanStyle[] = [];
  const validations: PlanValidation[] = [];
  const addRow = (...cells: (PlanCell | null)[]) => {
    rows.push([...cells, ...Array<null>(WIDTH - cells.length).fill(null)]);
    return rows.length - 1;
  };
  const text = (value: string): PlanCell => ({ value });
  const heading = (label: string, ...more: string[]) => {
    const row = addRow(text(label), ...more.map(text));
    styles.push({ style: more.length > 0 ? 'columnHeader' : 'heading', range: `A${row + 1}:${cellAddress(row, Math.max(0, more.length))}` });
    return row;
  };
  const named = (row: number, name: string, comment: string) => names.push({ name, row, column: SCENARIO_VALUE_COLUMN, comment });

  const title = addRow(text(SCENARIO_TITLE));
  styles.push({ style: 'title', range: `A${title + 1}` });
  const note = addRow(text(SCENARIO_ASSUMPTIONS));
  styles.push({ style: 'note', range: `A${note + 1}` });
  addRow();

  heading('Inputs', 'Value', 'Unit');
  for (const input of SCENARIO_INPUT_ROWS) {
    const fromHistory = history ? HISTORY_FORMULAS[input.key] : undefined;
    const value: PlanCell = fromHistory ? { formula: fromHistory, numberFormat: input.format } : { value: inputs[input.key], numberFormat: input.format };
    const row = addRow(text(input.label), value, text(fromHistory ? `${input.unit}, from the history in H` : input.unit));
    named(row, input.name, input.label);
    if (!fromHistory) validations.push(validationFromLimit(`B${row + 1}`, SCENARIO_LIMITS[input.key], input.label));
  }
  styles.push({ style: 'input', range: `B${SCENARIO_FIRST_INPUT_ROW + 1}:B${SCENARIO_FIRST_INPUT_ROW + SCENARIO_INPUT_ROWS.length}` });
  addRow();

  heading('Derived for the term');
  const termHours = addRow(text('Expected hours over the term'), { formula: '=expected_monthly_hours*term_months', numberFormat: HOURS }, text('hours'));
  named(termHours, 'expected_term_hours', 'Expected hours over the term');
  const variability = addRow(text('Variability over the term'), { formula: '=monthly_variability/SQRT(term_months)', numberFormat: RATIO }, text('standard deviation ÷ mean of the term, for BREAKEVEN, BLOCKVALUE, FORFEITRISK and UNUSEDHOURS; COMPARE and RECOMMEND take the monthly one'));
  named(variability, 'variability', 'Variability over the term');
  addRow();

  heading('Results');
  const firstResult = rows.length;
  for (const result of RESULT_ROWS) addRow(text(result.label), { formula: result.formula, numberFormat: result.format }, text(result.unit));
  styles.push({ style: 'result', range: `B${firstResult + 1}:B${rows.length}` });
  addRow();

  heading('Comparison over the term');
  const compareRow = addRow({ formula: `=ITCOST.COMPARE(${COMPARE_ARGUMENTS})`, spill: { rows: 4, columns: 5 } });
  for (let i = 0; i < 3; i += 1) addRow(); // room for the 4 × 5 spill
  styles.push({ style: 'columnHeader', range: `A${compareRow + 1}:E${compareRow + 1}` });
  // Number formats for the spilled figures are set on the cells the spill will fill.
  for (let r = compareRow + 1; r <= compareRow + 3; r += 1) {
    rows[r] = [null, { numberFormat: MONEY }, { numberFormat: MONEY }, { numberFormat: MONEY }, { numberFormat: MONEY }, ...Array<null>(WIDTH - 5).fill(null)];
  }
  addRow();

  heading('Cost over the term by hours used (undiscounted)');
  const tableHeader = heading('Hours used', 'Hourly', 'Prepaid block', 'Managed services');
  for (let i = 0; i < sensitivityRows; i += 1) {
    const r = rows.length + 1; // this row's A1 number
    addRow(
      { formula: `=${i}/${sensitivityRows - 1}*2*expected_term_hours`, numberFormat: HOURS },
      { formula: `=A${r}*(hourly_rate+disruption_cost_per_hour)`, numberFormat: MONEY },
      { formula: `=block_price+overage_rate*MAX(0,A${r}-block_hours)+disruption_cost_per_hour*A${r}`, numberFormat: MONEY },
      { formula: `=monthly_fee*term_months+(1-incident_reduction)*A${r}*((1-covered_share)*hourly_rate+disruption_cost_per_hour)`, numberFormat: MONEY },
    );
  }
  const lastTableRow = rows.length; // A1 number of the last row

  if (history) {
    const headerRow = SCENARIO_FIRST_INPUT_ROW - 1;
    rows[headerRow][6] = text('Month');
    rows[headerRow][7] = text('Support hours');
    styles.push({ style: 'columnHeader', range: `G${headerRow + 1}:H${headerRow + 1}` });
    history.forEach((hours, i) => {
      const row = SCENARIO_FIRST_INPUT_ROW + i;
      while (rows.length <= row) addRow();
      rows[row][6] = text(`Month ${i + 1}`);
      rows[row][7] = { value: hours, numberFormat: HOURS };
    });
    const last = SCENARIO_FIRST_INPUT_ROW + history.length;
    names.push({ name: 'history', row: SCENARIO_FIRST_INPUT_ROW, column: 7, rows: history.length, comment: 'Past monthly support hours' });
    styles.push({ style: 'input', range: `H${SCENARIO_FIRST_INPUT_ROW + 1}:H${last}` });
    validations.push(validationFromLimit(`H${SCENARIO_FIRST_INPUT_ROW + 1}:H${last}`, TERMDEMAND_LIMITS.monthlyHours, 'Support hours'));
  }

  return {
    name: options.name ?? SCENARIO_SHEET_NAME,
    cells: rows,
    names,
    styles,
    columnWidths: history ? [270, 110, 150, 135, 120, 20, 80, 90] : [270, 110, 150, 135, 120],
    validations,
    frozenRows: 1,
    chart: {
      title: 'Cost over the term by hours used',
      xAxisTitle: 'Hours used over the term',
      yAxisTitle: 'Cost',
      dataRange: `A${tableHeader + 1}:D${lastTableRow}`,
      topLeft: `G${tableHeader + 1}`,
      bottomRight: `N${tableHeader + 21}`,
    },
  };
}
