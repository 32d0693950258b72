#!/usr/bin/env node
/**
 * `npm run package -- https://addins.example.com/itcost/`: a deployable copy of ITCost for that
 * address, in package/itcost-<version>/ and package/itcost-<version>.zip.
 * - A production build, with both manifests, the functions' help links and the help pages
 *   pointing at the address (ITCOST_PUBLIC_URL may give it instead of the argument).
 * - The files the manifests name keep their names (taskpane.html, functions.js, functions.json,
 *   the manifests, the icons, the help pages), and so do the templates the pane offers by name;
 *   the scripts and style they load get a content hash in their names (taskpane.<hash>.js), so a
 *   host can cache those for a year and the rest for no time at all (README, Deploying).
 * `--out <folder>` builds somewhere else than package/.
 */
const { createHash } = require('crypto');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const JSZip = require('jszip');
const { checkProductionUrl } = require('./manifest-url');

const root = path.resolve(__dirname, '..');

/** The short content hash a file gets in its name. */
function contentHash(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** Renames `file` in `dir` to name.<hash>.ext and rewrites its name in each of `referrers`; returns the new name. */
function hashName(dir, file, referrers) {
  const bytes = fs.readFileSync(path.join(dir, file));
  const extension = path.extname(file);
  const hashed = `${file.slice(0, -extension.length)}.${contentHash(bytes)}${extension}`;
  fs.renameSync(path.join(dir, file), path.join(dir, hashed));
  for (const referrer of referrers) {
    const target = path.join(dir, referrer);
    const text = fs.readFileSync(target, 'utf8');
    // Only whole names: a quote, a slash or = before, a quote, > or space after.
    const rewritten = text.replace(new RegExp(`(?<=["'=/])${file.replace(/\./g, '\\.')}(?=["'\\s>])`, 'g'), hashed);
    if (rewritten === text) throw new Error(`${referrer} does not name ${file}`);
    fs.writeFileSync(target, rewritten);
  }
  return hashed;
}

async function build(outDir, url) {
  process.env.ITCOST_PUBLIC_URL = url;
  const makeConfig = require('../webpack.config.js');
  const config = makeConfig({}, { mode: 'production' });
  config.mode = 'production';
  config.output = { ...config.output, path: outDir };
  const stats = await new Promise((resolve, reject) => webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  for (const tool of ['build-templates.ts', 'build-help.ts']) {
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'tools', tool)], { cwd: root, env: { ...process.env, ITCOST_DIST: outDir }, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`tools/${tool} failed`);
  }
}

async function zipFolder(dir, zipFile) {
  const zip = new JSZip();
  const add = (relative) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) add(name);
      else zip.file(name, fs.readFileSync(path.join(dir, name)));
    }
  };
  add('');
  fs.writeFileSync(zipFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The address (the first argument that is not an option, else ITCOST_PUBLIC_URL) and the output folder (`--out`, else package/). */
function parseArgs(args, env = process.env) {
  const outAt = args.indexOf('--out');
  const outRoot = path.resolve(outAt >= 0 ? args[outAt + 1] : path.join(root, 'package'));
  const given = args.find((arg, i) => !arg.startsWith('--') && !(outAt >= 0 && i === outAt + 1)) ?? env.ITCOST_PUBLIC_URL;
  return { given, outRoot };
}

async function main() {
  const { given, outRoot } = parseArgs(process.argv.slice(2));
  if (!given) {
    console.error('Give the https address ITCost will be served from: npm run package -- https://addins.example.com/itcost/');
    process.exit(2);
  }
  const url = checkProductionUrl(given);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dir = path.join(outRoot, `itcost-${version}`);
  fs.rmSync(dir, { recursive: true, force: true });
  await build(dir, url);
  // The worker first (taskpane.js names it), then taskpane.js and the style (taskpane.html names them).
  const worker = hashName(dir, 'import-worker.js', ['taskpane.js']);
  const pane = hashName(dir, 'taskpane.js', ['taskpane.html']);
  const style = hashName(dir, 'taskpane.css', ['taskpane.html']);
  const zipFile = `${dir}.zip`;
  await zipFolder(dir, zipFile);
  console.log(`\nPackaged ITCost ${version} for ${url}`);
  console.log(`  ${path.relative(process.cwd(), dir)}/ and ${path.relative(process.cwd(), zipFile)}`);
  console.log(`  content-hashed (cache for a year): ${[worker, pane, style].join(', ')}`);
  console.log('  everything else keeps its name (cache: no-cache): the manifests name those files.');
  console.log('  Upload the folder to the https address above; see the README, Deploying.');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { parseArgs };
