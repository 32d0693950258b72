import fs from 'fs';
import os from 'os';
import path from 'path';
import webpack from 'webpack';
import { readDist, DIST } from './support/dist';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;

/** Code that compiles strings at run time. "rateval(" and comments are not calls, hence the word boundaries. */
const DYNAMIC_CODE = [/(?<![.\w$])eval\b(?!\w)/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/, /\bset(?:Timeout|Interval)\s*\(\s*["'`]/];

function scan(directory: string): string[] {
  const findings: string[] = [];
  for (const file of fs.readdirSync(directory).filter((f) => f.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(directory, file), 'utf8');
    for (const pattern of DYNAMIC_CODE) if (pattern.test(code)) findings.push(`${file}: ${pattern}`);
  }
  return findings;
}

describe('no code is compiled at run time', () => {
  it('the production bundles in dist/ hold no eval or new Function', () => {
    expect(fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
    expect(scan(DIST)).toEqual([]);
  });

  it('neither do development builds: no eval source maps, and the same scan passes', async () => {
    const config = makeConfig({}, { mode: 'development' });
    expect(String(config.devtool)).not.toMatch(/eval/);
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-dev-'));
    try {
      const stats = await new Promise<webpack.Stats>((resolve, reject) =>
        webpack({ ...config, mode: 'development', output: { ...config.output, path: outDir } }, (error, result) => (error || !result ? reject(error) : resolve(result))),
      );
      expect(stats.hasErrors()).toBe(false);
      expect(scan(outDir)).toEqual([]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the task pane page', () => {
  const html = readDist('taskpane.html');
  const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('carries a Content-Security-Policy that allows only its own origin and the office.js CDN', () => {
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    for (const values of Object.values(directives)) {
      for (const value of values) expect(["'self'", "'none'", 'data:', 'https://appsforoffice.microsoft.com']).toContain(value);
    }
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('has no inline script to allow', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
  });
});
