/** The task pane in headless Chromium: preview mode with the real office.js, and Excel mode with a fake host. */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { adviseOnOffer, checkOfferScenario, meanAndSampleDeviation, checkScenario, compareOffer, compareOptions, recommendation, recommendationText, scenarioCompareArguments, scenarioTerms, type ScenarioInputs } from '../../src/model';
import { offerScenarioPlan } from '../../src/sheet/offer-scenario';
import { formulasGrid } from '../../src/sheet/plan';
import { scenarioPlan } from '../../src/sheet/scenario';
import { ROOT } from '../support/dist';
import { fakeExcelScript, launchBrowser, openPane, serveDist } from './browser';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
jest.setTimeout(120_000);

// A known scenario, as a user would type it (percent fields in percent).
const TYPED: Record<string, string> = {
  hourlyRate: '185', expectedMonthlyHours: '2', monthlyVariability: '60', disruptionCostPerHour: '40',
  blockHours: '20', blockPrice: '3,400', termMonths: '12', overageRate: '175',
  monthlyFee: '900', coveredShare: '90', incidentReduction: '25', annualDiscountRate: '6',
};
const checked = checkScenario({
  hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400,
  termMonths: 12, overageRate: 175, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25, annualDiscountRate: 0.06,
});
if (!checked.ok) throw new Error(checked.problem.message);
const INPUTS: ScenarioInputs = checked.value;

const STEPS: Record<string, number> = {
  hourlyRate: 1, expectedMonthlyHours: 1, monthlyVariability: 1, disruptionCostPerHour: 1, blockHours: 2, blockPrice: 2, termMonths: 2,
  overageRate: 2, monthlyFee: 3, coveredShare: 3, incidentReduction: 3, annualDiscountRate: 4,
};

/**
 * The pane's advice as RECOMMEND writes it: the pane writes money in the browser's currency (en-US
 * here, so dollars), the functions without a sign; every other character is the same.
 */
function inDollars(text: string | null): string {
  expect(text).toMatch(/\$\d/);
  return (text ?? '').replace(/\$(?=\d)/g, '');
}

/** The advice as the pane shows it: the verdict, then every reason (those under "More reasons" too), as one text. */
async function adviceText(page: Page): Promise<string> {
  return page.$eval('#recommendation', (root) => [root.querySelector('#verdict'), ...Array.from(root.querySelectorAll('li'))].map((node) => node?.textContent ?? '').join(' '));
}

