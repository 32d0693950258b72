#!/usr/bin/env node
/**
 * `npm start`.
 * - Windows and macOS: sideloads into desktop Excel with office-addin-debugging, as Microsoft's templates do.
 * - Anywhere else (Linux, or with ITCOST_NO_SIDELOAD=1): builds and serves the add-in on localhost:3000
 *   and prints how to try it in Excel on the web and in a browser. It keeps running until stopped.
 *   ITCOST_PORT picks another port; ITCOST_PORT=0 lets the system pick a free one, and the URLs
 *   printed name it.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pidFile = path.join(root, 'node_modules', '.cache', 'itcost-dev-server.pid');
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
  // The workbook templates are files the server hands out, so build them (and the add-in) first.
  const { spawnSync } = require('child_process');
  const build = process.env.ITCOST_SKIP_BUILD
    ? { status: 0 }
    : spawnSync('npm', ['run', 'build:dev', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('The build failed, so there is nothing to serve. See the errors above.');
    process.exit(build.status ?? 1);
  }
  const server = run(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development']);
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(server.pid));
  const cleanUp = () => fs.rmSync(pidFile, { force: true });
  process.on('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.kill(signal);
    });
  }
}
