#!/usr/bin/env node
/**
 * `npm run dev-server` (and `npm start` where Excel cannot be launched): builds the add-in, its
 * templates and its help into dist/, then serves them on this machine with webpack's dev server
 * until stopped (Ctrl+C, or `npm run stop`, which reads the pid file written here).
 * - ITCOST_PORT: the port (3000 unless set; 0 lets the system pick a free one).
 * - ITCOST_HOST: the interface (localhost unless set; 0.0.0.0 serves the whole network).
 * - ITCOST_SKIP_BUILD=1: serve what dist/ holds without building it first.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { PID_FILE } = require('./dev-server-pid');

const root = path.resolve(__dirname, '..');

if (!process.env.ITCOST_SKIP_BUILD) {
  // The templates and the help are files the server hands out, so they are built first, with the add-in.
  const build = spawnSync('npm', ['run', 'build:dev', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('The build failed, so there is nothing to serve. See the errors above.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], { cwd: root, stdio: 'inherit' });
fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
fs.writeFileSync(PID_FILE, String(process.pid));
const cleanUp = () => {
  // Only this server's own pid file: a newer server may have replaced it.
  if (fs.existsSync(PID_FILE) && fs.readFileSync(PID_FILE, 'utf8') === String(process.pid)) fs.rmSync(PID_FILE, { force: true });
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal ? 0 : code ?? 1));
