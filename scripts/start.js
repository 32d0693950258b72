#!/usr/bin/env node
/**
 * `npm start`.
 * - Windows and macOS: sideloads into desktop Excel with office-addin-debugging, as Microsoft's templates do.
 * - Anywhere else (Linux, or with ITCOST_NO_SIDELOAD=1): the dev server (scripts/dev-server.js):
 *   builds, then serves the add-in on localhost:3000 and prints how to try it. It keeps running
 *   until stopped. ITCOST_PORT picks another port; ITCOST_PORT=0 lets the system pick a free one,
 *   and the URLs printed name it.
 */
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const canSideload = (process.platform === 'win32' || process.platform === 'darwin') && !process.env.ITCOST_NO_SIDELOAD;

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
  return child;
}

if (canSideload) {
  // office-addin-debugging starts `npm run dev-server` itself, then sideloads the manifest.
  run('npx', ['--yes', 'office-addin-debugging@6', 'start', 'manifest.xml', 'desktop', '--app', 'excel']);
} else {
  console.log(`Excel cannot be launched from ${process.platform}; serving the add-in instead.`);
  const server = run(process.execPath, [path.join(__dirname, 'dev-server.js')]);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
}
