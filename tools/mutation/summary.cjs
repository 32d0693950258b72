/**
 * Prints the mutation score by file and by folder from the committed incremental file
 * (mutation/stryker-incremental.json), which holds the latest result of every mutant any run has
 * tested: `npm run mutate:summary`. Scored as Stryker scores: killed and timed out over killed,
 * timed out, survived and without coverage; runtime and compile errors and ignored mutants count
 * on neither side. With `--survivors <file>` it lists that file's survivors, line by line.
 */
const fs = require('node:fs');
const path = require('node:path');

const INCREMENTAL_FILE = path.join(__dirname, '..', '..', 'mutation', 'stryker-incremental.json');

function tally(mutants) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0, CompileError: 0, Pending: 0 };
  for (const mutant of mutants) {
    // A static survivor that stryker.config.mjs marked for the second pass, which has not run it yet, is still a survivor.
    const status = mutant.status === 'Ignored' && /^static survivor/.test(mutant.statusReason ?? '') ? 'Survived' : mutant.status;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  const detected = counts.Killed + counts.Timeout;
  const scored = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, detected, scored, score: scored === 0 ? undefined : (100 * detected) / scored };
}

function row(name, t) {
  const score = t.score === undefined ? '—' : `${t.score.toFixed(1)}%`;
  return `| ${name} | ${t.scored} | ${t.detected} | ${t.Survived} | ${t.NoCoverage} | ${t.Ignored} | ${t.RuntimeError + t.CompileError} | ${score} |`;
}

function summary(report) {
  const lines = ['| file | scored | killed or timed out | survived | no coverage | ignored | errors | score |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  const byFolder = new Map();
  const all = [];
  for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(row(file, tally(result.mutants)));
    const folder = path.dirname(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...result.mutants]);
    all.push(...result.mutants);
  }
  for (const [folder, mutants] of byFolder) lines.push(row(`**${folder}/**`, tally(mutants)));
  lines.push(row('**all**', tally(all)));
  return lines.join('\n');
}

function survivors(report, file) {
  const result = report.files[file];
  if (!result) throw new Error(`${file} has no mutants in ${INCREMENTAL_FILE}`);
  const source = result.source.split('\n');
  return result.mutants
    .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((mutant) => {
      const line = mutant.location.start.line;
      return `${String(line).padStart(4)} ${mutant.status.padEnd(10)} ${mutant.mutatorName.padEnd(22)} ${JSON.stringify(mutant.replacement ?? '').slice(0, 60).padEnd(62)} | ${source[line - 1].trim().slice(0, 90)}`;
    })
    .join('\n');
}

const report = JSON.parse(fs.readFileSync(INCREMENTAL_FILE, 'utf8'));
const at = process.argv.indexOf('--survivors');
console.log(at >= 0 ? survivors(report, process.argv[at + 1]) : summary(report));