async function fillWizard(page: Page): Promise<void> {
  for (const step of [1, 2, 3, 4]) {
    await page.click(`#step-tab-${step}`);
    for (const [id, text] of Object.entries(TYPED).filter(([id]) => STEPS[id] === step)) await page.fill(`#${id}`, text);
  }
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDist();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the task pane outside Office (preview, real office.js)', () => {
  it('runs the wizard with no console errors and no requests beyond office.js\'s own', async () => {
    const { page, consoleErrors, refused, context } = await openPane(browser, server.url, { width: 320 });
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"] #hourlyRate');
    const interactiveMs = Date.now() - started;
    await fillWizard(page);
    await page.waitForSelector('#recommendation');
    expect(consoleErrors).toEqual([]);
    expect(refused).toEqual([]);
    // The model's recompute time for the last keystroke, measured in the page.
    const recomputeMs = Number(await page.getAttribute('body', 'data-recompute-ms'));
    fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify({ interactiveMs, recomputeMs }, null, 2));
    await context.close();
  });

  it.each([320, 500])('shows the model\'s recommendation and figures for a known scenario (%p px wide)', async (width) => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await fillWizard(page);
    const args = scenarioCompareArguments(INPUTS);
    const comparison = compareOptions(args);
    expect(inDollars(await adviceText(page))).toBe(recommendation(comparison, args));
    const costs = await page.$$eval('#comparison tbody tr', (rows) => rows.map((row) => [(row as HTMLElement).dataset.option, Number((row as HTMLElement).dataset.expectedCost)]));
    expect(costs).toEqual([
      ['Hourly', comparison.hourly.expectedCost],
      ['Prepaid block', comparison.block.expectedCost],
      ['Managed services', comparison.managed.expectedCost],
    ]);
    expect(await page.isEnabled('#create')).toBe(true);
    // The preview's work for a keystroke, counted, not timed (npm run bench times it): the few
    // incomplete-gamma evaluations COMPARE makes, with nothing more for the advice or the chart.
    const evaluations = Number(await page.getAttribute('body', 'data-recompute-evaluations'));
    expect(evaluations).toBeGreaterThanOrEqual(1);
    expect(evaluations).toBeLessThanOrEqual(20);
    await page.screenshot({ path: path.join(ARTIFACTS, `wizard-review-${width}px.png`), fullPage: true });
    await page.click('#create');
    expect(await page.textContent('#status')).toMatch(/load ITCost in Excel/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows an invalid field\'s message under it and disables Create', async () => {
    const { page, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await fillWizard(page);
    expect(await page.isEnabled('#create')).toBe(true);
    await page.click('#step-tab-3');
    // The page's timers on a clock the test moves: a message waits until typing pauses.
    await page.clock.install();
    await page.fill('#coveredShare', '120');
    expect(await page.textContent('#coveredShare-message')).toBe('');
    await page.clock.runFor(600);
    expect(await page.textContent('#coveredShare-message')).toBe('');
    await page.clock.runFor(200);
    expect(await page.textContent('#coveredShare-message')).toBe('Must be from 0% to 100%.');
    expect(await page.getAttribute('#coveredShare', 'aria-invalid')).toBe('true');
    await page.click('#step-tab-4');
    expect(await page.isDisabled('#create')).toBe(true);
    expect(await page.textContent('#create-blocked')).toContain('Share of support hours covered (step 3)');
    await page.click('#step-tab-1');
    await page.fill('#hourlyRate', 'abc');
    expect(await page.textContent('#hourlyRate-message')).toBe('');
    // Leaving the field shows its message at once.
    await page.press('#hourlyRate', 'Tab');
    expect(await page.textContent('#hourlyRate-message')).toBe('Enter a number, like 12 or 1,800.');
    // A message that no longer holds goes at once, while typing.
    await page.fill('#hourlyRate', '$1,800');
    expect(await page.textContent('#hourlyRate-message')).toBe('');
    await page.fill('#hourlyRate', 'abc');
    await page.press('#hourlyRate', 'Tab');
    await page.screenshot({ path: path.join(ARTIFACTS, 'wizard-invalid-320px.png'), fullPage: true });
    await context.close();
  });
});

