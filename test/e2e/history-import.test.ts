/**
 * "Estimate hours from history" with a time-entry export, in headless Chromium with the built pane:
 * a file dropped on the pane or chosen, columns the user corrects, a file that cannot be read, and
 * the figures handed to the wizard only when accepted. The months must be the ones make_exports.py
 * worked out from the entries it generated.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import type { Page } from 'playwright-core';
import { meanAndSampleDeviation } from '../../src/model';
import expected from '../fixtures/exports/expected.json';
import { openPane, useServedPane } from './browser';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'exports');
type Months = readonly (readonly number[])[];
const months = (name: string) => (expected as Readonly<Record<string, { months: Months }>>)[name].months;

/** The average month and the month-to-month variability the pane should show for these months. */
function estimateOf(rows: Months): { average: number; variability: number } {
  const hours = rows.map(([, h]) => h);
  const { mean, deviation } = meanAndSampleDeviation(hours);
  return { average: mean, variability: deviation / mean };
}

const hoursText = (value: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)} h`;

const pane = useServedPane();

async function openHistory(): Promise<{ page: Page; consoleErrors: string[]; close: () => Promise<void> }> {
  const { page, consoleErrors, context } = await openPane(pane.browser(), pane.url(), { width: 320 });
  await page.goto(`${pane.url()}/taskpane.html`);
  await page.waitForSelector('body[data-mode="preview"] #hourlyRate');
  await page.click('.history summary');
  return { page, consoleErrors, close: () => context.close() };
}

/** Drops text on the drop zone as a file, the way a user drags one from the desktop. */
async function drop(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'text/csv' }));
      return data;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('#history-drop', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#history-drop', 'drop', { dataTransfer: transfer });
}

describe('estimating from a time-entry export in the pane', () => {
  it('reads a dropped export, shows its months and the estimate, and fills the fields only when accepted', async () => {
    const { page, consoleErrors, close } = await openHistory();
    const name = 'connectwise-time-entries.csv';
    await drop(page, name, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
    await page.waitForSelector('#import-average');
    const want = estimateOf(months(name));
    expect(await page.textContent('#import-average')).toBe(hoursText(want.average));
    expect(await page.textContent('#import-variability')).toBe(`±${new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(want.variability)}`);
    expect(await page.$$eval('.month-chart .month-bar', (bars) => bars.length)).toBe(months(name).length);
    expect(await page.$eval('#import-column-date', (select) => (select as HTMLSelectElement).selectedOptions[0].textContent)).toMatch(/^Date Start: /);
    expect(await page.inputValue('#expectedMonthlyHours')).toBe('');
    await page.click('#import-accept');
    // Shown rounded for reading (the model keeps the exact figures while the texts stand: test/taskpane/form.test.ts).
    expect(await page.inputValue('#expectedMonthlyHours')).toBe(String(Number(want.average.toFixed(2))));
    expect(await page.inputValue('#monthlyVariability')).toBe(String(Number((want.variability * 100).toFixed(1))));
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('lets the user choose the columns it could not find, and switch the date order', async () => {
    const { page, close } = await openHistory();
    // Headers that name nothing: no date and no time worked are found until the user says which is which.
    const rows = [['Day of service', 'Effort', 'Tech'], ['3/1/2026', '45', 'Ana'], ['3/2/2026', '30', 'Ana'], ['4/1/2026', '60', 'Bo'], ['5/1/2026', '15', 'Bo']];
    await page.setInputFiles('#history-file', { name: 'unnamed.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.join(',')).join('\n')) });
    await page.waitForSelector('#history-import:not([hidden])');
    expect(await page.textContent('#import-result')).toContain('No time entries could be read');
    expect(await page.isDisabled('#import-accept')).toBe(true);
    await page.selectOption('#import-column-date', '0');
    await page.selectOption('#import-column-minutes', '1');
    await page.waitForSelector('#import-average');
    // Read month first (the pane's locale is en-US): March 75 minutes, April 60, May 15.
    expect(await page.isChecked('#import-order-MDY')).toBe(true);
    expect(await page.textContent('#import-order-note')).toContain('Assumed');
    expect(await page.textContent('#import-average')).toBe(hoursText((75 + 60 + 15) / 60 / 3));
    await page.check('#import-order-DMY');
    // Day first: 3 January (45), 3 February (30), 4 January (60), 5 January (15): January 120 minutes, February 30.
    await page.waitForFunction(() => document.querySelectorAll('.month-chart .month-bar').length === 2);
    expect(await page.textContent('#import-average')).toBe(hoursText((120 + 30) / 60 / 2));
    await close();
  });

  it('applies the billing rules the user sets, as BILLEDHOURS does', async () => {
    const { page, close } = await openHistory();
    await page.fill('#history-text', 'Date,Minutes\n2026-01-05,10\n2026-01-20,50\n2026-02-03,20\n');
    await page.click('#history-estimate');
    await page.waitForSelector('#import-average');
    expect(await page.textContent('#import-average')).toBe(hoursText((15 + 60 + 30) / 60 / 2));
    await page.fill('#import-minimum', '30');
    await page.dispatchEvent('#import-minimum', 'change');
    await page.waitForFunction(() => document.querySelector('#import-average')?.textContent === '1 h');
    await page.fill('#import-increment', '0');
    await page.dispatchEvent('#import-increment', 'change');
    await page.waitForFunction(() => document.querySelector('#import-increment-message')?.textContent !== '');
    expect(await page.textContent('#import-increment-message')).toBe('Must be greater than 0.');
    await close();
  });

  it('says which line of a file it cannot read stops it, and why', async () => {
    const { page, close } = await openHistory();
    await drop(page, 'broken.csv', 'Date,Minutes\n2026-01-05,30\n2026-01-06,"45\n2026-01-07,15\n');
    await page.waitForFunction(() => document.querySelector('#history-message')?.textContent?.startsWith('Could not read'));
    expect(await page.textContent('#history-message')).toBe('Could not read broken.csv: line 3: a quoted field is never closed (a " without its partner).');
    expect(await page.isHidden('#history-import')).toBe(true);
    await close();
  });

  it('reads a 100,000-row export in its worker, off the pane\'s thread', async () => {
    const { page, close } = await openHistory();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const file = path.join(os.tmpdir(), `itcost-large-${process.pid}.csv`);
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'large-100k.csv.gz'))));
    try {
      await page.setInputFiles('#history-file', file);
      await page.waitForSelector('#import-average', { timeout: 60_000 });
    } finally {
      fs.unlinkSync(file);
    }
    const want = estimateOf(months('large-100k.csv.gz'));
    expect(await page.textContent('#history-message')).toContain('Read 100,000 rows');
    expect(await page.textContent('#import-average')).toBe(hoursText(want.average));
    expect(await page.$$eval('.month-chart .month-bar', (bars) => bars.length)).toBe(36);
    expect(requests).toContain('/import-worker.js');
    await close();
  });
});
