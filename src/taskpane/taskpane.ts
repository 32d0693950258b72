/* The task pane's wiring: form → model (live preview) → Excel writer. No math and no Excel calls here. */
import { installPreviewCustomFunctions } from './preview-runtime';
import { readCultureName, readScenarioFromActiveSheet, readSelectedValues } from '../excel/read-sheet';
import { describeWriteFailure, writeSheetPlan } from '../excel/write-plan';
import { offerScenarioPlan } from '../sheet/offer-scenario';
import { withMoneyFormat } from '../sheet/plan';
import { ENTRY_HISTORY_LIMIT } from '../sheet/entry-history';
import type { OfferKind } from '../model';
import { functionExamples } from './examples';
import { FIELDS, OFFER_KINDS, fieldApplies } from './fields';
import { estimateFromHistory, estimateTexts, formStateForProblem, readForm, textsFor, type ExactValues, type FormState } from './form';
import { LINKED_FIELDS, isLinkedField, linkedFills } from './links';
import { paneLocale, type PaneLocale } from './locale';
import { computeScenarioPreview } from './preview';
import { renderFieldErrors, renderFields, renderFunctionList, renderOfferKinds, renderPreview, renderPreviewUnavailable, renderStatus } from './render';
import { renderTemplates, setInsertsDisabled, setTemplatesMode } from './templates-tab';
import { applyOfficeTheme, followSystemTheme } from './theme';
import { looksLikeExport, setUpHistoryImport, type AcceptedHistory, type HistoryImport } from './history-import';

installPreviewCustomFunctions();

const INSTALL_HINT = 'This is a preview: to create a scenario sheet, load ITCost in Excel (Home > Add-ins > My Add-ins > Upload My Add-in, manifest.xml).';

function byId(id: string): HTMLElement;
function byId<T extends HTMLElement>(id: string, type: new () => T): T;
function byId(id: string, type: new () => HTMLElement = HTMLElement): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  if (!(found instanceof type)) throw new Error(`taskpane.html's #${id} is not a ${type.name}`);
  return found;
}

const steps = [1, 2, 3, 4] as const;
let currentStep = 1;
let inExcel = false;
let exact: ExactValues = {};
let state: FormState = { errors: {} };
let offerKind: OfferKind = 'block';
const touched = new Set<string>();
/** Fields being typed in: a new message waits until the field is left or typing pauses ({@link PAUSE_MS}). */
const typing = new Set<string>();
/** How long typing must pause before a field's new message shows. */
const PAUSE_MS = 700;
let pauseTimer: ReturnType<typeof setTimeout> | undefined;
/** The pane's one locale and currency: the browser's, then the workbook's (Excel's culture) once Excel gives it. */
let locale: PaneLocale = paneLocale(navigator.language);
/** True from the start of a write (Create or Insert) until it settles: one write at a time. */
let writing = false;
let historyImport: HistoryImport | undefined;
/** The export the two demand fields were last filled from, while they still hold its figures: the sheet records it. */
let acceptedHistory: AcceptedHistory | undefined;
/** The linked fields (price, discount, fee) holding what the user typed: no helper fills them over. */
const typedLinked = new Set<string>();

function fieldTexts(): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f.id, byId(f.id, HTMLInputElement).value]));
}

function showStep(step: number): void {
  currentStep = step;
  // On the Review step, every field still to fix is marked, so "Fix first" points at fields in red.
  if (step === 4) {
    FIELDS.filter((f) => fieldApplies(f, offerKind) && state.errors[f.id]).forEach((f) => touched.add(f.id));
    renderFieldErrors(state.errors, touched, typing);
    markStepTabs();
  }
  for (const s of steps) {
    byId(`step-${s}`).hidden = s !== step;
    const tab = byId(`step-tab-${s}`);
    if (s === step) tab.setAttribute('aria-current', 'step');
    else tab.removeAttribute('aria-current');
  }
  byId('back', HTMLButtonElement).disabled = step === 1;
  byId('next', HTMLButtonElement).hidden = step === 4;
  byId('create', HTMLButtonElement).hidden = step !== 4;
  byId('create-area').hidden = step !== 4;
}

/** After Next or Back, focus moves to the new step's heading, so keyboard and screen-reader users land where the step begins. */
function focusStepHeading(): void {
  byId(`step-${currentStep}-title`).focus();
}

/** Shows the fields of the chosen kind of offer and hides the others. */
function showOfferFields(): void {
  for (const field of FIELDS) {
    const wrapper = byId(field.id, HTMLInputElement).closest('.field');
    if (wrapper instanceof HTMLElement) wrapper.hidden = !fieldApplies(field, offerKind);
  }
}

