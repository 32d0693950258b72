import fc from 'fast-check';
import {
  billedHours,
  expectedOverageHours,
  expiryForecast,
  meanAndSampleDeviation,
  probabilityOfUnusedHours,
} from '../../src/model';
import { TRACKER_STATUS, TRACKER_WARNING_DEFAULTS, trackerPlan, type TrackerExample } from '../../src/sheet/tracker';
import { expectClose, planEngine, valueOf } from './plan-engine';

const SEED = 20261127;

function example(monthlyHours: readonly number[], overrides: Partial<TrackerExample> = {}): TrackerExample {
  return {
    blockHours: 40,
    blockPrice: 5400,
    startDate: 46204,
    termMonths: 12,
    overageRate: 150,
    monthlyHours,
    ticketMinutes: [],
    incrementMinutes: 15,
    minimumMinutes: 30,
    multiplier: 1,
    ...overrides,
  };
}

/**
 * The forecast from the model alone: the months left need burn rate × months left hours, with
 * variability monthly ÷ √(months left) (EXPIRYFORECAST's convention); overage is what that demand
 * needs beyond the hours left, and once the block is used up, everything still to come.
 */
function modelForecast(e: TrackerExample) {
  const log = e.monthlyHours;
  const used = log.reduce((a, b) => a + b, 0);
  const elapsed = log.length;
  const remaining = e.blockHours - used;
  const monthlyVariability = elapsed < 2 || used === 0 ? 0 : (({ mean, deviation }) => deviation / mean)(meanAndSampleDeviation(log));
  const left = Math.max(0, e.termMonths - elapsed);
  const demand = { expectedHours: elapsed === 0 ? 0 : (used / elapsed) * left, variability: left === 0 ? 0 : monthlyVariability / Math.sqrt(left) };
  const certain = demand.variability === 0 || demand.expectedHours === 0;
  const chanceUnused = remaining <= 0 ? 0 : probabilityOfUnusedHours(demand, remaining);
  const chanceOverage = remaining < 0 ? 1 : certain ? Number(demand.expectedHours > remaining) : 1 - probabilityOfUnusedHours(demand, remaining);
  const unused =
    elapsed === 0
      ? Math.max(0, remaining)
      : valueOf(expiryForecast({ hoursUsed: used, monthsElapsed: elapsed, blockHours: e.blockHours, termMonths: e.termMonths, monthlyVariability }));
  const overage = remaining <= 0 ? demand.expectedHours - remaining : expectedOverageHours(demand, remaining);
  return { used, elapsed, remaining, left, monthlyVariability, expectedRemaining: demand.expectedHours, chanceUnused, chanceOverage, unused, overage };
}

/** The rule the sheet documents: warn of an outcome at least `chance` likely whose expected hours reach `hours`. */
function expectedStatus(e: TrackerExample, f: ReturnType<typeof modelForecast>) {
  const chance = e.warnChance ?? TRACKER_WARNING_DEFAULTS.chance;
  const hours = e.warnHours ?? TRACKER_WARNING_DEFAULTS.hours;
  const expiry = f.elapsed > 0 && f.chanceUnused >= chance && f.unused >= hours;
  const overage = f.elapsed > 0 && f.chanceOverage >= chance && f.overage >= hours;
  const status =
    f.elapsed === 0
      ? TRACKER_STATUS.noLog
      : f.left === 0
        ? TRACKER_STATUS.ended
        : expiry && overage
          ? TRACKER_STATUS.both
          : expiry
            ? TRACKER_STATUS.expiry
            : overage
              ? TRACKER_STATUS.overage
              : TRACKER_STATUS.onTrack;
  return { expiry, overage, status };
}

/** The sheet's figures and warnings, through the formula engine, next to the model's. */
function compareWithModel(e: TrackerExample) {
  const plan = trackerPlan(e);
  const sheet = planEngine(plan);
  const model = modelForecast(e);
  const figures: Array<[string, number]> = [
    ['hours_used', model.used],
    ['months_elapsed', model.elapsed],
    ['hours_remaining', model.remaining],
    ['monthly_variability', model.monthlyVariability],
    ['expected_remaining', model.expectedRemaining],
    ['chance_unused', model.chanceUnused],
    ['forecast_unused', model.unused],
    ['forecast_unused_value', (model.unused * e.blockPrice) / e.blockHours],
    ['chance_overage', model.chanceOverage],
    ['forecast_overage', model.overage],
    ['forecast_overage_cost', model.overage * e.overageRate],
  ];
  for (const [name, expected] of figures) expectClose(sheet.number(name), expected, name, 1e-9);
  const flagged = (name: string) => sheet.flagged(name);
  return { sheet, model, flagged, expected: expectedStatus(e, model) };
}

