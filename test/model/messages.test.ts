/**
 * The words the model uses for a limit, for an offending value and for a default: every kind of
 * bound and value, not only those the current limit tables happen to use.
 */
import { defaultInWords, describeValue, limitInWords, type ArgumentLimit } from '../../src/model';

const limit = (bounds: Omit<ArgumentLimit, 'excelName' | 'unit'>): ArgumentLimit => ({ excelName: 'x', unit: 'units', ...bounds });

describe('a limit in words', () => {
  it.each([
    ['greater than 0', { greaterThan: 0 }],
    ['at least 1', { atLeast: 1 }],
    ['less than 1', { lessThan: 1 }],
    ['at most 5', { atMost: 5 }],
    ['greater than 0 and at most 5', { greaterThan: 0, atMost: 5 }],
    ['at least 1 and less than 2', { atLeast: 1, lessThan: 2 }],
    // Both inclusive bounds read as a range; an exclusive lower bound as well is stated bound by bound.
    ['from 1 to 5', { atLeast: 1, atMost: 5 }],
    ['greater than 0 and at least 1 and at most 5', { greaterThan: 0, atLeast: 1, atMost: 5 }],
    ['a whole number from 1 to 60', { atLeast: 1, atMost: 60, wholeNumber: true }],
    ['a whole number, at least 1', { atLeast: 1, wholeNumber: true }],
    ['a whole number, greater than 0 and at most 9', { greaterThan: 0, atMost: 9, wholeNumber: true }],
    ['a whole number', { wholeNumber: true }],
    ['a number', {}],
    ['from 0% to 100%', { atLeast: 0, atMost: 1, percent: true }],
    ['greater than 0.5%', { greaterThan: 0.005, percent: true }],
  ] as const)('reads "%s" for %p', (words, bounds) => {
    expect(limitInWords(limit(bounds))).toBe(words);
  });
});

describe('an offending value, quoted back', () => {
  const forty = 'x'.repeat(40);
  it.each([
    ['text', 'lunch', 'text "lunch"'],
    ['text of 40 characters, whole', forty, `text "${forty}"`],
    ['longer text, cut at 40 characters', `${forty}yz`, `text "${forty}…"`],
    ['TRUE', true, 'TRUE'],
    ['FALSE', false, 'FALSE'],
    ['a number', -2.5, '-2.5'],
    ['a number that is not finite', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['null', null, 'nothing'],
    ['undefined', undefined, 'nothing'],
    ['a range', [[1, 2]], 'a range'],
    ['an object', { value: 1 }, 'a value that is not a number'],
    ['a bigint', BigInt(3), 'a value that is not a number'],
  ] as const)('%s', (_what, value, quoted) => {
    expect(describeValue(value)).toBe(quoted);
  });
});

describe('a default in words', () => {
  const names = { hourlyRate: 'hourly_rate' };
  it.each([
    ['a number', limit({ optional: true, defaultValue: 12 }), '12'],
    ['a percentage for a percent limit', limit({ optional: true, defaultValue: 0.25, percent: true }), '25%'],
    ['the Excel name of the argument it copies', limit({ optional: true, defaultFrom: 'hourlyRate' }), 'hourly_rate'],
    ['the key itself where no name is given', limit({ optional: true, defaultFrom: 'blockHours' }), 'blockHours'],
    ['nothing for an optional argument without a default', limit({ optional: true }), undefined],
    ['nothing for a required argument, whatever its entry carries', limit({ defaultValue: 3 }), undefined],
  ] as const)('is %s', (_what, entry, words) => {
    expect(defaultInWords(entry, names)).toBe(words);
  });
});
