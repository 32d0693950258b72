/**
 * `npm run build` step, after webpack: writes the help pages (tools/help-pages.ts) to dist/help/
 * from the functions.json the build emitted, with the task pane's worked examples.
 */
import fs from 'fs';
import path from 'path';
import { functionExamples } from '../src/taskpane/examples';
import { helpFiles, type FunctionMetadata } from './help-pages';

/** The output folder: dist/, or ITCOST_DIST (npm run package builds into its own). */
const DIST = path.resolve(process.env.ITCOST_DIST ?? path.resolve(__dirname, '..', 'dist'));

function main(): void {
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };
  const files = helpFiles(metadata.functions, functionExamples());
  for (const [file, html] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(DIST, file)), { recursive: true });
    fs.writeFileSync(path.join(DIST, file), html);
  }
  console.log(`wrote ${path.relative(process.cwd(), path.join(DIST, 'help'))}/ (${Object.keys(files).length} pages)`);
}

if (require.main === module) main();
