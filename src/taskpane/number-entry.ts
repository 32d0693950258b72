/*
 * Reading a number as people type it into a field: "$150", "150 €", "10%", "1,800", "1.800,50",
 * "1,5". Pure: the text and the pane's decimal separator in, the number out.
 */

/** The decimal separator of the pane's locale: "." (en-US) or "," (de-DE, fr-FR, …). */
export type DecimalSeparator = '.' | ',';

export interface NumberEntry {
  /** The locale's decimal separator; it decides "1,800" and "1.800" (the other is a thousands separator). */
  readonly decimal?: DecimalSeparator;
  /** Whether a trailing "%" may be typed (percent fields). */
  readonly percent?: boolean;
}

/** Currency signs and codes typed before or after an amount: "$150", "US$150", "150 €", "EUR 150", "150 kr". */
const CURRENCY =
  '(?:[$€£¥₹₩₪₫₱₽₺₴₦฿]|(?:US|NZ|HK|[ACRS])\\$|USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|BRL|MXN|SGD|HKD|CNY|kr|zł|Kč|Ft|Fr\\.?)';
const CURRENCY_BEFORE = new RegExp(`^${CURRENCY}(?=[-+]?[\\d.,])`, 'i');
const CURRENCY_AFTER = new RegExp(`(?<=[\\d.,])${CURRENCY}$`, 'i');

/** Takes one currency sign or code off the start or the end of a text, if it has one. */
function withoutCurrency(text: string): string {
  return text.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
}

/** Whether a run of digits separated by `separator` is properly grouped in thousands: "1,234,567". */
function groupedInThousands(digits: string, separator: string): boolean {
  const groups = digits.split(separator);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
}

/**
 * The plain "1234.5" form of a typed number, or undefined when its separators make no sense.
 * - With both separators, the last one is the decimal separator and the other groups thousands.
 * - With one kind typed more than once, it groups thousands ("1,800,000", "1.800.000").
 * - With one typed once: the locale's decimal separator is decimal; the other groups thousands
 *   when exactly three digits follow it ("1,800" in en-US) and is decimal otherwise ("1,5").
 */
function plainDigits(text: string, decimal: DecimalSeparator): string | undefined {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  const [sign, body] = /^[-+]/.test(text) ? [text[0] === '-' ? '-' : '', text.slice(1)] : ['', text];
  const [mantissa, exponent = ''] = body.split(/(?=e[-+]?\d+$)/i);
  let whole = mantissa;
  let fraction: string | undefined;
  if (commas > 0 && dots > 0) {
    const last = mantissa.lastIndexOf(',') > mantissa.lastIndexOf('.') ? ',' : '.';
    const group = last === ',' ? '.' : ',';
    if ((last === ',' ? commas : dots) !== 1) return undefined;
    [whole, fraction] = mantissa.split(last);
    if (!groupedInThousands(whole, group)) return undefined;
    whole = whole.split(group).join('');
  } else if (commas + dots > 0) {
    const separator = commas > 0 ? ',' : '.';
    const parts = mantissa.split(separator);
    if (parts.length > 2) {
      if (!groupedInThousands(mantissa, separator)) return undefined;
      whole = parts.join('');
    } else if (separator !== decimal && /^\d{1,3}$/.test(parts[0]) && /^\d{3}$/.test(parts[1]) && parts[0] !== '0') {
      whole = parts.join('');
    } else {
      [whole, fraction] = parts;
    }
  }
  if (!/^\d*$/.test(whole) || (fraction !== undefined && !/^\d*$/.test(fraction)) || whole + (fraction ?? '') === '') return undefined;
  return `${sign}${whole || '0'}${fraction ? `.${fraction}` : ''}${exponent}`;
}

/** Spaces (plain, no-break, narrow) and apostrophes: thousands separators in many locales ("1 800", "1'800"). */
const SPACING = /[\s\u00a0\u202f']/g;

/**
 * Whether spaces and apostrophes between digits separate thousands ("1 234 567,5", "CHF 1'800"),
 * as they must to be dropped: "150 200" or "1 50" would otherwise read as another number. A space
 * beside a currency sign or a "%" is fine.
 */
function spacedInThousands(text: string): boolean {
  const parts = text.trim().split(/[\s\u00a0\u202f']+/);
  for (let i = 1; i < parts.length; i += 1) {
    // Only a space between two digits groups thousands: then the part before ends in a group of 1 to 3 digits, the part after starts with exactly 3.
    if (!/\d$/.test(parts[i - 1]) || !/^\d/.test(parts[i])) continue;
    if (!/(^|[^\d])\d{1,3}$/.test(parts[i - 1]) || !/^\d{3}(?!\d)/.test(parts[i])) return false;
  }
  return true;
}

/**
 * Reads a typed number: "" (or blanks) is empty, and anything that is not a finite number is
 * 'invalid'. Spaces (thousands in many locales), one currency sign or code, and in a percent
 * field a trailing "%" are allowed.
 *
 * @example
 * [parseNumber('$1,800'), parseNumber('1.800,5', { decimal: ',' }), parseNumber('10%', { percent: true }), parseNumber('1,5')]
 * //=> [1800, 1800.5, 10, 1.5]
 */
export function parseNumber(text: string, entry: NumberEntry = {}): number | null | 'invalid' {
  if (!spacedInThousands(text)) return 'invalid';
  let compact = text.replace(SPACING, '');
  if (compact === '') return null;
  if (entry.percent && compact.endsWith('%')) compact = compact.slice(0, -1);
  compact = withoutCurrency(compact);
  const plain = plainDigits(compact, entry.decimal ?? '.');
  if (plain === undefined) return 'invalid';
  const value = Number(plain);
  return Number.isFinite(value) ? value : 'invalid';
}

/**
 * A number as a field shows it, plain (no thousands separators) with the locale's decimal
 * separator, so that parseNumber reads it back: 1234.5 is "1234,5" where the comma is decimal.
 *
 * @example
 * [withDecimal(1234.5, ','), withDecimal(1234.5, '.')]
 * //=> ['1234,5', '1234.5']
 */
export function withDecimal(value: number, decimal: DecimalSeparator): string {
  return decimal === ',' ? String(value).replace('.', ',') : String(value);
}

/**
 * The pane's decimal separator for a locale tag ("de-DE" → ","), as Intl writes 1.5 there; "."
 * for a tag Intl refuses.
 */
export function decimalSeparatorOf(locale: string | undefined): DecimalSeparator {
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}
