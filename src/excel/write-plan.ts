/* The only code that writes to Excel: applies a sheet plan to a new worksheet in two syncs. */
import {
  formulasGrid,
  nameReference,
  numberFormatGrid,
  planExtent,
  columnLetters,
  CELL_STYLES,
  WARNING_STYLE,
  type CellStyleSpec,
  type PlanChart,
  type PlanValidation,
  type SheetPlan,
} from '../sheet/plan';

/** The most " (n)" suffixes tried before giving up on finding a free sheet name. */
const MAX_NAME_ATTEMPTS = 100;

/** "IT cost scenario", "IT cost scenario (2)", "IT cost scenario (3)", … (Excel limits names to 31 characters). */
export function candidateSheetNames(baseName: string, count = MAX_NAME_ATTEMPTS): string[] {
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return baseName.slice(0, 31);
    const suffix = ` (${i + 1})`;
    return `${baseName.slice(0, 31 - suffix.length)}${suffix}`;
  });
}

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

function applyValidation(range: Excel.Range, validation: PlanValidation): void {
  if (validation.kind === 'list') {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.options.join(',') } };
  } else if (validation.min !== undefined && validation.max !== undefined) {
    range.dataValidation.rule = { decimal: { formula1: validation.min, formula2: validation.max, operator: 'Between' } };
  } else if (validation.min !== undefined) {
    range.dataValidation.rule = {
      decimal: { formula1: validation.min, operator: validation.minExclusive ? 'GreaterThan' : 'GreaterThanOrEqualTo' },
    };
  }
  range.dataValidation.errorAlert = { message: validation.message, showAlert: true, style: 'Stop', title: 'ITCost' };
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
  for (const validation of plan.validations ?? []) applyValidation(sheet.getRange(validation.range), validation);
  for (const format of plan.conditionalFormats ?? []) {
    const conditional = sheet.getRange(format.range).conditionalFormats.add('Custom');
    conditional.custom.rule.formula = format.formula;
    applyStyle(conditional.custom.format, WARNING_STYLE);
  }
  for (const { style, range } of plan.styles) applyStyle(sheet.getRange(range).format, CELL_STYLES[style]);
  plan.columnWidths.forEach((width, index) => {
    const letter = columnLetters(index);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width;
  });
  if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  if (plan.chart) addChart(sheet, plan.chart);
  sheet.activate();
}

export interface WrittenSheet {
  readonly sheetName: string;
}

/**
 * Writes a plan to a new worksheet, never touching an existing one: the first sync finds a free
 * name, the second writes everything (2D formulas and formats, names, formats, chart) with
 * calculation suspended. If the write fails part-way, the half-written sheet is deleted before
 * the error is passed on.
 */
/** One sync: the first of "name", "name (2)", … that no sheet has. */
export async function findFreeSheetName(context: Excel.RequestContext, baseName: string): Promise<string> {
  const worksheets = context.workbook.worksheets;
  const candidates = candidateSheetNames(baseName);
  const probes = candidates.map((name) => worksheets.getItemOrNullObject(name));
  for (const probe of probes) probe.load('isNullObject');
  await context.sync();
  const free = candidates.find((_, index) => probes[index].isNullObject);
  if (free === undefined) throw new Error(`Every name from "${candidates[0]}" to "${candidates[candidates.length - 1]}" is taken. Rename or delete an old sheet.`);
  return free;
}

/**
 * Syncs a batch that creates the sheet `name`; if it fails, deletes whatever part of that sheet
 * Excel had already made (it applies a batch in order until the failing call), then rethrows.
 */
export async function syncOrRemoveSheet(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    const halfWritten = context.workbook.worksheets.getItemOrNullObject(name);
    halfWritten.load('isNullObject');
    await context.sync();
    if (!halfWritten.isNullObject) {
      halfWritten.delete();
      await context.sync();
    }
    throw error;
  }
}

export async function writeSheetPlan(plan: SheetPlan): Promise<WrittenSheet> {
  return Excel.run(async (context) => {
    const free = await findFreeSheetName(context, plan.name);
    const sheet = context.workbook.worksheets.add(free);
    queuePlan(context, sheet, plan);
    await syncOrRemoveSheet(context, free);
    return { sheetName: free };
  });
}
