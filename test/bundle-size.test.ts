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

  it('everything the task pane loads besides office.js is within the 82 KB target gzipped (150 KB is the hard ceiling)', () => {
    expect(gzipSize('functions.js') + gzipSize('taskpane.js')).toBeLessThanOrEqual(82 * KB);
  });
});
