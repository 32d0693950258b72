/**
 * A scenario sheet that records the time-entry export its demand came from, in the formula
 * engine: MONTHLYHOURS over the listed entries and TERMDEMAND over its months must give what the
 * import gave the wizard, and follow an edit of the entries.
 */
import fs from 'fs';
import path from 'path';
import { checkOfferScenario, checkScenario, hoursByMonth, type ScenarioInputs } from '../../src/model';
import { detectColumns } from '../../src/import/columns';
import { estimateFromEntries, readEntries } from '../../src/import/entries';
import { readExportTable } from '../../src/import/table';
import { ENTRY_HISTORY_FORMULAS, type EntryHistory } from '../../src/sheet/entry-history';
import { offerScenarioPlan } from '../../src/sheet/offer-scenario';
import { scenarioPlan } from '../../src/sheet/scenario';
import type { SheetPlan } from '../../src/sheet/plan';
import { expectClose, planEngine, valueOf } from './plan-engine';

const RULES = { incrementMinutes: 6, minimumMinutes: 15, multiplier: 1 };

/** The Atera-shaped fixture, read as the pane reads it. */
function fixtureHistory(): { history: EntryHistory; average: number; variability: number } {
  const read = readExportTable(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'exports', 'atera-timesheet.csv'), 'utf8'));
  if (!('header' in read)) throw new Error(read.reason);
  const entries = readEntries(read, { mapping: detectColumns(read.header, read.rows, false), order: 'DMY', excludeNonBillable: true, rules: RULES });
  const estimate = estimateFromEntries(entries, RULES);
  if ('error' in estimate) throw new Error(estimate.error);
  return {
    history: { dates: entries.dates, minutes: entries.minutes, rules: RULES, months: estimate.months.length },
    average: estimate.expectedMonthlyHours,
    variability: estimate.monthlyVariability,
  };
}

function inputs(): ScenarioInputs {
  return valueOf(
    checkScenario({
      hourlyRate: 150, expectedMonthlyHours: 99, monthlyVariability: 0.9, disruptionCostPerHour: 0, blockHours: 40, blockPrice: 5400,
      termMonths: 12, overageRate: 150, monthlyFee: 900, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0,
    }),
  );
}

describe('a scenario sheet with the time-entry history it was estimated from', () => {
  it('lists the entries and rules, spills their months with MONTHLYHOURS, and takes the two inputs from TERMDEMAND', () => {
    const { history, average, variability } = fixtureHistory();
    const plan = scenarioPlan(inputs(), { entries: history });
    const engine = planEngine(plan);
    // The typed 99 hours and 0.9 are replaced by formulas over the history.
    expectClose(engine.number('expected_monthly_hours'), average, 'expected monthly hours', 1e-12);
    expectClose(engine.number('monthly_variability'), variability, 'monthly variability', 1e-12);
    const months = hoursByMonth(history.dates, history.minutes, RULES);
    months.forEach(([start, hours], i) => {
      const at = plan.names.find((n) => n.name === 'history_months');
      if (!at) throw new Error('no history_months');
      expect(engine.hf.getCellValue({ sheet: engine.sheet, row: at.row + i, col: at.column - 1 })).toBe(start);
      expect(engine.hf.getCellValue({ sheet: engine.sheet, row: at.row + i, col: at.column })).toBe(hours);
    });
    const formulas = plan.cells.flat().map((cell) => cell?.formula);
    expect(formulas).toContain(ENTRY_HISTORY_FORMULAS.expectedMonthlyHours);
    expect(formulas).toContain('=ITCOST.MONTHLYHOURS(history_dates,history_minutes,history_increment,history_minimum,history_multiplier)');
    // Everything downstream reads the estimate: the term's expected hours.
    expectClose(engine.number('expected_term_hours'), average * 12, 'expected term hours', 1e-12);
  });

  it('follows an edit of an entry or of a billing rule', () => {
    const { history } = fixtureHistory();
    const engine = planEngine(scenarioPlan(inputs(), { entries: history }));
    const before = engine.number('expected_monthly_hours');
    engine.set('history_minutes', history.minutes[0] + 600);
    const edited = [history.minutes[0] + 600, ...history.minutes.slice(1)];
    const after = hoursByMonth(history.dates, edited, RULES);
    expectClose(engine.number('expected_monthly_hours'), after.reduce((sum, [, hours]) => sum + hours, 0) / after.length, 'after an edit', 1e-12);
    expect(engine.number('expected_monthly_hours')).toBeGreaterThan(before);
    engine.set('history_increment', 60);
    const hourly = hoursByMonth(history.dates, edited, { ...RULES, incrementMinutes: 60 });
    expectClose(engine.number('expected_monthly_hours'), hourly.reduce((sum, [, hours]) => sum + hours, 0) / hourly.length, 'with hourly increments', 1e-12);
  });

  it('does the same on a retainer scenario sheet', () => {
    const { history, average, variability } = fixtureHistory();
    const scenario = valueOf(
      checkOfferScenario('retainer', {
        hourlyRate: 150, expectedMonthlyHours: 99, monthlyVariability: 0.9, disruptionCostPerHour: 0, retainerHours: 10, retainerPrice: 1350,
        rolloverCap: 0.4, termMonths: 12, overageRate: 160, monthlyFee: 900, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0,
      }),
    );
    const engine = planEngine(offerScenarioPlan(scenario, { entries: history }));
    expectClose(engine.number('expected_monthly_hours'), average, 'expected monthly hours', 1e-12);
    expectClose(engine.number('monthly_variability'), variability, 'monthly variability', 1e-12);
  });
});

