/* DOM rendering for the task pane. Text is only ever set with textContent: nothing is parsed as HTML. */
import type { FunctionExample } from './examples';
import { FIELDS, type FieldSpec } from './fields';
import type { Preview } from './preview';
import { renderChart } from './chart';

const formatters = {
  hours: new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }),
  money: new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  wholeMoney: new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }),
  percent: new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }),
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Builds the labelled input for each field into its step's container. */
export function renderFields(containers: ReadonlyMap<number, HTMLElement>): void {
  for (const step of new Set(FIELDS.map((f) => f.step))) {
    const container = containers.get(step);
    if (!container) continue;
    container.replaceChildren(...FIELDS.filter((f) => f.step === step).map(renderField));
  }
}

function renderField(field: FieldSpec): HTMLElement {
  const wrapper = element('div', 'field');
  const label = element('label', 'field-label', field.label);
  label.htmlFor = field.id;
  const inputRow = element('div', 'input-row');
  const input = element('input');
  input.id = field.id;
  input.name = field.id;
  input.type = 'text';
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  if (field.placeholder) input.placeholder = field.placeholder;
  const hint = element('p', 'field-hint', field.hint);
  hint.id = `${field.id}-hint`;
  const message = element('p', 'field-message');
  message.id = `${field.id}-message`;
  message.setAttribute('aria-live', 'polite');
  input.setAttribute('aria-describedby', `${hint.id} ${message.id}`);
  inputRow.append(input);
  if (field.kind === 'percent') inputRow.append(element('span', 'suffix', '%'));
  wrapper.append(label, inputRow, hint, message);
  return wrapper;
}

/** Shows each field's message (or clears it) and marks invalid inputs for assistive technology. */
export function renderFieldErrors(errors: Readonly<Record<string, string>>, touched: ReadonlySet<string>): void {
  for (const field of FIELDS) {
    const input = document.getElementById(field.id) as HTMLInputElement | null;
    const message = document.getElementById(`${field.id}-message`);
    if (!input || !message) continue;
    const text = touched.has(field.id) ? errors[field.id] ?? '' : '';
    if (message.textContent !== text) message.textContent = text;
    input.setAttribute('aria-invalid', text ? 'true' : 'false');
  }
}

function cell(text: string, header = false): HTMLTableCellElement {
  const created = element(header ? 'th' : 'td', undefined, text);
  if (header) created.scope = 'col';
  return created;
}

/** The review step: recommendation, key figures, comparison table and chart. */
export function renderPreview(root: HTMLElement, preview: Preview, termMonths: number, blockHours: number): void {
  const { comparison } = preview;
  const sentence = element('p', 'recommendation', preview.recommendation);
  sentence.id = 'recommendation';

  const figures = element('dl', 'figures');
  const figure = (label: string, value: string, id: string) => {
    const dt = element('dt', undefined, label);
    const dd = element('dd', undefined, value);
    dd.id = id;
    figures.append(dt, dd);
  };
  const blockEven = comparison.blockBreakEven;
  figure(
    'Block break-even',
    blockEven.kind === 'hours'
      ? `${formatters.hours.format(blockEven.hours)} h over ${termMonths} months (${formatters.percent.format(blockEven.hours / blockHours)} of the block)`
      : 'never pays off',
    'figure-block-break-even',
  );
  const managedEven = comparison.managedBreakEven;
  figure(
    'Managed break-even',
    managedEven.kind === 'hours' ? `${formatters.hours.format(managedEven.monthlyHours)} h a month` : 'never pays off',
    'figure-managed-break-even',
  );
  figure('Chance of forfeiting block hours', formatters.percent.format(comparison.forfeitRisk), 'figure-forfeit-risk');

  const table = element('table', 'comparison');
  table.id = 'comparison';
  const caption = element('caption', undefined, `Over ${termMonths} months`);
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(cell('Option', true), cell('Expected cost', true), cell('Per hour', true), cell('95th pct.', true), cell('Saving vs hourly', true));
  head.append(headRow);
  const body = element('tbody');
  for (const option of [comparison.hourly, comparison.block, comparison.managed]) {
    const row = element('tr');
    row.append(
      cell(option.option),
      cell(formatters.wholeMoney.format(option.expectedCost)),
      cell(option.costPerSupportHour === undefined ? '–' : formatters.wholeMoney.format(option.costPerSupportHour)),
      cell(formatters.wholeMoney.format(option.percentile95Cost)),
      cell(formatters.wholeMoney.format(option.savingVsHourly)),
    );
    row.dataset.option = option.option;
    row.dataset.expectedCost = String(option.expectedCost);
    body.append(row);
  }
  table.append(caption, head, body);

  const chart = element('div', 'chart-container');
  chart.id = 'chart';
  renderChart(chart, preview.chart);
  root.replaceChildren(sentence, figures, table, chart);
}

export function renderPreviewUnavailable(root: HTMLElement, count: number): void {
  root.replaceChildren(element('p', 'preview-empty', `Fix ${count === 1 ? 'the field' : `the ${count} fields`} marked in red to see the comparison.`));
}

/** The function guide: one worked example per function. */
export function renderFunctionList(list: HTMLElement, examples: readonly FunctionExample[]): void {
  const items = examples.map((example) => {
    const item = element('li');
    const formula = element('code', undefined, example.formula);
    const result = element('span', 'result', `→ ${formatExample(example)}`);
    item.append(formula, ' ', result, element('p', undefined, example.meaning));
    return item;
  });
  list.replaceChildren(...items);
}

function formatExample(example: FunctionExample): string {
  if (!example.result.ok) return example.result.problem.message;
  const value = example.result.value;
  if (typeof value === 'string' || example.format === 'text') return String(value);
  if (example.format === 'hours') return `${formatters.hours.format(value)} h`;
  return example.format === 'percent' ? formatters.percent.format(value) : formatters.money.format(value);
}

export function renderStatus(status: HTMLElement, message: string, tone: 'info' | 'error' | 'success' = 'info'): void {
  status.textContent = message;
  status.dataset.tone = tone;
  status.setAttribute('role', tone === 'error' ? 'alert' : 'status');
}
