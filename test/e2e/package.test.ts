/**
 * `npm run package`: a production build for a given address, both manifests pointing at it, the
 * scripts and style content-hashed and the files the manifests name kept by name, and a zip of the
 * same files; served as a host would serve it, the task pane loads its hashed files and starts its
 * hashed import worker.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { ROOT } from '../support/dist';
import { launchBrowser, openPane, serveDist } from './browser';

jest.setTimeout(300_000);

const URL_BASE = 'https://addins.example.com/itcost/';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-package-'));
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dir = path.join(out, `itcost-${version}`);
let output = '';

beforeAll(() => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.js'), URL_BASE, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`npm run package failed:\n${output}`);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function files(folder: string, relative = ''): string[] {
  return fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(relative, entry.name);
    return entry.isDirectory() ? files(folder, name) : [name];
  });
}

it('points both manifests and every URL in them at the address, each naming a file of the package', () => {
  expect(output).toContain(`Packaged ITCost ${version} for ${URL_BASE}`);
  for (const manifest of ['manifest.xml', 'manifest.json', 'functions.json']) {
    const text = fs.readFileSync(path.join(dir, manifest), 'utf8');
    expect(text).not.toContain('localhost');
    const urls = [...text.matchAll(/https:\/\/addins\.example\.com\/itcost\/([^"'<\s]*)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const file of urls) expect({ manifest, file, packaged: fs.existsSync(path.join(dir, file)) }).toEqual({ manifest, file, packaged: true });
  }
  const validation = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate.js'), '--offline', path.join(dir, 'manifest.json')], { encoding: 'utf8' });
  expect(validation.status).toBe(0);
});

it('content-hashes the scripts and the style the task pane loads, and keeps the names the manifests use', () => {
  const names = files(dir);
  for (const kept of ['taskpane.html', 'functions.js', 'functions.json', 'manifest.xml', 'manifest.json', 'assets/icon-32.png', 'help/index.html', 'templates/provider-quotes.xlsx']) expect(names).toContain(kept);
  for (const hashed of ['taskpane', 'import-worker']) expect(names.filter((n) => new RegExp(`^${hashed}\\.[0-9a-f]{12}\\.js$`).test(n))).toHaveLength(1);
  expect(names.filter((n) => /^taskpane\.[0-9a-f]{12}\.css$/.test(n))).toHaveLength(1);
  expect(names).not.toContain('taskpane.js');
  expect(names).not.toContain('import-worker.js');
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  expect(html).toMatch(/taskpane\.[0-9a-f]{12}\.js/);
  expect(html).toMatch(/taskpane\.[0-9a-f]{12}\.css/);
});

it('zips the same files', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(`${dir}.zip`));
  expect(Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort()).toEqual(files(dir).sort());
});

it('serves a task pane that loads its hashed files and starts its hashed import worker', async () => {
  const server = await serveDist(dir);
  const browser = await launchBrowser();
  try {
    const { page, consoleErrors, context } = await openPane(browser, server.url, { width: 320 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await page.click('details.history summary');
    await page.fill('#history-text', 'Date,Minutes\n2026-01-05,60\n2026-02-03,90\n');
    await page.click('#history-estimate');
    await page.waitForSelector('#import-average');
    expect(await page.textContent('#import-average')).toBe('1.25 h');
    expect(consoleErrors).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
