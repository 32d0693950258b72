import { currencyOf, paneLocale } from '../../src/taskpane/locale';

describe('the pane\'s locale', () => {
  it('writes money in the region\'s currency, and the decimal separator the fields read', () => {
    expect(paneLocale('en-US').figures.money(-1234.5)).toBe('-$1,234.50');
    expect(paneLocale('en-GB').figures.money(1234.5)).toBe('£1,234.50');
    expect(paneLocale('de-DE').figures.money(1234.5)).toBe('1.234,50\u00a0€');
    expect(paneLocale('de-DE').decimal).toBe(',');
    expect(paneLocale('en-US').amount(-0.001)).toBe('0.00');
    expect([currencyOf('bg-BG'), currencyOf('de-CH'), currencyOf('fr'), currencyOf('es-419')]).toEqual(['EUR', 'CHF', 'EUR', undefined]);
  });

  it('writes Latin digits and Gregorian months whatever the locale\'s defaults, as the sheets do and the fields read', () => {
    for (const tag of ['ar-EG', 'fa-IR', 'mr-IN', 'bn-IN', 'th-TH']) {
      const locale = paneLocale(tag);
      const texts = [locale.figures.money(1234.5), locale.figures.number(19.94), locale.figures.chance(0.519), locale.month(new Date(Date.UTC(2026, 2, 1)))];
      expect({ tag, texts: texts.join(' | ').replace(/[^\d]/g, '') }).toEqual({ tag, texts: expect.stringMatching(/^[0-9]+$/) as unknown as string });
      expect(locale.month(new Date(Date.UTC(2026, 2, 1)))).toContain('2026');
    }
  });

  it('falls back to en-US for a tag it cannot use, and says what the sheets\' money format is', () => {
    expect(paneLocale('en-US@posix').tag).toBe('en-US');
    expect(paneLocale('').figures.money(1)).toBe('$1.00');
    expect(paneLocale('de-DE').sheetMoney).toBe('#,##0.00 [$€];[Red]-#,##0.00 [$€]');
    expect(paneLocale('en-US', 'EUR').sheetMoney).toBe('[$€]#,##0.00;[Red]-[$€]#,##0.00');
    expect(paneLocale('fa-IR').sheetMoney).toBeUndefined();
  });
});
