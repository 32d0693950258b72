#!/usr/bin/env node
/**
 * `npm run validate`: checks the built manifests, offline first.
 * - dist/manifest.json (the unified manifest) against the JSON schema office-addin-manifest ships
 *   for the version its $schema names: no network.
 * - dist/manifest.xml: well-formed XML, offline; then Microsoft's online validation service, if
 *   it can be reached (office-addin-manifest's only check for XML manifests). An unreachable
 *   service is reported, not counted as a failure: the offline checks stand.
 * `--offline` skips the online step. Exit status 1 when any check that ran found the manifest invalid.
 * Files may be named on the command line; by default both built manifests.
 */
const fs = require('fs');
const path = require('path');

async function validateUnified(file) {
  const { validateManifest } = require('office-addin-manifest/lib/validate');
  try {
    const result = await validateManifest(file);
    return result.isValid ? [] : (result.report?.errors ?? []).map((e) => String(e.content));
  } catch (error) {
    // A manifest office-addin-manifest cannot read into its types is thrown, not reported (its CLI then exits 0).
    return [error instanceof Error ? error.message : String(error)];
  }
}

function wellFormedXml(file) {
  const { DOMParser } = require('@xmldom/xmldom');
  const errors = [];
  new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
  return errors;
}

async function validateXmlOnline(file) {
  const { validateManifest } = require('office-addin-manifest/lib/validate');
  try {
    const result = await validateManifest(file);
    if (result.isValid) return { reached: true, errors: [] };
    if (!result.report) return { reached: false, reason: `the service answered ${result.status ?? ''} ${result.statusText ?? ''}`.trim() };
    return { reached: true, errors: (result.report.errors ?? []).map((e) => `${e.title ?? ''} ${e.content ?? ''}`.trim()) };
  } catch (error) {
    return { reached: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

async function main() {
  const args = process.argv.slice(2);
  const offline = args.includes('--offline');
  const dist = path.resolve(__dirname, '..', 'dist');
  const files = args.filter((a) => !a.startsWith('--'));
  const targets = files.length > 0 ? files : [path.join(dist, 'manifest.json'), path.join(dist, 'manifest.xml')];
  let failed = false;
  for (const file of targets) {
    const name = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      console.log(`${name}: not found (run npm run build first)`);
      failed = true;
      continue;
    }
    const errors = file.endsWith('.json') ? await validateUnified(file) : wellFormedXml(file);
    const kind = file.endsWith('.json') ? 'the unified manifest schema (offline)' : 'well-formed XML (offline)';
    if (errors.length > 0) {
      failed = true;
      console.log(`${name}: INVALID against ${kind}`);
      for (const error of errors) console.log(`  ${error}`);
      continue;
    }
    console.log(`${name}: valid against ${kind}`);
    if (file.endsWith('.xml') && !offline) {
      const online = await validateXmlOnline(file);
      if (!online.reached) console.log(`${name}: Microsoft's online validation could not be reached (${online.reason}); the offline checks above stand`);
      else if (online.errors.length === 0) console.log(`${name}: valid by Microsoft's online validation`);
      else {
        failed = true;
        console.log(`${name}: INVALID by Microsoft's online validation`);
        for (const error of online.errors) console.log(`  ${error}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main();
