/* Reads from the workbook for the wizard: a scenario sheet's inputs, or the selected cells. */
import { SCENARIO_FIRST_INPUT_ROW, SCENARIO_INPUT_ROWS, SCENARIO_TITLE } from '../sheet/scenario';

export type LoadedScenario =
  | { readonly kind: 'scenario'; readonly sheetName: string; readonly inputs: Readonly<Record<string, number>> }
  | { readonly kind: 'notAScenario'; readonly sheetName: string };

/**
 * Reads the inputs block of the active sheet if it is an ITCost scenario sheet: its title and
 * every input label must be where the scenario plan puts them, and every value a number.
 */
export async function readScenarioFromActiveSheet(): Promise<LoadedScenario> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const title = sheet.getRange('A1');
    title.load('values');
    const first = SCENARIO_FIRST_INPUT_ROW + 1;
    const block = sheet.getRange(`A${first}:B${first + SCENARIO_INPUT_ROWS.length - 1}`);
    block.load('values');
    await context.sync();
    const rows = block.values;
    const matches =
      title.values[0]?.[0] === SCENARIO_TITLE &&
      SCENARIO_INPUT_ROWS.every((input, i) => rows[i]?.[0] === input.label && typeof rows[i]?.[1] === 'number');
    if (!matches) return { kind: 'notAScenario', sheetName: sheet.name };
    const inputs = Object.fromEntries(SCENARIO_INPUT_ROWS.map((input, i) => [input.key, rows[i][1] as number]));
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
