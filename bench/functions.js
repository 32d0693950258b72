#!/usr/bin/env node
/**
 * `npm run bench`: calls per second of each ITCOST function through the built dist/functions.js,
 * registered the way the custom-functions runtime registers them. Not part of `npm test`.
 * Prints a table and writes bench-results/functions.json. Run `npm run build` first.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const root = path.resolve(__dirname, '..');
const bundlePath = path.join(root, 'dist', 'functions.js');
if (!fs.existsSync(bundlePath)) {
  console.error('dist/functions.js is missing: run `npm run build` first.');
  process.exit(1);
}

const registered = new Map();
class ExcelError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
const CustomFunctions = {
  associate: (id, fn) => registered.set(id, fn),
  Error: ExcelError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
};
// Run in this realm, as the runtime would: a separate vm context makes every global lookup slow.
globalThis.CustomFunctions = CustomFunctions;
globalThis.Office = {};
vm.runInThisContext(fs.readFileSync(bundlePath, 'utf8'), { filename: bundlePath });

// Realistic arguments: a small business with a 20-hour block, expected use varying case to case.
const cases = [
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

function measure(fn, argsFor, seconds = 0.5) {
  const argSets = Array.from({ length: 1024 }, (_, i) => argsFor(i));
  let calls = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 1024; i += 1) {
      const result = fn(...argSets[i]);
      sink += typeof result === 'number' ? result : Array.isArray(result) || typeof result === 'string' ? 1 : 0;
    }
    calls += 1024;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (Number.isNaN(sink)) throw new Error('a benchmark produced NaN');
  return calls / elapsed;
}

const rows = [];
for (const [label, id, argsFor] of cases) {
  const fn = registered.get(id);
  measure(fn, argsFor, 0.1); // warm up the JIT
  rows.push({ label, callsPerSecond: measure(fn, argsFor) });
}
const floor = rows.find((r) => r.label === 'BLOCKVALUE (no variability)').callsPerSecond;
console.log('| function | calls/s | time relative to BLOCKVALUE without variability |');
console.log('|---|---:|---:|');
for (const row of rows) {
  row.ratioToArithmeticFloor = floor / row.callsPerSecond;
  console.log(`| ${row.label} | ${Math.round(row.callsPerSecond).toLocaleString('en-US')} | ${row.ratioToArithmeticFloor.toFixed(1)}× |`);
}
const outDir = path.join(root, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'functions.json'), JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2));
console.log(`\nwrote ${path.relative(root, path.join(outDir, 'functions.json'))}`);
