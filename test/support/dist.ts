import fs from 'fs';
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

/** Reads a built file; the tests that need dist/ run after `npm run build` (see the test script). */
export function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` before jest (npm test does).`);
  return fs.readFileSync(full, 'utf8');
}
