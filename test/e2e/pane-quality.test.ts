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
import { openPane, useServedPane } from './browser';

jest.setTimeout(300_000);

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const pane = useServedPane();

/** A valid form for every kind of offer; the helper fields are left empty. */
const VALID: Readonly<Record<string, string>> = {
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

async function fillValid(page: Page, kind: string): Promise<void> {
  await page.click('#step-tab-2');
  await page.check(`#offer-${kind}`);
  for (const field of FIELDS) {
    if (!fieldApplies(field, kind as never)) continue;
    const step = field.step;
    await page.click(`#step-tab-${step}`);
    await page.fill(`#${field.id}`, VALID[field.id] ?? '');
    await page.press(`#${field.id}`, 'Tab');
  }
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
      for (const width of [320, 500]) {
        await page.setViewportSize({ width, height: 900 });
        if (step === 4 || step === 1) await page.screenshot({ path: path.join(ARTIFACTS, `pane-step${step}-${width}px-${scheme}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 320, height: 900 });
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
  it.each(OFFER_KINDS.map((o) => o.kind))('never widen the pane, never show NaN or Infinity, and a value refused shows its message on its own field (%s)', async (kind) => {
    const { page, close } = await open(320, 'light');
    await fillValid(page, kind);
    await page.click('#step-tab-4');
    expect(await page.isVisible('#recommendation')).toBe(true);
    const findings: string[] = [];
    for (const field of FIELDS.filter((f) => fieldApplies(f, kind))) {
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
