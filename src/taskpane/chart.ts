/* A small SVG line chart of cost against hours used, drawn with DOM calls only (no HTML strings). */
import type { Preview } from './preview';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 180;
const PAD = { left: 44, right: 8, top: 8, bottom: 30 };
const SERIES_CLASS: Record<string, string> = {
  Hourly: 'series-hourly',
  'Prepaid block': 'series-block',
  'Top-up block': 'series-block',
  'Monthly retainer': 'series-block',
  'Managed services': 'series-managed',
};

/** An SVG element with its attributes, for the pane's charts. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

let compactFormat: Intl.NumberFormat | undefined;

/** Axis labels: "1.2K". Built on first use, kept, and en-US like every other figure in the pane. */
function compact(value: number): string {
  compactFormat ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return compactFormat.format(value);
}

export function renderChart(container: HTMLElement, chart: Preview['chart']): void {
  const maxCost = Math.max(1, ...chart.series.flatMap((s) => s.points.map(([, cost]) => cost)));
  const x = (hours: number) => PAD.left + (hours / chart.maxHours) * (WIDTH - PAD.left - PAD.right);
  const y = (cost: number) => HEIGHT - PAD.bottom - (cost / maxCost) * (HEIGHT - PAD.top - PAD.bottom);

  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart' });
  const title = svg('title', {});
  title.textContent = 'Cost over the term against hours used, for the three options, with break-even points marked';
  root.append(title);
  root.append(svg('line', { x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0), class: 'axis' }));
  root.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: y(0), class: 'axis' }));
  for (const [value, anchorX, anchorY, anchor] of [
    [0, PAD.left, HEIGHT - 16, 'start'],
    [chart.maxHours, WIDTH - PAD.right, HEIGHT - 16, 'end'],
  ] as const) {
    const label = svg('text', { x: anchorX, y: anchorY, 'text-anchor': anchor, class: 'tick' });
    label.textContent = `${compact(value)} h`;
    root.append(label);
  }
  const top = svg('text', { x: PAD.left - 4, y: PAD.top + 8, 'text-anchor': 'end', class: 'tick' });
  top.textContent = compact(maxCost);
  root.append(top);
  const axisTitle = svg('text', { x: (WIDTH + PAD.left) / 2, y: HEIGHT - 4, 'text-anchor': 'middle', class: 'tick' });
  axisTitle.textContent = 'hours used over the term';
  root.append(axisTitle);

  for (const marker of chart.markers) {
    root.append(svg('line', { x1: x(marker.hours), y1: PAD.top, x2: x(marker.hours), y2: y(0), class: 'marker' }));
  }
  for (const series of chart.series) {
    const points = series.points.map(([hours, cost]) => `${x(hours).toFixed(1)},${y(cost).toFixed(1)}`).join(' ');
    root.append(svg('polyline', { points, class: `series ${SERIES_CLASS[series.name]}` }));
  }

  const legend = document.createElement('ul');
  legend.className = 'legend';
  for (const series of chart.series) {
    const item = document.createElement('li');
    item.className = SERIES_CLASS[series.name];
    item.textContent = series.name;
    legend.append(item);
  }
  if (chart.markers.length > 0) {
    const item = document.createElement('li');
    item.className = 'legend-marker';
    item.textContent = chart.markers.map((m) => m.label).join(', ');
    legend.append(item);
  }
  container.replaceChildren(root, legend);
}