describe('the block-hours tracker in a real formula engine', () => {
  it.each([
    ['26 hours used after 7 of 12 months of a 40-hour block', [2, 5, 3, 5.5, 2.5, 4.5, 3.5], TRACKER_STATUS.overage],
    ['the template\'s slow burn: 20.5 hours after 7 months', [3.5, 2, 4.25, 1.5, 3, 2.5, 3.75], TRACKER_STATUS.expiry],
    ['steady use that ends the term on the block', [2.9, 3.1, 3, 3, 2.9, 3.1, 3], TRACKER_STATUS.onTrack],
    ['nothing logged yet', [], TRACKER_STATUS.noLog],
  ])('gives the status the probabilities call for: %s', (_case, monthlyHours, status) => {
    // The steady case uses a 36-hour block: 21 hours used, 15 left, 5 months at 3 a month.
    const e = example(monthlyHours, status === TRACKER_STATUS.onTrack ? { blockHours: 36 } : {});
    const { sheet, expected, flagged } = compareWithModel(e);
    expect(expected.status).toBe(status);
    expect(sheet.value('tracker_status')).toBe(status);
    // Only the outcome warned of is red.
    expect({ unused: flagged('chance_unused'), unusedValue: flagged('forecast_unused_value'), overage: flagged('chance_overage'), overageCost: flagged('forecast_overage_cost') }).toEqual({
      unused: expected.expiry,
      unusedValue: expected.expiry,
      overage: expected.overage,
      overageCost: expected.overage,
    });
    expect(flagged('tracker_status')).toBe(expected.expiry || expected.overage);
  });

  it('shows both chances for the issue\'s case: overage near certain, leftovers unlikely', () => {
    const { sheet, model } = compareWithModel(example([2, 5, 3, 5.5, 2.5, 4.5, 3.5]));
    expect(model.chanceOverage).toBeGreaterThan(0.9);
    expect(sheet.number('chance_overage')).toBeGreaterThan(0.9);
    expect(sheet.number('chance_unused')).toBeLessThan(0.1);
    expect(sheet.number('chance_unused')).toBeGreaterThan(0.01); // small, not nil: a few hours may still be left
  });

  it('matches the model\'s forecast, chances, warnings and status for any log (seeded)', () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(
        fc.record({
          blockHours: fc.double({ min: 5, max: 200, noNaN: true }),
          termMonths: fc.integer({ min: 2, max: 24 }),
          logged: fc.integer({ min: 1, max: 24 }),
          // Hours as people log them, to a hundredth of the month's scale, often 0.
          shares: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }).map((n) => n / 100)), { minLength: 24, maxLength: 24 }),
          steady: fc.boolean(),
          overageRate: fc.double({ min: 0, max: 300, noNaN: true }),
          warnChance: fc.double({ min: 0.2, max: 0.95, noNaN: true }),
          warnHours: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        (c) => {
          const logged = Math.min(c.logged, c.termMonths);
          // Months average about block ÷ term, so blocks end on either side of their hours.
          const scale = (2 * c.blockHours) / c.termMonths;
          const monthlyHours = c.shares.slice(0, logged).map((share) => (c.steady ? c.shares[0] : share) * scale);
          const e = example(monthlyHours, { blockHours: c.blockHours, termMonths: c.termMonths, overageRate: c.overageRate, warnChance: c.warnChance, warnHours: c.warnHours });
          const { sheet, model, expected, flagged } = compareWithModel(e);
          // unused − overage = hours left − expected use, as for any block.
          expectClose(model.unused - model.overage, model.remaining - model.expectedRemaining, 'unused − overage', 1e-9);
          expect(sheet.value('tracker_status')).toBe(expected.status);
          expect(flagged('forecast_unused')).toBe(expected.expiry);
          expect(flagged('forecast_overage')).toBe(expected.overage);
          statuses.add(expected.status);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
    // The inputs reach every status but "nothing logged" (checked above).
    expect([...statuses].sort()).toEqual([TRACKER_STATUS.both, TRACKER_STATUS.ended, TRACKER_STATUS.expiry, TRACKER_STATUS.onTrack, TRACKER_STATUS.overage].sort());
  });

  it('shows an error in the log instead of taking the variability as 0', () => {
    const sheet = planEngine(trackerPlan(example([3, 4, 5])));
    sheet.set('monthly_log', '=NA()', 1);
    expect(sheet.value('monthly_variability')).not.toBe(0);
    expect(typeof sheet.value('monthly_variability')).not.toBe('number');
  });
});

