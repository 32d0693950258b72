/* The only code that writes to Excel: applies a sheet plan to a new worksheet in two syncs. */
import {
  conditionalRules,
  formulasGrid,
  nameReference,
  numberFormatGrid,
  planExtent,
  columnLetters,
  CELL_STYLES,
  LINE_HEIGHT,
  PRINT_MARGINS,
  WARNING_STYLE,
  type CellStyleSpec,
  type PlanChart,
  type SheetPlan,
} from '../sheet/plan';
import { validationRule, type RuleOperator, type ValidationRule } from '../sheet/validation';
import { candidateSheetNames } from './sheet-names';

/** Sets what a style spec sets on an Excel range format, and nothing else. */
function applyStyle(format: Excel.RangeFormat | Excel.ConditionalRangeFormat, spec: CellStyleSpec): void {
  if (spec.bold !== undefined) format.font.bold = spec.bold;
  if (spec.italic !== undefined) format.font.italic = spec.italic;
  if (spec.color !== undefined) format.font.color = spec.color;
  if (spec.fill !== undefined) format.fill.color = spec.fill;
  if (spec.size !== undefined && 'size' in format.font) format.font.size = spec.size;
}

export function addChart(sheet: Excel.Worksheet, spec: PlanChart): void {
  const chart = sheet.charts.add('XYScatterLinesNoMarkers', sheet.getRange(spec.dataRange), 'Columns');
  chart.title.text = spec.title;
  chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.legend.position = 'Bottom';
  chart.setPosition(spec.topLeft, spec.bottomRight);
}

/** The rule operators by the names Excel's API gives them. */
const EXCEL_OPERATORS: Readonly<Record<RuleOperator, 'Between' | 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThan' | 'LessThanOrEqualTo'>> = {
  between: 'Between',
  greaterThan: 'GreaterThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqualTo',
};

/** A plan's validation rule as Excel's API takes it. */
export function excelValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.options.join(',') } };
    case 'custom':
      return { custom: { formula: rule.formula } };
    case 'decimal':
    case 'whole': {
      const basic: Excel.BasicDataValidation = {
        formula1: rule.formula1,
        ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}),
        operator: EXCEL_OPERATORS[rule.operator],
      };
      return rule.kind === 'whole' ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

function applyValidation(range: Excel.Range, rule: ValidationRule): void {
  range.dataValidation.rule = excelValidationRule(rule);
  range.dataValidation.errorAlert = { message: rule.message, showAlert: true, style: 'Stop', title: 'ITCost' };
}

/** Queues everything the plan asks for on a new, empty sheet. No sync happens here. */
function queuePlan(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan): void {
  context.application.suspendApiCalculationUntilNextSync();
  const extent = sheet.getRange(planExtent(plan));
  extent.numberFormat = numberFormatGrid(plan);
  extent.formulas = formulasGrid(plan);
  for (const name of plan.names) {
    sheet.names.add(name.name, sheet.getRange(nameReference(name).replace(/\$/g, '')), name.comment);
  }
  for (const validation of plan.validations ?? []) {
    const rule = validationRule(validation);
    applyValidation(sheet.getRange(rule.range), rule);
  }
  // add() puts each new format at the top priority, so the lowest-priority rule goes first.
  for (const rule of [...conditionalRules(plan)].reverse()) {
    const conditional = sheet.getRange(rule.range).conditionalFormats.add('Custom');
    conditional.custom.rule.formula = rule.formula;
    if (rule.warning) applyStyle(conditional.custom.format, WARNING_STYLE);
    if (rule.numberFormat !== undefined) conditional.custom.format.numberFormat = rule.numberFormat;
  }
  for (const { style, range } of plan.styles) applyStyle(sheet.getRange(range).format, CELL_STYLES[style]);
  plan.columnWidths.forEach((width, index) => {
    const letter = columnLetters(index);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width;
  });
  for (const block of plan.textBlocks ?? []) {
    const range = sheet.getRange(block.range);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
    range.format.rowHeight = block.lines * LINE_HEIGHT;
  }
  if (plan.print && canSetPageLayout()) {
    // One page wide, as many tall as it takes, the plan's cells only.
    sheet.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.leftMargin = 72 * PRINT_MARGINS.left;
    sheet.pageLayout.rightMargin = 72 * PRINT_MARGINS.right;
    sheet.pageLayout.setPrintArea(planExtent(plan));
  }
  if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  if (plan.chart) addChart(sheet, plan.chart);
  sheet.activate();
}

