/**
 * Renders a sheet plan, with the values a formula engine computed, as an HTML page that looks
 * like the sheet in Excel: for looking at in tests and for the README's picture. Charts are drawn
 * as SVG lines from the plan's chart range.
 */
import { CELL_STYLES, LINE_HEIGHT, cellPosition, type SheetPlan } from '../../src/sheet/plan';
import { shownNumberFormat } from '../../src/sheet/chance';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A number with a fixed count of decimals as Excel shows it: first to 15 significant digits, then
 * rounded half away from zero (0.285 shows as 0.29 with two decimals, although the double stored
 * for it is 0.28499999999999998). Exact, in decimal digits: `shift` moves the point (2 for a percentage).
 */
export function excelFixed(value: number, decimals: number, shift = 0): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e');
  const digits = BigInt(mantissa.replace('.', '')); // |value| = digits × 10^(exponent − 14)
  const power = Number(exponent) - 14 + shift + decimals; // the result, in units of its last decimal, is digits × 10^power
  const unit = 10n ** BigInt(Math.max(0, -power));
  const units = power >= 0 ? digits * 10n ** BigInt(power) : (digits + unit / 2n) / unit;
  const text = units.toString().padStart(decimals + 1, '0');
  const fixed = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return value < 0 && units > 0n ? `-${fixed}` : fixed;
}

/** The section of a number format that shows `value`: the first whose condition (`[<0.0005]`, `[=0]`) holds, or one without. */
function sectionFor(numberFormat: string, value: number): string {
  const sections = numberFormat.match(/(?:"[^"]*"|[^;"])+/g) ?? [numberFormat];
  for (const section of sections) {
    const condition = /^\[(<=|>=|<>|<|>|=)(-?[\d.]+(?:e-?\d+)?)\]/.exec(section);
    if (!condition) return section;
    const bound = Number(condition[2]);
    const holds = { '<': value < bound, '<=': value <= bound, '>': value > bound, '>=': value >= bound, '=': value === bound, '<>': value !== bound }[condition[1]];
    if (holds) return section.slice(condition[0].length);
  }
  return 'General';
}

/**
 * Formats a value as Excel shows it in the handful of number formats the plans use: General,
 * dates, fixed decimals with or without thousands separators, percentages, sections with
 * conditions (`[=0]0.0%;[<0.0005]"under 0.1%";0.0%`) and quoted text.
 */
export function formatValue(value: unknown, numberFormat: string): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  if (/y/.test(numberFormat) && /d/.test(numberFormat)) {
    // Excel serial date: days since 1899-12-30.
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  const section = sectionFor(numberFormat, value);
  const literal = /^"([^"]*)"$/.exec(section);
  if (literal) return literal[1];
  if (section === 'General') return String(+value.toPrecision(10));
  const after = section.split('.')[1] ?? '';
  const decimals = after.replace(/[^0#]/g, '').length;
  // "0.0#": two decimals at most, and a "#" one only where it is not zero.
  const optional = after.replace(/[^0#]/g, '').length - after.replace(/[^0]/g, '').length;
  const trim = (text: string) => {
    let trimmed = text;
    for (let i = 0; i < optional && /\.\d*0$/.test(trimmed); i += 1) trimmed = trimmed.slice(0, -1);
    return trimmed;
  };
  if (section.endsWith('%')) return `${trim(excelFixed(value, decimals, 2))}%`;
  const fixed = trim(excelFixed(value, decimals));
  return section.includes(',') ? fixed.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : fixed;
}

/** CSS for each plan style, from the same specs the writers use. */
function styleSheet(): string {
  return Object.entries(CELL_STYLES)
    .map(([name, spec]) => {
      const rules = [
        spec.bold ? 'font-weight: bold' : '',
        spec.italic ? 'font-style: italic' : '',
        spec.size ? `font-size: ${spec.size + 2}px` : '',
        spec.color ? `color: ${spec.color}` : '',
        spec.fill ? `background: ${spec.fill}` : '',
      ].filter(Boolean);
      return `.${name} { ${rules.join('; ')} }`;
    })
    .join('\n');
}

export function planToHtml(plan: SheetPlan, values: readonly (readonly unknown[])[]): string {
  const styleAt = new Map<string, string>();
  for (const { style, range } of plan.styles) {
    const [from, to = from] = range.split(':').map(cellPosition);
    for (let r = from.row; r <= to.row; r += 1) for (let c = from.column; c <= to.column; c += 1) styleAt.set(`${r},${c}`, style);
  }
  // Text blocks: merged, wrapped, their rows as tall as the plan says.
  const blocks = new Map<string, { span: number; lines: number }>();
  for (const block of plan.textBlocks ?? []) {
    const [from, to = from] = block.range.split(':').map(cellPosition);
    blocks.set(`${from.row},${from.column}`, { span: to.column - from.column + 1, lines: block.lines });
  }
  const rows = plan.cells.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < row.length; c += 1) {
      const block = blocks.get(`${r},${c}`);
      if (block) {
        const text = formatValue(values[r]?.[c], row[c]?.numberFormat ?? 'General');
        const style = styleAt.get(`${r},${c}`) ?? '';
        cells.push(`<td class="${style} wrapped" colspan="${block.span}" style="height:${Math.round(block.lines * LINE_HEIGHT * 1.333)}px">${escapeHtml(text)}</td>`);
        c += block.span - 1;
        continue;
      }
      const value = values[r]?.[c];
      // The plan's conditional number formats apply as Excel would apply them.
      const text = formatValue(value, shownNumberFormat(row[c]?.numberFormat ?? 'General', value));
      const style = styleAt.get(`${r},${c}`) ?? '';
      // Like Excel, text runs on over the empty cells to its right.
      let span = 1;
      if (typeof value === 'string') {
        while (c + span < row.length && (values[r]?.[c + span] ?? null) === null && !styleAt.has(`${r},${c + span}`)) span += 1;
      }
      const align = typeof value === 'number' ? ' num' : '';
      cells.push(`<td class="${style}${align}"${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(text)}</td>`);
      c += span - 1;
    }
    return `<tr><th>${r + 1}</th>${cells.join('')}</tr>`;
  });
  const pixels = plan.columnWidths.map((w) => Math.round((w * 4) / 3));
  const widths = pixels.map((w) => `<col style="width:${w}px">`).join('');
  const tableWidth = 36 + pixels.reduce((sum, w) => sum + w, 0);
  const letters = plan.columnWidths.map((_, i) => `<th>${String.fromCharCode(65 + i)}</th>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 14.67px Calibri, Carlito, 'Segoe UI', Roboto, sans-serif; background: #fff; color: #242424; }
    table { border-collapse: collapse; table-layout: fixed; }
    td { overflow: hidden; text-overflow: ellipsis; }
    td, th { border: 1px solid #e0e0e0; padding: 2px 6px; height: 20px; white-space: nowrap; overflow: visible; }
    th { background: #f3f3f3; color: #616161; font-weight: normal; text-align: center; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.wrapped { white-space: normal; vertical-align: top; overflow: hidden; }
    ${styleSheet()}
  </style></head><body><table style="width:${tableWidth}px"><colgroup><col style="width:36px">${widths}</colgroup>
  <tr><th></th>${letters}</tr>${rows.join('')}</table></body></html>`;
}
