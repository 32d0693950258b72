/**
 * A real formula engine for sheet plans and templates: HyperFormula (GPL-3.0, dev-only: used by
 * the tests and by the template build to compute cached values, never shipped in dist/) with the
 * ITCOST functions registered through the same adapters Excel calls (src/functions/functions.ts),
 * by HyperFormula's documented plugin API (a FunctionPlugin with static implementedFunctions).
 */
import fs from 'fs';
import path from 'path';
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import * as adapters from '../src/functions/functions';
import { ERROR_CODES } from '../src/functions/error-codes';
import { installStandInCustomFunctions, StandInCustomFunctionsError } from '../src/functions/stand-in-runtime';
import { COMPARE_SPILL, RETAINERFORECAST_SPILL, TERMDEMAND_SPILL } from '../src/model';
import type { SheetPlan } from '../src/sheet/plan';
import { formulasGrid, nameReference } from '../src/sheet/plan';

// The adapters build their errors with the global CustomFunctions, as in Excel.
installStandInCustomFunctions();

/** The metadata the build writes from functions.ts's JSDoc: each id and its parameters. */
interface FunctionsMetadata {
  readonly functions: readonly {
    readonly id: string;
    readonly parameters: readonly { readonly name: string; readonly optional?: boolean }[];
    readonly result: { readonly dimensionality?: string };
  }[];
}
const metadata = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'dist', 'functions.json'), 'utf8')) as FunctionsMetadata;

const PREFIX = 'ITCOST.';

/** Which adapter implements each id: the JSDoc @customfunction id is the function's name in upper case. */
function adapterFor(id: string): (...args: never[]) => unknown {
  const entry = Object.entries(adapters).find(([name]) => name.toUpperCase() === id);
  if (!entry) throw new Error(`no adapter for ${id}`);
  return entry[1];
}

/** The spill of each function that returns an array, as the model declares it. */
const SPILLS: Readonly<Partial<Record<string, { readonly rows: number; readonly columns: number }>>> = { COMPARE: COMPARE_SPILL, TERMDEMAND: TERMDEMAND_SPILL, RETAINERFORECAST: RETAINERFORECAST_SPILL };

type Value = ReturnType<typeof SimpleRangeValue.prototype.rawData>[number][number];

/** A HyperFormula argument as Excel hands it to an adapter: ranges as rows of values, empty as null. */
function toExcelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelArgument));
  if (typeof value === 'symbol' || value === undefined) return null; // HyperFormula's EmptyValue
  return value;
}

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = { [ERROR_CODES.notAvailable]: ErrorType.NA, [ERROR_CODES.invalidNumber]: ErrorType.NUM };

/** An adapter's result as a HyperFormula value: an Excel error becomes the CellError of the same code. */
function fromExcelResult(result: unknown): Value | SimpleRangeValue {
  if (result instanceof StandInCustomFunctionsError) return new CellError(ERROR_TYPES[result.code] ?? ErrorType.VALUE, result.message);
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map((cell) => fromExcelResult(cell) as Value)));
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  throw new Error(`an ITCOST adapter returned ${String(result)}`);
}

/** Every ITCOST function, by its metadata; the arrays' sizes come from SPILLS. */
function implementedFunctions(): ImplementedFunctions {
  return Object.fromEntries(
    metadata.functions.map((fn) => [
      `${PREFIX}${fn.id}`,
      {
        method: 'itcost',
        ...(fn.id in SPILLS || fn.result.dimensionality === 'matrix' ? { sizeOfResultArrayMethod: 'itcostSpill' } : {}),
        // ANY: ranges arrive as ranges and scalars as scalars, as Excel hands them to the adapters.
        parameters: fn.parameters.map((parameter) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(parameter.optional) })),
      },
    ]),
  );
}

type RunFunction = ItcostPlugin['runFunction'];
type Ast = Parameters<RunFunction>[0][number];
type State = Parameters<RunFunction>[1];
/** What HyperFormula passes a plugin method: the call's canonical name and its arguments. */
interface Call {
  readonly procedureName: string;
  readonly args: Ast[];
}

class ItcostPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions();

  /** Every ITCOST function: HyperFormula checks and evaluates the arguments, the adapter computes. */
  itcost(ast: Call, state: State) {
    const adapter = adapterFor(ast.procedureName.slice(PREFIX.length));
    const predicted = this.itcostSpill(ast, state);
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) => {
      const result: unknown = Reflect.apply(adapter, undefined, args.map(toExcelArgument));
      // A spill of another size than the one declared would be cut or padded without a word: say so instead.
      if (Array.isArray(result) && !predicted.isScalar() && (result.length !== predicted.height || (result[0] as unknown[]).length !== predicted.width)) {
        return new CellError(ErrorType.VALUE, `${ast.procedureName} spilled ${result.length} × ${(result[0] as unknown[]).length}, not the ${predicted.height} × ${predicted.width} declared`);
      }
      return fromExcelResult(result);
    });
  }

  /**
   * The size of an array result, known before it is computed: the function's own, or, for one whose
   * size only its data decides (MONTHLYHOURS), the size the plan declared for the cell it spills from.
   */
  itcostSpill(ast: Call, state: State): ArraySize {
    const spill = SPILLS[ast.procedureName.slice(PREFIX.length)] ?? declaredSpills.get(addressKey(state.formulaAddress));
    return spill ? new ArraySize(spill.columns, spill.rows) : ArraySize.scalar();
  }
}

/**
 * Spills the last plan loaded declares, by the sheet, row and column of the cell they spill from
 * (see loadPlan; a new plan replaces them, and a spill of another size shows as an error).
 */
const declaredSpills = new Map<string, { readonly rows: number; readonly columns: number }>();
const addressKey = (address: { readonly sheet: number; readonly row: number; readonly col: number }) => `${address.sheet}:${address.row}:${address.col}`;

const names = Object.fromEntries(Object.keys(ItcostPlugin.implementedFunctions).map((name) => [name, name]));
HyperFormula.registerFunctionPlugin(ItcostPlugin, { enGB: names, enUS: names });

/** Loads a plan into a fresh HyperFormula workbook: cells, then its sheet-scoped names. */
export function loadPlan(plan: SheetPlan) {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', language: 'enGB', smartRounding: false });
  const sheetName = hf.addSheet(plan.name);
  const sheet = hf.getSheetId(sheetName) as number;
  declaredSpills.clear();
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.spill) declaredSpills.set(addressKey({ sheet, row: r, col: c }), cell.spill);
    }),
  );
  hf.suspendEvaluation();
  for (const name of plan.names) {
    hf.addNamedExpression(name.name, `='${sheetName}'!${nameReference(name)}`, sheet);
  }
  hf.setSheetContent(sheet, formulasGrid(plan).map((row) => row.map((cell) => (cell === '' ? null : cell))));
  hf.resumeEvaluation();
  return { hf, sheet };
}