/** Page layout needs ExcelApi 1.9; an older host prints with its own settings rather than fail the write. */
function canSetPageLayout(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  } catch {
    return false;
  }
}

export interface WrittenSheet {
  readonly sheetName: string;
}

/**
 * A write that failed. Its message is the original failure's, never the clean-up's;
 * `mayBeLeft` names the sheet it added and could not remove (empty when nothing was left).
 */
export class SheetWriteFailed extends Error {
  constructor(
    readonly original: unknown,
    readonly mayBeLeft: readonly string[],
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'SheetWriteFailed';
  }
}

/** What went wrong and what, if anything, is left in the workbook, in words for the pane. */
export function describeWriteFailure(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  if (!(error instanceof SheetWriteFailed)) return `${reason}.`;
  if (error.mayBeLeft.length === 0) return `${reason}. Nothing was left behind in the workbook.`;
  const [name, ...otherNames] = error.mayBeLeft;
  const or = otherNames.length ? ` (or "${otherNames.join('" or "')}")` : '';
  return `${reason}. A partly written sheet named "${name}"${or} may be left in the workbook; you can delete it.`;
}

/**
 * Syncs a batch that fills sheets this write added. If it fails, deletes those sheet objects
 * (never a sheet found by name: one of that name may have appeared since, made by someone else),
 * then throws the original error, with `mayBeLeft` naming them if deleting failed too.
 */
export async function syncOrRemove(context: Excel.RequestContext, added: readonly Excel.Worksheet[], names: readonly string[]): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    await removeAndThrow(context, added, names, error);
  }
}

async function removeAndThrow(context: Excel.RequestContext, added: readonly Excel.Worksheet[], names: readonly string[], error: unknown): Promise<never> {
  try {
    for (const sheet of added) sheet.delete();
    await context.sync();
  } catch {
    throw new SheetWriteFailed(error, [...new Set(names)]);
  }
  throw new SheetWriteFailed(error, []);
}

/** Runs a write; a failure before it added anything (Excel.run, a first sync) left nothing behind. */
export async function runWrite<T>(write: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(write);
  } catch (error) {
    throw error instanceof SheetWriteFailed ? error : new SheetWriteFailed(error, []);
  }
}

/**
 * Writes a plan to a new worksheet, never touching an existing one, in two syncs:
 * 1. which of "name", "name (2)", … are free; and a blank sheet, named by Excel ("Sheet4"), whose
 *    id is loaded, so that from then on office.js addresses that very sheet whatever its name;
 * 2. that sheet renamed to the first free name, and everything the plan holds (2D formulas and
 *    formats, names, formats, chart), with calculation suspended.
 * If the second sync fails (say a sheet of the chosen name appeared meanwhile), the sheet this
 * write added, and only it, is deleted before the error is passed on.
 */
export async function writeSheetPlan(plan: SheetPlan): Promise<WrittenSheet> {
  return runWrite(async (context) => {
    const worksheets = context.workbook.worksheets;
    const candidates = candidateSheetNames(plan.name);
    const probes = candidates.map((name) => worksheets.getItemOrNullObject(name));
    const sheet = worksheets.add();
    sheet.load('id,name');
    await context.sync();
    const excelsName = sheet.name;
    const free = candidates.find((_, index) => probes[index].isNullObject);
    if (free === undefined) {
      const taken = new Error(`Every name from "${candidates[0]}" to "${candidates[candidates.length - 1]}" is taken. Rename or delete an old sheet.`);
      return removeAndThrow(context, [sheet], [excelsName], taken);
    }
    sheet.name = free;
    queuePlan(context, sheet, plan);
    // If the rename itself failed, the sheet still has Excel's name.
    await syncOrRemove(context, [sheet], [free, excelsName]);
    return { sheetName: free };
  });
}