/** Fills the linked fields the user has not typed in from their helpers, and notes where each came from. */
function fillLinkedFields(): void {
  const fills = linkedFills(fieldTexts(), typedLinked, locale.decimal);
  for (const id of LINKED_FIELDS) {
    const fill = fills.texts[id];
    if (fill !== undefined) byId(id, HTMLInputElement).value = fill;
    const note = document.getElementById(`${id}-link`);
    if (note) note.textContent = fills.notes[id] ?? '';
  }
}

function refresh(): void {
  fillLinkedFields();
  const texts = fieldTexts();
  const filled = new Set(LINKED_FIELDS.filter((id) => !typedLinked.has(id)));
  state = readForm(texts, exact, offerKind, { decimal: locale.decimal, filled });
  renderFieldErrors(state.errors, touched, typing);
  const previewRoot = byId('preview');
  const preview = state.scenario ? computeScenarioPreview(state.scenario, () => performance.now(), locale.figures) : undefined;
  if (preview?.ok) {
    renderPreview(previewRoot, preview.value, locale);
    document.body.dataset.recomputeMs = preview.value.computeMs.toFixed(3);
    document.body.dataset.recomputeEvaluations = String(preview.value.evaluations);
  } else if (preview) {
    // A combination the model cannot compute (a retainer too steady for its rollover): its message on the field it names.
    state = formStateForProblem(preview.problem, offerKind);
    Object.keys(state.errors).forEach((id) => touched.add(id));
    renderFieldErrors(state.errors, touched, typing);
    renderPreviewUnavailable(previewRoot, Object.keys(state.errors).length, state.formError);
  } else {
    renderPreviewUnavailable(previewRoot, Object.keys(state.errors).length, state.formError);
  }
  setWriteButtonsDisabled();
  const invalid = FIELDS.filter((f) => fieldApplies(f, offerKind) && state.errors[f.id]);
  markStepTabs();
  byId('create-blocked').textContent = invalid.length
    ? `Fix first: ${invalid.map((f) => `${f.label} (step ${f.step})`).join(', ')}.`
    : state.formError ?? '';
}

/** A step tab holding a field marked in red is marked too, and says so to a screen reader. */
function markStepTabs(): void {
  const invalid = FIELDS.filter((f) => fieldApplies(f, offerKind) && state.errors[f.id]);
  for (const step of steps) {
    const marked = invalid.some((f) => f.step === step && touched.has(f.id));
    const tab = byId(`step-tab-${step}`);
    if (marked) {
      tab.dataset.invalid = 'true';
      tab.setAttribute('aria-label', `${tab.textContent}: has fields to fix`);
    } else {
      delete tab.dataset.invalid;
      tab.removeAttribute('aria-label');
    }
  }
}

/** Fills estimated figures rounded for reading; the model keeps their exact values while the texts stand. */
function fillEstimate(values: Readonly<Record<string, number>>): void {
  const rounded = estimateTexts(values, locale.decimal);
  exact = { ...exact, ...rounded.exact };
  fillFields(rounded.texts);
}

function fillFields(texts: Readonly<Record<string, string>>): void {
  for (const [id, text] of Object.entries(texts)) {
    const input = document.getElementById(id) as HTMLInputElement | null;
    if (input) input.value = text;
  }
}

/**
 * Runs one write to the workbook at a time: Create and every Insert stay disabled until it
 * settles, whatever the form re-renders meanwhile, and a write asked for during another is dropped.
 */
async function writeExclusively(write: () => Promise<void>): Promise<void> {
  if (writing) return;
  writing = true;
  setWriteButtonsDisabled();
  try {
    await write();
  } finally {
    writing = false;
    setWriteButtonsDisabled();
  }
}

/** Create needs valid inputs; neither Create nor Insert may start a write while one runs. */
function setWriteButtonsDisabled(): void {
  byId('create', HTMLButtonElement).disabled = writing || !state.scenario;
  setInsertsDisabled(byId('template-list'), writing);
}

async function createSheet(): Promise<void> {
  const status = byId('status');
  const scenario = state.scenario;
  if (!scenario) return;
  if (!inExcel) {
    renderStatus(status, INSTALL_HINT);
    return;
  }
  await writeExclusively(async () => {
    renderStatus(status, 'Creating the scenario sheet…');
    try {
      const history = acceptedHistory;
      const recorded = history !== undefined && history.dates.length <= ENTRY_HISTORY_LIMIT;
      const entries = recorded ? { dates: history.dates, minutes: history.minutes, rules: history.rules, months: history.months.length } : undefined;
      const { afterHours, quote } = state;
      const plan = offerScenarioPlan(scenario, { ...(entries ? { entries } : {}), ...(afterHours ? { afterHours } : {}), ...(quote ? { quote } : {}) });
      // Money in the workbook's currency, as the pane shows it.
      const { sheetName } = await writeSheetPlan(withMoneyFormat(plan, locale.sheetMoney));
      const note = recorded
        ? ' Its demand comes from the time entries listed beside the inputs (MONTHLYHOURS and TERMDEMAND).'
        : history
          ? ` The export's ${locale.count(history.dates.length)} entries are more than a sheet records (${locale.count(ENTRY_HISTORY_LIMIT)}); it holds the figures.`
          : '';
      renderStatus(status, `Created "${sheetName}". Edit its yellow input cells and everything recalculates.${note}`, 'success');
    } catch (error) {
      renderStatus(status, `Could not create the scenario sheet: ${describeWriteFailure(error)}`, 'error');
    }
  });
}

