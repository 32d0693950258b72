import crypto from 'crypto';
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
const webpackConfig = require('../webpack.config.js') as ((env: unknown, argv: { mode: string }) => webpack.Configuration) & { FUNCTIONS_MODULES: string };
const makeConfig = webpackConfig;

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
    // A folder, written as the URL parser writes it: no query or fragment, the host in punycode, spaces encoded.
    expect(() => checkProductionUrl('https://addin.example.com/itcost/?v=2')).toThrow(/without \?query or #fragment/);
    expect(() => checkProductionUrl('https://addin.example.com/itcost/#top')).toThrow(/without \?query or #fragment/);
    expect(checkProductionUrl('https://bücher.example/it cost')).toBe('https://xn--bcher-kva.example/it%20cost/');
    expect(checkProductionUrl('https://addin.example.com:8443/itcost')).toBe('https://addin.example.com:8443/itcost/');
  });

  it('keeps the XML manifest well-formed for an address with an ampersand', () => {
    const rewritten = rewriteManifestUrls(manifest, 'https://addin.example.com/it&co/');
    expect(rewritten).toContain('DefaultValue="https://addin.example.com/it&amp;co/functions.json"');
    expect(rewritten).not.toMatch(/&co/);
  });

  it('npm run package takes the address as its first argument, with or without --out', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseArgs } = require('../scripts/package.js') as { parseArgs: (args: string[], env?: Record<string, string>) => { given?: string; outRoot: string } };
    expect(parseArgs(['https://a.example.com/'], {})).toEqual({ given: 'https://a.example.com/', outRoot: path.join(ROOT, 'package') });
    expect(parseArgs(['--out', '/tmp/o', 'https://b.example.com/'], {})).toEqual({ given: 'https://b.example.com/', outRoot: path.resolve('/tmp/o') });
    expect(parseArgs(['https://c.example.com/', '--out', '/tmp/o'], {})).toEqual({ given: 'https://c.example.com/', outRoot: path.resolve('/tmp/o') });
    expect(parseArgs([], { ITCOST_PUBLIC_URL: 'https://d.example.com/' }).given).toBe('https://d.example.com/');
    expect(parseArgs([], {}).given).toBeUndefined();
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
      // The unified manifest and the functions' help links follow the same address.
      const unified = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { validDomains: string[]; extensions: { runtimes: { code: { page: string } }[] }[] };
      expect(JSON.stringify(unified)).not.toContain('localhost');
      expect(unified.validDomains).toEqual(['cdn.example.org']);
      expect(unified.extensions[0].runtimes[0].code.page).toBe('https://cdn.example.org/addins/itcost/taskpane.html');
      const metadata = JSON.parse(fs.readFileSync(path.join(outDir, 'functions.json'), 'utf8')) as { functions: { id: string; helpUrl: string }[] };
      for (const fn of metadata.functions) expect(fn.helpUrl).toBe(`https://cdn.example.org/addins/itcost/help/${fn.id.toLowerCase()}.html`);
    } finally {
      delete process.env.ITCOST_PUBLIC_URL;
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('npm run build', () => {
  it('emits the files the add-in needs: both manifests, the functions, the task pane and the help', () => {
    for (const file of ['functions.js', 'functions.json', 'taskpane.html', 'manifest.xml', 'manifest.json', 'help/index.html', 'help/privacy.html', 'help/support.html']) expect(readDist(file).length).toBeGreaterThan(100);
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

describe('the stdlib shims', () => {
  /** The source files webpack bundled into dist/functions.js, as the build listed them. */
  function bundledModules(): string[] {
    const list = JSON.parse(fs.readFileSync(webpackConfig.FUNCTIONS_MODULES, 'utf8')) as { sha256: string; modules: string[] };
    const built = crypto.createHash('sha256').update(readDist('functions.js')).digest('hex');
    if (list.sha256 !== built) throw new Error(`${webpackConfig.FUNCTIONS_MODULES} describes another build than dist/functions.js: run \`npm run build\`.`);
    return list.modules;
  }
  // From the shim files themselves, not from webpack.config.js, so dropping an alias cannot shrink what is checked.
  const SHIMS = 'src/vendor/stdlib-shims';
  const shims = fs
    .readdirSync(path.join(ROOT, SHIMS))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({
      shim: `${SHIMS}/${file}`,
      stdlib: /^\/\/ Stands in for (@stdlib\/[\w-]+(?:\/[\w./-]+\.js)?)/m.exec(fs.readFileSync(path.join(ROOT, SHIMS, file), 'utf8'))?.[1],
    }));

  it('each name the stdlib module it stands in for, and webpack aliases exactly that module to it', () => {
    const aliases = (makeConfig({}, { mode: 'production' }).resolve?.alias ?? {}) as Record<string, string>;
    // A package is aliased as `name$`; a file inside one by its absolute path under node_modules.
    const stdlibOf = (name: string) => (name.endsWith('$') ? name.slice(0, -1) : path.relative(path.join(ROOT, 'node_modules'), name).split(path.sep).join('/'));
    const declared = Object.entries(aliases).map(([name, file]) => ({ shim: path.relative(ROOT, file).split(path.sep).join('/'), stdlib: stdlibOf(name) }));
    expect(shims.length).toBeGreaterThanOrEqual(5);
    expect(declared.sort((a, b) => a.shim.localeCompare(b.shim))).toEqual(shims);
  });

  it('replace every module they stand in for in functions.js, and each is bundled', () => {
    const modules = bundledModules();
    // The stdlib the shims leave in place is bundled from its sources, so a replaced module that slipped back in would show.
    expect(modules.some((file) => file.startsWith('node_modules/@stdlib/math-base-special-gammainc/'))).toBe(true);
    // Any copy of a package, top-level or nested under another package's node_modules, or the one file replaced.
    const present = shims.filter(({ stdlib }) =>
      modules.some((file) => (stdlib === undefined ? false : stdlib.endsWith('.js') ? file.endsWith(`node_modules/${stdlib}`) : file.includes(`node_modules/${stdlib}/`))),
    );
    expect(present.map(({ stdlib }) => stdlib)).toEqual([]);
    expect(shims.filter(({ shim }) => !modules.includes(shim)).map(({ shim }) => shim)).toEqual([]);
  });
});
