import fc from 'fast-check';
import { candidateSheetNames } from '../../src/excel/sheet-names';

/**
 * Excel's rules for a sheet name, written out here rather than taken from the code under test:
 * 1 to 31 characters as Excel counts them (UTF-16 code units), no : \ / ? * [ ], no apostrophe
 * first or last, not "History" (reserved), and no half of an emoji (a lone surrogate).
 */
function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'empty';
  if (name.trim() === '') return 'blank';
  if (name.length > 31) return `${name.length} UTF-16 units`;
  if (/[:\\/?*[\]]/.test(name)) return 'forbidden character';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe at an end';
  if (name.toLowerCase() === 'history') return 'reserved';
  for (let i = 0; i < name.length; i += 1) {
    const unit = name.charCodeAt(i);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    const nextIsLow = i + 1 < name.length && name.charCodeAt(i + 1) >= 0xdc00 && name.charCodeAt(i + 1) <= 0xdfff;
    if (isHigh && !nextIsLow) return `lone high surrogate at ${i}`;
    if (isHigh) i += 1;
    else if (isLow) return `lone low surrogate at ${i}`;
  }
  return undefined;
}

// User text biased toward the characters that break names: emoji (surrogate pairs), apostrophes,
// forbidden characters, spaces, lone surrogates, and plain letters to make long names.
const awkwardUnit = fc.oneof(
  fc.constantFrom('😀', '👍🏽', '𝔸', "'", ':', '\\', '/', '?', '*', '[', ']', ' ', '\uD83D', '\uDE00', 'é', 'History'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('a', 'B', '1', '('),
);
const userText = fc.oneof(fc.string({ unit: awkwardUnit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('candidate sheet names', () => {
  it('are valid Excel sheet names, distinct, and as many as asked for, whatever the base name', () => {
    fc.assert(
      fc.property(userText, fc.integer({ min: 1, max: 120 }), (base, count) => {
        const names = candidateSheetNames(base, count);
        const problems = names.flatMap((name) => sheetNameProblem(name) ?? []);
        expect({ count: names.length, distinct: new Set(names.map((n) => n.toLowerCase())).size, problems }).toEqual({ count, distinct: count, problems: [] });
      }),
      { seed: 9, numRuns: 1000 },
    );
  });

  it('keep the " (n)" suffix whole and within 31 characters, up to the hundredth name', () => {
    fc.assert(
      fc.property(userText, (base) => {
        const unfit = candidateSheetNames(base, 100).slice(1).filter((name) => !/ \(\d+\)$/.test(name) || name.length > 31);
        expect(unfit).toEqual([]);
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('start from the base name itself when it is already valid, then number it', () => {
    expect(candidateSheetNames('IT cost scenario', 3)).toEqual(['IT cost scenario', 'IT cost scenario (2)', 'IT cost scenario (3)']);
    expect(candidateSheetNames("Sam's quotes", 2)).toEqual(["Sam's quotes", "Sam's quotes (2)"]);
  });

  it.each([
    ['cuts before an emoji that would not fit whole', `${'x'.repeat(30)}😀`, 'x'.repeat(30)],
    ['keeps an emoji that fits whole', `${'x'.repeat(29)}😀tail`, `${'x'.repeat(29)}😀`],
    ['drops an apostrophe left at the end by the cut', `${'x'.repeat(30)}'s budget`, 'x'.repeat(30)],
    ['drops apostrophes at either end', "'quoted'", 'quoted'],
    ['drops the characters Excel forbids', 'Q1/Q2: costs [draft]?*\\', 'Q1Q2 costs draft'],
    ['drops half an emoji in the input', 'cost \uD83D here', 'cost  here'],
  ])('%s', (_, base, first) => {
    const names = candidateSheetNames(base, 2);
    expect(names[0]).toBe(first);
    expect(sheetNameProblem(names[1])).toBeUndefined();
  });

  it('cuts the base name before a suffix without splitting an emoji', () => {
    const names = candidateSheetNames(`${'x'.repeat(26)}😀😀`, 2);
    expect(names[1]).toBe(`${'x'.repeat(26)} (2)`);
  });

  it.each([
    ['the last control character (U+001F) and DEL', 'a\u001fb\u007fc', 'abc'],
    ['nothing from a space on', 'a b~c', 'a b~c'],
    ['the first and last lone surrogates', 'a\uD800b\uDFFFc', 'abc'],
    ['nothing next to the surrogates', 'a\uD7FFb\uE000c', 'a\uD7FFb\uE000c'],
    ['every space and apostrophe at the start', " ' 'x", 'x'],
    ['every space and apostrophe at the end', "ab ' '", 'ab'],
  ])('drops %s', (_what, base, first) => {
    expect(candidateSheetNames(base, 1)).toEqual([first]);
  });

  it('trims the space a cut leaves before the suffix', () => {
    expect(candidateSheetNames(`${'x'.repeat(26)} yy`, 2)[1]).toBe(`${'x'.repeat(26)} (2)`);
  });

  it('never offers the reserved name "History" or an empty name', () => {
    expect(candidateSheetNames('history', 2)).toEqual(['history (2)', 'history (3)']);
    expect(candidateSheetNames("'''", 1)[0]).toMatch(/^\S/);
    expect(candidateSheetNames('[]:', 2).every((name) => sheetNameProblem(name) === undefined)).toBe(true);
  });
});