async function loadFromSheet(): Promise<void> {
  const status = byId('status');
  try {
    const loaded = await readScenarioFromActiveSheet();
    if (loaded.kind === 'notAScenario') {
      renderStatus(status, `"${loaded.sheetName}" is not an ITCost scenario sheet. Select one first.`, 'error');
      return;
    }
    setOfferKind(loaded.offer);
    acceptedHistory = undefined;
    const { texts, exact: loadedExact } = textsFor(loaded.inputs, locale.decimal);
    for (const field of FIELDS) byId(field.id, HTMLInputElement).value = texts[field.id] ?? '';
    exact = loadedExact;
    // What a sheet holds is the user's own: the price and the fee are not filled over.
    typedLinked.clear();
    for (const id of LINKED_FIELDS) if (texts[id]) typedLinked.add(id);
    FIELDS.forEach((f) => touched.add(f.id));
    refresh();
    renderStatus(status, `Loaded the inputs of "${loaded.sheetName}".`, 'success');
  } catch (error) {
    renderStatus(status, `Could not read the sheet: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

function estimate(text: string): void {
  const message = byId('history-message');
  if (looksLikeExport(text) && historyImport) {
    void historyImport.read(text, 'the pasted export');
    return;
  }
  const result = estimateFromHistory(text, locale.decimal);
  if ('error' in result) {
    message.textContent = result.error;
    return;
  }
  acceptedHistory = undefined;
  fillEstimate({ expectedMonthlyHours: result.expectedMonthlyHours, monthlyVariability: result.monthlyVariability });
  touched.add('expectedMonthlyHours').add('monthlyVariability');
  message.textContent = 'Filled in the average and the variability from your history.';
  refresh();
}

function acceptHistory(history: AcceptedHistory): void {
  acceptedHistory = history;
  fillEstimate({ expectedMonthlyHours: history.expectedMonthlyHours, monthlyVariability: history.monthlyVariability });
  touched.add('expectedMonthlyHours').add('monthlyVariability');
  refresh();
}

async function useSelection(): Promise<void> {
  try {
    const values = await readSelectedValues();
    // Two columns or more: a date column and a minutes column, read as a time-entry export.
    if (Math.max(0, ...values.map((row) => row.length)) >= 2 && historyImport) {
      await historyImport.readCells(values, 'the selected cells');
      return;
    }
    const text = values.flat().filter((v) => v !== '' && v !== null).join('\n');
    byId('history-text', HTMLTextAreaElement).value = text;
    estimate(text);
  } catch (error) {
    byId('history-message').textContent = `Could not read the selection: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function setOfferKind(kind: OfferKind): void {
  offerKind = kind;
  for (const option of OFFER_KINDS) {
    const radio = document.getElementById(`offer-${option.kind}`);
    if (radio instanceof HTMLInputElement) radio.checked = option.kind === kind;
  }
  showOfferFields();
}

const TABS = ['scenario', 'templates'] as const;

/** Shows one tab's panel. As in the ARIA tabs pattern, only the selected tab is in the Tab order. */
function showTab(tab: (typeof TABS)[number]): void {
  for (const name of TABS) {
    byId(`panel-${name}`).hidden = name !== tab;
    const button = byId(`tab-${name}`);
    button.setAttribute('aria-selected', String(name === tab));
    button.tabIndex = name === tab ? 0 : -1;
  }
}

/** Arrow keys, Home and End move between the tabs and select the one they reach (ARIA tabs pattern, automatic activation). */
function onTabKey(event: KeyboardEvent): void {
  const at = TABS.findIndex((name) => byId(`tab-${name}`) === event.target);
  if (at < 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const tab = TABS[(next + TABS.length) % TABS.length];
  showTab(tab);
  byId(`tab-${tab}`).focus();
}

/** Office.context: outside a host (a plain browser with office.js) it and its parts may be missing, whatever the types say. */
function officeContext(): Partial<Office.Context> | undefined {
  return Office.context;
}

function canInsertFiles(): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    return officeContext()?.requirements?.isSetSupported('ExcelApi', '1.13') ?? false;
  } catch {
    return false;
  }
}

function setMode(excel: boolean): void {
  inExcel = excel;
  setTemplatesMode(byId('template-list'), excel);
  byId('load').hidden = !excel;
  byId('history-selection').hidden = !excel;
  byId('preview-note').hidden = excel;
  document.body.dataset.mode = excel ? 'excel' : 'preview';
  renderStatus(byId('status'), excel ? 'Ready.' : '');
}

/** Writes figures and money as the workbook does: Excel's culture (ExcelApi 1.11), when the host has it. */
async function followWorkbookCulture(): Promise<void> {
  try {
    if (!officeContext()?.requirements?.isSetSupported('ExcelApi', '1.11')) return;
    const culture = await readCultureName();
    if (!culture || culture === locale.tag) return;
    locale = paneLocale(culture);
    refresh();
  } catch {
    // Without the culture, the browser's locale stands.
  }
}

function start(): void {
  followSystemTheme();
  renderFields(new Map(steps.map((s) => [s, byId(`fields-${s}`)])));
  for (const id of LINKED_FIELDS) {
    const note = document.createElement('p');
    note.id = `${id}-link`;
    note.className = 'field-hint field-link';
    byId(`${id}-hint`).after(note);
    byId(id, HTMLInputElement).setAttribute('aria-describedby', `${id}-hint ${id}-link ${id}-message`);
  }
  renderOfferKinds(byId('offer-kind'), OFFER_KINDS, offerKind);
  byId('offer-kind').addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.name !== 'offer-kind') return;
    setOfferKind(target.value as OfferKind);
    refresh();
  });
  showOfferFields();
  byId('preview-note').textContent = INSTALL_HINT;
  renderFunctionList(byId('function-list'), functionExamples());
  renderTemplates(byId('template-list'), {
    inExcel: () => inExcel,
    canInsertFiles,
    writeExclusively,
    report: (message, tone) => renderStatus(byId('status'), message, tone),
  });
  byId('tab-scenario').addEventListener('click', () => showTab('scenario'));
  byId('tab-templates').addEventListener('click', () => showTab('templates'));
  byId('tab-scenario').closest('[role="tablist"]')?.addEventListener('keydown', (event) => onTabKey(event as KeyboardEvent));
  showTab('scenario');
  const form = byId('wizard', HTMLFormElement);
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('.history') || target.getAttribute('name') === 'offer-kind') return;
    // A linked field the user types in is theirs until they clear it; refresh fills the others from their helpers.
    if (target instanceof HTMLInputElement && isLinkedField(target.id)) {
      if (target.value.trim() === '') typedLinked.delete(target.id);
      else typedLinked.add(target.id);
    }
    // Typed over, the demand fields no longer hold the export's figures: the sheet will not record it.
    if (target.id === 'expectedMonthlyHours' || target.id === 'monthlyVariability') acceptedHistory = undefined;
    touched.add(target.id);
    typing.add(target.id);
    clearTimeout(pauseTimer);
    pauseTimer = setTimeout(() => {
      typing.clear();
      renderFieldErrors(state.errors, touched, typing);
    }, PAUSE_MS);
    refresh();
  });
  form.addEventListener('focusout', (event) => {
    const id = (event.target as HTMLElement).id;
    touched.add(id);
    typing.delete(id);
    renderFieldErrors(state.errors, touched, typing);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('next').addEventListener('click', () => {
    FIELDS.filter((f) => f.step === currentStep && fieldApplies(f, offerKind)).forEach((f) => touched.add(f.id));
    refresh();
    showStep(Math.min(4, currentStep + 1));
    focusStepHeading();
  });
  byId('back').addEventListener('click', () => {
    showStep(Math.max(1, currentStep - 1));
    focusStepHeading();
  });
  for (const s of steps) byId(`step-tab-${s}`).addEventListener('click', () => showStep(s));
  byId('create').addEventListener('click', () => void createSheet());
  byId('load').addEventListener('click', () => void loadFromSheet());
  byId('history-estimate').addEventListener('click', () => estimate(byId('history-text', HTMLTextAreaElement).value));
  byId('history-selection').addEventListener('click', () => void useSelection());
  historyImport = setUpHistoryImport(byId('step-1'), acceptHistory, () => locale);
  showStep(1);
  refresh();
  setMode(false);
  if (typeof Office === 'undefined') return;
  void Office.onReady((info) => {
    setMode(info.host === Office.HostType.Excel);
    if (info.host === Office.HostType.Excel) void followWorkbookCulture();
    try {
      applyOfficeTheme(officeContext()?.officeTheme);
    } catch {
      // Hosts without theme support keep the system's theme.
    }
  });
}

start();
