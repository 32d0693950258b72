/* Reads from the workbook for the wizard: a scenario sheet's inputs, or the selected cells. */
import type { Scenario } from '../model';
import { offerInputRows } from '../sheet/offer-scenario';
import { SCENARIO_INPUT_ROWS } from '../sheet/scenario';

/** Which offer a scenario sheet weighs: a block, a top-up block or a monthly retainer. */
export type ScenarioSheetKind = Scenario['kind'];

export type LoadedScenario =
  | { readonly kind: 'scenario'; readonly offer: ScenarioSheetKind; readonly sheetName: string; readonly inputs: Readonly<Record<string, number>> }
  | { readonly kind: 'notAScenario'; readonly sheetName: string };

/** Each kind of scenario sheet's inputs, by key and defined name. */
const INPUT_ROWS: Readonly<Record<ScenarioSheetKind, readonly { readonly key: string; readonly name: string }[]>> = {
  block: SCENARIO_INPUT_ROWS,
  topUp: offerInputRows('topUp'),
  retainer: offerInputRows('retainer'),
};

/** A defined name that only the sheet of a top-up or retainer offer has: its saving. */
const OFFER_MARKERS: readonly (readonly [ScenarioSheetKind, string])[] = [
  ['topUp', 'topup_saving'],
  ['retainer', 'retainer_saving'],
];

/**
 * Reads the inputs of the active sheet if it is an ITCost scenario sheet (of a block, a top-up
 * block or a retainer): one that has each of its inputs' sheet-scoped defined names (as the plans
 * create them), each on a number. By name, not by position, so rows inserted above the inputs or
 * moved labels do not matter; a formula (an input computed from the history) reads as its value.
 * One sync, whatever the kind.
 */
export async function readScenarioFromActiveSheet(): Promise<LoadedScenario> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const names = [...new Set(Object.values(INPUT_ROWS).flatMap((rows) => rows.map((row) => row.name)))];
    const cells = new Map(
      names.map((name) => {
        const range = sheet.names.getItemOrNullObject(name).getRangeOrNullObject();
        range.load('values');
        return [name, range] as const;
      }),
    );
    const markers = OFFER_MARKERS.map(([kind, name]) => [kind, sheet.names.getItemOrNullObject(name)] as const);
    await context.sync();
    const offer = markers.find(([, item]) => !item.isNullObject)?.[0] ?? 'block';
    const rows = INPUT_ROWS[offer];
    const values = rows.map((row): unknown => {
      const range = cells.get(row.name);
      return range === undefined || range.isNullObject ? undefined : range.values[0]?.[0];
    });
    const numbers = values.filter((value): value is number => typeof value === 'number');
    if (numbers.length !== rows.length) return { kind: 'notAScenario', sheetName: sheet.name };
    const inputs = Object.fromEntries(rows.map((row, i) => [row.key, numbers[i]]));
    return { kind: 'scenario', offer, sheetName: sheet.name, inputs };
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

/** The workbook's culture ("de-DE"), as Excel formats numbers in it (ExcelApi 1.11). */
export async function readCultureName(): Promise<string> {
  return Excel.run(async (context) => {
    const culture = context.application.cultureInfo;
    culture.load('name');
    await context.sync();
    return culture.name;
  });
}
