/**
 * Renders a sheet plan, with the values a formula engine computed, as an HTML page that looks
 * like the sheet in Excel: for looking at in tests and for the README's picture. Charts are drawn
 * as SVG lines from the plan's chart range.
 */
import { CELL_STYLES, cellPosition, type SheetPlan } from '../../src/sheet/plan';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Formats a value like Excel would for the handful of number formats the plans use. */
export function formatValue(value: unknown, numberFormat: string): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  if (/y/.test(numberFormat) && /d/.test(numberFormat)) {
    // Excel serial date: days since 1899-12-30.
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  const decimals = (numberFormat.split('.')[1] ?? '').replace(/[^0]/g, '').length;
  if (numberFormat.endsWith('%')) return `${(value * 100).toFixed(decimals)}%`;
  if (numberFormat === 'General') return String(+value.toPrecision(10));
  const grouped = numberFormat.includes(',');
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
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
  const rows = plan.cells.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < row.length; c += 1) {
      const value = values[r]?.[c];
      const text = formatValue(value, row[c]?.numberFormat ?? 'General');
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
  const pixels = plan.columnWidths.map((w) => Math.round(w * 1.2));
  const widths = pixels.map((w) => `<col style="width:${w}px">`).join('');
  const tableWidth = 36 + pixels.reduce((sum, w) => sum + w, 0);
  const letters = plan.columnWidths.map((_, i) => `<th>${String.fromCharCode(65 + i)}</th>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 13px 'Segoe UI', Roboto, sans-serif; background: #fff; color: #242424; }
    table { border-collapse: collapse; table-layout: fixed; }
    td { overflow: hidden; text-overflow: ellipsis; }
    td, th { border: 1px solid #e0e0e0; padding: 2px 6px; height: 20px; white-space: nowrap; overflow: visible; }
    th { background: #f3f3f3; color: #616161; font-weight: normal; text-align: center; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    ${styleSheet()}
  </style></head><body><table style="width:${tableWidth}px"><colgroup><col style="width:36px">${widths}</colgroup>
  <tr><th></th>${letters}</tr>${rows.join('')}</table></body></html>`;
}
