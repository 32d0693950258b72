/**
 * How ITCost writes a figure as text: in RECOMMEND's advice and in the task pane's review step,
 * so that the two never quote the same figure two ways ("37 h" beside "37.01 h").
 *
 * The precision is that of the number formats the scenario sheet and the templates give the same
 * figures (`#,##0.00` for money, `#,##0.0` for hours, `0.0%`), so a figure reads the same in a
 * cell as in the advice beside it, up to trailing zeros.
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
 * A probability as a percentage, like {@link formatPercent}, except that a chance that would
 * round to 0% or 100% but is neither says so: "0%" for something possible would mislead.
 *
 * @example
 * formatChance(0.0004)
 * //=> 'under 0.1%'
 */
export function formatChance(probability: number): string {
  const text = formatPercent(probability);
  if (probability > 0 && text === formatPercent(0)) return `under ${formatPercent(0.001)}`;
  if (probability < 1 && text === formatPercent(1)) return `over ${formatPercent(0.999)}`;
  return text;
}
