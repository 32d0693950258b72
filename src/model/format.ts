/**
 * How ITCost writes a figure as text: in RECOMMEND's advice and in the task pane's review step,
 * so that the two never quote the same figure two ways ("37 h" beside "37.01 h").
 *
 * The precision is that of the number formats the scenario sheet and the templates give the same
 * figures (`#,##0.00` for money, `#,##0.0` for hours, `0.0%`), so a figure reads the same in a
 * cell as in the advice beside it, up to trailing zeros. A chance reads exactly as the sheets'
 * chance cells show it: src/sheet/chance.ts builds their formats from {@link CHANCE_DISPLAY}.
 *
 * Always en-US: a formula's text must not change with the machine that recalculates it.
 * The formatters are built on first use and then kept: building an Intl.NumberFormat costs
 * far more than using one (Number.prototype.toLocaleString builds one on every call), and
 * building them when the module loads would slow every start-up, even one that never formats.
 */

interface Formatters {
  readonly money: Intl.NumberFormat;
  readonly number: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
}

let built: Formatters | undefined;

function formatters(): Formatters {
  built ??= {
    money: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    number: new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 1 }),
    percent: new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  };
  return built;
}

/** Intl writes a negative number that rounds to zero as "-0.00"; a figure of nothing has no sign. */
function unsigned(text: string): string {
  return /^-0(\.0*)?%?$/.test(text) ? text.slice(1) : text;
}

/**
 * Money, with thousands separators and exactly two decimals (Excel's `#,##0.00`).
 *
 * @example
 * formatMoney(4226.4321)
 * //=> '4,226.43'
 */
export function formatMoney(value: number): string {
  return unsigned(formatters().money.format(value));
}

/**
 * Hours, months and other counts: thousands separators and up to one decimal.
 *
 * @example
 * formatNumber(19.9375)
 * //=> '19.9'
 */
export function formatNumber(value: number): string {
  return unsigned(formatters().number.format(value));
}

/**
 * A share or ratio as a percentage with up to one decimal.
 *
 * @example
 * formatPercent(0.99687)
 * //=> '99.7%'
 */
export function formatPercent(fraction: number): string {
  return unsigned(formatters().percent.format(fraction));
}

/**
 * How a chance is written, in words where digits would mislead: a chance that is not 0 never
 * reads 0.0%, and one that is not 1 never reads 100.0%.
 * - Above 0 and below `under.below`, it reads `under.text`: from there up, the digits round to 0.1%.
 * - From `over.from` up to, not including, 1, it reads `over.text`. Excel rounds a number it shows
 *   to 15 significant digits before it rounds to the format's decimals, so 0.99949999999999994
 *   (the largest number below 0.9995) would show as 100.0%; the bound is one unit of the 15th
 *   digit below 0.9995, so everything under it shows at most 99.9%.
 * The sheets' chance cells are built from these bounds and texts (src/sheet/chance.ts).
 */
export const CHANCE_DISPLAY = {
  under: { below: 0.0005, text: 'under 0.1%' },
  over: { from: 0.999499999999999, text: 'over 99.9%' },
} as const;

/**
 * A probability in tenths of a percent, rounded as Excel rounds a number it shows: to 15
 * significant digits, then half away from zero (0.1235, stored as 0.12349999999999999866, shows
 * as 12.4%). Integer arithmetic on the 15 digits, below 2^53, is exact.
 */
function tenthsOfPercent(probability: number): number {
  const [mantissa, exponent] = probability.toExponential(14).split('e');
  const digits = Number(mantissa.replace('.', '')); // probability = digits × 10^(exponent − 14)
  const shift = Number(exponent) - 14 + 3; // tenths of a percent = probability × 10^3
  if (shift >= 0) return digits * 10 ** shift;
  const unit = 10 ** -shift;
  const remainder = digits % unit;
  return (digits - remainder) / unit + (2 * remainder >= unit ? 1 : 0);
}

/**
 * A probability as a percentage with exactly one decimal, as the sheets' chance cells show it,
 * except that a chance that would round to 0.0% or 100.0% but is neither says so
 * ({@link CHANCE_DISPLAY}): "0.0%" for something possible would mislead.
 *
 * @example
 * formatChance(0.0004)
 * //=> 'under 0.1%'
 */
export function formatChance(probability: number): string {
  const { under, over } = CHANCE_DISPLAY;
  if (probability > 0 && probability < under.below) return under.text;
  if (probability < 1 && probability >= over.from) return over.text;
  const tenths = tenthsOfPercent(probability);
  return `${Math.trunc(tenths / 10)}.${tenths % 10}%`;
}

/**
 * How the advice writes its figures: money, counts and hours, percentages and chances. RECOMMEND
 * and the sheets use {@link SHEET_FIGURES} (en-US, no currency sign, as the cells' formats show
 * them); the task pane passes its own, in the workbook's locale and currency, so that a sentence
 * and the table beside it read the same.
 */
export interface FigureFormat {
  readonly money: (value: number) => string;
  readonly number: (value: number) => string;
  readonly percent: (fraction: number) => string;
  readonly chance: (probability: number) => string;
}

export const SHEET_FIGURES: FigureFormat = { money: formatMoney, number: formatNumber, percent: formatPercent, chance: formatChance };
