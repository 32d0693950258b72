/**
 * The two manifests the build emits: the unified manifest (manifest.json) validated offline
 * against the JSON schemas office-addin-manifest ships with, broken copies refused, and the same
 * add-in in both (id, shared runtime, custom functions, ribbon button, icons, permissions); every
 * help and support URL they and functions.json name is a file the build emits.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { spawnSync } from 'child_process';
import { DIST, ROOT } from './support/dist';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteUnifiedManifest } = require('../scripts/manifest-url.js') as { rewriteUnifiedManifest: (json: string, url: string) => string };

const BASE = 'https://localhost:3000/';

interface UnifiedManifest {
  id: string;
  version: string;
  validDomains: string[];
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  extensions: {
    requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
    runtimes: {
      id: string;
      lifetime: string;
      code: { page: string; script: string };
      actions: { id: string; type: string }[];
      customFunctions: { namespace: { id: string; name: string }; metadataUrl: string };
    }[];
    ribbons: { tabs: { builtInTabId: string; groups: { label: string; icons: { size: number; url: string }[]; controls: { label: string; actionId: string; supertip: { description: string }; icons: { size: number; url: string }[] }[] }[] }[] }[];
    alternates: { alternateIcons: { icon: { url: string }; highResolutionIcon: { url: string } } }[];
    getStartedMessages: { title: string; description: string; learnMoreUrl: string }[];
  }[];
}

const unifiedText = fs.readFileSync(path.join(DIST, 'manifest.json'), 'utf8');
const unified = JSON.parse(unifiedText) as UnifiedManifest;
const xml = new DOMParser().parseFromString(fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8'), 'text/xml');
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

function xmlElements(name: string, namespace?: string): XmlElement[] {
  return Array.from(namespace ? xml.getElementsByTagNameNS(namespace, name) : xml.getElementsByTagName(name)) as unknown as XmlElement[];
}
function xmlValue(name: string): string {
  return xmlElements(name)[0]?.getAttribute('DefaultValue') ?? xmlElements(name)[0]?.textContent ?? '';
}
/** A resource of the XML manifest by id (an image, URL or string). */
function resource(id: string): string {
  const found = [...xmlElements('Image', BT), ...xmlElements('Url', BT), ...xmlElements('String', BT)].find((e) => e.getAttribute('id') === id);
  if (!found) throw new Error(`manifest.xml has no resource ${id}`);
  return found.getAttribute('DefaultValue') ?? '';
}

/**
 * `npm run validate`'s check of a manifest file (scripts/validate.js, office-addin-manifest's schema
 * validation), run in a Node whose every network call throws (test/support/no-network.cjs): valid,
 * or what it printed. A child process, since office-addin-manifest loads ES modules jest cannot.
 */
function validateOffline(file: string): { valid: boolean; output: string } {
  const run = spawnSync(process.execPath, ['--require', path.join(ROOT, 'test', 'support', 'no-network.cjs'), path.join(ROOT, 'scripts', 'validate.js'), '--offline', file], { encoding: 'utf8' });
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function brokenCopy(change: (manifest: Record<string, unknown> & UnifiedManifest) => void): string {
  const copy = JSON.parse(unifiedText) as Record<string, unknown> & UnifiedManifest;
  change(copy);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-manifest-')), 'manifest.json');
  fs.writeFileSync(file, JSON.stringify(copy));
  return file;
}

describe('the unified manifest (dist/manifest.json)', () => {
  it('validates offline against the schema its $schema names', () => {
    expect(unified).toHaveProperty('$schema', 'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json');
    const result = validateOffline(path.join(DIST, 'manifest.json'));
    expect(result.output).toMatch(/manifest\.json: valid against the unified manifest schema \(offline\)/);
    expect(result.valid).toBe(true);
  });

  it.each([
    ['a namespace with a hyphen', (m: UnifiedManifest) => (m.extensions[0].runtimes[0].customFunctions.namespace.id = 'IT-COST'), /namespace\/id/],
    ['a short name over 30 characters', (m: UnifiedManifest) => Object.assign(m, { name: { short: 'ITCost, the IT support cost calculator', full: 'ITCost' } }), /name\/short/],
    [
      'customFunctions on the extension, as Microsoft\'s article shows it, rather than on its runtime',
      (m: UnifiedManifest) => {
        const extension = m.extensions[0] as unknown as Record<string, unknown>;
        extension.customFunctions = m.extensions[0].runtimes[0].customFunctions;
        delete (m.extensions[0].runtimes[0] as Partial<UnifiedManifest['extensions'][0]['runtimes'][0]>).customFunctions;
      },
      /extensions/,
    ],
    ['no id', (m: Record<string, unknown>) => delete m.id, /id/],
    ['a runtime that lives forever', (m: UnifiedManifest) => (m.extensions[0].runtimes[0].lifetime = 'forever'), /extensions|lifetime/],
  ])('refuses a copy with %s', (_what, change, message) => {
    const result = validateOffline(brokenCopy(change as (m: Record<string, unknown> & UnifiedManifest) => void));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/INVALID against the unified manifest schema/);
    expect(result.output).toMatch(message);
  });
});

