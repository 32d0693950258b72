/**
 * The pane as a new user meets it, in a real Chromium with the real office.js: every step passes
 * axe-core (WCAG 2.1 A and AA) in the light and the dark theme, and no value typed into any field,
 * however extreme, widens the pane, shows NaN or Infinity, or leaves a mistake without a message
 * on the field that holds it.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { FIELDS, fieldApplies, OFFER_KINDS } from '../../src/taskpane/fields';
import { ROOT } from '../support/dist';
import { fakeExcelScript, openPane, useServedPane } from './browser';

jest.setTimeout(300_000);

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const pane = useServedPane();

/** A valid form for every kind of offer; the helper fields are left empty. */
const BASE_VALID: Readonly<Record<string, string>> = {
  hourlyRate: '185', expectedMonthlyHours: '2', monthlyVariability: '60', disruptionCostPerHour: '40', blockHours: '20', blockPrice: '3,400',
  retainerHours: '2', retainerPrice: '330', rolloverCap: '50', termMonths: '12', overageRate: '175', monthlyFee: '900', coveredShare: '90',
  incidentReduction: '25', annualDiscountRate: '6',
};

/** Slips and extremes people type: huge, tiny, negative, a percentage typed as a ratio's number, text, misplaced separators. */
const EXTREMES = ['1e308', '1e-300', '-1', '0', '50', '150', 'abc', '$ 1.800,5'];

async function open(width: number, scheme: 'light' | 'dark'): Promise<{ page: Page; close: () => Promise<void>; consoleErrors: string[] }> {
  const { page, context, consoleErrors } = await openPane(pane.browser(), pane.url(), { width });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${pane.url()}/taskpane.html`);
  await page.waitForSelector('body[data-mode="preview"]');
  return { page, close: () => context.close(), consoleErrors };
}

async function fillValid(page: Page, kind: string, valid: Readonly<Record<string, string>> = BASE_VALID): Promise<void> {
  await page.click('#step-tab-2');
  await page.check(`#offer-${kind}`);
  for (const field of FIELDS) {
    if (!fieldApplies(field, kind as never)) continue;
    const step = field.step;
    await page.click(`#step-tab-${step}`);
    await page.fill(`#${field.id}`, valid[field.id] ?? '');
    await page.press(`#${field.id}`, 'Tab');
  }
}

/**
 * A picture of the whole pane at a width: the viewport made as tall as the pane's content, so the
 * buttons kept at the foot of the pane sit below everything else, as in a tall task pane.
 */
async function picture(page: Page, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 2400 });
  const bottom = await page.evaluate(() => Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? 900));
  await page.setViewportSize({ width, height: bottom + 8 });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
  await page.setViewportSize({ width: 320, height: 900 });
}

