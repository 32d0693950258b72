import type { FunctionExample } from './examples';

const formatters = {
  hours: new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }),
  money: new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  percent: new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }),
};

function formatResult(example: FunctionExample): string {
  if (!example.result.ok) return example.result.problem.message;
  const value = example.result.value;
  if (typeof value === 'string' || example.format === 'text') return String(value);
  const text = formatters[example.format].format(value);
  return example.format === 'hours' ? `${text} h` : text;
}

/** Renders the function list with text nodes only: nothing here is ever parsed as HTML. */
export function renderFunctionList(list: HTMLElement, examples: readonly FunctionExample[]): void {
  const items = examples.map((example) => {
    const item = document.createElement('li');
    const formula = document.createElement('code');
    formula.textContent = example.formula;
    const result = document.createElement('span');
    result.className = 'result';
    result.textContent = `→ ${formatResult(example)}`;
    const meaning = document.createElement('p');
    meaning.textContent = example.meaning;
    item.append(formula, ' ', result, meaning);
    return item;
  });
  list.replaceChildren(...items);
}

export function renderStatus(status: HTMLElement, message: string): void {
  status.textContent = message;
}
