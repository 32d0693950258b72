import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import {
  COMPARE_LIMITS,
  breakEvenValue,
  compareTable,
  costsForHoursUsed,
  demandQuantile,
  forfeitRisk,
  formatChance,
  formatMoney,
  formatNumber,
  formatPercent,
  managedBreakEven,
  positionalArguments,
  recommend,
  type Outcome,
  type RawArguments,
  type TableCell,
} from '../../src/model';

type Raw = RawArguments<typeof COMPARE_LIMITS>;

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.problem.message}`);
  return outcome.value;
}

const textOf = (raw: Raw) => valueOf(recommend(raw));
const VERDICTS = ['Pay hourly', 'Buy the prepaid block', 'Choose managed services'] as const;
const VERDICT_OF_ROW: Record<string, string> = { Hourly: 'Pay hourly', 'Prepaid block': 'Buy the prepaid block', 'Managed services': 'Choose managed services' };

/** COMPARE's three rows as [option, expected cost, per hour, 95th percentile cost, saving]. */
function rowsOf(raw: Raw): TableCell[][] {
  return valueOf(compareTable(raw)).slice(1);
}

/** The row RECOMMEND must choose, read off COMPARE's cells: lowest expected cost, ties to the lower 95th percentile cost. */
function cheapestRow(rows: TableCell[][]): string {
  const lowest = Math.min(...rows.map((r) => r[1] as number));
  const tied = rows.filter((r) => (r[1] as number) <= lowest + 1e-9 * Math.abs(lowest));
  return tied.reduce((best, r) => ((r[3] as number) < (best[3] as number) ? r : best))[0] as string;
}

const SEED = 20261127;
const monthlyVariability = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1.5, noNaN: true }), fc.double({ min: 1.5, max: 5, noNaN: true }));
/**
 * Realistic offers, scaled to the demand so that the three options land near one another often
 * enough for every verdict, tie and note to come up.
 */
const offers: fc.Arbitrary<Raw> = fc
  .record({
    expectedMonthlyHours: fc.oneof(fc.constant(0), fc.double({ min: 0.2, max: 60, noNaN: true })),
    hourlyRate: fc.double({ min: 40, max: 300, noNaN: true }),
    blockShare: fc.double({ min: 0.4, max: 1.6, noNaN: true }),
    discount: fc.double({ min: -0.05, max: 0.3, noNaN: true }),
    feeShare: fc.double({ min: 0.3, max: 1.6, noNaN: true }),
    overagePremium: fc.option(fc.double({ min: 0.8, max: 1.3, noNaN: true }), { nil: undefined }),
    monthlyVariability,
    termMonths: fc.integer({ min: 1, max: 36 }),
    coveredShare: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    incidentReduction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.6, noNaN: true })),
    disruptionCostPerHour: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
    annualDiscountRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
  })
  .map((o) => {
    const termHours = Math.max(1, o.expectedMonthlyHours) * o.termMonths;
    const blockHours = Math.max(1, Math.round(o.blockShare * termHours));
    return {
      expectedMonthlyHours: o.expectedMonthlyHours,
      hourlyRate: o.hourlyRate,
      blockHours,
      blockPrice: blockHours * o.hourlyRate * (1 - o.discount),
      // A fee near what the expected hours would cost hourly, so that managed services win some of the time.
      monthlyFee: Math.max(1, o.feeShare * o.hourlyRate * o.expectedMonthlyHours),
      overageRate: o.overagePremium === undefined ? undefined : o.overagePremium * o.hourlyRate,
      monthlyVariability: o.monthlyVariability,
      termMonths: o.termMonths,
      coveredShare: o.coveredShare,
      incidentReduction: o.incidentReduction,
      disruptionCostPerHour: o.disruptionCostPerHour,
      annualDiscountRate: o.annualDiscountRate,
    };
  });

const MONEY = /-?\d{1,3}(?:,\d{3})*\.\d{2}(?! h\b| support hours)/g;
const HOURS = /(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?) (?:h\b|support hours)/g;
const PERCENT = /(\d{1,3}(?:,\d{3})*(?:\.\d)?%)/g;
const sentencesOf = (text: string) => text.split(/(?<=\.) (?=[A-Z])/);

describe('RECOMMEND', () => {
  describe('opens with the verdict', () => {
    it.each([
      ['Buy the prepaid block', { expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, monthlyVariability: 0.6 }],
      ['Pay hourly', { expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 40, blockPrice: 7000, monthlyFee: 3000 }],
      ['Choose managed services', { expectedMonthlyHours: 20, hourlyRate: 120, blockHours: 200, blockPrice: 20000, monthlyFee: 1800, monthlyVariability: 0.4, coveredShare: 0.9, incidentReduction: 0.3, disruptionCostPerHour: 50 }],
    ])('"%s." and then its reasons', (verdict, raw) => {
      const text = textOf(raw);
      expect(text.startsWith(`${verdict}. `)).toBe(true);
      expect(VERDICTS.filter((v) => text.includes(v))).toEqual([verdict]);
    });

    it('names the option with the lowest expected cost in COMPARE, whatever the inputs', () => {
      fc.assert(
        fc.property(offers, (raw) => {
          const text = textOf(raw);
          expect(text.startsWith(`${VERDICT_OF_ROW[cheapestRow(rowsOf(raw))]}. `)).toBe(true);
        }),
        { seed: SEED, numRuns: 400 },
      );
    });

    it('breaks a tie in expected cost on the lower 95th percentile cost, and says so', () => {
      // Hourly and managed services both cost 1,800 on average; managed services' fee does not grow in a bad month.
      const raw = { expectedMonthlyHours: 1.5, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 150, overageRate: 90, monthlyVariability: 0.5 };
      const [hourly, , managed] = rowsOf(raw);
      expect(hourly[1]).toBe(managed[1]);
      const text = textOf(raw);
      expect(text).toMatch(/^Choose managed services\. /);
      expect(text).toContain(`Paying hourly would cost the same on average, but with demand at its 95th percentile`);
      expect(text).toContain(`managed services would cost ${formatMoney(managed[3] as number)}, against ${formatMoney(hourly[3] as number)} paying hourly.`);
    });
  });

  describe('quotes figures exactly as COMPARE, BREAKEVEN, FORFEITRISK and MANAGEDBREAKEVEN give them', () => {
    it('for the block: costs over the term, the saving, the break-even and the chance of forfeiting hours', () => {
      const raw = { expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, monthlyVariability: 0.6 };
      const [hourly, block, managed] = rowsOf(raw);
      const termVariability = 0.6 / Math.sqrt(12);
      const breakEven = valueOf(breakEvenValue({ hourlyRate: 185, blockHours: 20, blockPrice: 3400, variability: termVariability }));
      const chance = valueOf(forfeitRisk({ expectedHours: 24, blockHours: 20, variability: termVariability }));
      expect(textOf(raw)).toBe(
        'Buy the prepaid block. ' +
          `Expected cost over the 12-month term: ${formatMoney(block[1] as number)} with the prepaid block, against ${formatMoney(hourly[1] as number)} paying hourly ` +
          `(a saving of ${formatMoney(block[4] as number)}) and ${formatMoney(managed[1] as number)} with managed services. ` +
          `It breaks even at ${formatNumber(breakEven)} h of use over the 12-month term (${formatPercent(breakEven / 20)} of its 20 h); you expect 24 h, ` +
          `and the chance that some of its hours expire unused is ${formatChance(chance)}.`,
      );
    });

    it('for managed services: the saving over the term, never a monthly one, and the break-even hours a month', () => {
      const raw = { expectedMonthlyHours: 20, hourlyRate: 120, blockHours: 200, blockPrice: 20000, monthlyFee: 1800, monthlyVariability: 0.4, coveredShare: 0.9, incidentReduction: 0.3, disruptionCostPerHour: 50 };
      const [hourly, , managed] = rowsOf(raw);
      const breakEven = valueOf(managedBreakEven(raw));
      const text = textOf(raw);
      expect(text).toContain(`${formatMoney(managed[1] as number)} with managed services, against ${formatMoney(hourly[1] as number)} paying hourly (a saving of ${formatMoney(managed[4] as number)})`);
      expect(text).toContain(`They break even at ${formatNumber(breakEven)} support hours a month; you expect 20 h a month.`);
      expect(text).not.toContain(formatMoney((managed[4] as number) / 12));
    });

    it('for paying hourly: what the block and managed services would need', () => {
      const text = textOf({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 40, blockPrice: 7000, monthlyFee: 3000 });
      const blockBreakEven = valueOf(breakEvenValue({ hourlyRate: 185, blockHours: 40, blockPrice: 7000 }));
      expect(text).toContain(`The prepaid block breaks even at ${formatNumber(blockBreakEven)} h of use over the 12-month term (${formatPercent(blockBreakEven / 40)} of its 40 h); you expect 24 h.`);
      expect(text).toContain(`Managed services break even at ${formatNumber(valueOf(managedBreakEven({ monthlyFee: 3000, hourlyRate: 185 })))} support hours a month; you expect 2 h a month.`);
      expect(text).not.toContain('bad case');
    });

    it('every money, hours and percentage figure is one of those cells or inputs, written by the shared formatters', () => {
      fc.assert(
        fc.property(offers, (raw) => {
          const a = { ...raw, overageRate: raw.overageRate ?? raw.hourlyRate };
          const rows = rowsOf(raw);
          const T = a.termMonths as number;
          const termHours = (a.expectedMonthlyHours as number) * T;
          const variability = (a.monthlyVariability as number) / Math.sqrt(T);
          const money = new Set([...rows.flatMap((r) => [r[1], r[3], r[4]] as number[]), a.hourlyRate as number, a.overageRate as number].map(formatMoney));
          const blockBreakEven = breakEvenValue({ hourlyRate: a.hourlyRate, blockHours: a.blockHours, blockPrice: a.blockPrice, overageRate: a.overageRate, variability });
          const managed = managedBreakEven(a);
          const hours = new Set(
            [termHours, a.expectedMonthlyHours as number, a.blockHours as number, demandQuantile({ expectedHours: termHours, variability }, 0.95)]
              .concat(blockBreakEven.ok ? [blockBreakEven.value] : [], managed.ok ? [managed.value] : [])
              .map(formatNumber),
          );
          const percents = new Set([
            formatChance(valueOf(forfeitRisk({ expectedHours: termHours, blockHours: a.blockHours, variability }))),
            formatPercent(a.annualDiscountRate as number),
            ...(blockBreakEven.ok ? [formatPercent(blockBreakEven.value / (a.blockHours as number))] : []),
          ]);
          const text = textOf(raw);
          for (const figure of text.match(MONEY) ?? []) expect(money).toContain(figure);
          for (const [, figure] of text.matchAll(HOURS)) expect(hours).toContain(figure);
          for (const [, figure] of text.matchAll(PERCENT)) expect([...percents].some((p) => p.endsWith(figure))).toBe(true);
        }),
        { seed: SEED, numRuns: 300 },
      );
    });
  });

  describe('labels every figure with its period', () => {
    it('every sentence that quotes money or hours says which period they cover', () => {
      fc.assert(
        fc.property(offers, (raw) => {
          const term = `over the ${formatNumber(raw.termMonths as number)}-month term`;
          for (const sentence of sentencesOf(textOf(raw)).slice(1)) {
            if (!sentence.match(MONEY) && !/\d h\b|support hours/.test(sentence)) continue;
            const labelled = sentence.includes(term) || / a month[;.]/.test(sentence) || / an hour\b/.test(sentence);
            expect({ sentence, labelled }).toEqual({ sentence, labelled: true });
          }
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('says when costs are present values', () => {
      const text = textOf({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, annualDiscountRate: 0.06 });
      expect(text).toContain("Expected cost over the 12-month term, in today's money at 6% a year: ");
    });
  });

  describe('says when discounting or uneven demand decided the choice', () => {
    it('discounting: the block would win if its up-front price were not discounted against later payments', () => {
      const raw = { expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, monthlyVariability: 0.6 };
      expect(cheapestRow(rowsOf(raw))).toBe('Prepaid block');
      expect(cheapestRow(rowsOf({ ...raw, annualDiscountRate: 0.15 }))).toBe('Hourly');
      expect(textOf({ ...raw, annualDiscountRate: 0.15 })).toMatch(/^Pay hourly\. .* Without discounting, the prepaid block would be cheaper: its price is paid up front, the other costs month by month\.$/);
      expect(textOf(raw)).not.toContain('Without discounting');
    });

    it('uneven demand: at exactly the expected hours the block would win, as the table of cost by hours used shows', () => {
      const raw = { expectedMonthlyHours: 3, hourlyRate: 100, blockHours: 40, blockPrice: 3400, monthlyFee: 500, monthlyVariability: 0.9 };
      const atExpectedHours = costsForHoursUsed({ ...raw, termMonths: 12, overageRate: 100, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0, annualDiscountRate: 0 }, 36);
      expect(atExpectedHours.block).toBeLessThan(atExpectedHours.hourly);
      expect(textOf(raw)).toMatch(
        /^Pay hourly\. .* At exactly the expected 36 h over the 12-month term, the prepaid block would be cheaper, but uneven demand raises its expected overage, which tips the balance\.$/,
      );
      expect(textOf({ ...raw, monthlyVariability: 0 })).toMatch(/^Buy the prepaid block\. /);
    });

    it('whenever the sheet\'s table at the expected hours favours another option, the advice explains why', () => {
      fc.assert(
        fc.property(offers, (raw) => {
          const text = textOf(raw);
          const inputs = {
            hourlyRate: raw.hourlyRate as number, blockHours: raw.blockHours as number, blockPrice: raw.blockPrice as number,
            overageRate: (raw.overageRate ?? raw.hourlyRate) as number, monthlyFee: raw.monthlyFee as number, termMonths: raw.termMonths as number,
            coveredShare: raw.coveredShare as number, incidentReduction: raw.incidentReduction as number, disruptionCostPerHour: raw.disruptionCostPerHour as number,
          };
          const costs = costsForHoursUsed({ ...inputs, expectedMonthlyHours: 0, monthlyVariability: 0, annualDiscountRate: 0 }, (raw.expectedMonthlyHours as number) * inputs.termMonths);
          const chosen = cheapestRow(rowsOf(raw));
          const chosenCost = { Hourly: costs.hourly, 'Prepaid block': costs.block, 'Managed services': costs.managed }[chosen] as number;
          const lowest = Math.min(costs.hourly, costs.block, costs.managed);
          // A clear difference (0.1%) at the expected hours, against the verdict, must be explained.
          if (lowest < chosenCost * (1 - 1e-3)) expect(text).toMatch(/Without discounting, |At exactly the expected /);
        }),
        { seed: SEED, numRuns: 500 },
      );
    });
  });

  it('warns when the cheapest option has a much worse 95th-percentile cost', () => {
    const raw = { expectedMonthlyHours: 3, hourlyRate: 100, blockHours: 40, blockPrice: 3400, monthlyFee: 500, monthlyVariability: 3.1 };
    const [hourly, , managed] = rowsOf(raw);
    const p95Hours = demandQuantile({ expectedHours: 36, variability: 3.1 / Math.sqrt(12) }, 0.95);
    expect(textOf(raw)).toContain(
      `But in a bad case, with demand at its 95th percentile (${formatNumber(p95Hours)} h over the 12-month term), paying hourly would cost ${formatMoney(hourly[3] as number)}, against ${formatMoney(managed[3] as number)} with managed services.`,
    );
  });

  it('explains a block that pays off only on a band of use, when its overage rate is above the hourly rate', () => {
    const text = textOf({ expectedMonthlyHours: 40 / 12, hourlyRate: 100, blockHours: 20, blockPrice: 1800, monthlyFee: 5000, overageRate: 120 });
    expect(text).toMatch(/^Pay hourly\. /);
    expect(text).toContain('The prepaid block pays off from 18 h of use over the 12-month term, but its overage rate (120.00 an hour, against 100.00 paying hourly) makes it dearer at the 40 h you expect.');
  });

  it('writes plain English: no "a" before a vowel sound, no missing article, no "-0.00"', () => {
    fc.assert(
      fc.property(offers, (raw) => {
        const text = textOf(raw);
        expect(text).not.toMatch(/\ba (?:under|over|8|11\b|18\b|[aeiou])/i);
        expect(text).not.toMatch(/\bfor (?:prepaid block|managed services|hourly)\b/);
        expect(text).not.toMatch(/-0\.00\b|\bNaN\b|Infinity/);
        expect(text.endsWith('.')).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives its documented example', () => {
    expect(textOf({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000 })).toMatch(
      /^Buy the prepaid block\. Expected cost over the 12-month term: 4,140\.00 with the prepaid block, against 4,440\.00 paying hourly \(a saving of 300\.00\) and 36,000\.00 with managed services\. It breaks even at 18\.4 h /,
    );
  });

  it('refuses bad input like COMPARE', () => {
    expect(recommend({ expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, incidentReduction: -1 })).toMatchObject({
      ok: false,
      problem: { argument: 'incident_reduction' },
    });
  });
});

describe('number formatting shared by RECOMMEND and the task pane', () => {
  it.each([
    [formatMoney, 4226.4321, '4,226.43'],
    [formatMoney, -0.001, '0.00'],
    [formatMoney, -31560, '-31,560.00'],
    [formatNumber, 19.9375, '19.9'],
    [formatNumber, 24, '24'],
    [formatNumber, 1234567.891, '1,234,567.9'],
    [formatPercent, 0.99687, '99.7%'],
    [formatPercent, 2.326, '232.6%'],
    [formatChance, 0.0004, 'under 0.1%'],
    [formatChance, 0.0005, '0.1%'],
    [formatChance, 0.99996, 'over 99.9%'],
    [formatChance, 0, '0.0%'],
    [formatChance, 1, '100.0%'],
    [formatChance, 0.2134, '21.3%'],
    [formatChance, 0.12, '12.0%'],
    // Stored as 0.12349999999999999866, shown by Excel (15 digits, then half away from zero) as 12.4%.
    [formatChance, 0.1235, '12.4%'],
  ])('%p(%p) is %p', (format, value, text) => {
    expect((format as (v: number) => string)(value)).toBe(text);
  });

  it('builds its number formats once, on first use, and never through toLocaleString', () => {
    jest.isolateModules(() => {
      const built = jest.spyOn(Intl, 'NumberFormat');
      const localized = jest.spyOn(Number.prototype, 'toLocaleString');
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const model = require('../../src/model') as { recommend: typeof recommend };
        expect(built).not.toHaveBeenCalled();
        const raw = { expectedMonthlyHours: 2, hourlyRate: 185, blockHours: 20, blockPrice: 3400, monthlyFee: 3000, monthlyVariability: 0.6 };
        model.recommend(raw);
        const afterFirst = built.mock.calls.length;
        expect(afterFirst).toBeGreaterThan(0);
        expect(afterFirst).toBeLessThanOrEqual(3);
        for (let i = 0; i < 500; i += 1) model.recommend({ ...raw, expectedMonthlyHours: 1 + i / 50, annualDiscountRate: (i % 5) / 20 });
        expect(built.mock.calls.length).toBe(afterFirst);
        expect(localized).not.toHaveBeenCalled();
      } finally {
        built.mockRestore();
        localized.mockRestore();
      }
    });
  });
});

describe('the README examples of COMPARE and RECOMMEND', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<a id="compare"></a>'), readme.indexOf('### Worked example'));
  const argumentsOf = (list: string): Raw => positionalArguments(COMPARE_LIMITS, list.split(',').map((a) => (a.trim() === '' ? null : Number(a))));

  const compareExamples = [...section.matchAll(/`=ITCOST\.COMPARE\(([^)]*)\)` spills:\n\n((?:\|.*\n)+)/g)];
  const recommendExamples = [...section.matchAll(/^\| `=ITCOST\.RECOMMEND\(([^)]*)\)` \| (.*) \|$/gm)];

  it('has examples to check', () => {
    expect(compareExamples.length).toBeGreaterThanOrEqual(1);
    expect(recommendExamples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(compareExamples.map((m) => [m[1], m[2]] as const))('=ITCOST.COMPARE(%s) spills the table shown', (list, table) => {
    const shown = table.trim().split('\n').filter((line) => !/^\|[-:| ]+\|$/.test(line)).map((line) => line.split('|').slice(1, -1).map((c) => c.trim()));
    const computed = valueOf(compareTable(argumentsOf(list))).map((row) => row.map((c) => (typeof c === 'number' ? formatMoney(c) : typeof c === 'string' ? c : '#N/A')));
    expect(shown).toEqual(computed);
  });

  it.each(recommendExamples.map((m) => [m[1], m[2]] as const))('=ITCOST.RECOMMEND(%s) gives the advice shown', (list, text) => {
    expect(textOf(argumentsOf(list))).toBe(text);
  });
});
