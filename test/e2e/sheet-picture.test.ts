/** Renders the scenario sheet (values from HyperFormula) in Chromium: a picture to look at, and the README's. */
import fs from 'fs';
import path from 'path';
import { checkScenario } from '../../src/model';
import { scenarioPlan } from '../../src/sheet/scenario';
import { TEMPLATES } from '../../src/sheet/templates';
import { ROOT } from '../support/dist';
import { loadPlan } from '../../tools/formula-engine';
import { formatValue, planToHtml } from '../support/render-plan';
import { launchBrowser } from './browser';

jest.setTimeout(120_000);

it('formats values like Excel for the plan\'s number formats', () => {
  expect(formatValue(1234.5, '#,##0.00')).toBe('1,234.50');
  expect(formatValue(0.1234, '0.0%')).toBe('12.3%');
  expect(formatValue(12, '0')).toBe('12');
  expect(formatValue(46204, 'yyyy-mm-dd')).toBe('2026-07-01');
  expect(formatValue('text', 'General')).toBe('text');
});

it('renders the scenario sheet with every value computed', async () => {
  const checked = checkScenario({ hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400, termMonths: 12, overageRate: 175, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25, annualDiscountRate: 0.06 });
  if (!checked.ok) throw new Error(checked.problem.message);
  const plan = scenarioPlan(checked.value);
  const { hf, sheet } = loadPlan(plan);
  const html = planToHtml(plan, hf.getSheetValues(sheet));
  expect(html).not.toMatch(/#VALUE!|#N\/A|#NAME\?/);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.setContent(html);
    fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'scenario-sheet.png'), fullPage: true });
    expect(await page.textContent('body')).toContain('Buy the prepaid block');
  } finally {
    await browser.close();
  }
});

it.each(TEMPLATES.map((t) => [t.title, t] as const))('renders the %s template with every value computed', async (_title, template) => {
  const plan = template.plan();
  const { hf, sheet } = loadPlan(plan);
  const html = planToHtml(plan, hf.getSheetValues(sheet));
  expect(html).not.toMatch(/#VALUE!|#N\/A|#NAME\?|#ERROR!|#NUM!/);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.setContent(html);
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts', `template-${template.id}.png`), fullPage: true });
  } finally {
    await browser.close();
  }
});
