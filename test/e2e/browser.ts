/**
 * Headless Chromium for end-to-end tests: the Chromium that @sparticuz/chromium ships inside its
 * npm package (no system install, no download), driven by playwright-core. The network is closed:
 * the pane's own files come from a local server over dist/, Microsoft's office.js from the
 * @microsoft/office-js package, office.js's telemetry frame gets an empty page, and every other
 * request is refused and recorded.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import ts from 'typescript';
import { DIST, ROOT } from '../support/dist';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.xml': 'text/xml' };

/**
 * The file under `root` that a request path names, 'bad request' for a malformed %-escape, or
 * 'outside' when the decoded path leaves `root` (../, an encoded ..%2f, or a sibling such as
 * dist-secret that merely starts with the same letters).
 */
function fileForRequest(root: string, requestUrl: string): string | 'bad request' | 'outside' {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return 'bad request';
  }
  const file = path.resolve(path.join(root, pathname));
  const relative = path.relative(root, file);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? 'outside' : file;
}

/** Serves a folder (dist/ unless told otherwise) on a free localhost port. */
export async function serveDist(root: string = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = fileForRequest(root, request.url ?? '/');
    if (file === 'bad request') {
      response.writeHead(400).end();
      return;
    }
    if (file === 'outside' || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // keep-alive and unanswered requests too
    });
  return { url: `http://127.0.0.1:${port}`, close };
}

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    // Not @sparticuz/chromium's own Lambda flags: those turn off web security and run one process.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--font-render-hinting=none'],
    headless: true,
  });
}

/** The recording fake Excel, compiled from TypeScript to a script that defines window.__createFakeExcel. */
export function fakeExcelScript(): string {
  const source = fs.readFileSync(path.join(ROOT, 'test', 'support', 'fake-excel.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  return `(function () { var exports = {}; ${outputText}\nwindow.__createFakeExcel = exports.createFakeExcel; })();`;
}

export interface PageOptions {
  readonly width: number;
  /** Replace office.js with a fake Excel host (script text); otherwise the real office.js is served. */
  readonly fakeHost?: string;
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly refused: string[];
  readonly officeRequests: string[];
}

export async function openPane(browser: Browser, baseUrl: string, options: PageOptions): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 } });
  const consoleErrors: string[] = [];
  const refused: string[] = [];
  const officeRequests: string[] = [];
  await context.route('**/*', async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      if (options.fakeHost && url.endsWith('/office.js')) return route.fulfill({ contentType: 'text/javascript', body: options.fakeHost });
      const file = path.join(OFFICE_DIST, new URL(url).pathname.slice('/lib/1/hosted/'.length));
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file)) return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(file) });
      return route.fulfill({ status: 404, body: '' });
    }
    // office.js opens a telemetry frame (and may post to it) on Microsoft hosts: office.js's requests, answered locally.
    if (/(^|\.)(microsoft|office|office365|live|msocdn)\.(com|net)$/.test(new URL(url).hostname)) {
      officeRequests.push(url);
      return route.request().resourceType() === 'document'
        ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title></title>' })
        : route.fulfill({ status: 204, body: '' });
    }
    refused.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors, refused, officeRequests };
}

/**
 * One served dist/ and one browser for a test file: started before its tests, closed after. The
 * getters read them inside tests (they exist only once beforeAll has run).
 */
export function useServedPane(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser and the server start in beforeAll');
    return value;
  };
  return { browser: () => started(browser), url: () => started(server).url };
}
