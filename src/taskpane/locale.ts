/*
 * The pane's one locale: how every figure it shows is written, and in which currency. It is the
 * workbook's (Excel's culture) when Excel gives it, else the browser's. Pure: a locale tag in,
 * formatters out; the pane keeps the current one.
 */
import { CHANCE_DISPLAY, formatChance, type FigureFormat } from '../model';
import { decimalSeparatorOf, type DecimalSeparator } from './number-entry';
import { moneyFormat } from '../sheet/formats';

/** The currency of each region (ISO 3166 → ISO 4217), for the regions whose culture Excel may report. */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN',
  GB: 'GBP', IE: 'EUR', FR: 'EUR', DE: 'EUR', AT: 'EUR', BE: 'EUR', NL: 'EUR', LU: 'EUR', IT: 'EUR', ES: 'EUR', PT: 'EUR',
  FI: 'EUR', GR: 'EUR', SK: 'EUR', SI: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR', MT: 'EUR', CY: 'EUR', HR: 'EUR',
  CH: 'CHF', LI: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'EUR',
  UA: 'UAH', TR: 'TRY', IL: 'ILS', AE: 'AED', SA: 'SAR', EG: 'EGP', ZA: 'ZAR', NG: 'NGN', KE: 'KES',
  IN: 'INR', PK: 'PKR', SG: 'SGD', MY: 'MYR', ID: 'IDR', TH: 'THB', VN: 'VND', PH: 'PHP', HK: 'HKD', TW: 'TWD',
  CN: 'CNY', JP: 'JPY', KR: 'KRW', AU: 'AUD', NZ: 'NZD',
};

/** A locale tag Intl accepts, or en-US ("en-US@posix" and "" are refused). */
function supported(tag: string | undefined): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag ? [tag] : []).at(0) ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * The currency of a locale's region: "de-DE" → EUR, "en-GB" → GBP, "fr" (France, its likely
 * region) → EUR; undefined where the region is not known.
 *
 * @example
 * [currencyOf('de-CH'), currencyOf('en-US'), currencyOf('ja')]
 * //=> ['CHF', 'USD', 'JPY']
 */
export function currencyOf(tag: string): string | undefined {
  try {
    const region = new Intl.Locale(tag).maximize().region;
    return region === undefined ? undefined : REGION_CURRENCY[region];
  } catch {
    return undefined;
  }
}

export interface PaneLocale {
  /** The locale tag every figure is written in. */
  readonly tag: string;
  /** The workbook's currency, or undefined when it is not known (money then has no sign). */
  readonly currency: string | undefined;
  readonly decimal: DecimalSeparator;
  /** Money with the currency, and counts, percentages and chances, for the advice and the review. */
  readonly figures: FigureFormat;
  /** Money without the currency sign, for a table whose caption names the currency: "1,234.50". */
  readonly amount: (value: number) => string;
  /** A whole count: "1,250". */
  readonly count: (value: number) => string;
  /** Hours to the hundredth: "12.25". */
  readonly hours: (value: number) => string;
  /** An axis label: "$12K". */
  readonly compactMoney: (value: number) => string;
  /** An axis label: "1.2K". */
  readonly compactNumber: (value: number) => string;
  /** A calendar month, from a UTC date: "Mar 2026". */
  readonly month: (date: Date) => string;
  /** The money format of the sheets the pane writes, with the currency's sign where the locale puts it; undefined without a currency. */
  readonly sheetMoney: string | undefined;
}

/** A number that rounds to zero at `digits` decimals is written without a minus sign. */
const unsigned = (value: number, digits: number) => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);

/**
 * The pane's formatters for a locale (the browser's, or Excel's culture) and its currency (the
 * region's unless given): money to the cent with the currency sign, counts and hours to a tenth,
 * percentages to a tenth, chances as the sheets show them (exactly one decimal, and "under 0.1%"
 * or "over 99.9%" rather than a misleading 0.0% or 100.0%).
 *
 * @example
 * [paneLocale('en-GB').figures.money(-1234.5), paneLocale('de-DE').figures.number(19.94), paneLocale('en-US').figures.chance(0.0004)]
 * //=> ['-£1,234.50', '19,9', 'under 0.1%']
 */
export function paneLocale(tag: string | undefined, currency?: string): PaneLocale {
  const chosen = supported(tag);
  // Latin digits and the Gregorian calendar whatever the locale's defaults: the sheets show Latin digits, and the fields read only them.
  const locale = new Intl.Locale(chosen, { numberingSystem: 'latn', calendar: 'gregory' }).toString();
  const code = currency ?? currencyOf(chosen);
  const moneyStyle: Intl.NumberFormatOptions = code ? { style: 'currency', currency: code } : {};
  const money = new Intl.NumberFormat(locale, { ...moneyStyle, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const tenth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compactMoney = new Intl.NumberFormat(locale, { ...moneyStyle, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const compactNumber = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const chance = (probability: number): string => {
    const { under, over } = CHANCE_DISPLAY;
    if (probability > 0 && probability < under.below) return `under ${tenth.format(0.001)}`;
    if (probability < 1 && probability >= over.from) return `over ${tenth.format(0.999)}`;
    // The sheets' rounding (formatChance), then written in the locale: "51.9%" → 0.519 → "51,9 %".
    const shown = /^(\d+)\.(\d)%$/.exec(formatChance(probability));
    return shown ? tenth.format(Number(`${shown[1]}.${shown[2]}`) / 100) : formatChance(probability);
  };
  const parts = money.formatToParts(1);
  const sign = parts.find((part) => part.type === 'currency')?.value;
  const signFirst = parts.findIndex((part) => part.type === 'currency') < parts.findIndex((part) => part.type === 'integer');
  return {
    tag: chosen,
    sheetMoney: code && sign ? moneyFormat(sign, signFirst ? 'before' : 'after') : undefined,
    currency: code,
    decimal: decimalSeparatorOf(locale),
    figures: {
      money: (value) => money.format(unsigned(value, 2)),
      number: (value) => number.format(unsigned(value, 1)),
      percent: (fraction) => percent.format(unsigned(fraction, 3)),
      chance,
    },
    amount: (value) => amount.format(unsigned(value, 2)),
    count: (value) => count.format(value),
    hours: (value) => hours.format(unsigned(value, 2)),
    compactMoney: (value) => compactMoney.format(value),
    compactNumber: (value) => compactNumber.format(value),
    month: (date) => month.format(date),
  };
}
