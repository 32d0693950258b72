/**
 * `npm run bench`: ITCost's measurements in one run, reported as ratios where the machine's speed
 * cancels out. Not part of `npm test`. Prints tables and writes bench-results/bench.json.
 *   1. every ITCOST function against its incomplete-gamma floor: CPU time over seeded random,
 *      realistic inputs, in interleaved rounds, with the spread and the evaluations per call;
 *   2. slow corners: the slowest single input, random or known to be nasty, against a typical call;
 *   3. ITCOST.BLOCKVALUE against the Monte Carlo sheet an analyst would build (HyperFormula);
 *   4. scenario writes against the recording fake Excel: syncs and time by table size;
 *   5. bundle sizes, raw and gzip;
 *   6. the task pane's time to interactive in headless Chromium (median of 5).
 * Options: --functions-only runs sections 1 and 2; --out=FILE writes the JSON there instead.
 */
// Must come first: it records the incomplete-gamma calls of the model loaded from src/.
import { recordGammaCalls, replayer, type GammaCalls } from './gamma-probe';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import zlib from 'zlib';
import { HyperFormula } from 'hyperformula';
import * as adapters from '../src/functions/functions';
import { blockValue, checkScenario } from '../src/model';
import { gammaEvaluationCount } from '../src/model/gamma';
import { writeSheetPlan } from '../src/excel/write-plan';
import { scenarioPlan } from '../src/sheet/scenario';
import { createFakeExcel } from '../test/support/fake-excel';
import { installStandInCustomFunctions, StandInCustomFunctionsError, standInCustomFunctions, type RegisteredFunction } from '../src/functions/stand-in-runtime';
import { launchBrowser, openPane, serveDist } from '../test/e2e/browser';
import reference from '../test/reference/reference.json';
import { buildIncompleteGamma, loadIncompleteGamma } from './bundled-gamma';
import { benchFunctions, largeTimeEntryExport, withoutVariability, type BenchFunction, type CompareVariability } from './inputs';
import { bestMicrosPerCall, cpuMicros, interleavedRounds, keep, median, microsPerCall, sinkValue, spread, type Spread, type Timed } from './timing';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const options = process.argv.slice(2);
const functionsOnly = options.includes('--functions-only');
const option = (name: string) => options.find((given) => given.startsWith(`--${name}=`))?.slice(name.length + 3);
const outFile = option('out') ?? path.join(ROOT, 'bench-results', 'bench.json');
// Internal: set when this process is one of section 1's timing processes (see pooledRounds).
const roundsFile = option('rounds');
const gammaFile = option('gamma');

/** Random argument lists per function. */
const INPUTS = 1000;
/** Fresh processes that time section 1, interleaved rounds in each, and the CPU time of one item's batch in a round. */
const PROCESSES = 3;
const ROUNDS = 10;
const BATCH_MICROS = 30_000;
/** A single input is repeated until it has used this much CPU; suspects are re-timed this often. */
const INPUT_MICROS = 200;
const RETIMES = 5;
const SUSPECTS = 5;
/** The project's speed budgets (README, "Performance"): within 3× the incomplete-gamma floor, no input over 10× a typical call. */
const FLOOR_BUDGET = 3;
const CORNER_BUDGET = 10;

const results: Record<string, unknown> = {
  node: process.version,
  cpu: os.cpus()[0]?.model,
  date: new Date().toISOString(),
  settings: { inputsPerFunction: INPUTS, processes: PROCESSES, roundsPerProcess: ROUNDS, batchMicros: BATCH_MICROS, inputMicros: INPUT_MICROS, retimes: RETIMES },
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** About three significant figures (two below 1), with thousands separators from 100 up. */
const num = (n: number) => (n >= 100 ? fmt(n) : n >= 10 ? fmt(n, 1) : n >= 1 ? fmt(n, 2) : n.toPrecision(2));
const times = (ratio: number) => `${num(ratio)}×`;

function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** An argument list as a formula would show it: omitted arguments empty, ranges as {a;b} or their size. */
function formula(id: string, args: readonly unknown[]): string {
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.length <= 4 ? `{${value.map((row) => (row as unknown[]).map(show).join(',')).join(';')}}` : `{${value.length} cells}`;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
  let end = args.length;
  while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end -= 1;
  return `${id}(${args.slice(0, end).map(show).join(', ')})`;
}

/** What a call returned, in a few characters. */
function shortResult(value: unknown): string {
  if (typeof value === 'number') return Number(value.toPrecision(6)).toString();
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 21)}…"` : `"${value}"`;
  if (Array.isArray(value)) return `${value.length}×${(value[0] as unknown[] | undefined)?.length ?? 0} table`;
  if (value instanceof StandInCustomFunctionsError) return value.code;
  return String(value);
}