describe('the templates outside Office', () => {
  it('lists every template with a download link to the built .xlsx', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await page.click('#tab-templates');
    const links = await page.$$eval('.template-download', (anchors) => anchors.filter((a) => !(a as HTMLElement).hidden).map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toEqual(['templates/it-support-options.xlsx', 'templates/block-hours-tracker.xlsx', 'templates/retainer-tracker.xlsx', 'templates/provider-quotes.xlsx']);
    for (const link of links) {
      const bytes = await page.evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href as string)).arrayBuffer()).slice(0, 2)), link);
      expect(String.fromCharCode(...bytes)).toBe('PK'); // a zip: an .xlsx
    }
    expect(await page.isHidden('#insert-options')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'templates-preview-320px.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('fields a helper fills, in the pane', () => {
  it('fills only what the user has not typed, and says where a filled figure came from', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await page.fill('#hourlyRate', '100');
    await page.click('#step-tab-2');
    await page.fill('#blockHours', '20');
    await page.fill('#blockDiscount', '10');
    expect(await page.inputValue('#blockPrice')).toBe('1800');
    expect(await page.textContent('#blockPrice-link')).toContain('from the 10% discount');
    // A typed price is the user's: a new discount, or none, leaves it alone.
    await page.fill('#blockPrice', '1700');
    await page.fill('#blockDiscount', '');
    expect(await page.inputValue('#blockPrice')).toBe('1700');
    expect(await page.inputValue('#blockDiscount')).toBe('15');
    // The discount shown follows the rate; a discount the user types does not.
    await page.click('#step-tab-1');
    await page.fill('#hourlyRate', '85');
    expect(await page.inputValue('#blockDiscount')).toBe('0');
    // The fee follows the quote until the user types a fee.
    await page.click('#step-tab-3');
    await page.fill('#quoteUsers', '25');
    await page.fill('#quotePricePerUser', '36');
    expect(await page.inputValue('#monthlyFee')).toBe('900');
    await page.fill('#monthlyFee', '950');
    await page.fill('#quotePricePerUser', '40');
    expect(await page.inputValue('#monthlyFee')).toBe('950');
    expect(await page.textContent('#monthlyFee-link')).toBe('');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('fields to fix, in the pane', () => {
  it('marks in red, on the Review step, every field the "Fix first" line names, and the step tabs that hold them', async () => {
    const { page, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await page.fill('#hourlyRate', '185');
    await page.click('#step-tab-4');
    const blocked = await page.textContent('#create-blocked');
    expect(blocked).toMatch(/^Fix first: /);
    const invalid = await page.$$eval('input[aria-invalid="true"]', (inputs) => inputs.map((input) => input.id));
    expect(invalid).toEqual(expect.arrayContaining(['expectedMonthlyHours', 'blockHours', 'blockPrice', 'monthlyFee']));
    for (const id of invalid) expect(await page.textContent(`#${id}-message`)).not.toBe('');
    expect(await page.getAttribute('#step-tab-1', 'data-invalid')).toBe('true');
    expect(await page.getAttribute('#step-tab-2', 'data-invalid')).toBe('true');
    expect(await page.getAttribute('#step-tab-3', 'data-invalid')).toBe('true');
    expect(await page.getAttribute('#step-tab-4', 'data-invalid')).toBeNull();
    expect(await page.getAttribute('#step-tab-2', 'aria-label')).toBe('2 · Offer: has fields to fix');
    await context.close();
  });
});

describe('moving through the steps, in the pane', () => {
  it('moves focus to the new step\'s heading after Next and Back, keeps the rebuilt preview out of live regions, and follows the ARIA tabs pattern', async () => {
    const { page, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.click('#next');
    expect(await focused()).toBe('step-2-title');
    await page.click('#next');
    await page.click('#next');
    expect(await focused()).toBe('step-4-title');
    expect(await page.isHidden('#next')).toBe(true);
    await page.click('#back');
    expect(await focused()).toBe('step-3-title');
    expect(await page.getAttribute('#preview', 'aria-live')).toBeNull();
    // The Scenario and Templates tabs: arrow keys move and select, and only the selected tab is in the Tab order.
    await page.focus('#tab-scenario');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-templates');
    expect(await page.getAttribute('#tab-templates', 'aria-selected')).toBe('true');
    expect(await page.isHidden('#panel-scenario')).toBe(true);
    expect(await page.getAttribute('#tab-scenario', 'tabindex')).toBe('-1');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-scenario');
    await page.keyboard.press('End');
    expect(await focused()).toBe('tab-templates');
    await page.keyboard.press('Home');
    expect(await page.getAttribute('#tab-scenario', 'aria-selected')).toBe('true');
    expect(await page.$$eval('#preview [aria-live]', (nodes) => nodes.length)).toBe(0);
    await context.close();
  });
});

describe('the task pane in Excel (fake host)', () => {
  type Cells = Record<string, Record<string, string | number>>;
  /** More options for the fake (see test/support/fake-excel.ts): failures, a held sync, a sheet someone else adds. */
  const fakeHost = (sheets: Cells, fileSheets: Cells = {}, more: Record<string, unknown> = {}) =>
    `${fakeExcelScript()}
     window.__fake = window.__createFakeExcel(Object.assign({ sheets: ${JSON.stringify(sheets)}, fileSheets: ${JSON.stringify(fileSheets)}, activeSheet: Object.keys(${JSON.stringify(sheets)})[0] }, ${JSON.stringify(more)}));
     window.Excel = window.__fake.Excel;
     window.CustomFunctions = { associate: function () {}, Error: function (code, message) { this.code = code; this.message = message; }, ErrorCode: {} };
     window.Office = {
       HostType: { Excel: 'Excel' },
       context: { requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(String(version).split('.')[1]) <= 13; } }, officeTheme: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#141414', controlForegroundColor: '#ffffff' } },
       onReady: function (callback) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { callback && callback(info); }); return Promise.resolve(info); },
     };`;

  it('creates the scenario sheet the plan describes, leaves the existing one alone, and loads it back exactly', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({ 'IT cost scenario': { A1: 'mine' } }) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await fillWizard(page);
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.textContent('#status')).toContain('Created "IT cost scenario (2)"');
    const written = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }>; syncCount: number } }).__fake;
      return { syncs: fake.syncCount, sheets: fake.sheets.map((s) => ({ name: s.name, cells: Object.fromEntries([...s.cells].map(([k, v]) => [k, v.formula])) })) };
    });
    expect(written.syncs).toBe(2);
    expect(written.sheets.find((s) => s.name === 'IT cost scenario')?.cells).toEqual({ A1: 'mine' });
    const created = written.sheets.find((s) => s.name === 'IT cost scenario (2)');
    const expected = formulasGrid(scenarioPlan(INPUTS));
    expected.forEach((row, r) => row.forEach((value, c) => expect(created?.cells[`${String.fromCharCode(65 + c)}${r + 1}`]).toEqual(value)));
    await page.screenshot({ path: path.join(ARTIFACTS, 'wizard-excel-dark-320px.png'), fullPage: true });

    // Load from sheet: the new sheet is active; clear the form, then read it back.
    for (const id of Object.keys(TYPED)) await page.evaluate((fieldId) => ((document.getElementById(fieldId) as HTMLInputElement).value = ''), id);
    await page.click('#load');
    await page.waitForSelector('#status[data-tone="success"]');
    const args = scenarioCompareArguments(INPUTS);
    expect(inDollars(await adviceText(page))).toBe(recommendation(compareOptions(args), args));
    expect(await page.inputValue('#blockPrice')).toBe('3400');
    expect(await page.inputValue('#coveredShare')).toBe('90');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('estimates from a selected date column and minutes column, and the sheet it creates records them with MONTHLYHOURS and TERMDEMAND', async () => {
    // January 2026: 50 and 10 minutes (60 + 15 billed); February: none; March: 100 (105 billed).
    const log = { A1: 'Date', B1: 'Minutes', A2: 46027, B2: 50, A3: 46040, B3: 10, A4: 46090, B4: 100 };
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({ Log: log }, {}, { selection: 'A1:B4' }) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#step-tab-1');
    await page.click('.history summary');
    await page.click('#history-selection');
    await page.waitForSelector('#import-average');
    const months = [75 / 60, 0, 105 / 60];
    const { mean, deviation } = meanAndSampleDeviation(months);
    expect(await page.textContent('#import-average')).toBe(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(mean)} h`);
    await page.click('#import-accept');
    expect(await page.inputValue('#monthlyVariability')).toBe(String(Number(((deviation / mean) * 100).toFixed(1))));
    await page.click('#step-tab-4');
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.textContent('#status')).toContain('time entries listed beside the inputs');
    const written = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }>; syncCount: number } }).__fake;
      const sheet = fake.sheets.find((s) => s.name === 'IT cost scenario');
      return { syncs: fake.syncCount, formulas: sheet ? [...sheet.cells.values()].map((cell) => cell.formula) : [] };
    });
    expect(written.syncs).toBe(3); // one to read the selection, two to write the sheet
    expect(written.formulas).toEqual(expect.arrayContaining([46027, 46040, 46090, 50, 10, 100, '=INDEX(ITCOST.TERMDEMAND(history_months,1),1,1)']));
    expect(written.formulas.some((formula) => typeof formula === 'string' && formula.startsWith('=ITCOST.MONTHLYHOURS(history_dates,history_minutes'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('weighs a monthly retainer when it is chosen, creates its scenario sheet, and loads it back as a retainer', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({}) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#step-tab-2');
    await page.check('#offer-retainer');
    expect(await page.isHidden('#blockHours')).toBe(true);
    await page.fill('#retainerHours', '2');
    await page.fill('#retainerPrice', '330');
    await page.fill('#rolloverCap', '50');
    await page.click('#step-tab-4');
    const retainer = checkOfferScenario('retainer', { ...INPUTS, retainerHours: 2, retainerPrice: 330, rolloverCap: 0.5 });
    if (!retainer.ok) throw new Error(retainer.problem.message);
    const { common, offer } = scenarioTerms(retainer.value);
    const comparison = compareOffer(common, offer);
    if (!comparison.ok) throw new Error(comparison.problem.message);
    expect(inDollars(await adviceText(page))).toBe(recommendationText(adviseOnOffer(comparison.value, common)));
    // Four reasons: three shown, the fourth under "One more reason".
    expect(adviseOnOffer(comparison.value, common).reasons).toHaveLength(4);
    expect(await page.$$eval('#recommendation > .reasons > li', (items) => items.length)).toBe(3);
    expect(await page.textContent('#recommendation .more-reasons summary')).toBe('One more reason');
    const options = await page.$$eval('#comparison tbody tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.option));
    expect(options).toEqual(['Hourly', 'Monthly retainer', 'Managed services']);
    expect(await page.textContent('#figure-forfeited-hours')).toMatch(/ h over 12 months$/);
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="success"]');
    const created = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } }).__fake;
      const sheet = fake.sheets.find((s) => s.name === 'IT cost scenario');
      return sheet ? Object.fromEntries([...sheet.cells].map(([k, v]) => [k, v.formula])) : undefined;
    });
    const expected = formulasGrid(offerScenarioPlan(retainer.value));
    expected.forEach((row, r) => row.forEach((value, c) => expect(created?.[`${String.fromCharCode(65 + c)}${r + 1}`]).toEqual(value)));
    await page.screenshot({ path: path.join(ARTIFACTS, 'wizard-retainer-320px.png'), fullPage: true });

    // Load from sheet: back to a block with the retainer's fields cleared; the sheet brings back the retainer.
    await page.click('#step-tab-2');
    await page.check('#offer-block');
    for (const id of ['retainerHours', 'retainerPrice', 'rolloverCap']) await page.evaluate((fieldId) => ((document.getElementById(fieldId) as HTMLInputElement).value = ''), id);
    await page.click('#step-tab-4');
    await page.click('#load');
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.isChecked('#offer-retainer')).toBe(true);
    expect([await page.inputValue('#retainerHours'), await page.inputValue('#retainerPrice'), await page.inputValue('#rolloverCap')]).toEqual(['2', '330', '50']);
    expect(inDollars(await adviceText(page))).toBe(recommendationText(adviseOnOffer(comparison.value, common)));
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('says in the pane when the active sheet is not a scenario sheet', async () => {
    const { page, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({ Budget: { A1: 'Budget 2027' } }) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await page.click('#step-tab-4');
    await page.click('#load');
    await page.waitForSelector('#status[data-tone="error"]');
    expect(await page.textContent('#status')).toBe('"Budget" is not an ITCost scenario sheet. Select one first.');
    await context.close();
  });

  it('inserts a template from its file, and writes one under a new name when its name is taken', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, {
      width: 320,
      fakeHost: fakeHost({ 'Provider quotes': { A1: 'ours' } }, { 'IT support options': { A1: 'IT cost scenario' } }),
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await page.click('#tab-templates');
    expect(await page.isHidden('#download-options')).toBe(true);
    await page.click('#insert-options');
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.textContent('#status')).toBe('Inserted "IT support options". Its yellow cells are the inputs.');
    await page.click('#insert-quotes');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('Provider quotes (2)'));
    expect(await page.textContent('#status')).toContain('a sheet named "Provider quotes" already exists, so it was left alone');
    const sheets = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }>; charts: unknown[] }>; log: string[] } }).__fake;
      return { names: fake.sheets.map((s) => s.name), ours: Object.fromEntries([...fake.sheets[0].cells].map(([k, v]) => [k, v.formula])), inserted: fake.log.filter((l) => l.startsWith('insertWorksheetsFromBase64')).length, charts: fake.sheets.map((s) => s.charts.length) };
    });
    expect(sheets.names).toEqual(['Provider quotes', 'IT support options', 'Provider quotes (2)']);
    expect(sheets.ours).toEqual({ A1: 'ours' });
    expect(sheets.inserted).toBe(1);
    expect(sheets.charts).toEqual([0, 1, 0]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  type FakeWindow = { __fake: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }>; log: string[]; syncCount: number; resume: () => void } };
  const workbook = (page: Page) =>
    page.evaluate(() => {
      const fake = (window as unknown as FakeWindow).__fake;
      return { sheets: fake.sheets.map((s) => [s.name, s.cells.get('A1')?.formula]), adds: fake.log.filter((l) => l.startsWith('worksheets.add')).length };
    });

  it('keeps Create and Insert disabled while a sheet is being written, whatever is typed meanwhile', async () => {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({ Budget: { A1: 'keep me' } }, {}, { pauseAtSync: 2 }) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#create');
    // The write is held at its second sync, as a slow workbook would hold it.
    await page.waitForFunction(() => (window as unknown as FakeWindow).__fake.syncCount === 2);
    expect(await page.isDisabled('#create')).toBe(true);
    await page.click('#step-tab-1');
    await page.fill('#hourlyRate', '190');
    expect(await page.isDisabled('#create')).toBe(true);
    await page.fill('#hourlyRate', 'abc');
    await page.fill('#hourlyRate', '185');
    expect(await page.textContent('#hourlyRate-message')).toBe('');
    expect(await page.isDisabled('#create')).toBe(true);
    await page.click('#tab-templates');
    expect(await page.isDisabled('#insert-options')).toBe(true);
    expect(await page.isDisabled('#insert-quotes')).toBe(true);
    await page.evaluate(() => (window as unknown as FakeWindow).__fake.resume());
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.isEnabled('#insert-options')).toBe(true);
    await page.click('#tab-scenario');
    expect(await page.isEnabled('#create')).toBe(true);
    expect(await workbook(page)).toEqual({ sheets: [['Budget', 'keep me'], ['IT cost scenario', 'IT cost scenario']], adds: 1 });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps Create and the other Insert buttons disabled while a template is being inserted', async () => {
    const { page, context } = await openPane(browser, server.url, {
      width: 320,
      fakeHost: fakeHost({ Budget: { A1: 'keep me' } }, { 'IT support options': { A1: 'IT cost scenario' } }, { pauseAtSync: 2 }),
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#tab-templates');
    await page.click('#insert-options');
    await page.waitForFunction(() => (window as unknown as FakeWindow).__fake.syncCount === 2);
    expect(await page.isDisabled('#insert-quotes')).toBe(true);
    await page.click('#tab-scenario');
    await page.click('#step-tab-1');
    await page.fill('#hourlyRate', '190');
    expect(await page.isDisabled('#create')).toBe(true);
    await page.evaluate(() => (window as unknown as FakeWindow).__fake.resume());
    await page.waitForSelector('#status[data-tone="success"]');
    expect(await page.isEnabled('#create')).toBe(true);
    expect(await page.isEnabled('#insert-quotes')).toBe(true);
    await context.close();
  });

  it('leaves alone a sheet that someone else adds under the chosen name while the sheet is written', async () => {
    const { page, context } = await openPane(browser, server.url, {
      width: 320,
      fakeHost: fakeHost({ Budget: { A1: 'keep me' } }, {}, { sheetAppears: { beforeSync: 2, name: 'IT cost scenario', cells: { A1: 'made by someone else' } } }),
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="error"]');
    expect(await workbook(page)).toEqual({ sheets: [['Budget', 'keep me'], ['IT cost scenario', 'made by someone else']], adds: 1 });
    expect(await page.textContent('#status')).toMatch(/^Could not create the scenario sheet: .*IT cost scenario.*\. Nothing was left behind in the workbook\.$/);
    await context.close();
  });

  it('says a partly written sheet may be left when removing it fails too, and gives the original error', async () => {
    const { page, context } = await openPane(browser, server.url, { width: 320, fakeHost: fakeHost({ Budget: { A1: 'keep me' } }, {}, { failAtSync: [2, 3] }) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await fillWizard(page);
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="error"]');
    const status = await page.textContent('#status');
    expect(status).toMatch(/^Could not create the scenario sheet: Injected failure at sync 2\. A partly written sheet named "IT cost scenario".* may be left in the workbook; you can delete it\.$/);
    expect(status).not.toContain('Nothing was left behind');
    const { sheets } = await workbook(page);
    expect(sheets[0]).toEqual(['Budget', 'keep me']);
    expect(await page.isEnabled('#create')).toBe(true);
    await context.close();
  });
});
