/*
 * "Estimate from history" with a time-entry export: a file dropped on the pane or picked, or an
 * export pasted. The worker reads it (import-worker.ts); this module shows what it found (the
 * months and their hours in a small chart, the average and the variability, the rows it could not
 * read) and the choices the user may correct (the columns, the date order, non-billable entries,
 * the billing rules), and hands the figures over only when the user accepts them.
 */
import { BILLEDHOURS_LIMITS, checkValue, limitInWords, monthOfSerial, type BillingRules } from '../model';
import { ROLE_LABELS, timeWorkedOnce, type ColumnMapping, type ColumnRole } from '../import/columns';
import type { Analysis, AnalysisRequest } from '../import/analyse';
import { tableFromCells } from '../import/cells';
import type { ExportTable } from '../import/table';
import type { DayMonthOrder } from '../import/values';
import { importClient, type ImportReply } from './import-protocol';
import { svg } from './chart';
import { parseNumber } from './number-entry';
import type { PaneLocale } from './locale';

/** Files above this size are refused before reading: far beyond any year of time entries. */
const MAX_BYTES = 200 * 1024 * 1024;
/** The roles the user maps, in the order the mapping lists them. */
const MAPPED_ROLES: readonly ColumnRole[] = ['date', 'minutes', 'hours', 'start', 'end', 'billable', 'workType', 'ticket'];
const RULE_FIELDS = [
  { id: 'import-increment', key: 'incrementMinutes', limit: BILLEDHOURS_LIMITS.incrementMinutes },
  { id: 'import-minimum', key: 'minimumMinutes', limit: BILLEDHOURS_LIMITS.minimumMinutes },
  { id: 'import-multiplier', key: 'multiplier', limit: BILLEDHOURS_LIMITS.multiplier },
] as const;