/** axe-core's WCAG 2.1 A and AA violations on the page as it stands, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate is not subject to the page's Content-Security-Policy, which refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the pane in both themes', () => {
  it.each(['light', 'dark'] as const)('follows the system\'s %s scheme outside Office, and axe-core finds no WCAG 2.1 AA violation on any step', async (scheme) => {
    const { page, close, consoleErrors } = await open(320, scheme);
    expect(await page.getAttribute('html', 'data-theme')).toBe(scheme);
    await fillValid(page, 'block');
    for (const step of [1, 2, 3, 4]) {
      await page.click(`#step-tab-${step}`);
      if (step === 1) await page.click('details.history summary');
      expect({ step, violations: await axeViolations(page) }).toEqual({ step, violations: [] });
      if (step === 1 || step === 4) for (const width of [320, 500]) await picture(page, width, `pane-step${step}-${width}px-${scheme}.png`);
    }
    // A field to fix, marked in red on the Review step, and the step tab that holds it.
    await page.click('#step-tab-1');
    await page.fill('#hourlyRate', 'abc');
    await page.click('#step-tab-4');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#tab-templates');
    expect(await axeViolations(page)).toEqual([]);
    // axe-core adds a style the pane's CSP refuses, and office.js's telemetry frame is refused too (nothing leaves the machine); nothing else may be logged.
    expect(consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    await close();
  });
});

describe('extreme values in every field', () => {
  // Each kind of offer with the price and the fee typed; then a block priced by its discount and a fee from a quote, whose filled fields must never show Infinity.
  const runs: [string, Readonly<Record<string, string>>, readonly string[] | undefined][] = [
    ...OFFER_KINDS.map((o): [string, Readonly<Record<string, string>>, undefined] => [o.kind, {}, undefined]),
    ['block', { blockPrice: '', blockDiscount: '10', monthlyFee: '', quoteUsers: '25', quotePricePerUser: '40' }, ['hourlyRate', 'blockHours', 'blockDiscount', 'quoteUsers', 'quotePricePerUser', 'quoteDevices', 'quoteOnboardingFee', 'termMonths']],
  ];
  it.each(runs)('never widen the pane, never show NaN or Infinity, and a value refused shows its message on its own field (%s %j)', async (kind, helpers, only) => {
    const VALID = { ...BASE_VALID, ...helpers };
    const { page, close } = await open(320, 'light');
    await fillValid(page, kind, VALID);
    await page.click('#step-tab-4');
    expect(await page.isVisible('#recommendation')).toBe(true);
    const findings: string[] = [];
    for (const field of FIELDS.filter((f) => fieldApplies(f, kind as never) && (only === undefined || only.includes(f.id)))) {
      for (const typed of EXTREMES) {
        await page.click(`#step-tab-${field.step}`);
        await page.fill(`#${field.id}`, typed);
        await page.press(`#${field.id}`, 'Tab');
        const onStep = await page.evaluate(() => ({ wide: document.documentElement.scrollWidth > window.innerWidth }));
        await page.click('#step-tab-4');
        const seen = await page.evaluate((id) => {
          const messages = Array.from(document.querySelectorAll('.fields .field-message')).filter((m) => (m.textContent ?? '') !== '').map((m) => m.id.replace(/-message$/, ''));
          return {
            wide: document.documentElement.scrollWidth > window.innerWidth,
            text: document.body.innerText,
            advice: document.getElementById('recommendation') !== null,
            own: (document.getElementById(`${id}-message`)?.textContent ?? '') !== '',
            others: messages.filter((m) => m !== id),
          };
        }, field.id);
        const where = `${field.id} = ${JSON.stringify(typed)}`;
        if (onStep.wide || seen.wide) findings.push(`${where}: the pane is wider than its viewport`);
        if (/\bNaN\b|Infinity/.test(seen.text)) findings.push(`${where}: NaN or Infinity is shown`);
        // A value outside its field's limits is refused there; a valid value the model cannot combine with
        // the others (a retainer too steady for its rollover) is refused on the one field the model names.
        if (!seen.advice && !seen.own && seen.others.length !== 1) findings.push(`${where}: no comparison and no message on one field`);
        if (seen.advice && (seen.own || seen.others.length > 0)) findings.push(`${where}: a message beside the comparison`);
        if (seen.own && seen.others.length > 0) findings.push(`${where}: messages on other fields too: ${seen.others.join(', ')}`);
        await page.click(`#step-tab-${field.step}`);
        await page.fill(`#${field.id}`, VALID[field.id] ?? '');
        await page.press(`#${field.id}`, 'Tab');
      }
    }
    expect(findings).toEqual([]);
    await close();
  });
});

/** A fake Excel host (test/support/fake-excel.ts) with the given Office theme colours and workbook culture. */
function officeHost(theme: Record<string, string>, culture?: string): string {
  return `${fakeExcelScript()}
    window.__fake = window.__createFakeExcel(${JSON.stringify(culture === undefined ? {} : { culture })});
    window.Excel = window.__fake.Excel;
    window.CustomFunctions = { associate: function () {}, Error: function (code, message) { this.code = code; this.message = message; }, ErrorCode: {} };
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(String(version).split('.')[1]) <= 13; } }, officeTheme: ${JSON.stringify(theme)} },
      onReady: function (callback) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { callback && callback(info); }); return Promise.resolve(info); },
    };`;
}

