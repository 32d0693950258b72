import fc from 'fast-check';
import { meanAndSampleDeviation, retainerExpectations } from '../../src/model';
import { RETAINER_TRACKER_STATUS, RETAINER_TRACKER_WARN_HOURS, retainerTrackerPlan, type RetainerTrackerExample } from '../../src/sheet/retainer-tracker';
import { INPUT_NOTE } from '../../src/sheet/builder';
import { cellAddress, rangeAddresses } from '../../src/sheet/plan';
import { expectClose, planEngine, valueOf } from './plan-engine';

const SEED = 20261207;

function example(hoursUsed: readonly number[], overrides: Partial<RetainerTrackerExample> = {}): RetainerTrackerExample {
  return { monthlyHours: 10, monthlyPrice: 1250, rolloverCap: 0.5, startDate: 46204, termMonths: 12, overageRate: 150, hoursUsed, ...overrides };
}

/** The log's balance month by month, written out as the sheet's notes state the rules, and the model's forecast from where it ends. */
function expectedFigures(e: RetainerTrackerExample) {
  const A = e.monthlyHours;
  const K = e.rolloverCap * A;
  let carried = 0;
  let forfeited = 0;
  let overage = 0;
  const months = e.hoursUsed.map((used, m) => {
    const available = A + carried;
    const unused = Math.max(0, available - used);
    carried = m + 1 >= e.termMonths ? 0 : Math.min(K, unused);
    forfeited += unused - carried;
    overage += Math.max(0, used - available);
    return { available, carried, forfeited: unused - carried, overage: Math.max(0, used - available) };
  });
  const elapsed = e.hoursUsed.length;
  const used = e.hoursUsed.reduce((a, b) => a + b, 0);
  const variability = elapsed < 2 || used === 0 ? 0 : (({ mean, deviation }) => deviation / mean)(meanAndSampleDeviation(e.hoursUsed));
  const left = Math.max(0, e.termMonths - elapsed);
  const forecast =
    left === 0
      ? { forfeitedHours: 0, overageHours: 0 }
      : valueOf(
          retainerExpectations(
            { expectedHours: elapsed === 0 ? 0 : used / elapsed, variability },
            { monthlyHours: A, rolloverCap: e.rolloverCap, termMonths: left, carriedHours: carried },
          ),
        );
  return { months, carried, forfeited, overage, used, elapsed, left, variability, forecast };
}

function expectedStatus(e: RetainerTrackerExample, f: ReturnType<typeof expectedFigures>): string {
  const hours = e.warnHours ?? RETAINER_TRACKER_WARN_HOURS;
  const expiry = f.forecast.forfeitedHours >= hours;
  const overage = f.forecast.overageHours >= hours;
  if (f.elapsed === 0) return RETAINER_TRACKER_STATUS.noLog;
  if (f.left === 0) return RETAINER_TRACKER_STATUS.ended;
  if (expiry && overage) return RETAINER_TRACKER_STATUS.both;
  if (expiry) return RETAINER_TRACKER_STATUS.expiry;
  return overage ? RETAINER_TRACKER_STATUS.overage : RETAINER_TRACKER_STATUS.onTrack;
}

