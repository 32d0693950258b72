/**
 * The bundles stay within the budgets of the README ("Performance", bundle sizes) and docs/architecture.md,
 * measured as the bench measures them (gzip level 9).
 * Sizes are deterministic, so unlike speed they belong in npm test.
 */
import zlib from 'zlib';
import fs from 'fs';
import path from 'path';
import { DIST } from './support/dist';

const KB = 1024;
const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;

describe('bundle sizes', () => {
  it('functions.js, with the retainer, top-up, time-entry and managed-quote functions, is at most 24 KB gzipped', () => {
    expect(gzipSize('functions.js')).toBeLessThanOrEqual(24 * KB);
  });

  it('the task pane opens with at most the 82 KB target of JavaScript gzipped besides office.js: functions.js and taskpane.js', () => {
    expect(gzipSize('functions.js') + gzipSize('taskpane.js')).toBeLessThanOrEqual(82 * KB);
  });

  // The import worker loads only when an export is read. With it, the pane has loaded everything it has.
  it('the import worker stays small, and everything together stays within the 150 KB hard ceiling gzipped', () => {
    const scripts = fs.readdirSync(DIST).filter((file) => file.endsWith('.js'));
    expect(scripts.sort()).toEqual(['functions.js', 'import-worker.js', 'taskpane.js']);
    expect(gzipSize('import-worker.js')).toBeLessThanOrEqual(12 * KB);
    expect(scripts.reduce((total, file) => total + gzipSize(file), 0)).toBeLessThanOrEqual(150 * KB);
  });
});
