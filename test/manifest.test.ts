import fs from 'fs';
import path from 'path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { DIST, ROOT } from './support/dist';

const OFFICE = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  return { doc, errors };
}

const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const { doc, errors } = parse(source);
const root = doc.documentElement as unknown as XmlElement;

function children(element: XmlElement): XmlElement[] {
  return Array.from(element.childNodes).filter((n) => n.nodeType === 1) as unknown as XmlElement[];
}
function child(element: XmlElement, name: string): XmlElement {
  const found = children(element).find((c) => c.localName === name);
  if (!found) throw new Error(`<${element.localName}> has no <${name}>`);
  return found;
}
function all(namespace: string, name: string): XmlElement[] {
  return Array.from(doc.getElementsByTagNameNS(namespace, name)) as unknown as XmlElement[];
}
function xsiType(element: XmlElement): string | null {
  return element.getAttributeNS(XSI, 'type');
}
function expectInOrder(actual: string[], order: string[]): void {
  const known = actual.filter((name) => order.includes(name));
  expect(known).toEqual(actual); // nothing unexpected
  const positions = known.map((name) => order.indexOf(name));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const versionOverrides = child(root, 'VersionOverrides');
const workbookHost = child(child(versionOverrides, 'Hosts'), 'Host');
const resources = child(versionOverrides, 'Resources');

describe('manifest.xml', () => {
  it('is well-formed XML with an OfficeApp task-pane root', () => {
    expect(errors).toEqual([]);
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(OFFICE);
    expect(xsiType(root)).toBe('TaskPaneApp');
  });

  it('has the required top-level elements in the order the schema requires', () => {
    const order = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides'];
    const names = children(root).map((c) => c.localName as string);
    expectInOrder(names, order);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
      expect(names).toContain(required);
    }
    expectInOrder(children(versionOverrides).map((c) => c.localName as string), ['Description', 'Requirements', 'Hosts', 'Resources']);
    expectInOrder(children(workbookHost).map((c) => c.localName as string), ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    expectInOrder(children(resources).map((c) => c.localName as string), ['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  });

  it('has a stable GUID, a four-part version, a provider, a support URL and targets Excel workbooks', () => {
    expect(child(root, 'Id').textContent).toBe('dbd0e7dc-0997-4f89-99d0-ab6e0d9a532f');
    expect(child(root, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'ProviderName').textContent?.trim()).toBe('ITCost');
    expect(child(root, 'SupportUrl').getAttribute('DefaultValue')).toMatch(/^https:\/\//);
    expect(children(child(root, 'Hosts')).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(xsiType(workbookHost)).toBe('Workbook');
  });

  it('asks only for ReadWriteDocument', () => {
    expect(child(root, 'Permissions').textContent?.trim()).toBe('ReadWriteDocument');
  });

  it('requires SharedRuntime 1.1 and declares one long-lived runtime', () => {
    const sets = all(OFFICE, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toContain('SharedRuntime 1.1');
    const runtimes = children(child(workbookHost, 'Runtimes'));
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute('lifetime')).toBe('long');
  });

  it('uses the same shared-runtime resid for the runtime, the functions page, the function file and the task pane', () => {
    const runtimeResid = children(child(workbookHost, 'Runtimes'))[0].getAttribute('resid');
    const customFunctions = all(OV, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions') as XmlElement;
    const pageResid = child(child(customFunctions, 'Page'), 'SourceLocation').getAttribute('resid');
    const functionFileResid = all(OV, 'FunctionFile')[0].getAttribute('resid');
    const taskpaneActions = all(OV, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    expect(taskpaneActions.length).toBeGreaterThan(0);
    const actionResids = taskpaneActions.map((a) => child(a, 'SourceLocation').getAttribute('resid'));
    for (const resid of [pageResid, functionFileResid, ...actionResids]) expect(resid).toBe(runtimeResid);
  });

  it('declares the custom functions with namespace ITCOST', () => {
    const customFunctions = all(OV, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions') as XmlElement;
    expectInOrder(children(customFunctions).map((c) => c.localName as string), ['Script', 'Page', 'Metadata', 'Namespace']);
    const namespaceResid = child(customFunctions, 'Namespace').getAttribute('resid');
    const value = all(BT, 'String').find((s) => s.getAttribute('id') === namespaceResid)?.getAttribute('DefaultValue');
    expect(value).toBe('ITCOST');
  });

  it('puts a button that opens the task pane on the Home tab, with 16, 32 and 80 px icons', () => {
    const home = all(OV, 'OfficeTab').find((t) => t.getAttribute('id') === 'TabHome') as XmlElement;
    expect(home).toBeDefined();
    const buttons = (Array.from(home.getElementsByTagNameNS(OV, 'Control')) as unknown as XmlElement[]).filter((c) => xsiType(c) === 'Button');
    expect(buttons).toHaveLength(1);
    expect(xsiType(child(buttons[0], 'Action'))).toBe('ShowTaskpane');
    const sizes = (Array.from(child(buttons[0], 'Icon').getElementsByTagNameNS(BT, 'Image')) as unknown as XmlElement[]).map((i) => i.getAttribute('size'));
    expect(sizes).toEqual(['16', '32', '80']);
  });

  it('resolves every resid to a resource of the right kind, with ids of at most 32 characters', () => {
    const kinds: Record<string, string[]> = {
      Images: (Array.from(child(resources, 'Images').getElementsByTagNameNS(BT, 'Image')) as unknown as XmlElement[]).map((e) => e.getAttribute('id') as string),
      Urls: (Array.from(child(resources, 'Urls').getElementsByTagNameNS(BT, 'Url')) as unknown as XmlElement[]).map((e) => e.getAttribute('id') as string),
      ShortStrings: (Array.from(child(resources, 'ShortStrings').getElementsByTagNameNS(BT, 'String')) as unknown as XmlElement[]).map((e) => e.getAttribute('id') as string),
      LongStrings: (Array.from(child(resources, 'LongStrings').getElementsByTagNameNS(BT, 'String')) as unknown as XmlElement[]).map((e) => e.getAttribute('id') as string),
    };
    const expectedKind = (element: XmlElement): string => {
      if (element.localName === 'Image') return 'Images';
      if (['SourceLocation', 'LearnMoreUrl', 'FunctionFile', 'Runtime'].includes(element.localName as string)) return 'Urls';
      if (element.localName === 'Description') return 'LongStrings';
      return 'ShortStrings'; // Label, Title, Namespace
    };
    const withResid = (Array.from(doc.getElementsByTagName('*')) as unknown as XmlElement[]).filter((e) => e.hasAttribute('resid'));
    expect(withResid.length).toBeGreaterThan(10);
    for (const element of withResid) {
      const resid = element.getAttribute('resid') as string;
      expect({ resid, kind: expectedKind(element), found: kinds[expectedKind(element)].includes(resid) }).toEqual({ resid, kind: expectedKind(element), found: true });
    }
    for (const id of Object.values(kinds).flat()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('uses https for every URL, and every add-in URL names a file the build emits', () => {
    const urls = [...source.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const local = urls.filter((url) => url.startsWith('https://localhost:3000/'));
    expect(local).toEqual(expect.arrayContaining(['https://localhost:3000/taskpane.html', 'https://localhost:3000/functions.js', 'https://localhost:3000/functions.json']));
    for (const url of local) {
      const file = path.join(DIST, new URL(url).pathname);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    }
  });
});

describe('the icons in assets/', () => {
  it.each([16, 32, 64, 80, 128])('icon-%p.png is a PNG of that size', (size) => {
    const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });
});