describe('the history block\'s layout', () => {
  const history: EntryHistory = { dates: [46027.4, 46040, 46090.9], minutes: [50, 10, 100], rules: { incrementMinutes: 15, minimumMinutes: 0, multiplier: 1 }, months: 3 };
  // Built in each test, not while the file loads, so that mutation runs see which tests cover the plan.
  let plan: SheetPlan;
  beforeEach(() => {
    plan = scenarioPlan(inputs(), { entries: history });
  });
  const named = (name: string) => {
    const found = plan.names.find((n) => n.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const cell = (row: number, column: number) => plan.cells[row]?.[column];

  it('heads the entries, then lists each entry\'s date and minutes under the names, formatted and validated', () => {
    const dates = named('history_dates');
    expect(cell(dates.row - 1, dates.column)?.value).toBe('Entry date');
    expect(cell(dates.row - 1, dates.column + 1)?.value).toBe('Minutes');
    expect(named('history_minutes')).toMatchObject({ row: dates.row, column: dates.column + 1, rows: 3 });
    expect(dates.rows).toBe(3);
    expect(history.dates.map((_, i) => cell(dates.row + i, dates.column))).toEqual(history.dates.map((value) => ({ value, numberFormat: 'yyyy-mm-dd' })));
    expect(plan.validations?.filter((v) => v.message.startsWith('Entry date') || v.message.startsWith('Minutes')).map((v) => v.range)).toEqual([`G${dates.row + 1}:G${dates.row + 3}`, `H${dates.row + 1}:H${dates.row + 3}`]);
    expect(plan.styles).toContainEqual({ style: 'input', range: `G${dates.row + 1}:H${dates.row + 3}` });
  });

  it('puts the rules and the entry count beside them, the months below with their header, formats and note', () => {
    const increment = named('history_increment');
    expect(cell(increment.row - 1, increment.column - 1)?.value).toBe('Time-entry export');
    expect(['history_increment', 'history_minimum', 'history_multiplier'].map((name) => named(name).row)).toEqual([increment.row, increment.row + 1, increment.row + 2]);
    expect(cell(increment.row + 3, increment.column)?.formula).toBe('=COUNT(history_dates)');
    expect(plan.styles).toContainEqual({ style: 'input', range: `K${increment.row + 1}:K${increment.row + 3}` });
    const months = named('history_months');
    expect(months).toMatchObject({ column: increment.column, rows: 3 });
    expect(cell(months.row - 1, months.column - 1)?.value).toBe('Month');
    expect(cell(months.row - 1, months.column)?.value).toBe('Billed hours');
    expect(cell(months.row - 2, months.column - 1)?.value).toMatch(/^Insert rows inside the entries/);
    expect(cell(months.row, months.column - 1)).toMatchObject({ numberFormat: 'mmm yyyy', spill: { rows: 3, columns: 2 } });
    expect(cell(months.row + 2, months.column)).toEqual({ numberFormat: '0.00' });
    expect(months.row).toBe(increment.row + 6);
  });
});
