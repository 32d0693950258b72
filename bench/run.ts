/**
 * `npm run bench`: ITCost's measurements, side by side in one run, reported as ratios where the
 * machine's speed cancels out. Not part of `npm test`. Prints tables and writes bench-results/bench.json.
 *   1. calls per second of every ITCOST function through the built bundle's registered adapters;
 *   2. ITCOST.BLOCKVALUE against the Monte Carlo sheet an analyst would build (HyperFormula);
 *   3. scenario writes against the recording fake Excel: syncs and time by table size;
 *   4. bundle sizes, raw and gzip;
 *   5. the task pane's time to interactive in headless Chromium (median of 5).
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { HyperFormula } from 'hyperformula';
import { blockValue, checkScenario } from '../src/model';
import { writeSheetPlan } from '../src/excel/write-plan';
import { scenarioPlan } from '../src/sheet/scenario';
import { createFakeExcel } from '../test/support/fake-excel';
import { launchBrowser, openPane, serveDist } from '../test/e2e/browser';
import reference from '../test/reference/reference.json';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

// 1. Function throughput through the registered adapters of dist/functions.js.
const registered = new Map<string, (...args: unknown[]) => unknown>();
class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
new Function('CustomFunctions', 'Office', fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8'))(
  { associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn), Error: ExcelError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' } },
  {},
);

const cases: Array<[string, string, (i: number) => unknown[]]> = [
  ['BLOCKVALUE (variability 0.5)', 'BLOCKVALUE', (i) => [14 + (i % 13), 100, 20, 1800, 90, 0.5, 12, 0.06]],
  ['BLOCKVALUE (no variability)', 'BLOCKVALUE', (i) => [14 + (i % 13), 100, 20, 1800, 90, 0, 12, 0.06]],
  ['BREAKEVEN (variability 0.5)', 'BREAKEVEN', (i) => [100, 20, 1700 + (i % 13) * 10, 90, 0.5]],
  ['BREAKEVEN (no variability)', 'BREAKEVEN', (i) => [100, 20, 1700 + (i % 13) * 10, 90, 0]],
  ['EFFECTIVERATE', 'EFFECTIVERATE', (i) => [10 + (i % 20), 100, 20, 1800, 90]],
  ['UNUSEDHOURS (variability 0.5)', 'UNUSEDHOURS', (i) => [14 + (i % 13), 20, 0.5]],
  ['OVERAGEHOURS (variability 0.5)', 'OVERAGEHOURS', (i) => [14 + (i % 13), 20, 0.5]],
  ['FORFEITRISK (variability 0.5)', 'FORFEITRISK', (i) => [14 + (i % 13), 20, 0.5]],
  ['MANAGEDVALUE', 'MANAGEDVALUE', (i) => [1 + (i % 20), 185, 3000, 0.9, 0.3, 50]],
  ['MANAGEDBREAKEVEN', 'MANAGEDBREAKEVEN', (i) => [2000 + (i % 20) * 50, 185, 0.9, 0.3, 50]],
  ['BILLEDHOURS (10 tickets)', 'BILLEDHOURS', (i) => [Array.from({ length: 10 }, (_, t) => [5 + ((i + t * 7) % 90)]), 15, 30, 1]],
  ['TERMDEMAND (12 months)', 'TERMDEMAND', (i) => [Array.from({ length: 12 }, (_, t) => [4 + ((i + t * 5) % 11)]), 12]],
  ['EXPIRYFORECAST (variability 0.5)', 'EXPIRYFORECAST', (i) => [6 + (i % 7), 6, 20, 12, 0.5]],
  ['COMPARE (variability 0.5)', 'COMPARE', (i) => [1 + (i % 5) * 0.5, 100, 20, 1800, 150, 90, 0.5, 12, 1, 0.2, 40, 0.05]],
  ['RECOMMEND (variability 0.5)', 'RECOMMEND', (i) => [1 + (i % 5) * 0.5, 100, 20, 1800, 150, 90, 0.5, 12, 1, 0.2, 40, 0.05]],
];

function callsPerSecond(fn: (...args: unknown[]) => unknown, argsFor: (i: number) => unknown[], seconds: number): number {
  const argSets = Array.from({ length: 1024 }, (_, i) => argsFor(i));
  let calls = 0;
  let sink = 0;
  const budget = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 1024; i += 1) {
      const result = fn(...argSets[i]);
      sink += typeof result === 'number' ? result : 1;
    }
    calls += 1024;
  }
  if (Number.isNaN(sink)) throw new Error('NaN from a benchmark');
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

const throughput = cases.map(([label, id, argsFor]) => {
  const fn = registered.get(id) as (...args: unknown[]) => unknown;
  callsPerSecond(fn, argsFor, 0.1);
  return { label, callsPerSecond: callsPerSecond(fn, argsFor, 0.5) };
});
const floor = throughput[1].callsPerSecond;
results.throughput = throughput.map((t) => ({ ...t, timeRelativeToArithmeticFloor: floor / t.callsPerSecond }));
table('1. Function throughput (dist/functions.js, one core)', ['function', 'calls/s', 'time relative to BLOCKVALUE without variability'], throughput.map((t) => [t.label, fmt(t.callsPerSecond), `${fmt(floor / t.callsPerSecond, 1)}×`]));
const withVariability = throughput[0].callsPerSecond;
console.log(`\nBLOCKVALUE with variability: ${fmt(withVariability)} calls/s (goal ≥ 1,000,000); ratio to no variability ${fmt(floor / withVariability, 2)} (goal ≤ 10).`);

// 2. Against the Monte Carlo sheet an analyst would build in plain Excel: 10,000 rows of
//    GAMMA.INV(RAND(), shape, scale) and an average, in HyperFormula with native functions only.
const example = reference.blockValue.find((c) => c.expectedHours === 18 && c.variability === 0.5 && c.termMonths === 12 && c.annualDiscountRate === 0);
if (!example) throw new Error('the worked example is missing from the reference table');
const exact = example.blockValue; // mpmath, 50 digits
const shape = 1 / example.variability ** 2;
const scale = example.expectedHours * example.variability ** 2;
const ROWS = 10_000;
const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
const sheet = hf.getSheetId(hf.addSheet('MonteCarlo')) as number;
hf.setSheetContent(sheet, [
  [example.hourlyRate, example.blockHours, example.blockPrice, example.overageRate, shape, scale, null, `=AVERAGE(J1:J${ROWS})`],
  ...Array.from({ length: ROWS - 1 }, () => []),
]);
hf.setCellContents(
  { sheet, row: 0, col: 8 },
  Array.from({ length: ROWS }, (_, i) => [`=GAMMA.INV(RAND(),$E$1,$F$1)`, `=$A$1*I${i + 1}-($C$1+$D$1*MAX(0,I${i + 1}-$B$1))`]),
);
const mcTimes: number[] = [];
const mcErrors: number[] = [];
for (let run = 0; run < 7; run += 1) {
  const started = process.hrtime.bigint();
  // Any edit recalculates the sheet, and RAND() draws afresh.
  hf.setCellContents({ sheet, row: 0, col: 6 }, run);
  const estimate = hf.getCellValue({ sheet, row: 0, col: 7 }) as number;
  mcTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  mcErrors.push(Math.abs(estimate - exact) / Math.abs(exact));
}
const blockValueFn = registered.get('BLOCKVALUE') as (...args: unknown[]) => unknown;
const itcostValue = blockValueFn(example.expectedHours, example.hourlyRate, example.blockHours, example.blockPrice, example.overageRate, example.variability, 12, 0) as number;
const itcostMs = 1000 / withVariability;
const modelCheck = blockValue(example);
const monteCarlo = {
  rows: ROWS,
  recalculationMs: median(mcTimes),
  itcostCallMs: itcostMs,
  speedRatio: median(mcTimes) / itcostMs,
  monteCarloRelativeError: median(mcErrors),
  itcostRelativeError: Math.abs(itcostValue - exact) / Math.abs(exact),
  exact,
  modelAgrees: modelCheck.ok && Math.abs(modelCheck.value - itcostValue) < 1e-9 * Math.abs(exact),
};
results.monteCarlo = monteCarlo;
table('2. Expected saving of a block: ITCOST.BLOCKVALUE against a 10,000-row Monte Carlo sheet', ['method', 'time', 'relative error against mpmath'], [
  [`Monte Carlo sheet (HyperFormula, ${fmt(ROWS)} rows of GAMMA.INV(RAND(),…)), median of 7 recalculations`, `${fmt(monteCarlo.recalculationMs, 1)} ms`, monteCarlo.monteCarloRelativeError.toExponential(1)],
  ['ITCOST.BLOCKVALUE, one call', `${fmt(monteCarlo.itcostCallMs * 1000, 2)} µs`, monteCarlo.itcostRelativeError.toExponential(1)],
]);
console.log(`
ITCOST.BLOCKVALUE is ${fmt(monteCarlo.speedRatio)}× faster than recalculating the Monte Carlo sheet; its error is ${monteCarlo.itcostRelativeError.toExponential(1)} against the sheet's ${monteCarlo.monteCarloRelativeError.toExponential(1)} (sampling noise, which 10,000 rows cannot push much below 1%).`);

async function main(): Promise<void> {
  // 3. Scenario writes against the recording fake Excel.
  const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.5, blockHours: 20, blockPrice: 3400, monthlyFee: 900 });
  if (!checked.ok) throw new Error(checked.problem.message);
  const writes = [];
  for (const rows of [10, 100, 1000]) {
    const times: number[] = [];
    let syncs = 0;
    let calls = 0;
    for (let run = 0; run < 5; run += 1) {
      const fake = createFakeExcel();
      (globalThis as Record<string, unknown>).Excel = fake.Excel;
      const started = process.hrtime.bigint();
      await writeSheetPlan(scenarioPlan(checked.value, { sensitivityRows: rows }));
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      syncs = fake.syncCount;
      calls = fake.log.filter((line) => !line.startsWith('sync')).length;
    }
    writes.push({ rows, syncs, apiCalls: calls, ms: median(times) });
  }
  results.scenarioWrites = writes;
  table('3. Scenario write against the recording fake Excel (median of 5)', ['sensitivity rows', 'context.sync() calls', 'API calls queued', 'time'], writes.map((w) => [fmt(w.rows), w.syncs, w.apiCalls, `${fmt(w.ms, 2)} ms`]));

  // 4. Bundle sizes.
  const size = (file: string) => {
    const bytes = fs.readFileSync(path.join(DIST, file));
    return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const functionsSize = size('functions.js');
  const taskpaneSize = size('taskpane.js');
  const paneTotal = { raw: functionsSize.raw + taskpaneSize.raw, gzip: functionsSize.gzip + taskpaneSize.gzip };
  results.bundles = { functions: functionsSize, taskpane: taskpaneSize, paneTotal };
  const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
  table('4. Bundle sizes (production)', ['bundle', 'raw', 'gzip', 'budget (gzip)'], [
    ['functions.js', kb(functionsSize.raw), kb(functionsSize.gzip), '20 KB'],
    ['taskpane.js', kb(taskpaneSize.raw), kb(taskpaneSize.gzip), ''],
    ['all the task pane loads besides office.js (taskpane.js + functions.js)', kb(paneTotal.raw), kb(paneTotal.gzip), '82 KB target, 150 KB ceiling'],
  ]);

  // 5. Time to interactive in headless Chromium.
  const server = await serveDist();
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let run = 0; run < 5; run += 1) {
      const { page, context } = await openPane(browser, server.url, { width: 320 });
      const started = Date.now();
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector('body[data-mode="preview"] #hourlyRate');
      await page.fill('#hourlyRate', '150');
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.timeToInteractiveMs = { runs: times, median: median(times) };
  table('5. Task pane: navigation to the wizard accepting input (headless Chromium, office.js served locally)', ['runs', 'median'], [[times.map((t) => `${t} ms`).join(', '), `${median(times)} ms`]]);

  const outDir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(results, null, 2));
  console.log(`
wrote ${path.relative(ROOT, path.join(outDir, 'bench.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