/**
 * The built bundle, run in this realm as the custom-functions runtime runs it, with an ordinary
 * global scope: what is timed. (Not test/support's vm context: global lookups such as Math.exp go
 * through the context's interceptors there, which makes calls 5 to 20 times slower.)
 */
function loadBundle(): Map<string, RegisteredFunction> {
  const registered = new Map<string, RegisteredFunction>();
  const CustomFunctions = standInCustomFunctions((id, fn) => registered.set(id, fn));
  const run: unknown = vm.runInThisContext(`(function (CustomFunctions, Office) {\n${fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8')}\n})`, { filename: 'dist/functions.js' });
  if (typeof run !== 'function') throw new Error('dist/functions.js did not compile to a function');
  Reflect.apply(run, undefined, [CustomFunctions, {}]);
  return registered;
}
const registered = loadBundle();
const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string; parameters: { name: string }[] }[] };
// The same adapters from src/, sharing the model instance whose incomplete-gamma counter we read.
installStandInCustomFunctions();
const sourceAdapters = new Map<string, RegisteredFunction>(
  Object.entries(adapters).map(([name, fn]) => [name.toUpperCase(), fn as RegisteredFunction]),
);
const distFunction = (id: string) => {
  const fn = registered.get(id);
  if (!fn) throw new Error(`dist/functions.js does not register ${id}`);
  return fn;
};

const compareParameters = metadata.functions.find((f) => f.id === 'COMPARE')?.parameters.map((p) => p.name) ?? [];
const compareVariability: CompareVariability = compareParameters[6] === 'monthly_variability' ? 'monthly' : 'term';
const functions = benchFunctions(INPUTS, compareVariability);
const notBenched = metadata.functions.map((f) => f.id).filter((id) => !functions.some((fn) => fn.id === id));

/** What one function does to the incomplete gamma on its random inputs, counted through src/model. */
interface GammaUse {
  /** Evaluations per random input, by gammaEvaluationCount(). */
  readonly evaluations: number[];
  /** The evaluations, with their arguments, to time the floor on. */
  readonly calls: GammaCalls;
  /** Inputs on which dist/ and src/ disagree: a stale build. */
  readonly mismatches: number;
}

/**
 * Whether dist/ and src/ gave the same answer, to the last digit: with ./bundled-stdlib they run
 * the same arithmetic, so any difference means dist/ was built from other sources.
 */
function agree(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => agree(value, b[i]));
  return JSON.stringify(a) === JSON.stringify(b);
}

