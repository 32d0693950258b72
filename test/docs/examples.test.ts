/**
 * Every `@example` in src/ runs: its call is evaluated with its module's exports in scope, and the
 * result is compared with what the example shows after `//=>`.
 *
 * The format, which every example in src/ follows:
 *
 *     @example
 *     functionName(arguments)          (one or more lines: a JavaScript expression)
 *     //=> expected value [— a note]
 *
 * One `@example` block may hold several call/result pairs. The expected value is a literal:
 * numbers, 'strings' or "strings", [arrays], { objects } (an Outcome is shown as the literal
 * `{ ok: true, value: … }`), true, false, null. Anything after " — " is a note for the reader.
 *
 * Numbers: a number shown plainly must equal the result exactly (2.5 means 2.5). A number followed
 * by "(approximately)" shows the result rounded to as many decimals as it has: `4.7331
 * (approximately)` holds when the result, rounded to 4 decimals (Number#toFixed, which rounds the
 * double exactly), reads 4.7331. Strings, booleans and null must be identical; arrays must have the
 * same length and objects the same keys, compared member by member under the same rules.
 */
import fs from 'fs';
import path from 'path';
// Each source file with an example is imported here as well as by path below, so that Jest relates
// this test to it: mutation runs run only the tests related to a mutated file (--findRelatedTests).
import '../../src/model';
import '../../src/sheet/file-formula';
import '../../src/excel/sheet-names';
import '../../src/taskpane/form';
import '../../src/taskpane/links';
import '../../src/taskpane/number-entry';
import '../../src/taskpane/theme';
import '../../src/taskpane/locale';
import '../../src/taskpane/chart';
import '../../src/sheet/formats';
import '../../src/sheet/plan';

/** The files imported above: src/model's index and what it re-exports, and the others by name. */
const STATICALLY_IMPORTED = ['src/sheet/file-formula.ts', 'src/excel/sheet-names.ts', 'src/taskpane/form.ts', 'src/taskpane/links.ts', 'src/taskpane/number-entry.ts', 'src/taskpane/theme.ts', 'src/taskpane/locale.ts', 'src/taskpane/chart.ts', 'src/sheet/formats.ts', 'src/sheet/plan.ts'];

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/** A number in an example: exact, or shown rounded to its decimals. */
interface ShownNumber {
  readonly kind: 'number';
  readonly text: string;
  readonly approximately: boolean;
}
type Shown =
  | ShownNumber
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'literal'; readonly value: boolean | null }
  | { readonly kind: 'array'; readonly items: readonly Shown[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, Shown> };

interface Example {
  readonly file: string;
  /** The line of the example's `@example` tag, and of its call. */
  readonly tagLine: number;
  readonly line: number;
  readonly call: string;
  readonly shown: string;
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The text of a doc-comment line without its leading " * ". */
function commentText(line: string): string | undefined {
  const match = /^\s*\*(?!\/)\s?(.*)$/.exec(line);
  return match ? match[1] : undefined;
}

/**
 * The call/result pairs of every `@example` block of one file. A block ends at the next tag or
 * at the end of its comment. Lines before a `//=>` are the call; a block whose lines do not pair
 * up is reported as an example with no result, so that it fails rather than being skipped.
 */
function examplesIn(file: string): Example[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^\s*\*\s*@example\b/.test(lines[index])) continue;
    const relative = path.relative(ROOT, file);
    const found = examples.length;
    let call: string[] = [];
    let callLine = index + 2;
    for (let next = index + 1; next < lines.length; next += 1) {
      const text = commentText(lines[next]);
      if (text === undefined || text.trimStart().startsWith('@')) break;
      const result = /^\s*\/\/=>\s?(.*)$/.exec(text);
      if (result) {
        examples.push({ file: relative, tagLine: index + 1, line: callLine, call: call.join('\n'), shown: result[1] });
        call = [];
        callLine = next + 2;
      } else if (text.trim() !== '') {
        call.push(text);
      } else if (call.length === 0) {
        callLine = next + 2;
      }
    }
    if (call.length > 0 || examples.length === found) {
      examples.push({ file: relative, tagLine: index + 1, line: callLine, call: call.join('\n'), shown: '' });
    }
  }
  return examples;
}