describe('the pane in Office', () => {
  it.each([
    ['Dark Gray', { bodyBackgroundColor: '#666666', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#444444', controlForegroundColor: '#ffffff' }, 'dark'],
    ['Black', { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#1f1f1f', controlForegroundColor: '#ffffff' }, 'dark'],
    ['White', { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' }, 'light'],
    ['Colorful', { bodyBackgroundColor: '#e6e6e6', bodyForegroundColor: '#262626', controlBackgroundColor: '#ffffff', controlForegroundColor: '#262626' }, 'light'],
  ])('follows the %s Office theme by its colours, and stays readable (axe-core)', async (_name, theme, expected) => {
    const { page, context } = await openPane(pane.browser(), pane.url(), { width: 320, fakeHost: officeHost(theme) });
    // The system says the opposite: the host's theme wins.
    await page.emulateMedia({ colorScheme: expected === 'dark' ? 'light' : 'dark' });
    await page.goto(`${pane.url()}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    await page.waitForFunction((want) => document.documentElement.dataset.theme === want, expected);
    await fillValid(page, 'block');
    for (const step of [1, 4]) {
      await page.click(`#step-tab-${step}`);
      expect({ step, violations: await axeViolations(page) }).toEqual({ step, violations: [] });
    }
    await picture(page, 320, `pane-office-${_name.replace(/\s/g, '-').toLowerCase()}-320px.png`);
    await context.close();
  });

  it('writes figures and money as the workbook does (Excel\'s culture), and the sheet\'s money in its currency', async () => {
    const { page, context } = await openPane(pane.browser(), pane.url(), { width: 320, fakeHost: officeHost({ bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' }, 'de-DE') });
    await page.goto(`${pane.url()}/taskpane.html`);
    await page.waitForSelector('body[data-mode="excel"]');
    // Typed the German way: a decimal comma, a dot for thousands, the € sign.
    await page.fill('#hourlyRate', '185,5 €');
    await page.fill('#expectedMonthlyHours', '2');
    await page.fill('#monthlyVariability', '60 %');
    await page.click('#step-tab-2');
    await page.fill('#blockHours', '20');
    await page.fill('#blockPrice', '3.400');
    await page.click('#step-tab-3');
    await page.fill('#monthlyFee', '900');
    await page.click('#step-tab-4');
    await page.waitForFunction(() => (document.getElementById('recommendation')?.textContent ?? '').includes('€'));
    const advice = (await page.textContent('#recommendation')) ?? '';
    expect(advice).toMatch(/\d{1,3}(\.\d{3})*,\d{2}\s€/);
    expect(advice).not.toMatch(/\$/);
    const table = (await page.textContent('#comparison')) ?? '';
    expect(table).toContain('EUR');
    // The caption names the currency; the cells hold German amounts without the sign.
    expect(table).toMatch(/\d{1,3}(\.\d{3})*,\d{2}/);
    expect(table).not.toContain('€');
    await page.click('#create');
    await page.waitForSelector('#status[data-tone="success"]');
    const formats = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheets: Array<{ name: string; cells: Map<string, { numberFormat: string }> }> } }).__fake;
      const sheet = fake.sheets.find((s) => s.name === 'IT cost scenario');
      return sheet ? [...new Set([...sheet.cells.values()].map((c) => c.numberFormat))] : [];
    });
    expect(formats).toContain('#,##0.00 [$€];[Red]-#,##0.00 [$€]');
    expect(formats).not.toContain('#,##0.00;[Red]-#,##0.00');
    await context.close();
  });
});

describe('the layout at 320 px', () => {
  it('puts the first field near the top, keeps Create in view, gives percent fields the full width, and does not move when a field takes focus', async () => {
    const { page, close } = await open(320, 'light');
    const first = await page.locator('#hourlyRate').boundingBox();
    expect(first?.y).toBeLessThan(200);
    const plain = await page.locator('#hourlyRate').boundingBox();
    const percent = await page.locator('#monthlyVariability').boundingBox();
    expect(percent?.width).toBe(plain?.width);
    const before = await page.locator('#expectedMonthlyHours').boundingBox();
    await page.focus('#hourlyRate');
    expect(await page.locator('#expectedMonthlyHours').boundingBox()).toEqual(before);
    await fillValid(page, 'block');
    await page.click('#step-tab-4');
    const create = await page.locator('#create').boundingBox();
    expect((create?.y ?? Infinity) + (create?.height ?? 0)).toBeLessThanOrEqual(900);
    // Under Windows forced colours, the selected tab is told apart by more than colour.
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.$eval('#tab-scenario', (tab) => getComputedStyle(tab).textDecorationLine)).toBe('underline');
    expect(await page.$eval('#tab-templates', (tab) => getComputedStyle(tab).textDecorationLine)).toBe('none');
    await close();
  });
});