function countEvaluations(source: RegisteredFunction, dist: RegisteredFunction, inputs: readonly (readonly unknown[])[]): GammaUse {
  const evaluations: number[] = [];
  let mismatches = 0;
  const calls = recordGammaCalls(() => {
    for (const args of inputs) {
      const before = gammaEvaluationCount();
      const value = source(...args);
      evaluations.push(gammaEvaluationCount() - before);
      if (!agree(value, dist(...args))) mismatches += 1;
    }
  });
  return { evaluations, calls, mismatches };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

interface FunctionFigures {
  id: string;
  inputs: string;
  callsPerSecond: Spread;
  microsPerCall: Spread;
  evaluationsPerCall: number;
  maxEvaluationsPerCall: number;
  /** CPU microseconds of one incomplete-gamma evaluation on this function's own (shape, x) calls. */
  microsPerEvaluation?: Spread;
  /** evaluationsPerCall × microsPerEvaluation: the least a call could cost. */
  floorMicrosPerCall?: number;
  /** A call's time over its floor, paired round by round. */
  floorRatio?: Spread;
  /** The same inputs with variability 0: no incomplete gamma at all. */
  noVariabilityMicrosPerCall?: Spread;
  /** Evaluations recorded with their arguments: all those counted, unless an export made two at once. */
  recordedPerCall: number;
}

/** Every function's incomplete-gamma work on its random inputs, counted through src/model; checks dist/ against src/. */
function gammaUses(): Map<string, GammaUse> {
  const uses = new Map<string, GammaUse>();
  for (const fn of functions) {
    const source = sourceAdapters.get(fn.id);
    if (!source) throw new Error(`src/functions has no adapter for ${fn.id}`);
    const use = countEvaluations(source, distFunction(fn.id), fn.random);
    if (use.mismatches > 0) throw new Error(`${fn.id}: dist/functions.js and src/ disagree on ${use.mismatches} of ${fn.random.length} inputs: dist/ is stale, run npm run bench (it builds first)`);
    uses.set(fn.id, use);
  }
  return uses;
}

/**
 * One process's rounds: every function, its twin without variability and its floor, interleaved.
 * Each floor replays the function's own evaluations on a fresh copy of the bundle's build of the
 * model's incomplete gamma. Returns CPU microseconds per operation, per item, per round.
 */
function timeRounds(uses: Map<string, GammaUse>, gammaFile: string): Record<string, number[]> {
  const items: Timed[] = [];
  for (const fn of functions) {
    const dist = distFunction(fn.id);
    const use = uses.get(fn.id) as GammaUse;
    items.push({ name: fn.id, operations: fn.random.length, pass: () => fn.random.forEach((args) => keep(dist(...args))) });
    const flat = withoutVariability(fn);
    if (flat) items.push({ name: `${fn.id} no variability`, operations: flat.length, pass: () => flat.forEach((args) => keep(dist(...args))) });
    if (use.calls.names.length > 0) {
      const replay = replayer(use.calls, loadIncompleteGamma(gammaFile));
      items.push({ name: `${fn.id} floor`, operations: use.calls.names.length, pass: () => keep(replay()) });
    }
  }
  return Object.fromEntries(interleavedRounds(items, ROUNDS, BATCH_MICROS));
}

/**
 * Section 1's rounds from PROCESSES fresh Node processes, one after another, pooled. The engine
 * does not optimise the incomplete gamma equally well in every process (calls differ by up to a
 * third from one process to the next), so one process's figures would be a draw, not a measure.
 */
function pooledRounds(gammaFile: string): Map<string, number[]> {
  const pooled = new Map<string, number[]>();
  for (let run = 0; run < PROCESSES; run += 1) {
    console.error(`timing in process ${run + 1} of ${PROCESSES}…`);
    const file = path.join(os.tmpdir(), `itcost-bench-rounds-${process.pid}-${run}.json`);
    execFileSync(process.execPath, [...process.execArgv, __filename, `--rounds=${file}`, `--gamma=${gammaFile}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const rounds = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number[]>;
    fs.rmSync(file);
    for (const [name, values] of Object.entries(rounds)) pooled.set(name, [...(pooled.get(name) ?? []), ...values]);
  }
  return pooled;
}

function speedAgainstFloor(uses: Map<string, GammaUse>, rounds: Map<string, number[]>): FunctionFigures[] {
  return functions.map((fn) => {
    const use = uses.get(fn.id) as GammaUse;
    const perCall = rounds.get(fn.id) as number[];
    const evaluationsPerCall = sum(use.evaluations) / use.evaluations.length;
    const figures: FunctionFigures = {
      id: fn.id,
      inputs: fn.inputs,
      callsPerSecond: spread(perCall.map((micros) => 1e6 / micros)),
      microsPerCall: spread(perCall),
      evaluationsPerCall,
      maxEvaluationsPerCall: Math.max(...use.evaluations),
      recordedPerCall: use.calls.names.length / fn.random.length,
    };
    const perEvaluation = rounds.get(`${fn.id} floor`);
    if (perEvaluation) {
      // Price every counted evaluation at what the recorded ones cost on average.
      figures.microsPerEvaluation = spread(perEvaluation);
      figures.floorMicrosPerCall = evaluationsPerCall * figures.microsPerEvaluation.median;
      // Paired within a process and a round, so a slow spell or a slow process falls on both.
      figures.floorRatio = spread(perCall.map((micros, round) => micros / (evaluationsPerCall * perEvaluation[round])));
    }
    const flat = rounds.get(`${fn.id} no variability`);
    if (flat) figures.noVariabilityMicrosPerCall = spread(flat);
    return figures;
  });
}

interface KnownFigures {
  note: string;
  formula: string;
  result: string;
  evaluations: number;
  micros: number;
  ratio: number;
}

interface CornerFigures {
  id: string;
  typicalMicros: number;
  slowestRandom: { formula: string; micros: number; ratio: number };
  known: KnownFigures[];
}

function slowCorners(fn: BenchFunction): CornerFigures {
  const dist = distFunction(fn.id);
  const source = sourceAdapters.get(fn.id) as RegisteredFunction;
  const timed = fn.random.map((args) => ({ args, micros: microsPerCall(() => dist(...args), INPUT_MICROS) }));
  const typicalMicros = median(timed.map((t) => t.micros));
  // Re-time the slowest few and keep each one's best: a pause only ever adds time.
  const suspects = [...timed].sort((a, b) => b.micros - a.micros).slice(0, SUSPECTS);
  for (const suspect of suspects) suspect.micros = Math.min(suspect.micros, bestMicrosPerCall(() => dist(...suspect.args), INPUT_MICROS, RETIMES));
  const slowest = suspects.reduce((a, b) => (b.micros > a.micros ? b : a));
  const known = fn.known.map(({ note, args }) => {
    const before = gammaEvaluationCount();
    source(...args);
    const evaluations = gammaEvaluationCount() - before;
    const micros = bestMicrosPerCall(() => dist(...args), INPUT_MICROS, RETIMES);
    return { note, formula: formula(fn.id, args), result: shortResult(dist(...args)), evaluations, micros, ratio: micros / typicalMicros };
  });
  return { id: fn.id, typicalMicros, slowestRandom: { formula: formula(fn.id, slowest.args), micros: slowest.micros, ratio: slowest.micros / typicalMicros }, known };
}

async function reportFunctions(): Promise<void> {
  console.log(`# ITCost bench: ${new Date().toISOString()}, Node.js ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(`COMPARE and RECOMMEND get ${compareVariability} variability as their 7th argument (from dist/functions.json).`);
  if (notBenched.length > 0) console.log(`Registered but not benched yet: ${notBenched.join(', ')}.`);
  const uses = gammaUses();
  const figures = speedAgainstFloor(uses, pooledRounds(await buildIncompleteGamma(path.join(ROOT, 'bench-results', 'floor'))));
  results.functions = figures;
  const dash = '—';
  table(
    `1. Every function against its incomplete-gamma floor (dist/functions.js; CPU time; ${INPUTS} seeded random inputs each; median and min–max of ${ROUNDS} interleaved rounds in each of ${PROCESSES} processes)`,
    ['function', 'calls/s', 'calls/s min–max', 'µs/call', 'Γ evals/call (max)', 'µs/Γ eval', 'floor µs/call', '× floor (min–max)', 'a call costs … Γ evals', 'no variability µs/call'],
    figures.map((f) => [
      f.id,
      fmt(f.callsPerSecond.median),
      `${fmt(f.callsPerSecond.min)}–${fmt(f.callsPerSecond.max)}`,
      num(f.microsPerCall.median),
      `${num(f.evaluationsPerCall)} (${f.maxEvaluationsPerCall})`,
      f.microsPerEvaluation ? num(f.microsPerEvaluation.median) : dash,
      f.floorMicrosPerCall !== undefined ? num(f.floorMicrosPerCall) : dash,
      f.floorRatio ? `**${times(f.floorRatio.median)}** (${num(f.floorRatio.min)}–${num(f.floorRatio.max)})` : dash,
      f.microsPerEvaluation ? num(f.microsPerCall.median / f.microsPerEvaluation.median) : dash,
      f.noVariabilityMicrosPerCall ? num(f.noVariabilityMicrosPerCall.median) : dash,
    ]),
  );
  console.log(
    "\nfloor = Γ evals/call × µs/Γ eval, timed by replaying the function's own evaluations, in order, through the bundle's build of the model's incomplete gamma (src/model/gamma.ts); × floor is paired round by round. " +
      "'a call costs … Γ evals' is µs/call ÷ µs/Γ eval, to hold against the evaluations the function needs. 'no variability' is the same inputs with variability 0: the call without any incomplete gamma.",
  );
  const over = figures.filter((f) => f.floorRatio && f.floorRatio.median > FLOOR_BUDGET);
  console.log(`\nBudget: each function within ${FLOOR_BUDGET}× its incomplete-gamma floor. ${over.length === 0 ? 'All within.' : `Over: ${over.map((f) => `${f.id} ${times((f.floorRatio as Spread).median)}`).join(', ')}.`}`);
  const unrecorded = figures.filter((f) => Math.abs(f.recordedPerCall - f.evaluationsPerCall) > 1e-9);
  if (unrecorded.length > 0) {
    console.log(
      `Note: some evaluations could not be recorded for replay (an export made more than one at once) for ${unrecorded.map((f) => `${f.id} (${num(f.recordedPerCall)} of ${num(f.evaluationsPerCall)})`).join(', ')}; the floor prices each counted evaluation at the average recorded one.`,
    );
  }

  const corners = functions.map(slowCorners);
  results.slowCorners = corners;
  const worstKnown = (c: CornerFigures) => c.known.reduce<KnownFigures | undefined>((a, b) => (a && a.ratio >= b.ratio ? a : b), undefined);
  table(
    `2. Slow corners: single inputs against a typical call (CPU time; each input repeated to ≥ ${INPUT_MICROS} µs; the ${SUSPECTS} slowest and every known input re-timed ${RETIMES}×, best kept)`,
    ['function', 'typical µs/call (median input)', 'slowest random input', '× typical', 'slowest known input', '× typical'],
    corners.map((c) => {
      const known = worstKnown(c);
      return [c.id, num(c.typicalMicros), `${c.slowestRandom.formula}: ${num(c.slowestRandom.micros)} µs`, times(c.slowestRandom.ratio), known ? `${known.formula}: ${num(known.micros)} µs` : '—', known ? `**${times(known.ratio)}**` : '—'];
    }),
  );
  table(
    'Known inputs, one by one',
    ['input', 'why', 'result', 'Γ evals', 'µs', '× typical'],
    corners.flatMap((c) => c.known.map((k) => [k.formula, k.note, k.result, k.evaluations, num(k.micros), times(k.ratio)])),
  );
  const slow = corners.flatMap((c) => [c.slowestRandom, ...c.known].filter((t) => t.ratio > CORNER_BUDGET).map((t) => `${t.formula} ${times(t.ratio)}`));
  console.log(`\nBudget: no input more than ${CORNER_BUDGET}× a typical call of the same function. ${slow.length === 0 ? 'None over.' : `Over: ${slow.join('; ')}.`}`);
  largeExports();
}

/** Export sizes MONTHLYHOURS is timed on; the largest is the budget's. */
const EXPORT_SIZES = [1_000, 10_000, 100_000] as const;
/** A 100,000-entry export must take well under a second: this is "well under". */
const LARGE_EXPORT_BUDGET_MS = 250;

/** MONTHLYHOURS on exports of growing size, over 36 months: CPU time per call, best of a few, and per entry. */
function largeExports(): void {
  const monthlyHours = distFunction('MONTHLYHOURS');
  const rows = EXPORT_SIZES.map((entries) => {
    const { dates, minutes } = largeTimeEntryExport(entries, 36);
    const micros = bestMicrosPerCall(() => monthlyHours(dates, minutes, 6, 15, null), 200_000, RETIMES);
    return { entries, millis: micros / 1000, nanosPerEntry: (micros * 1000) / entries };
  });
  results.largeExports = rows;
  table(
    'MONTHLYHOURS on large time-entry exports (dist/functions.js; CPU time, best of repeated calls; entries over 36 months, 6-minute increments, 15-minute minimum)',
    ['entries', 'ms per call', 'ns per entry'],
    rows.map((r) => [r.entries.toLocaleString('en-US'), num(r.millis), num(r.nanosPerEntry)]),
  );
  const largest = rows[rows.length - 1];
  console.log(`\nBudget: ${largest.entries.toLocaleString('en-US')} entries in under ${LARGE_EXPORT_BUDGET_MS} ms. ${largest.millis < LARGE_EXPORT_BUDGET_MS ? 'Within' : 'Over'}: ${num(largest.millis)} ms.`);
}

/** 3. Against the Monte Carlo sheet an analyst would build in plain Excel: 10,000 rows of GAMMA.INV(RAND(), shape, scale) and an average, in HyperFormula with native functions only. */
function monteCarlo(): void {
  const example = reference.blockValue.find((c) => c.expectedHours === 18 && c.variability === 0.5 && c.termMonths === 12 && c.annualDiscountRate === 0);
  if (!example) throw new Error('the worked example is missing from the reference table');
  const exact = example.blockValue; // mpmath, 50 digits
  const shape = 1 / example.variability ** 2;
  const scale = example.expectedHours * example.variability ** 2;
  // Timed before the sheet exists: the collector's background work on its large heap counts as this process's CPU time.
  const args = [example.expectedHours, example.hourlyRate, example.blockHours, example.blockPrice, example.overageRate, example.variability, 12, 0];
  const blockValueFn = distFunction('BLOCKVALUE');
  const itcostValue = blockValueFn(...args) as number;
  const itcostMicros = bestMicrosPerCall(() => blockValueFn(...args), 2000, RETIMES);
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
  const mcMillis: number[] = [];
  const mcErrors: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const started = cpuMicros();
    // Any edit recalculates the sheet, and RAND() draws afresh.
    hf.setCellContents({ sheet, row: 0, col: 6 }, run);
    const estimate = hf.getCellValue({ sheet, row: 0, col: 7 }) as number;
    mcMillis.push((cpuMicros() - started) / 1000);
    mcErrors.push(Math.abs(estimate - exact) / Math.abs(exact));
  }
  const modelCheck = blockValue(example);
  const figures = {
    rows: ROWS,
    recalculationMs: median(mcMillis),
    itcostCallMs: itcostMicros / 1000,
    speedRatio: median(mcMillis) / (itcostMicros / 1000),
    monteCarloRelativeError: median(mcErrors),
    itcostRelativeError: Math.abs(itcostValue - exact) / Math.abs(exact),
    exact,
    modelAgrees: modelCheck.ok && Math.abs(modelCheck.value - itcostValue) < 1e-9 * Math.abs(exact),
  };
  results.monteCarlo = figures;
  table('3. Expected saving of a block: ITCOST.BLOCKVALUE against a 10,000-row Monte Carlo sheet (CPU time)', ['method', 'time', 'relative error against mpmath'], [
    [`Monte Carlo sheet (HyperFormula, ${fmt(ROWS)} rows of GAMMA.INV(RAND(),…)), median of 7 recalculations`, `${fmt(figures.recalculationMs, 1)} ms`, figures.monteCarloRelativeError.toExponential(1)],
    ['ITCOST.BLOCKVALUE, one call (the worked example, best of 5)', `${fmt(itcostMicros, 2)} µs`, figures.itcostRelativeError.toExponential(1)],
  ]);
  console.log(`
ITCOST.BLOCKVALUE is ${fmt(figures.speedRatio)}× faster than recalculating the Monte Carlo sheet; its error is ${figures.itcostRelativeError.toExponential(1)} against the sheet's ${figures.monteCarloRelativeError.toExponential(1)} (sampling noise, which 10,000 rows cannot push much below 1%).`);
}

/** 4. Scenario writes against the recording fake Excel. */
async function scenarioWrites(): Promise<void> {
  const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.5, blockHours: 20, blockPrice: 3400, monthlyFee: 900 });
  if (!checked.ok) throw new Error(checked.problem.message);
  const write = async (rows: number) => {
    const fake = createFakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.Excel;
    const started = cpuMicros();
    await writeSheetPlan(scenarioPlan(checked.value, { sensitivityRows: rows }));
    return { fake, ms: (cpuMicros() - started) / 1000 };
  };
  await write(100); // warm-up, so the first size measured is not the one that pays for compiling
  const writes = [];
  for (const rows of [10, 100, 1000]) {
    const millis: number[] = [];
    let syncs = 0;
    let calls = 0;
    for (let run = 0; run < 5; run += 1) {
      const { fake, ms } = await write(rows);
      millis.push(ms);
      syncs = fake.syncCount;
      calls = fake.log.filter((line) => !line.startsWith('sync')).length;
    }
    writes.push({ rows, syncs, apiCalls: calls, ms: median(millis) });
  }
  results.scenarioWrites = writes;
  table('4. Scenario write against the recording fake Excel (CPU time, median of 5)', ['sensitivity rows', 'context.sync() calls', 'API calls queued', 'time'], writes.map((w) => [fmt(w.rows), w.syncs, w.apiCalls, `${fmt(w.ms, 2)} ms`]));
}

/** 5. Bundle sizes. */
function bundleSizes(): void {
  const size = (file: string) => {
    const bytes = fs.readFileSync(path.join(DIST, file));
    return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const functionsSize = size('functions.js');
  const taskpaneSize = size('taskpane.js');
  const paneTotal = { raw: functionsSize.raw + taskpaneSize.raw, gzip: functionsSize.gzip + taskpaneSize.gzip };
  results.bundles = { functions: functionsSize, taskpane: taskpaneSize, paneTotal };
  const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
  table('5. Bundle sizes (production)', ['bundle', 'raw', 'gzip', 'budget (gzip)'], [
    ['functions.js', kb(functionsSize.raw), kb(functionsSize.gzip), '20 KB (24 KB with the retainer, top-up, time-entry and quote functions)'],
    ['taskpane.js', kb(taskpaneSize.raw), kb(taskpaneSize.gzip), ''],
    ['all the task pane loads besides office.js (taskpane.js + functions.js)', kb(paneTotal.raw), kb(paneTotal.gzip), '82 KB target, 150 KB ceiling'],
  ]);
}

/** 6. Time to interactive in headless Chromium: wall clock, since that is what a user waits for. */
async function timeToInteractive(): Promise<void> {
  const server = await serveDist();
  const browser = await launchBrowser();
  const millis: number[] = [];
  try {
    for (let run = 0; run < 5; run += 1) {
      const { page, context } = await openPane(browser, server.url, { width: 320 });
      const started = Date.now();
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector('body[data-mode="preview"] #hourlyRate');
      await page.fill('#hourlyRate', '150');
      millis.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.timeToInteractiveMs = { runs: millis, median: median(millis) };
  table('6. Task pane: navigation to the wizard accepting input (headless Chromium, office.js served locally, wall clock)', ['runs', 'median'], [[millis.map((t) => `${t} ms`).join(', '), `${median(millis)} ms`]]);
}

async function main(): Promise<void> {
  if (roundsFile) {
    // A child of pooledRounds: time, write the rounds, and say nothing else.
    fs.writeFileSync(roundsFile, JSON.stringify(timeRounds(gammaUses(), gammaFile as string)));
    return;
  }
  const started = Date.now();
  await reportFunctions();
  if (!functionsOnly) {
    monteCarlo();
    await scenarioWrites();
    bundleSizes();
    await timeToInteractive();
  }
  if (Number.isNaN(sinkValue())) throw new Error('NaN from a benchmark');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${path.relative(process.cwd(), outFile)} (${fmt((Date.now() - started) / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
