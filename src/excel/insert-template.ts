/* Inserts a workbook template: the built .xlsx where Excel can insert sheets from a file, else its sheet plan. */
import type { SheetPlan } from '../sheet/plan';
import { addChart, findFreeSheetName, syncOrRemoveSheet, writeSheetPlan } from './write-plan';

export interface InsertedTemplate {
  readonly sheetName: string;
  /** 'file' when the .xlsx was inserted, 'plan' when the sheet was written from its plan. */
  readonly method: 'file' | 'plan';
}

/**
 * Inserts a template as a new sheet, never touching existing ones.
 * - With ExcelApi 1.13 and the template's sheet name free: insertWorksheetsFromBase64 with the
 *   built file (cached values, validation, names), then the chart, which the file leaves out
 *   because Excel on the web refuses to insert sheets that hold charts. Two syncs.
 * - Otherwise (older Excel, or a sheet of that name already exists): the sheet plan is written
 *   under the next free name, "Provider quotes (2)" and so on, by the plan writer.
 */
export async function insertTemplate(plan: SheetPlan, file: { readonly base64: string } | undefined, canInsertFiles: boolean): Promise<InsertedTemplate> {
  if (!canInsertFiles || !file) return { ...(await writeSheetPlan(plan)), method: 'plan' };
  const inserted = await Excel.run(async (context) => {
    const free = await findFreeSheetName(context, plan.name);
    if (free !== plan.name) return undefined;
    context.workbook.insertWorksheetsFromBase64(file.base64, { positionType: 'End' });
    const sheet = context.workbook.worksheets.getItem(plan.name);
    if (plan.chart) addChart(sheet, plan.chart);
    sheet.activate();
    await syncOrRemoveSheet(context, plan.name);
    return plan.name;
  });
  return inserted === undefined ? { ...(await writeSheetPlan(plan)), method: 'plan' } : { sheetName: inserted, method: 'file' };
}
