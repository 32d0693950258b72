/* DOM rendering for the task pane. Text is only ever set with textContent: nothing is parsed as HTML. */
import type { PaneLocale } from './locale';
import { exampleResultText, type FunctionExample } from './examples';
import { FIELDS, type FieldSpec } from './fields';
import { REVIEW_HEADER, reviewFigures, reviewRows, type Preview } from './preview';
import { renderChart } from './chart';

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

/** The choice of offer: one radio button per kind, with its hint, the chosen one checked. */
export function renderOfferKinds(fieldset: HTMLElement, kinds: readonly { kind: string; label: string; hint: string }[], chosen: string): void {
  const legend = fieldset.querySelector('legend');
  const options = kinds.map((option) => {
    const wrapper = element('div', 'offer-option');
    const input = element('input');
    input.type = 'radio';
    input.name = 'offer-kind';
    input.id = `offer-${option.kind}`;
    input.value = option.kind;
    input.checked = option.kind === chosen;
    const hint = element('span', 'field-hint', option.hint);
    hint.id = `offer-${option.kind}-hint`;
    input.setAttribute('aria-describedby', hint.id);
    const label = element('label', undefined, option.label);
    label.htmlFor = input.id;
    wrapper.append(input, label, hint);
    return wrapper;
  });
  fieldset.replaceChildren(...(legend ? [legend] : []), ...options);
}

/**
 * Shows each touched field's message (or clears it) and marks invalid inputs for assistive
 * technology. A field being typed in keeps a message that still holds and loses one that no
 * longer does, but shows no new one until typing pauses or the field is left: no message flickers
 * on and off while "1,800" is typed.
 */
export function renderFieldErrors(errors: Readonly<Record<string, string>>, touched: ReadonlySet<string>, typing: ReadonlySet<string> = new Set()): void {
  for (const field of FIELDS) {
    const input = document.getElementById(field.id) as HTMLInputElement | null;
    const message = document.getElementById(`${field.id}-message`);
    if (!input || !message) continue;
    const due = touched.has(field.id) ? errors[field.id] ?? '' : '';
    const text = typing.has(field.id) && message.textContent !== due ? '' : due;
    if (message.textContent !== text) message.textContent = text;
    input.setAttribute('aria-invalid', text ? 'true' : 'false');
  }
}

function cell(text: string, header = false): HTMLTableCellElement {
  const created = element(header ? 'th' : 'td', undefined, text);
  if (header) created.scope = 'col';
  return created;
}

/** How many reasons the advice shows at once; the rest are a click away. */
const REASONS_SHOWN = 3;

/**
 * The recommendation: the verdict in bold, then up to {@link REASONS_SHOWN} reasons as a list, and
 * any further ones (a bad case, discounting, uneven demand) under "More reasons". The verdict and
 * the reasons, in order, are RECOMMEND's sentences.
 */
function renderRecommendation(preview: Preview): HTMLElement {
  const advice = preview.recommendation;
  const root = element('div', 'recommendation');
  root.id = 'recommendation';
  const verdict = element('p', 'verdict', `${advice.verdict}.`);
  verdict.id = 'verdict';
  const list = (reasons: readonly string[]) => {
    const items = element('ul', 'reasons');
    items.append(...reasons.map((reason) => element('li', undefined, reason)));
    return items;
  };
  root.append(verdict, list(advice.reasons.slice(0, REASONS_SHOWN)));
  const more = advice.reasons.slice(REASONS_SHOWN);
  if (more.length > 0) {
    const details = element('details', 'more-reasons');
    details.append(element('summary', undefined, more.length === 1 ? 'One more reason' : `${more.length} more reasons`), list(more));
    root.append(details);
  }
  return root;
}

/** The review step: recommendation, key figures, comparison table and chart. */
export function renderPreview(root: HTMLElement, preview: Preview, locale: PaneLocale): void {
  const { comparison } = preview;
  const f = locale.figures;
  const termMonths = comparison.termMonths;
  const figures = element('dl', 'figures');
  for (const figure of reviewFigures(comparison, f)) {
    const dd = element('dd', undefined, figure.value);
    dd.id = figure.id;
    figures.append(element('dt', undefined, figure.label), dd);
  }

  const table = element('table', 'comparison');
  table.id = 'comparison';
  const caption = element('caption', undefined, `Over the ${f.number(termMonths)}-month term${locale.currency ? `, in ${locale.currency}` : ''}`);
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(...REVIEW_HEADER.map((label) => cell(label, true)));
  head.append(headRow);
  const body = element('tbody');
  const options = [comparison.hourly, comparison.prepaid, comparison.managed];
  // The caption names the currency, so the cells hold the amounts alone and the table fits a narrow pane.
  reviewRows(comparison, { ...f, money: locale.amount }).forEach((texts, index) => {
    const row = element('tr');
    row.append(...texts.map((text) => cell(text)));
    row.dataset.option = options[index].option;
    row.dataset.expectedCost = String(options[index].expectedCost);
    body.append(row);
  });
  table.append(caption, head, body);
  const scroll = element('div', 'table-scroll');
  // When the table is wider than the pane, its box scrolls: keyboard users reach it with Tab and scroll it with the arrow keys.
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', 'Comparison table');
  scroll.append(table);
  const note = element(
    'p',
    'table-note',
    'Paid per hour: what the provider is paid for each hour it works, before discounting and without the cost of disruption. Bad case: the cost if support needs run as high as in the busiest 1 term in 20.',
  );

  const chart = element('div', 'chart-container');
  chart.id = 'chart';
  renderChart(chart, preview.chart, locale);
  root.replaceChildren(renderRecommendation(preview), figures, scroll, note, chart);
}

/** Why there is no comparison: the fields marked in red, or else the form's own message. */
export function renderPreviewUnavailable(root: HTMLElement, count: number, formError?: string): void {
  const text = count === 0 && formError ? formError : `Fix ${count === 1 ? 'the field' : `the ${count} fields`} marked in red to see the comparison.`;
  root.replaceChildren(element('p', 'preview-empty', text));
}

/** The function guide: one worked example per function. */
export function renderFunctionList(list: HTMLElement, examples: readonly FunctionExample[]): void {
  const items = examples.map((example) => {
    const item = element('li');
    const formula = element('code', undefined, example.formula);
    const result = element('span', 'result', `→ ${exampleResultText(example)}`);
    item.append(formula, ' ', result, element('p', undefined, example.meaning));
    return item;
  });
  list.replaceChildren(...items);
}

export function renderStatus(status: HTMLElement, message: string, tone: 'info' | 'error' | 'success' = 'info'): void {
  status.textContent = message;
  status.dataset.tone = tone;
  status.setAttribute('role', tone === 'error' ? 'alert' : 'status');
}