describe('the tracker\'s forecast, branch by branch, against the model', () => {
  it.each([
    // [case, block hours, log, forecast overage hours worked out by hand (undefined: from OVERAGEHOURS)]
    ['the block used up before the term ends: everything still to come is overage', 10, [4, 4, 4], 2 + 4 * 9],
    ['the block used exactly: everything still to come is overage', 12, [4, 4, 4], 4 * 9],
    ['hours left and use that varies: OVERAGEHOURS', 40, [2, 5, 3], undefined],
    ['hours left and steady use within them: no overage', 40, [3, 3, 3], 0],
    ['hours left and steady use beyond them', 20, [3, 3, 3], 3 * 9 - 11],
    ['nothing logged yet', 40, [], 0],
  ])('%s', (_case, blockHours, monthlyHours, overageByHand) => {
    const { sheet, model } = compareWithModel(example(monthlyHours, { blockHours }));
    if (overageByHand !== undefined) expect(sheet.number('forecast_overage')).toBeCloseTo(overageByHand, 9);
    else expect(sheet.number('forecast_overage')).toBeGreaterThan(0);
    expect(sheet.number('forecast_overage')).toBeCloseTo(model.overage, 9);
    expect(sheet.number('forecast_overage_cost')).toBeCloseTo(model.overage * 150, 6);
  });

  it('counts the overage of a used-up block as what is still to come plus what is already over, never less', () => {
    const sheet = planEngine(trackerPlan(example([6, 6, 6], { blockHours: 15 })));
    expect(sheet.number('hours_remaining')).toBe(-3);
    expect(sheet.number('expected_remaining')).toBeCloseTo(6 * 9, 12);
    expect(sheet.number('forecast_overage')).toBeCloseTo(6 * 9 + 3, 12);
    expect(sheet.number('chance_overage')).toBe(1);
    expect(sheet.number('chance_unused')).toBe(0);
  });
});

describe('the tracker\'s logs', () => {
  it('numbers the months of the term and dates each from the start, with the logged hours and blanks after', () => {
    const e = example([3, 4.5], { termMonths: 5, startDate: 46204 }); // 2026-07-01
    const plan = trackerPlan(e);
    const sheet = planEngine(plan);
    const log = plan.names.find((n) => n.name === 'monthly_log');
    expect(log).toMatchObject({ column: 2, rows: 5 });
    const row = (r: number) => [0, 1, 2].map((col) => sheet.hf.getCellValue({ sheet: sheet.sheet, row: (log?.row ?? 0) + r, col }));
    // EDATE: the first of each month from July 2026.
    expect([0, 1, 2, 3, 4].map(row)).toEqual([
      [1, 46204, 3],
      [2, 46235, 4.5],
      [3, 46266, null],
      [4, 46296, null],
      [5, 46327, null],
    ]);
    expect(plan.cells.length).toBeGreaterThan((log?.row ?? 0) + 5);
  });

  it('bills each logged ticket as BILLEDHOURS does, leaves the rest blank, and totals them under the log', () => {
    const ticketMinutes = [10, 45, 61, 90];
    const rules = { incrementMinutes: 15, minimumMinutes: 30, multiplier: 1.5 };
    const e = example([3], { ticketMinutes, ...rules });
    const plan = trackerPlan(e);
    const sheet = planEngine(plan);
    const minutes = plan.names.find((n) => n.name === 'ticket_minutes');
    expect(minutes).toMatchObject({ column: 5, rows: 10 });
    const at = (r: number, col: number) => sheet.hf.getCellValue({ sheet: sheet.sheet, row: (minutes?.row ?? 0) + r, col });
    for (let t = 0; t < 10; t += 1) {
      expect(at(t, 4)).toBe(t + 1);
      expect(at(t, 5)).toBe(ticketMinutes[t] ?? null);
      const billed = at(t, 6);
      if (t < ticketMinutes.length) expectClose(billed as number, valueOf(billedHours({ minutesWorked: ticketMinutes[t], ...rules })), `ticket ${t + 1}`);
      else expect(billed).toBe('');
    }
    // The total sits right under the ten rows, labelled, and is the sum of the tickets.
    expect(at(10, 4)).toBe('Total billed');
    expectClose(at(10, 6) as number, valueOf(billedHours({ minutesWorked: ticketMinutes.map((m) => [m]), ...rules })), 'total billed');
    expect(at(11, 4)).toMatch(/monthly log/);
  });

  it('puts the billing rules beside the block\'s terms, validated by BILLEDHOURS\' limits', () => {
    const plan = trackerPlan(example([], { incrementMinutes: 6, minimumMinutes: 0, multiplier: 2 }));
    const sheet = planEngine(plan);
    const blockHours = plan.names.find((n) => n.name === 'block_hours');
    expect(['increment_minutes', 'minimum_minutes', 'multiplier'].map((n) => plan.names.find((x) => x.name === n))).toEqual([
      expect.objectContaining({ row: blockHours?.row, column: 5 }),
      expect.objectContaining({ row: (blockHours?.row ?? 0) + 1, column: 5 }),
      expect.objectContaining({ row: (blockHours?.row ?? 0) + 2, column: 5 }),
    ]);
    expect([sheet.number('increment_minutes'), sheet.number('minimum_minutes'), sheet.number('multiplier')]).toEqual([6, 0, 2]);
    const ranges = (plan.validations ?? []).map((v) => v.range);
    for (const n of ['increment_minutes', 'minimum_minutes', 'multiplier']) {
      const found = plan.names.find((x) => x.name === n);
      expect(ranges).toContain(`F${(found?.row ?? 0) + 1}`);
    }
  });
});
