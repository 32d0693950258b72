/**
 * How ITCost writes figures as text: money to the cent, counts to a tenth, shares to a tenth of a
 * percent, in en-US, and a figure that rounds to nothing without a minus sign.
 */
import { CHANCE_DISPLAY, formatChance, formatMoney, formatNumber, formatPercent } from '../../src/model';

describe('figures as text', () => {
  // The three formats are built together on first use, so this test, which uses them first, checks all three.
  it('writes money to the cent, counts to a tenth and shares to a tenth of a percent, with thousands separators', () => {
    expect([formatMoney(1234567.891), formatNumber(1234.56), formatPercent(0.12345)]).toEqual(['1,234,567.89', '1,234.6', '12.3%']);
    expect([formatMoney(12), formatNumber(12), formatPercent(0.5)]).toEqual(['12.00', '12', '50%']);
  });

  it.each([
    ['money', formatMoney, -0.004, '0.00'],
    ['a count', formatNumber, -0.04, '0'],
    ['a share', formatPercent, -0.0004, '0%'],
  ] as const)('writes %s that rounds to nothing without a minus sign', (_what, format, value, text) => {
    expect(format(value)).toBe(text);
  });

  it.each([
    ['money', formatMoney, -0.5, '-0.50'],
    ['a count', formatNumber, -0.5, '-0.5'],
    ['a share', formatPercent, -0.005, '-0.5%'],
    ['money', formatMoney, -1000, '-1,000.00'],
  ] as const)('keeps the sign of %s that does not round to nothing: %p', (_what, format, value, text) => {
    expect(format(value)).toBe(text);
  });
});

describe('a chance as text', () => {
  it('reads in words from the bound where digits would show 100.0%, inclusive', () => {
    expect(formatChance(CHANCE_DISPLAY.over.from)).toBe(CHANCE_DISPLAY.over.text);
    expect(formatChance(1)).toBe('100.0%');
  });

  it('reads in words below the bound where digits would show 0.0%, and 0 as 0.0%', () => {
    expect(formatChance(CHANCE_DISPLAY.under.below / 2)).toBe(CHANCE_DISPLAY.under.text);
    expect(formatChance(CHANCE_DISPLAY.under.below)).toBe('0.1%');
    expect(formatChance(0)).toBe('0.0%');
  });
});
