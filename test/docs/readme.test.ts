/**
 * The README's function reference states each argument's default and rule in the same words as
 * the help Excel shows and the model's messages, and each argument's unit as its limit declares it
 * (the unit cell may say more: "money, paid up front"): its tables are checked against the limit tables.
 */
import fs from 'fs';
import path from 'path';
import { defaultInWords, FUNCTION_LIMITS, limitInWords, type LimitTable } from '../../src/model';
import { loadFunctionsBundle } from '../support/custom-functions-runtime';
import type { SheetPlan } from '../../src/sheet/plan';
import { planEngine } from '../sheet/plan-engine';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** Each `### ITCOST.NAME` section's argument table, as rows of cells. */
function argumentTables(markdown: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  for (const section of markdown.split(/^### /m).slice(1)) {
    const id = /^ITCOST\.([A-Z]+)/.exec(section)?.[1];
    const lines = section.split('\n');
    const header = lines.findIndex((line) => /^\| argument \| unit \| default \| rule \|$/.test(line));
    if (!id || header < 0) continue;
    const rows: string[][] = [];
    for (const line of lines.slice(header + 2)) {
      if (!line.startsWith('|')) break;
      rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
    }
    tables.set(id, rows);
  }
  return tables;
}

const tables = argumentTables(README);
const excelNames = (table: LimitTable) => Object.fromEntries(Object.entries(table).map(([key, limit]) => [key, limit.excelName]));

describe('the README\'s function reference', () => {
  it('has an argument table for every function but those that refer to another\'s', () => {
    expect([...tables.keys()].sort()).toEqual(Object.keys(FUNCTION_LIMITS).filter((id) => !['MANAGEDBREAKEVEN', 'RECOMMEND'].includes(id)).sort());
  });

  it.each([...tables.entries()])('ITCOST.%s lists its arguments in order, with the units, defaults and rules of its limit table', (id, rows) => {
    const table = FUNCTION_LIMITS[id];
    const limits = Object.values(table);
    expect(rows.map((row) => row[0])).toEqual(limits.map((limit) => limit.excelName));
    rows.forEach(([, unit, stated, rule], index) => {
      const limit = limits[index];
      expect({ argument: limit.excelName, unit: limit.unit.trim() === '' ? '(none)' : unit.includes(limit.unit) }).toEqual({ argument: limit.excelName, unit: true });
      expect(stated.startsWith(defaultInWords(limit, excelNames(table)) ?? 'required')).toBe(true);
      const words = limit.shape === 'range' ? `each ${limitInWords(limit)}` : limitInWords(limit);
      expect({ argument: limit.excelName, rule: rule.startsWith(words) ? words : rule }).toEqual({ argument: limit.excelName, rule: words });
    });
  });
});

/**
 * Every example in the README's function reference whose arguments are plain numbers and whose
 * result is one number, called as Excel calls it: the production dist/functions.js, omitted
 * arguments as null. The result shown is the value rounded to the decimals it shows.
 */
describe('the README\'s numeric examples', () => {
  const bundle = loadFunctionsBundle();
  const examples = [...README.matchAll(/^\| `=ITCOST\.([A-Z]+)\(([-0-9., ]*)\)` \| (−?[0-9,]+(?:\.[0-9]+)?) \|$/gm)].map((match) => ({
    id: match[1],
    args: match[2].split(',').map((a) => (a.trim() === '' ? null : Number(a))),
    shown: match[3],
  }));

  it('are many, and cover the retainer and top-up functions', () => {
    expect(examples.length).toBeGreaterThanOrEqual(30);
    for (const id of ['RETAINERVALUE', 'RETAINERUNUSED', 'RETAINEROVERAGE', 'TOPUPVALUE']) expect(examples.some((e) => e.id === id)).toBe(true);
  });

  const spills = [...README.matchAll(/^\| `=ITCOST\.([A-Z]+)\(([-0-9., ]*)\)` \| ([0-9.]+) above ([0-9.]+) \|$/gm)];

  it.each(spills.map((m) => [m[0].split('`')[1], m] as const))('%s spills the two results shown, one above the other', (_formula, m) => {
    const fn = bundle.registered.get(m[1]);
    if (!fn) throw new Error(`${m[1]} is not registered`);
    const spill = fn(...m[2].split(',').map((a) => (a.trim() === '' ? null : Number(a)))) as number[][];
    const rounded = (value: number, shown: string) => Number(value.toFixed(shown.split('.')[1]?.length ?? 0));
    expect(spill.map((row) => row.length)).toEqual([1, 1]);
    expect([rounded(spill[0][0], m[3]), rounded(spill[1][0], m[4])]).toEqual([Number(m[3]), Number(m[4])]);
  });

  it('include RETAINERFORECAST\'s spills', () => {
    expect(spills.filter((m) => m[1] === 'RETAINERFORECAST')).toHaveLength(3);
  });

  it.each(examples.map((e) => [`=ITCOST.${e.id}(${e.args.map((a) => a ?? '').join(', ')})`, e] as const))('%s shows its result', (_formula, e) => {
    const fn = bundle.registered.get(e.id);
    if (!fn) throw new Error(`${e.id} is not registered`);
    const result = fn(...e.args);
    const decimals = e.shown.split('.')[1]?.length ?? 0;
    const shown = Number(e.shown.replace('−', '-').replace(/,/g, ''));
    expect(typeof result).toBe('number');
    expect(Number((result as number).toFixed(decimals))).toBe(shown);
  });
});

/**
 * MONTHLYHOURS's examples take ranges: the header row states the dates and the minutes in them,
 * and each result lists the spill's rows as "1 Jan 2026, 1.25; …".
 */
describe('the README\'s MONTHLYHOURS examples', () => {
  const bundle = loadFunctionsBundle();
  const section = README.slice(README.indexOf('### ITCOST.MONTHLYHOURS'), README.indexOf('### ITCOST.TERMDEMAND'));
  const header = /^\| example, with the dates (.+) in A2:A4 and (.+) in B2:B4 \| result \|$/m.exec(section);
  const rows = [...section.matchAll(/^\| `=ITCOST\.MONTHLYHOURS\(A2:A4, B2:B4((?:, [0-9.]+)*)\)` \| (.+) \|$/gm)];
  /** A date as the README writes it ("5 Jan 2026") as an Excel serial. */
  const serial = (text: string) => Math.round((Date.parse(`${text} UTC`) - Date.UTC(1899, 11, 30)) / 86_400_000);

  it('state their data and two results', () => {
    expect(header).not.toBeNull();
    expect(rows).toHaveLength(2);
  });

  it.each(rows.map((m) => [m[0].split('`')[1], m] as const))('%s spills the months and hours shown', (_formula, m) => {
    const dates = (header?.[1] ?? '').split(', ').map((d) => [serial(d)]);
    const minutes = (header?.[2] ?? '').split(', ').map((d) => [Number(d)]);
    const options = m[1] === '' ? [] : m[1].slice(2).split(', ').map(Number);
    const spill = bundle.registered.get('MONTHLYHOURS')?.(dates, minutes, ...options);
    const shown = m[2].split('; ').map((row) => {
      const [day, hours] = row.split(/, (?=[0-9.]+$)/);
      return [serial(day), Number(hours)];
    });
    expect(spill).toEqual(shown);
  });
});

/** The worked examples' formulas (any Excel formula), evaluated by the formula engine with the ITCOST functions. */
describe('the README\'s worked example of the same hours bought four ways', () => {
  const section = README.slice(README.indexOf('### Worked example: the same hours'), README.indexOf('### Worked example\n'));
  const shown = [...section.matchAll(/`(=ITCOST\.[^`]+)` (?:→|is) (−?[0-9,]+\.[0-9]+)/g)].map((m) => ({ formula: m[1], shown: m[2] }));
  const engine = planEngine({ title: 'worked example', cells: [], names: [], styles: [], validations: [], conditionalFormats: [], columnWidths: [] } as unknown as SheetPlan);

  it('shows ten formulas and their results', () => {
    expect(shown).toHaveLength(10);
  });

  it.each(shown.map((s) => [s.formula, s] as const))('%s', (_formula, s) => {
    const decimals = s.shown.split('.')[1].length;
    const result = engine.evaluate(s.formula);
    expect(typeof result).toBe('number');
    expect((result as number).toFixed(decimals)).toBe(Number(s.shown.replace('−', '-').replace(/,/g, '')).toFixed(decimals));
  });
});
