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

  // The import worker loads only when an export is read; counted all the same.
  it('everything the task pane loads besides office.js, the import worker included, is within the 82 KB target gzipped (150 KB is the hard ceiling)', () => {
    const scripts = fs.readdirSync(DIST).filter((file) => file.endsWith('.js'));
    expect(scripts.sort()).toEqual(['functions.js', 'import-worker.js', 'taskpane.js']);
    expect(scripts.reduce((total, file) => total + gzipSize(file), 0)).toBeLessThanOrEqual(82 * KB);
  });
});
