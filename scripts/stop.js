#!/usr/bin/env node
/** `npm run stop`: stops sideloading on Windows/macOS, or the dev server that `npm start` or `npm run dev-server` left running. */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const { PID_FILE: pidFile } = require('./dev-server-pid');

if ((process.platform === 'win32' || process.platform === 'darwin') && !process.env.ITCOST_NO_SIDELOAD) {
  const result = spawnSync('npx', ['--yes', 'office-addin-debugging@6', 'stop', 'manifest.xml'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}

if (!fs.existsSync(pidFile)) {
  console.log('No ITCost dev server is running.');
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, 'utf8'));
try {
  process.kill(pid, 'SIGTERM');
  console.log(`Stopped the ITCost dev server (process ${pid}).`);
} catch {
  console.log('The ITCost dev server had already stopped.');
}
fs.rmSync(pidFile, { force: true });
