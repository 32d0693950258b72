/** Renders the scenario sheet (values from HyperFormula) in Chromium: a picture to look at, and the README's. */
import fs from 'fs';
import path from 'path';
import { checkScenario } from '../../src/model';
import { scenarioPlan } from '../../src/sheet/scenario';
import { TEMPLATES } from '../../src/sheet/templates';
import { LANDSCAPE_PRINT_WIDTH, SHEET_FONT } from '../../src/sheet/plan';
import { ROOT } from '../support/dist';
import { loadPlan } from '../../tools/formula-engine';
import { formatValue, planToHtml } from '../support/render-plan';
import { launchBrowser } from './browser';

jest.setTimeout(120_000);

it('formats values like Excel for the plan\'s number formats', () => {
  expect(formatValue(1234.5, '#,##0.00')).toBe('1,234.50');
  expect([formatValue(4.25, '#,##0.0#'), formatValue(4, '#,##0.0#'), formatValue(3.5, '#,##0.0#')]).toEqual(['4.25', '4.0', '3.5']);
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

it.each(TEMPLATES.map((t) => [t.title, t] as const))('prints the %s template legibly on one landscape page wide, its wrapped notes in rows tall enough', async (_title, template) => {
  const plan = template.plan();
  const { hf, sheet } = loadPlan(plan);
  const html = planToHtml(plan, hf.getSheetValues(sheet));
  // Fit to one page wide: the sheet is scaled to the printable width, and its 11 pt text with it.
  const width = plan.columnWidths.reduce((sum, w) => sum + w, 0);
  const scale = Math.min(1, LANDSCAPE_PRINT_WIDTH / width);
  expect(plan.print?.orientation).toBe('landscape');
  expect(SHEET_FONT.size * scale).toBeGreaterThanOrEqual(8);
  const browser = await launchBrowser();
  try {
    const pagePixels = Math.round((LANDSCAPE_PRINT_WIDTH * 4) / 3);
    const page = await browser.newPage({ viewport: { width: pagePixels, height: 800 } });
    await page.setContent(html.replace('<body>', `<body style="zoom:${scale}">`));
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 40);
    expect(fits).toBe(true);
    // Every wrapped note shows all its text in the height the plan gives its row.
    const clipped = await page.$$eval('td.wrapped', (cells) => cells.filter((cell) => cell.scrollHeight > cell.clientHeight + 1).map((cell) => cell.textContent?.slice(0, 40)));
    expect(clipped).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts', `template-${template.id}-print.png`), fullPage: true });
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