describe('the retainer tracker in a real formula engine', () => {
  it('works out the balance month by month as its notes state: available, carried over, forfeited, overage', () => {
    // 10 hours a month, up to 5 carry over: 4 used leaves 6 (5 carried, 1 forfeited); 17 then needs 2 beyond 15.
    const e = example([4, 17, 9, 10]);
    const plan = retainerTrackerPlan(e);
    const sheet = planEngine(plan);
    const row = (name: string) => plan.names.find((n) => n.name === name)?.row ?? -1;
    const first = row('monthly_log');
    const cell = (m: number, column: number) => sheet.hf.getCellValue({ sheet: sheet.sheet, row: first + m, col: column });
    const table = [0, 1, 2, 3, 4].map((m) => [3, 4, 5, 6].map((c) => cell(m, c)));
    expect(table).toEqual([
      [10, 5, 1, 0],
      [15, 0, 0, 2],
      [10, 1, 0, 0],
      [11, 1, 0, 0],
      ['', '', '', ''],
    ]);
    expect([sheet.number('carried_now'), sheet.number('forfeited_so_far'), sheet.number('overage_so_far'), sheet.number('overage_cost_so_far')]).toEqual([1, 1, 2, 300]);
  });

  it('the last month of the term carries nothing: everything left then expires', () => {
    const e = example([6, 6, 6], { termMonths: 3 });
    const sheet = planEngine(retainerTrackerPlan(e));
    // 4 + 5 carried… month 1: 4 unused, 4 carried; month 2: 14 − 6 = 8, 5 carried, 3 forfeited; month 3: 15 − 6 = 9, all forfeited.
    expect([sheet.number('forfeited_so_far'), sheet.number('carried_now'), sheet.number('months_left'), sheet.number('forecast_forfeited')]).toEqual([12, 0, 0, 0]);
    expect(sheet.value('tracker_status')).toBe(RETAINER_TRACKER_STATUS.ended);
  });

  const S = RETAINER_TRACKER_STATUS;
  it.each([
    ['the template\'s log: 8.9 a month against 10, half a month carrying over', [8, 11.5, 6, 9.25, 12.5, 7.5, 6.5], {}, S.expiry],
    ['light use: hours pile up against the cap', [3, 4, 2.5, 3.5], {}, S.expiry],
    ['heavy use: overage every month', [14, 13, 15.5, 12], {}, S.overage],
    ['use at the allowance, known exactly', [10, 10, 10], {}, S.onTrack],
    ['use near the allowance, barely varying', [9.5, 10.5, 10, 9.75, 10.25], {}, S.onTrack],
    ['no rollover, uneven use', [7, 12, 9], { rolloverCap: 0 }, S.both],
    ['rollover until the term ends', [5, 9, 6, 11], { rolloverCap: 11 }, S.expiry],
    ['nothing logged yet', [], {}, S.noLog],
  ])('forecasts the months left with the model from the balance carried now, and gives the status it calls for: %s', (_case, hoursUsed, overrides, status) => {
    const e = example(hoursUsed, overrides);
    const sheet = planEngine(retainerTrackerPlan(e));
    const f = expectedFigures(e);
    const figures: Array<[string, number]> = [
      ['hours_used', f.used],
      ['months_elapsed', f.elapsed],
      ['carried_now', f.carried],
      ['forfeited_so_far', f.forfeited],
      ['overage_so_far', f.overage],
      ['monthly_variability', f.variability],
      ['months_left', f.left],
      ['forecast_forfeited', f.forecast.forfeitedHours],
      ['forecast_forfeited_value', (f.forecast.forfeitedHours * e.monthlyPrice) / e.monthlyHours],
      ['forecast_overage', f.forecast.overageHours],
      ['forecast_overage_cost', f.forecast.overageHours * e.overageRate],
      ['term_forfeited', f.forfeited + f.forecast.forfeitedHours],
    ];
    for (const [name, expected] of figures) expectClose(sheet.number(name), expected, name, 1e-9);
    expect(expectedStatus(e, f)).toBe(status);
    expect(sheet.value('tracker_status')).toBe(status);
    // Red: the figures of the outcome warned of, and the status.
    const flagged = (name: string) => sheet.flagged(name);
    const expiry = status === S.expiry || status === S.both;
    const overage = status === S.overage || status === S.both;
    expect([flagged('forecast_forfeited'), flagged('forecast_forfeited_value'), flagged('forecast_overage'), flagged('forecast_overage_cost'), flagged('tracker_status')]).toEqual([
      expiry,
      expiry,
      overage,
      overage,
      expiry || overage,
    ]);
  });

  it('gives the status the forecast calls for, whatever the log, cap and threshold (seeded)', () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(
        // Hours as a log holds them, in quarter hours.
        fc.array(fc.integer({ min: 0, max: 100 }).map((quarters) => quarters / 4), { maxLength: 12 }),
        fc.constantFrom(0, 0.25, 0.5, 1),
        fc.constantFrom(1, 2, 6),
        (hoursUsed, rolloverCap, warnHours) => {
          const e = example(hoursUsed, { rolloverCap, warnHours });
          const sheet = planEngine(retainerTrackerPlan(e));
          const f = expectedFigures(e);
          expectClose(sheet.number('forecast_forfeited'), f.forecast.forfeitedHours, 'forecast_forfeited', 1e-9);
          expectClose(sheet.number('forecast_overage'), f.forecast.overageHours, 'forecast_overage', 1e-9);
          const status = expectedStatus(e, f);
          expect(sheet.value('tracker_status')).toBe(status);
          statuses.add(status);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
    expect(statuses.size).toBeGreaterThanOrEqual(4);
  });
});

describe('the retainer tracker\'s layout', () => {
  // Built in each test (not while the file loads), so that mutation testing sees which tests reach the plan.
  let plan = retainerTrackerPlan(example([]));
  let sheet = planEngine(plan);
  beforeEach(() => {
    plan = retainerTrackerPlan(example([8, 11.5, 6]));
    sheet = planEngine(plan);
  });
  const named = (name: string) => plan.names.find((n) => n.name === name);
  const styled = (style: string) => plan.styles.filter((s) => s.style === style).flatMap((s) => rangeAddresses(s.range));
  const address = (name: string, rowOffset = 0) => cellAddress((named(name)?.row ?? 0) + rowOffset, named(name)?.column ?? 0);

  it('numbers the months of the log and dates each from the start date', () => {
    const log = named('monthly_log');
    const first = log?.row ?? 0;
    const cell = (m: number, column: number) => sheet.hf.getCellValue({ sheet: sheet.sheet, row: first + m, col: column });
    expect(Array.from({ length: 12 }, (_, m) => cell(m, 0))).toEqual(Array.from({ length: 12 }, (_, m) => m + 1));
    // 2026-07-01, then the first of each month after.
    expect([0, 1, 6, 11].map((m) => cell(m, 1))).toEqual([46204, 46235, 46388, 46539]);
    expect(log?.rows).toBe(12);
  });

  it('styles the title, the inputs (terms and hours used) and the forecast', () => {
    expect(styled('title')).toEqual(['A1']);
    expect(plan.cells[0]?.[0]?.value).toBe('Retainer tracker');
    expect(styled('note')).toEqual(['A2', 'A3', 'A4']);
    expect(plan.cells[1]?.[0]?.value).toBe(INPUT_NOTE);
    const inputs = styled('input');
    for (const name of ['monthly_hours', 'monthly_price', 'rollover_cap', 'start_date', 'term_months', 'overage_rate', 'warn_hours']) expect(inputs).toContain(address(name));
    for (let m = 0; m < 12; m += 1) expect(inputs).toContain(address('monthly_log', m));
    expect(inputs.filter((a) => a.startsWith('B')).length + inputs.filter((a) => a.startsWith('C')).length).toBe(inputs.length);
    const results = styled('result');
    for (const name of ['forecast_forfeited', 'forecast_forfeited_value', 'forecast_overage', 'forecast_overage_cost', 'term_forfeited']) expect(results).toContain(address(name));
    expect(results).not.toContain(address('carried_now'));
  });

  it('validates the terms by the retainer functions\' limits and the warning hours as at least 0', () => {
    const ranges = new Map((plan.validations ?? []).map((v) => [v.range, v]));
    for (const name of ['monthly_hours', 'monthly_price', 'rollover_cap', 'term_months', 'overage_rate', 'warn_hours']) expect(ranges.has(address(name))).toBe(true);
    expect(ranges.get(address('warn_hours'))?.message).toMatch(/The hours to warn at must be at least 0/);
    expect(ranges.has(`${address('monthly_log')}:${address('monthly_log', 11)}`)).toBe(true);
  });

  it('computes month 1 from the month\'s hours alone, referring to no cell above the log', () => {
    const first = named('monthly_log')?.row ?? 0;
    expect(plan.cells[first]?.[3]?.formula).toBe(`=IF(${cellAddress(first, 2)}="","",monthly_hours)`);
  });
});