/** What the wizard receives when the user accepts an estimate. */
export interface AcceptedHistory {
  readonly expectedMonthlyHours: number;
  readonly monthlyVariability: number;
  readonly months: readonly (readonly [number, number])[];
  readonly rules: BillingRules;
  /** The entries the months come from: each one's date serial and minutes. */
  readonly dates: readonly number[];
  readonly minutes: readonly number[];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

/** A month's first day (a date serial) as "Jan 2026", in the pane's locale. */
function monthName(serial: number, locale: PaneLocale): string {
  // The model's reading of the serial (Excel's 1900 date system), then the month's name.
  const month = monthOfSerial(serial);
  return locale.month(new Date(Date.UTC(Math.floor(month / 12), month % 12, 1)));
}

/** The months as bars, with the first and last month named under them and the tallest bar's hours beside the axis. */
function monthChart(months: readonly (readonly [number, number])[], locale: PaneLocale): SVGSVGElement {
  const width = 300;
  const height = 120;
  const pad = { left: 34, right: 6, top: 8, bottom: 22 };
  const most = Math.max(...months.map(([, hours]) => hours), 1e-9);
  const slot = (width - pad.left - pad.right) / months.length;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart month-chart' });
  const title = svg('title', {});
  title.textContent = `Billed hours in each of ${months.length} months, from ${monthName(months[0][0], locale)} to ${monthName(months[months.length - 1][0], locale)}`;
  root.append(title);
  months.forEach(([start, hours], index) => {
    const barHeight = (hours / most) * (height - pad.top - pad.bottom);
    const bar = svg('rect', { x: pad.left + index * slot + slot * 0.15, y: height - pad.bottom - barHeight, width: Math.max(1, slot * 0.7), height: barHeight, class: 'month-bar' });
    const tip = svg('title', {});
    tip.textContent = `${monthName(start, locale)}: ${locale.hours(hours)} h`;
    bar.append(tip);
    root.append(bar);
  });
  root.append(svg('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom, class: 'axis' }));
  const label = (x: number, y: number, text: string, anchor: string) => {
    const node = svg('text', { x, y, class: 'tick', 'text-anchor': anchor });
    node.textContent = text;
    root.append(node);
  };
  label(pad.left - 4, pad.top + 8, `${locale.hours(most)} h`, 'end');
  label(pad.left - 4, height - pad.bottom, '0', 'end');
  label(pad.left, height - 6, monthName(months[0][0], locale), 'start');
  label(width - pad.right, height - 6, monthName(months[months.length - 1][0], locale), 'end');
  return root;
}

/** The order the user's locale writes dates in, for dates that read either way. */
function localeOrder(): DayMonthOrder {
  // The runtime's own default locale (navigator.language can be a tag Intl refuses, such as "en-US@posix").
  const sample = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'numeric' }).formatToParts(new Date(Date.UTC(2026, 2, 4)));
  return sample.findIndex((part) => part.type === 'month') < sample.findIndex((part) => part.type === 'day') ? 'MDY' : 'DMY';
}

/**
 * True when pasted text looks like an export (a header row with a separator and some letters)
 * rather than a list of monthly hours.
 */
export function looksLikeExport(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return /[,;\t]/.test(firstLine) && /[a-z]/i.test(firstLine);
}

export interface HistoryImport {
  /** Reads an export's text (a file's or pasted). */
  read(text: string, source: string): Promise<void>;
  /** Reads selected cells: a date column and a minutes column, with or without a header row. */
  readCells(values: readonly (readonly unknown[])[], source: string): Promise<void>;
}

export function setUpHistoryImport(root: HTMLElement, accept: (history: AcceptedHistory) => void, paneLocale: () => PaneLocale): HistoryImport {
  // import-worker.js is its own entry of the build (webpack.config.js), beside taskpane.html.
  const ask = importClient(() => new Worker('import-worker.js'));
  const find = <T extends Element>(selector: string, type: new () => T): T => {
    const found = root.querySelector(selector);
    if (!(found instanceof type)) throw new Error(`the history section has no ${type.name} ${selector}`);
    return found;
  };
  const panel = find('#history-import', HTMLElement);
  const message = find('#history-message', HTMLElement);
  const acceptButton = find('#import-accept', HTMLButtonElement);
  let analysis: Analysis | undefined;
  let source = '';
  let order: DayMonthOrder | undefined;
  let mapping: ColumnMapping | undefined;

  const input = (id: string) => find(`#${id}`, HTMLInputElement);

  /** The billing rules typed, each checked against BILLEDHOURS's limit; a message on the field that is wrong. */
  function rules(): BillingRules | undefined {
    const values: Partial<Record<keyof BillingRules, number>> = {};
    let valid = true;
    for (const field of RULE_FIELDS) {
      const box = input(field.id);
      const note = root.querySelector<HTMLElement>(`#${field.id}-message`);
      const typed = parseNumber(box.value, { decimal: paneLocale().decimal });
      const value = typed === null ? field.limit.defaultValue : typed;
      const checked = value === 'invalid' ? undefined : checkValue(field.limit, value);
      const problem = checked === undefined ? 'Must be a number.' : checked.ok ? '' : `Must be ${limitInWords(field.limit)}.`;
      box.setAttribute('aria-invalid', String(problem !== ''));
      if (note) note.textContent = problem;
      if (checked?.ok) values[field.key] = checked.value;
      else valid = false;
    }
    return valid ? (values as BillingRules) : undefined;
  }

  function request(): AnalysisRequest | undefined {
    const checked = rules();
    if (!checked) return undefined;
    return { mapping, order, preferredOrder: localeOrder(), excludeNonBillable: input('import-billable').checked, rules: checked };
  }

  async function run(text?: string, table?: ExportTable): Promise<void> {
    const asked = request();
    if (!asked) return;
    let reply: ImportReply;
    try {
      reply = await ask({ text, table, request: asked });
    } catch (error) {
      message.textContent = `Could not read ${source}: ${error instanceof Error ? error.message : String(error)}.`;
      return;
    }
    if ('unreadable' in reply) {
      analysis = undefined;
      panel.hidden = true;
      message.textContent = `Could not read ${source}: line ${reply.unreadable.line}: ${reply.unreadable.reason}.`;
      return;
    }
    analysis = reply.analysis;
    mapping = analysis.mapping;
    show(analysis);
  }

  function show(found: Analysis): void {
    const locale = paneLocale();
    panel.hidden = false;
    message.textContent = `Read ${locale.count(found.rowCount)} rows from ${source}.`;
    renderMapping(found);
    renderOrder(found);
    const billable = input('import-billable');
    billable.disabled = found.mapping.billable === undefined;
    const billableLabel = root.querySelector<HTMLElement>('#import-billable-count');
    if (billableLabel) billableLabel.textContent = found.mapping.billable === undefined ? '(no billable column chosen)' : `(${locale.count(found.nonBillable)} found)`;
    const problems = root.querySelector<HTMLElement>('#import-problems');
    if (problems) {
      problems.replaceChildren(...found.problems.map((problem) => element('li', {}, `Line ${problem.line}: ${problem.reason}.`)));
      if (found.problemCount > found.problems.length) problems.append(element('li', {}, `… and ${locale.count((found.problemCount - found.problems.length))} more rows that could not be read.`));
    }
    const result = root.querySelector<HTMLElement>('#import-result');
    if (!result) return;
    const skipped = [
      found.problemCount > 0 ? `${locale.count(found.problemCount)} not read` : '',
      found.totals > 0 ? `${found.totals} totals ${found.totals === 1 ? 'row' : 'rows'} skipped` : '',
      input('import-billable').checked && found.nonBillable > 0 ? `${locale.count(found.nonBillable)} non-billable left out` : '',
    ].filter(Boolean);
    const summary = `${locale.count(found.entryCount)} entries used${skipped.length > 0 ? ` (${skipped.join('; ')})` : ''}.`;
    if ('error' in found.estimate) {
      result.replaceChildren(element('p', { className: 'field-message' }, `${summary} ${found.estimate.error}`));
      acceptButton.disabled = true;
      return;
    }
    const { months, expectedMonthlyHours, monthlyVariability } = found.estimate;
    result.replaceChildren(
      element('p', {}, summary),
      monthChart(months, locale),
      element(
        'dl',
        { className: 'figures' },
        element('dt', {}, 'Months'),
        element('dd', {}, `${months.length}, ${monthName(months[0][0], locale)} to ${monthName(months[months.length - 1][0], locale)}`),
        element('dt', {}, 'Average month'),
        element('dd', { id: 'import-average' }, `${locale.hours(expectedMonthlyHours)} h`),
        element('dt', {}, 'Varies month to month by'),
        element('dd', { id: 'import-variability' }, `±${locale.figures.percent(monthlyVariability)}`),
      ),
    );
    acceptButton.disabled = false;
  }

  function renderMapping(found: Analysis): void {
    const container = root.querySelector<HTMLElement>('#import-mapping');
    if (!container) return;
    const rows = MAPPED_ROLES.map((role) => {
      const id = `import-column-${role}`;
      const select = element('select', { id });
      select.append(element('option', { value: '' }, '(none)'));
      found.header.forEach((name, index) => {
        const example = found.sample.find((row) => (row[index] ?? '') !== '')?.[index];
        select.append(element('option', { value: String(index), selected: found.mapping[role] === index }, example ? `${name || `Column ${index + 1}`}: ${example.slice(0, 24)}` : name || `Column ${index + 1}`));
      });
      select.addEventListener('change', () => {
        const chosen = select.value === '' ? undefined : Number(select.value);
        const next: Partial<Record<ColumnRole, number>> = {};
        for (const [other, index] of Object.entries(mapping ?? {}) as [ColumnRole, number][]) if (other !== role && index !== chosen) next[other] = index;
        if (chosen !== undefined) next[role] = chosen;
        // Choosing one measure of time worked replaces the others.
        mapping = role === 'start' || role === 'end' ? { ...next } : timeWorkedOnce(next);
        void run();
      });
      return element('div', { className: 'mapping-row' }, element('label', { htmlFor: id }, ROLE_LABELS[role]), select);
    });
    container.replaceChildren(...rows);
  }

  function renderOrder(found: Analysis): void {
    const note = root.querySelector<HTMLElement>('#import-order-note');
    for (const value of ['MDY', 'DMY'] as const) {
      const radio = root.querySelector<HTMLInputElement>(`#import-order-${value}`);
      if (radio) radio.checked = found.dateOrder.order === value;
    }
    if (!note) return;
    const { basis, evidence } = found.dateOrder;
    note.textContent =
      basis === 'decided'
        ? `Read from the dates themselves (${evidence ?? ''}).`
        : basis === 'contradictory'
          ? `The dates disagree (${evidence ?? ''}): check the file.`
          : 'Assumed: every date reads either way. Switch if the months look wrong.';
  }

  for (const value of ['MDY', 'DMY'] as const) {
    root.querySelector<HTMLInputElement>(`#import-order-${value}`)?.addEventListener('change', () => {
      order = value;
      void run();
    });
  }
  input('import-billable').addEventListener('change', () => void run());
  for (const field of RULE_FIELDS) input(field.id).addEventListener('change', () => void run());
  acceptButton.addEventListener('click', () => {
    const checked = rules();
    if (!analysis || 'error' in analysis.estimate || !checked) return;
    accept({ ...analysis.estimate, rules: checked, dates: analysis.dates, minutes: analysis.minutes });
    message.textContent = `Filled in the average and the variability from ${analysis.estimate.months.length} months of ${source}.`;
  });

  const file = input('history-file');
  const readFile = async (picked: File) => {
    if (picked.size > MAX_BYTES) {
      message.textContent = `${picked.name} is ${Math.round(picked.size / 1048576)} MB: too large for a time-entry export. Export a shorter period.`;
      return;
    }
    message.textContent = `Reading ${picked.name}…`;
    await handle.read(await picked.text(), picked.name);
  };
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (picked) void readFile(picked);
  });
  const zone = root.querySelector<HTMLElement>('#history-drop') ?? root;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.dataset.dragging = 'true';
  });
  zone.addEventListener('dragleave', () => delete zone.dataset.dragging);
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    delete zone.dataset.dragging;
    const dropped = event.dataTransfer?.files[0];
    if (dropped) void readFile(dropped);
  });

  const handle: HistoryImport = {
    async read(text, from) {
      source = from;
      mapping = undefined;
      order = undefined;
      await run(text);
    },
    async readCells(values, from) {
      source = from;
      const table = tableFromCells(values);
      // Without a header, the columns are as the button says: the dates, then the minutes.
      mapping = table.header[0] === 'Date' && table.header[1] === 'Minutes' && table.lines[0] === 1 ? { date: 0, minutes: 1 } : undefined;
      order = undefined;
      await run(undefined, table);
    },
  };
  return handle;
}
