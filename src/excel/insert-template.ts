/* Inserts a workbook template: the built .xlsx where Excel can insert sheets from a file, else its sheet plan. */
import type { SheetPlan } from '../sheet/plan';
import { addChart, runWrite, syncOrRemove, writeSheetPlan } from './write-plan';

export interface InsertedTemplate {
  readonly sheetName: string;
  /** 'file' when the .xlsx was inserted, 'plan' when the sheet was written from its plan. */
  readonly method: 'file' | 'plan';
}

/**
 * Inserts a template as a new sheet, never touching existing ones.
 * - With ExcelApi 1.13 and the template's sheet name free: insertWorksheetsFromBase64 with the
 *   built file (cached values, validation, names), then the chart, which the file leaves out
 *   because Excel on the web refuses to insert sheets that hold charts. Three syncs: is the name
 *   free; insert (Excel answers with the inserted sheet's id); chart and activation on that id.
 *   By id, not by name: a sheet of that name may have appeared since the first sync, and then
 *   the inserted one is named differently. If the third sync fails, the inserted sheet is deleted.
 * - Otherwise (older Excel, or a sheet of that name already exists): the sheet plan is written
 *   under the next free name, "Provider quotes (2)" and so on, by the plan writer.
 */
export async function insertTemplate(plan: SheetPlan, file: { readonly base64: string } | undefined, canInsertFiles: boolean): Promise<InsertedTemplate> {
  if (!canInsertFiles || !file) return { ...(await writeSheetPlan(plan)), method: 'plan' };
  const inserted = await runWrite(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(plan.name);
    await context.sync();
    if (!existing.isNullObject) return undefined;
    // Alone in its batch: if this sync fails, the insertion failed and inserted nothing.
    const ids = context.workbook.insertWorksheetsFromBase64(file.base64, { positionType: 'End' });
    await context.sync();
    const sheets = ids.value.map((id) => context.workbook.worksheets.getItem(id));
    if (sheets.length === 0) throw new Error('The template file holds no sheet.');
    const [sheet] = sheets;
    if (plan.chart) addChart(sheet, plan.chart);
    sheet.activate();
    sheet.load('name');
    await syncOrRemove(context, sheets, [plan.name]);
    return sheet.name;
  });
  return inserted === undefined ? { ...(await writeSheetPlan(plan)), method: 'plan' } : { sheetName: inserted, method: 'file' };
}
