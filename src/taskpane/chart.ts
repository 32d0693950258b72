/* A small SVG line chart of cost against hours used, drawn with DOM calls only (no HTML strings). */
import type { PaneLocale } from './locale';
import type { Preview } from './preview';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 210;
const PAD = { left: 50, right: 10, top: 10, bottom: 36 };
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

/**
 * Round axis steps: 1, 2, 2.5 or 5 times a power of ten, the smallest that covers `max` in at most
 * `most` steps, so an axis has at least three ticks (0 and two more) and at most `most` + 1.
 *
 * @example
 * axisTicks(36000, 4)
 * //=> [0, 10000, 20000, 30000, 40000]
 */
export function axisTicks(max: number, most: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1, 2];
  const rough = max / most;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s * most >= max) ?? 10 * power;
  const count = Math.max(2, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function text(root: SVGSVGElement, x: number, y: number, content: string, attributes: Record<string, string | number>): void {
  const node = svg('text', { x, y, ...attributes });
  node.textContent = content;
  root.append(node);
}

/**
 * The chart: cost over the term (in the workbook's currency) against hours used, one line per
 * option told apart by dash as well as colour, the expected hours and the break-evens marked and
 * labelled on the plot, and a legend.
 */
export function renderChart(container: HTMLElement, chart: Preview['chart'], locale: PaneLocale): void {
  const dataMax = Math.max(1, ...chart.series.flatMap((s) => s.points.map(([, cost]) => cost)));
  const costTicks = axisTicks(dataMax, 4);
  const maxCost = costTicks[costTicks.length - 1];
  const hourTicks = axisTicks(chart.maxHours, 3).filter((h) => h <= chart.maxHours);
  const x = (hours: number) => PAD.left + (hours / chart.maxHours) * (WIDTH - PAD.left - PAD.right);
  const y = (cost: number) => HEIGHT - PAD.bottom - (cost / maxCost) * (HEIGHT - PAD.top - PAD.bottom);

  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart' });
  const title = svg('title', {});
  const marked = [`you expect ${locale.figures.number(chart.expectedHours)} h`, ...chart.markers.map((m) => `${m.label} at ${locale.figures.number(m.hours)} h`)];
  title.textContent = `Cost over the term against hours used, for the three options; ${marked.join('; ')}`;
  root.append(title);

  for (const cost of costTicks) {
    root.append(svg('line', { x1: PAD.left, y1: y(cost), x2: WIDTH - PAD.right, y2: y(cost), class: cost === 0 ? 'axis' : 'grid' }));
    text(root, PAD.left - 4, y(cost) + 4, locale.compactMoney(cost), { 'text-anchor': 'end', class: 'tick' });
  }
  root.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: y(0), class: 'axis' }));
  for (const hours of hourTicks) {
    const anchor = hours === 0 ? 'start' : x(hours) > WIDTH - PAD.right - 20 ? 'end' : 'middle';
    text(root, x(hours), HEIGHT - PAD.bottom + 14, `${locale.compactNumber(hours)} h`, { 'text-anchor': anchor, class: 'tick' });
  }
  text(root, (WIDTH + PAD.left) / 2, HEIGHT - 4, 'hours used over the term', { 'text-anchor': 'middle', class: 'tick' });

  for (const series of chart.series) {
    const points = series.points.map(([hours, cost]) => `${x(hours).toFixed(1)},${y(cost).toFixed(1)}`).join(' ');
    root.append(svg('polyline', { points, class: `series ${SERIES_CLASS[series.name]}` }));
  }

  // The expected hours and each break-even: a vertical line labelled on the plot, one label per
  // row; a label goes left of its line when another line is close on its right, so none crosses a line.
  const lines = [{ label: 'you expect', hours: chart.expectedHours, className: 'expected' }, ...chart.markers.map((m) => ({ ...m, className: 'marker' }))]
    .filter((line) => line.hours <= chart.maxHours)
    .sort((a, b) => a.hours - b.hours);
  lines.forEach((line, row) => {
    const at = x(line.hours);
    root.append(svg('line', { x1: at, y1: PAD.top, x2: at, y2: y(0), class: line.className }));
    const crowded = lines.slice(row + 1).some((other) => x(other.hours) - at < 90);
    const left = at > WIDTH - PAD.right - 90 || (crowded && at - PAD.left > 90);
    text(root, left ? at - 3 : at + 3, PAD.top + 12 + row * 14, line.label, { 'text-anchor': left ? 'end' : 'start', class: 'label' });
  });

  const legend = document.createElement('ul');
  legend.className = 'legend';
  for (const series of chart.series) {
    const item = document.createElement('li');
    item.className = SERIES_CLASS[series.name];
    item.textContent = series.name;
    legend.append(item);
  }
  container.replaceChildren(root, legend);
}
