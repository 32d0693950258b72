/**
 * The help that ships with the add-in (dist/help/): one page per function, written from the same
 * JSDoc that becomes functions.json (its descriptions state each argument's bounds and default in
 * the limit tables' words, as test/docs checks), with the worked example the task pane shows;
 * an index; and the privacy and support pages that AppSource and company reviews ask for. Pure:
 * metadata in, pages out. The pages link to each other relatively, so they are right wherever
 * dist/ is hosted.
 */
import { exampleResultText, type FunctionExample } from '../src/taskpane/examples';

/** A function as functions.json describes it. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly helpUrl?: string;
  readonly parameters: readonly { readonly name: string; readonly description: string; readonly optional?: boolean; readonly dimensionality?: string }[];
  readonly result?: { readonly dimensionality?: string };
}

/** The help page of a function, relative to dist/: help/breakeven.html. */
export function helpPagePath(id: string): string {
  return `help/${id.toLowerCase()}.html`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 15px/1.5 'Segoe UI', -apple-system, Roboto, 'Helvetica Neue', sans-serif; color: #242424; max-width: 760px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 18px; margin: 24px 0 8px; }
  code { font-family: Consolas, 'Courier New', monospace; background: #f5f5f5; padding: 1px 4px; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; }
  nav { font-size: 13px; } a { color: #0f6cbd; }
  @media (prefers-color-scheme: dark) { body { background: #292929; color: #fff; } code { background: #141414; } a { color: #479ef5; } th, td { border-color: #666; } }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="index.html">ITCost functions</a> · <a href="privacy.html">Privacy</a> · <a href="support.html">Support</a></nav>
${body}
</body>
</html>
`;
}

/** One function's page: what it returns, its syntax, each argument with its rule and default, and a worked example. */
export function functionPage(fn: FunctionMetadata, example: FunctionExample | undefined): string {
  const syntax = `=ITCOST.${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
  const rows = fn.parameters
    .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? ' (optional)' : ''}${p.dimensionality === 'matrix' ? ' (a range)' : ''}</td><td>${escapeHtml(p.description)}</td></tr>`)
    .join('\n');
  const spills = fn.result?.dimensionality === 'matrix' ? '<p>The result spills into the cells below and to the right.</p>' : '';
  const worked = example
    ? `<h2>Example</h2><p><code>${escapeHtml(example.formula)}</code> returns <strong>${escapeHtml(exampleResultText(example))}</strong>: ${escapeHtml(example.meaning)}.</p>`
    : '';
  return page(
    `ITCOST.${fn.name}`,
    `<h1>ITCOST.${escapeHtml(fn.name)}</h1>
<p>${escapeHtml(fn.description)}</p>
<h2>Syntax</h2>
<p><code>${escapeHtml(syntax)}</code></p>
<h2>Arguments</h2>
<table><thead><tr><th>Argument</th><th>What it is, its rule and its default</th></tr></thead><tbody>
${rows}
</tbody></table>
${spills}
${worked}
<p>An argument outside its rule gives an Excel error whose message names the argument.</p>`,
  );
}

/** The index: every function with its first sentence. */
export function indexPage(functions: readonly FunctionMetadata[]): string {
  const items = functions
    .map((fn) => `<li><a href="${fn.id.toLowerCase()}.html"><code>ITCOST.${escapeHtml(fn.name)}</code></a>: ${escapeHtml(fn.description.split(/(?<=\.)\s/)[0])}</li>`)
    .join('\n');
  return page(
    'ITCost functions',
    `<h1>ITCost</h1>
<p>ITCost helps a business decide how to buy IT support: paying hourly, prepaying a block of hours, a top-up block, a monthly retainer, or a managed-services agreement. Open it from the Home tab for the wizard, or type these functions in a cell.</p>
<h2>Functions</h2>
<ul>
${items}
</ul>`,
  );
}

/** What the add-in reads and writes, and what it sends: nothing beyond the workbook and the files it is served from. */
export function privacyPage(): string {
  return page(
    'ITCost privacy',
    `<h1>Privacy</h1>
<p>ITCost works inside your workbook and on your computer. It collects nothing about you and sends nothing anywhere.</p>
<h2>What it reads</h2>
<ul>
<li>The arguments of its functions, which Excel passes to them.</li>
<li>The cells of an ITCost scenario sheet, when you click <em>Load from sheet</em>, and the cells you select, when you click <em>Use selected cells</em>.</li>
<li>A time-entry export, when you drop it on the pane, choose it or paste it. It is read in the pane, in your browser's memory; it is not uploaded.</li>
</ul>
<h2>What it writes</h2>
<ul>
<li>New sheets it creates (a scenario sheet, a template), under names no other sheet has. It never changes a sheet it did not create.</li>
<li>Nothing outside the workbook: no files, no cookies, no local storage.</li>
</ul>
<h2>What it sends</h2>
<p>Nothing. The add-in loads its own files from the address it is hosted at, and Microsoft's <code>office.js</code> from Microsoft's servers, as every Office add-in must; the pane's content security policy allows no other connection. Microsoft's own handling of Office data is described in Microsoft's privacy statement.</p>
<h2>Permissions</h2>
<p>The manifests ask for read and write access to the open workbook (<code>ReadWriteDocument</code>; <code>Document.ReadWrite.User</code> in the unified manifest), which creating sheets needs, and nothing else.</p>`,
  );
}

/** Where to get help. */
export function supportPage(): string {
  return page(
    'ITCost support',
    `<h1>Support</h1>
<p>ITCost is deployed by your organisation or installed from its files. For help with a deployment, ask the administrator who deployed it. For the functions, see <a href="index.html">each function's page</a>.</p>
<h2>Common questions</h2>
<ul>
<li><strong>A cell shows <code>#NAME?</code>.</strong> ITCost is not loaded in this Excel: open it from the Home tab once, or ask your administrator to deploy it. A file from an ITCost template still shows its last values.</li>
<li><strong>A cell shows <code>#NUM!</code> or <code>#VALUE!</code>.</strong> An argument is outside its rule; the message names it. Each function's page lists the rules.</li>
<li><strong>The wizard says a figure is outside the range ITCost takes.</strong> The figure is far beyond any real contract (an hourly rate above 10,000,000, say); check it for a slip such as a missing decimal point.</li>
</ul>
<h2>Terms of use</h2>
<p>ITCost is provided under the MIT licence, as is, without warranty. Its figures are estimates from the inputs you give; check them before you sign a contract.</p>`,
  );
}

/** Every help file, by its path relative to dist/. */
export function helpFiles(functions: readonly FunctionMetadata[], examples: readonly FunctionExample[]): Record<string, string> {
  const files: Record<string, string> = {
    'help/index.html': indexPage(functions),
    'help/privacy.html': privacyPage(),
    'help/support.html': supportPage(),
  };
  for (const fn of functions) files[helpPagePath(fn.id)] = functionPage(fn, examples.find((e) => e.name === fn.name));
  return files;
}
