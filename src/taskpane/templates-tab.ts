/* The Templates tab: insert a workbook template into Excel, or download it in the preview. */
import { insertTemplate } from '../excel/insert-template';
import { describeWriteFailure } from '../excel/write-plan';
import { TEMPLATES, type TemplateSpec } from '../sheet/templates';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function fetchTemplate(spec: TemplateSpec): Promise<{ base64: string } | undefined> {
  try {
    const response = await fetch(`templates/${spec.file}`);
    if (!response.ok) return undefined;
    return { base64: toBase64(new Uint8Array(await response.arrayBuffer())) };
  } catch {
    return undefined; // The plan writer can build the same sheet without the file.
  }
}

export interface TemplateTabHooks {
  readonly inExcel: () => boolean;
  readonly canInsertFiles: () => boolean;
  /** Runs a write when no other is running, with Create and every Insert disabled until it settles. */
  readonly writeExclusively: (write: () => Promise<void>) => Promise<void>;
  readonly report: (message: string, tone: 'info' | 'error' | 'success') => void;
}

/** Lists the templates; each can be inserted (in Excel) or downloaded (in the preview). */
export function renderTemplates(list: HTMLElement, hooks: TemplateTabHooks): void {
  const items = TEMPLATES.map((spec) => {
    const item = document.createElement('li');
    item.className = 'template';
    const title = document.createElement('h3');
    title.textContent = spec.title;
    const description = document.createElement('p');
    description.textContent = spec.description;
    const row = document.createElement('div');
    row.className = 'button-row';
    const insert = document.createElement('button');
    insert.type = 'button';
    insert.className = 'primary template-insert';
    insert.id = `insert-${spec.id}`;
    insert.textContent = 'Insert';
    insert.addEventListener('click', () => void insertOne(spec, hooks));
    const download = document.createElement('a');
    download.className = 'template-download';
    download.id = `download-${spec.id}`;
    download.href = `templates/${spec.file}`;
    download.download = spec.file;
    download.textContent = `Download ${spec.file}`;
    row.append(insert, download);
    item.append(title, description, row);
    return item;
  });
  list.replaceChildren(...items);
}

/** Disables every Insert button while a write runs, and enables them again after. */
export function setInsertsDisabled(list: HTMLElement, disabled: boolean): void {
  list.querySelectorAll<HTMLButtonElement>('.template-insert').forEach((button) => (button.disabled = disabled));
}

/** Shows Insert in Excel and download links in the preview. */
export function setTemplatesMode(list: HTMLElement, inExcel: boolean): void {
  list.querySelectorAll<HTMLElement>('.template-insert').forEach((button) => (button.hidden = !inExcel));
  list.querySelectorAll<HTMLElement>('.template-download').forEach((link) => (link.hidden = inExcel));
}

async function insertOne(spec: TemplateSpec, hooks: TemplateTabHooks): Promise<void> {
  if (!hooks.inExcel()) {
    hooks.report('This is a preview: download the template, or load ITCost in Excel to insert it.', 'info');
    return;
  }
  await hooks.writeExclusively(async () => {
    hooks.report(`Inserting "${spec.title}"…`, 'info');
    try {
      const plan = spec.plan();
      const file = hooks.canInsertFiles() ? await fetchTemplate(spec) : undefined;
      const { sheetName } = await insertTemplate(plan, file, hooks.canInsertFiles());
      const renamed = sheetName !== plan.name ? ` (a sheet named "${plan.name}" already exists, so it was left alone)` : '';
      hooks.report(`Inserted "${sheetName}"${renamed}. Its yellow cells are the inputs.`, 'success');
    } catch (error) {
      hooks.report(`Could not insert "${spec.title}": ${describeWriteFailure(error)}`, 'error');
    }
  });
}
