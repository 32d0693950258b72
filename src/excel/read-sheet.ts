/* Reads from the workbook for the wizard: a scenario sheet's inputs, or the selected cells. */
import { SCENARIO_INPUT_ROWS } from '../sheet/scenario';

export type LoadedScenario =
  | { readonly kind: 'scenario'; readonly sheetName: string; readonly inputs: Readonly<Record<string, number>> }
  | { readonly kind: 'notAScenario'; readonly sheetName: string };

/**
 * Reads the inputs of the active sheet if it is an ITCost scenario sheet: one that has each
 * input's sheet-scoped defined name (as the scenario plan creates them), each on a number. By
 * name, not by position, so rows inserted above the inputs or moved labels do not matter; a
 * formula (an input computed from the history) reads as its value. One sync.
 */
export async function readScenarioFromActiveSheet(): Promise<LoadedScenario> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const cells = SCENARIO_INPUT_ROWS.map((input) => {
      const range = sheet.names.getItemOrNullObject(input.name).getRangeOrNullObject();
      range.load('values');
      return range;
    });
    await context.sync();
    const values = cells.map((range): unknown => (range.isNullObject ? undefined : range.values[0]?.[0]));
    const numbers = values.filter((value): value is number => typeof value === 'number');
    if (numbers.length !== SCENARIO_INPUT_ROWS.length) return { kind: 'notAScenario', sheetName: sheet.name };
    const inputs = Object.fromEntries(SCENARIO_INPUT_ROWS.map((input, i) => [input.key, numbers[i]]));
    return { kind: 'scenario', sheetName: sheet.name, inputs };
  });
}

/** The values of the selected cells, row by row. */
export async function readSelectedValues(): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('values');
    await context.sync();
    return range.values;
  });
}