describe('the two manifests', () => {
  const runtime = unified.extensions[0].runtimes[0];
  const group = unified.extensions[0].ribbons[0].tabs[0].groups[0];
  const button = group.controls[0];

  it('are the same add-in: id and version', () => {
    expect(unified.id).toBe(xmlValue('Id'));
    expect(`${unified.version}.0`).toBe(xmlValue('Version'));
  });

  it('run the task pane and the custom functions in one long-lived shared runtime, with the same files and namespace', () => {
    expect(unified.extensions[0].requirements.capabilities).toContainEqual({ name: 'SharedRuntime', minVersion: '1.1' });
    expect(xmlElements('Set').map((e) => [e.getAttribute('Name'), e.getAttribute('MinVersion')])).toContainEqual(['SharedRuntime', '1.1']);
    expect(runtime.lifetime).toBe('long');
    expect(xmlElements('Runtime')[0]?.getAttribute('lifetime')).toBe('long');
    expect(runtime.code.page).toBe(resource('Taskpane.Url'));
    expect(runtime.code.script).toBe(resource('Functions.Script.Url'));
    expect(runtime.customFunctions.metadataUrl).toBe(resource('Functions.Metadata.Url'));
    expect(runtime.customFunctions.namespace).toEqual({ id: resource('Functions.Namespace'), name: resource('Functions.Namespace') });
  });

  it('put the same button on the Home tab, with the same labels and icons', () => {
    expect(unified.extensions[0].ribbons[0].tabs[0].builtInTabId).toBe('TabHome');
    expect(xmlElements('OfficeTab')[0]?.getAttribute('id')).toBe('TabHome');
    expect(group.label).toBe(resource('Group.Label'));
    expect(button.label).toBe(resource('TaskpaneButton.Label'));
    expect(button.supertip.description).toBe(resource('TaskpaneButton.Tooltip'));
    expect(button.actionId).toBe(runtime.actions[0].id);
    expect(runtime.actions[0].type).toBe('openPage');
    const icons = (list: { size: number; url: string }[]) => list.map((icon) => [icon.size, icon.url]);
    const xmlIcons = [16, 32, 80].map((size) => [size, resource(`Icon.${size}x${size}`)]);
    expect(icons(group.icons)).toEqual(xmlIcons);
    expect(icons(button.icons)).toEqual(xmlIcons);
    expect(unified.extensions[0].alternates[0].alternateIcons.icon.url).toBe(xmlValue('IconUrl'));
    expect(unified.extensions[0].alternates[0].alternateIcons.highResolutionIcon.url).toBe(xmlValue('HighResolutionIconUrl'));
    expect(unified.extensions[0].getStartedMessages[0]).toEqual({ title: resource('GetStarted.Title'), description: resource('GetStarted.Description'), learnMoreUrl: resource('GetStarted.LearnMoreUrl') });
  });

  it('ask for the same permission: read and write the open workbook', () => {
    expect(xmlValue('Permissions')).toBe('ReadWriteDocument');
    expect(unified.authorization.permissions.resourceSpecific).toEqual([{ name: 'Document.ReadWrite.User', type: 'Delegated' }]);
    expect(unified.extensions[0].requirements.scopes).toEqual(['workbook']);
    expect(xmlElements('Host').map((h) => h.getAttribute('Name')).filter(Boolean)).toEqual(['Workbook']);
  });
});

describe('every help and support URL', () => {
  const functions = (JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string; helpUrl: string }[] }).functions;
  const urls = [
    ...functions.map((fn) => fn.helpUrl),
    xmlValue('SupportUrl'),
    resource('GetStarted.LearnMoreUrl'),
    unified.developer.websiteUrl,
    unified.developer.privacyUrl,
    unified.developer.termsOfUseUrl,
    unified.extensions[0].getStartedMessages[0].learnMoreUrl,
  ];

  it('names a page the build emits, under the add-in\'s own address', () => {
    expect(urls.length).toBe(functions.length + 6);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      const file = path.join(DIST, url.slice(BASE.length));
      expect({ url, built: fs.existsSync(file) && fs.statSync(file).isFile() }).toEqual({ url, built: true });
    }
  });

  it('gives each function its own page, written from its metadata, and a privacy page that says nothing leaves the machine', () => {
    for (const fn of functions) {
      const page = fs.readFileSync(path.join(DIST, 'help', `${fn.id.toLowerCase()}.html`), 'utf8');
      expect(page).toContain(`<h1>ITCOST.${fn.id}</h1>`);
    }
    const breakEven = fs.readFileSync(path.join(DIST, 'help', 'breakeven.html'), 'utf8');
    expect(breakEven).toContain('Must be greater than 0.');
    expect(breakEven).toContain('<code>=ITCOST.BREAKEVEN(hourly_rate, block_hours, block_price, [overage_rate], [variability])</code>');
    expect(breakEven).toMatch(/=ITCOST\.BREAKEVEN\(100, 20, 1800\)<\/code> returns <strong>18 h<\/strong>/);
    const privacy = fs.readFileSync(path.join(DIST, 'help', 'privacy.html'), 'utf8');
    expect(privacy).toContain('sends nothing anywhere');
  });

  it('follows the production address in both manifests', () => {
    const rewritten = JSON.parse(rewriteUnifiedManifest(unifiedText, 'https://addins.example.com/itcost')) as UnifiedManifest;
    expect(JSON.stringify(rewritten)).not.toContain('localhost');
    expect(rewritten.validDomains).toEqual(['addins.example.com']);
    expect(rewritten.developer.privacyUrl).toBe('https://addins.example.com/itcost/help/privacy.html');
  });
});