/** Reads an example's expected value: the literal grammar described at the top of this file. */
function parseShown(text: string): Shown {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`cannot read the shown result at "${text.slice(at)}": ${what}`);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at += 1;
  };
  const take = (token: string): boolean => {
    skipSpace();
    if (!text.startsWith(token, at)) return false;
    at += token.length;
    return true;
  };
  const value = (): Shown => {
    skipSpace();
    const rest = text.slice(at);
    const number = /^-?\d+(\.\d+)?(?![\w.])/.exec(rest);
    if (number) {
      at += number[0].length;
      return { kind: 'number', text: number[0], approximately: take('(approximately)') };
    }
    const string = /^'((?:[^'\\]|\\.)*)'|^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (string) {
      at += string[0].length;
      return { kind: 'string', value: (string[1] ?? string[2]).replace(/\\(.)/g, '$1') };
    }
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (new RegExp(`^${word}\\b`).test(rest)) {
        at += word.length;
        return { kind: 'literal', value: literal };
      }
    }
    if (take('[')) {
      const items: Shown[] = [];
      while (!take(']')) {
        if (items.length > 0 && !take(',')) fail('expected "," or "]"');
        items.push(value());
      }
      return { kind: 'array', items };
    }
    if (take('{')) {
      const entries = new Map<string, Shown>();
      while (!take('}')) {
        if (entries.size > 0 && !take(',')) fail('expected "," or "}"');
        skipSpace();
        const key = /^[A-Za-z_$][\w$]*/.exec(text.slice(at)) ?? fail('expected a key');
        at += key[0].length;
        if (!take(':')) fail('expected ":"');
        entries.set(key[0], value());
      }
      return { kind: 'object', entries };
    }
    return fail('expected a number, a string, an array, an object, true, false or null');
  };
  const shown = value();
  skipSpace();
  if (at < text.length && !text.startsWith('— ', at)) fail('only " — " and a note may follow the value');
  return shown;
}

/** Where `actual` differs from `shown`, or undefined when it matches; `where` names the place. */
function mismatch(shown: Shown, actual: unknown, where: string): string | undefined {
  const describe = (value: unknown) => JSON.stringify(value) ?? String(value);
  switch (shown.kind) {
    case 'number': {
      if (typeof actual !== 'number') return `${where}: shows ${shown.text}, got ${describe(actual)}`;
      const decimals = shown.text.split('.')[1]?.length ?? 0;
      const matches = shown.approximately ? actual.toFixed(decimals) === shown.text : actual === Number(shown.text);
      return matches ? undefined : `${where}: shows ${shown.text}${shown.approximately ? ' (approximately)' : ''}, got ${actual}`;
    }
    case 'string':
    case 'literal':
      return actual === shown.value ? undefined : `${where}: shows ${describe(shown.value)}, got ${describe(actual)}`;
    case 'array': {
      if (!Array.isArray(actual) || actual.length !== shown.items.length) {
        return `${where}: shows an array of ${shown.items.length}, got ${describe(actual)}`;
      }
      for (const [index, item] of shown.items.entries()) {
        const found = mismatch(item, actual[index], `${where}[${index}]`);
        if (found) return found;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return `${where}: shows an object, got ${describe(actual)}`;
      const record = actual as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      if (keys.join() !== [...shown.entries.keys()].sort().join()) {
        return `${where}: shows the keys ${[...shown.entries.keys()].join(', ')}, got ${describe(actual)}`;
      }
      for (const [key, item] of shown.entries) {
        const found = mismatch(item, record[key], `${where}.${key}`);
        if (found) return found;
      }
      return undefined;
    }
  }
}

/** Evaluates an example's call with the exports of the module it documents in scope. */
async function evaluate(example: Example): Promise<unknown> {
  const exports = (await import(path.join(ROOT, example.file))) as Record<string, unknown>;
  const names = Object.keys(exports).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const run = new Function(...names, `"use strict"; return (${example.call});`) as (...values: unknown[]) => unknown;
  return run(...names.map((name) => exports[name]));
}

const files = sourceFiles(SRC);
const examples = files.flatMap(examplesIn);
/** How many `//=>` results and `@example` tags the sources hold, counted without the extractor. */
const countIn = (pattern: RegExp) => files.reduce((sum, file) => sum + (fs.readFileSync(file, 'utf8').match(pattern)?.length ?? 0), 0);
const shownResults = countIn(/\/\/=>/g);
const exampleTags = countIn(/@example\b/g);
let ran = 0;

describe('the examples in the doc comments of src/', () => {
  it.each(examples.map((example) => [`${example.file}:${example.line} ${example.call.split('\n')[0]}`, example] as const))(
    '%s gives what its example shows',
    async (_name, example) => {
      const shown = parseShown(example.shown);
      const actual = await evaluate(example);
      ran += 1;
      expect(mismatch(shown, actual, 'result')).toBeUndefined();
    },
  );

  it('runs every example in src/: as many as the sources show results, from every @example tag', () => {
    expect(new Set(examples.map((example) => example.file)).size).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBe(shownResults);
    expect(new Set(examples.map((example) => `${example.file}@${example.line}`)).size).toBe(examples.length);
    expect(new Set(examples.map((example) => `${example.file}@${example.tagLine}`)).size).toBe(exampleTags);
    expect(ran).toBe(examples.length);
  });

  it('imports every file with an example statically, so that mutation runs relate this test to it', () => {
    const index = fs.readFileSync(path.join(SRC, 'model', 'index.ts'), 'utf8');
    const reexported = [...index.matchAll(/^export \* from '\.\/([\w-]+)';$/gm)].map((match) => `src/model/${match[1]}.ts`);
    const unrelated = [...new Set(examples.map((example) => example.file.split(path.sep).join('/')))].filter(
      (file) => !reexported.includes(file) && !STATICALLY_IMPORTED.includes(file),
    );
    expect(unrelated).toEqual([]);
  });
});
