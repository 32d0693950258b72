/**
 * A real formula engine for sheet plans and templates: HyperFormula (GPL-3.0, dev-only: used by
 * the tests and by the template build to compute cached values, never shipped in dist/) with the
 * ITCOST functions registered through the same adapters Excel calls (src/functions/functions.ts).
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { SheetPlan } from '../src/sheet/plan';
import { formulasGrid, nameReference } from '../src/sheet/plan';
import { installFakeCustomFunctionsRuntime } from '../test/support/custom-functions-runtime';

installFakeCustomFunctionsRuntime();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adapters = require('../src/functions/functions') as Record<string, (...args: unknown[]) => unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const metadata = require('../dist/functions.json') as {
  functions: Array<{ id: string; parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }>; result: { dimensionality?: string } }>;
};

/** Which adapter implements each id: the JSDoc @customfunction id is the function's name in upper case. */
function adapterFor(id: string): (...args: unknown[]) => unknown {
  const entry = Object.entries(adapters).find(([name]) => name.toUpperCase() === id);
  if (!entry) throw new Error(`no adapter for ${id}`);
  return entry[1];
}

/** The size of each array result, known from the function: COMPARE is 4 × 5, TERMDEMAND 1 × 2. */
const ARRAY_SIZES: Record<string, [width: number, height: number]> = { COMPARE: [5, 4], TERMDEMAND: [2, 1] };

function toExcelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelArgument));
  if (typeof value === 'symbol' || value === undefined) return null; // HyperFormula's EmptyValue
  return value;
}

function fromExcelResult(result: unknown): unknown {
  if (result && typeof result === 'object' && 'code' in result) {
    const error = result as { code: string; message?: string };
    const type = error.code === '#N/A' ? ErrorType.NA : error.code === '#NUM!' ? ErrorType.NUM : ErrorType.VALUE;
    return new CellError(type, error.message);
  }
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map(fromExcelResult)) as never);
  return result;
}

class ItcostPlugin extends FunctionPlugin {}
const implemented: Record<string, unknown> = {};
const translations: Record<string, string> = {};
for (const fn of metadata.functions) {
  const name = `ITCOST.${fn.id}`;
  const method = `call_${fn.id}`;
  const adapter = adapterFor(fn.id);
  (ItcostPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
    return run(ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata(name), (...args: unknown[]) =>
      fromExcelResult(adapter(...args.map(toExcelArgument))),
    );
  };
  const size = ARRAY_SIZES[fn.id];
  if (size) {
    (ItcostPlugin.prototype as unknown as Record<string, unknown>)[`${method}_size`] = () => new ArraySize(size[0], size[1]);
  }
  implemented[name] = {
    method,
    ...(size ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    parameters: fn.parameters.map((p) => ({
      // ANY: ranges arrive as ranges and scalars as scalars, as Excel hands them to the adapters.
      argumentType: FunctionArgumentType.ANY,
      optionalArg: Boolean(p.optional),
    })),
  };
  translations[name] = name;
}
(ItcostPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
HyperFormula.registerFunctionPlugin(ItcostPlugin as never, { enGB: translations, enUS: translations } as never);

/** Loads a plan into a fresh HyperFormula workbook: cells, then its sheet-scoped names. */
export function loadPlan(plan: SheetPlan) {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', language: 'enGB', smartRounding: false });
  const sheetName = hf.addSheet(plan.name);
  const sheet = hf.getSheetId(sheetName) as number;
  hf.suspendEvaluation();
  for (const name of plan.names) {
    hf.addNamedExpression(name.name, `='${sheetName}'!${nameReference(name)}`, sheet);
  }
  hf.setSheetContent(sheet, formulasGrid(plan).map((row) => row.map((cell) => (cell === '' ? null : cell))));
  hf.resumeEvaluation();
  return { hf, sheet };
}
