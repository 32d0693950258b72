/** Security in the browser: the CSP holds, no request leaves for anywhere but office.js, and workbook text is never HTML. */
import { fakeExcelScript, openPane, useServedPane } from './browser';

jest.setTimeout(120_000);
const pane = useServedPane();

const RECORD_VIOLATIONS = `window.__violations = []; document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile + ':' + e.lineNumber); });`;

it('makes no request beyond its own files and office.js, and breaks no rule of its Content-Security-Policy', async () => {
  const { page, context, consoleErrors } = await openPane(pane.browser(), pane.url(), { width: 320 });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(RECORD_VIOLATIONS);
  await page.goto(`${pane.url()}/taskpane.html`);
  await page.waitForSelector('body[data-mode="preview"]');
  // Use the pane: type, move through the steps, open the templates.
  await page.fill('#hourlyRate', '150');
  await page.fill('#expectedMonthlyHours', '3');
  await page.click('#step-tab-4');
  await page.click('#tab-templates');
  await page.click('#tab-scenario');
  const foreign = requests.filter((url) => !url.startsWith(pane.url()) && !url.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/'));
  expect(foreign).toEqual([]);
  expect(requests.some((url) => url.endsWith('/office.js'))).toBe(true);
  const ownViolations = (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter((v) => !v.includes('microsoft'));
  expect(ownViolations).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

it('shows workbook text (sheet names, selected cells) as text, never as HTML', async () => {
  const evil = '<img src=x onerror="window.__xss=1">';
  const host = `${fakeExcelScript()}
    window.__fake = window.__createFakeExcel({ sheets: { ${JSON.stringify(evil)}: { A1: ${JSON.stringify(evil)}, A5: ${JSON.stringify(evil)}, B2: ${JSON.stringify(evil)} } }, activeSheet: ${JSON.stringify(evil)}, selection: 'B2:B3' });
    window.Excel = window.__fake.Excel;
    window.CustomFunctions = { associate: function () {}, Error: function () {}, ErrorCode: {} };
    window.Office = { HostType: { Excel: 'Excel' }, context: {}, onReady: function (cb) { var info = { host: 'Excel' }; setTimeout(function () { cb && cb(info); }); return Promise.resolve(info); } };`;
  const { page, context } = await openPane(pane.browser(), pane.url(), { width: 320, fakeHost: host });
  await page.goto(`${pane.url()}/taskpane.html`);
  await page.waitForSelector('body[data-mode="excel"]');
  await page.click('#step-tab-4');
  await page.click('#load');
  await page.waitForSelector('#status[data-tone="error"]');
  expect(await page.textContent('#status')).toBe(`"${evil}" is not an ITCost scenario sheet. Select one first.`);
  await page.click('#step-tab-1');
  await page.click('details.history summary');
  await page.click('#history-selection');
  await page.waitForFunction(() => (document.getElementById('history-message')?.textContent ?? '') !== '');
  expect(await page.textContent('#history-message')).toContain('is not a number of hours');
  expect(await page.$$eval('img', (images) => images.length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await context.close();
});
