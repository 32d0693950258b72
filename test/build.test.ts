import fs from 'fs';
import os from 'os';
import path from 'path';
import webpack from 'webpack';
import { readDist, ROOT } from './support/dist';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls, checkProductionUrl } = require('../scripts/manifest-url.js') as {
  rewriteManifestUrls: (xml: string, url: string) => string;
  checkProductionUrl: (url: string) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;

const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('the production manifest URL', () => {
  it('replaces every localhost URL, not just the first', () => {
    const occurrences = manifest.split('https://localhost:3000/').length - 1;
    expect(occurrences).toBeGreaterThan(5);
    const rewritten = rewriteManifestUrls(manifest, 'https://addin.example.com/itcost');
    expect(rewritten).not.toContain('localhost');
    expect(rewritten.split('https://addin.example.com/itcost/').length - 1).toBe(occurrences);
    expect(rewritten).toContain('DefaultValue="https://addin.example.com/itcost/functions.json"');
  });

  it('normalises the trailing slash and refuses plain http or a malformed URL', () => {
    expect(checkProductionUrl('https://addin.example.com/')).toBe('https://addin.example.com/');
    expect(checkProductionUrl('https://addin.example.com//')).toBe('https://addin.example.com/');
    expect(() => checkProductionUrl('http://addin.example.com/')).toThrow(/https/);
    expect(() => checkProductionUrl('addin.example.com')).toThrow(/not a valid URL/);
  });

  it('is applied by `npm run build` when ITCOST_PUBLIC_URL is set', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-build-'));
    process.env.ITCOST_PUBLIC_URL = 'https://cdn.example.org/addins/itcost/';
    try {
      const config = makeConfig({}, { mode: 'production' });
      config.mode = 'production';
      config.output = { ...config.output, path: outDir };
      const stats = await new Promise<webpack.Stats>((resolve, reject) =>
        webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
      );
      expect(stats.hasErrors()).toBe(false);
      const built = fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8');
      expect(built).not.toContain('localhost');
      expect(built).toContain('https://cdn.example.org/addins/itcost/taskpane.html');
    } finally {
      delete process.env.ITCOST_PUBLIC_URL;
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('npm run build', () => {
  it('emits the four files the add-in needs', () => {
    for (const file of ['functions.js', 'functions.json', 'taskpane.html', 'manifest.xml']) expect(readDist(file).length).toBeGreaterThan(100);
  });

  it('builds a task pane page that loads office.js from Microsoft\'s CDN and hosts the custom functions', () => {
    const html = readDist('taskpane.html');
    // The production HTML is minified, so attribute quotes are optional.
    expect(html).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js[\s">]/);
    expect(html).toMatch(/src="?taskpane\.js[\s">]/);
    expect(html).toMatch(/src="?functions\.js[\s">]/);
  });

  it('ships no HyperFormula (GPL-3.0, dev-only) and no test code in dist/', () => {
    for (const file of ['functions.js', 'taskpane.js']) {
      const code = readDist(file);
      expect(code).not.toMatch(/hyperformula|HyperFormula/);
      expect(code).not.toContain('createFakeExcel');
    }
  });
});
