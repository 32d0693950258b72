/**
 * What the adapters hand Excel for each outcome, whichever CustomFunctions runtime they find:
 * text and numbers as they are, problems as Excel errors with the model's message, a number that
 * is not finite as #NUM!, and whatever a model call throws as #VALUE! naming what went wrong.
 */
import { fail, succeed, type ProblemKind, type TableCell } from '../../src/model';
import { toExcelResult, toExcelTable, toExcelText } from '../../src/functions/excel-result';
import { standInCustomFunctions, StandInCustomFunctionsError } from '../../src/functions/stand-in-runtime';

type Runtime = Record<string, unknown>;

/** Runs `body` with `runtime` as the global CustomFunctions, then puts back the one before. */
function withRuntime<T>(runtime: Runtime, body: () => T): T {
  const global = globalThis as { CustomFunctions?: unknown };
  const before = global.CustomFunctions;
  global.CustomFunctions = runtime;
  try {
    return body();
  } finally {
    global.CustomFunctions = before;
  }
}

/** Office's runtime as the stand-in models it: Error and ErrorCode. */
const OFFICE = (): Runtime => ({ ...standInCustomFunctions() });
/** A runtime that defines CustomFunctions.Error but not ErrorCode. */
const WITHOUT_ERROR_CODE = (): Runtime => ({ ...standInCustomFunctions(), ErrorCode: undefined });
/** A runtime whose ErrorCode values are its own: the adapters must pass them on, not their own texts. */
const OWN_CODES = {
  divisionByZero: 'own:div0',
  invalidName: 'own:name',
  invalidNumber: 'own:num',
  invalidReference: 'own:ref',
  invalidValue: 'own:value',
  notAvailable: 'own:na',
  nullReference: 'own:null',
};
const WITH_OWN_CODES = (): Runtime => ({ ...standInCustomFunctions(), ErrorCode: OWN_CODES });

function errorOf(result: unknown): { code: string; message: string | undefined } {
  if (!(result instanceof StandInCustomFunctionsError)) throw new Error(`expected an Excel error, got ${String(result)}`);
  return { code: result.code, message: result.message };
}

// Excel's texts for the three kinds of problem (README: #VALUE!, #N/A, #NUM!).
const EXCEL_TEXT: Record<ProblemKind, string> = { invalidInput: '#VALUE!', noAnswer: '#N/A', tooLarge: '#NUM!' };
const OWN_CODE: Record<ProblemKind, string> = { invalidInput: OWN_CODES.invalidValue, noAnswer: OWN_CODES.notAvailable, tooLarge: OWN_CODES.invalidNumber };
const KINDS: readonly ProblemKind[] = ['invalidInput', 'noAnswer', 'tooLarge'];

describe('the error code a problem gets, by runtime', () => {
  it.each([
    ...KINDS.map((kind) => ['Office’s runtime', kind, EXCEL_TEXT[kind], OFFICE] as const),
    ...KINDS.map((kind) => ['a runtime without ErrorCode', kind, EXCEL_TEXT[kind], WITHOUT_ERROR_CODE] as const),
    ...KINDS.map((kind) => ['a runtime with its own codes', kind, OWN_CODE[kind], WITH_OWN_CODES] as const),
  ])('in %s, a %s problem is %s, with the model’s message', (_runtime, kind, code, runtime) => {
    withRuntime(runtime(), () => {
      expect(errorOf(toExcelResult(() => fail({ kind, message: 'the model says why' })))).toEqual({ code, message: 'the model says why' });
      expect(errorOf(toExcelText(() => fail({ kind, message: 'the model says why' })))).toEqual({ code, message: 'the model says why' });
      expect(errorOf(toExcelTable(() => fail({ kind, message: 'the model says why' })))).toEqual({ code, message: 'the model says why' });
    });
  });

  it.each([
    ['Office’s runtime', '#VALUE!', OFFICE],
    ['a runtime without ErrorCode', '#VALUE!', WITHOUT_ERROR_CODE],
    ['a runtime with its own codes', OWN_CODES.invalidValue, WITH_OWN_CODES],
  ] as const)('in %s, a model call that throws is %s naming what went wrong', (_runtime, code, runtime) => {
    withRuntime(runtime(), () => {
      const thrown = () => {
        throw new Error('a bug in the model');
      };
      for (const result of [toExcelResult(thrown), toExcelText(thrown), toExcelTable(thrown)]) {
        const error = errorOf(result);
        expect(error.code).toBe(code);
        expect(error.message).toContain('a bug in the model');
      }
    });
  });
});

describe('what reaches the cells', () => {
  it('a number is itself, and a number that is not finite is #NUM! with the model’s "too large" message', () => {
    withRuntime(OFFICE(), () => {
      expect(toExcelResult(() => succeed(-0.25))).toBe(-0.25);
      for (const value of [Infinity, -Infinity, Number.NaN]) {
        const error = errorOf(toExcelResult(() => succeed(value)));
        expect(error.code).toBe('#NUM!');
        expect(error.message).toContain('too large');
      }
    });
  });

  it('a line of text is itself', () => {
    withRuntime(OFFICE(), () => {
      expect(toExcelText(() => succeed('Managed services is cheapest.'))).toBe('Managed services is cheapest.');
    });
  });

  it('a thrown value that is not an Error is named too', () => {
    withRuntime(OFFICE(), () => {
      const result = toExcelResult(() => {
        throw 'not an Error object';
      });
      expect(errorOf(result).message).toContain('not an Error object');
    });
  });

  it('a spilled table keeps its text and numbers, and only a cell with a problem or an overflow becomes an error', () => {
    const rows: TableCell[][] = [
      ['Option', 'Cost'],
      ['Hourly', 1800],
      ['Prepaid block', { kind: 'noAnswer', message: 'no break-even' }],
      ['Managed services', Infinity],
    ];
    withRuntime(OFFICE(), () => {
      const table = toExcelTable(() => succeed(rows));
      if (!Array.isArray(table)) throw new Error('expected a table');
      expect(table.map((row) => row.map((cell) => (cell instanceof StandInCustomFunctionsError ? cell.code : cell)))).toEqual([
        ['Option', 'Cost'],
        ['Hourly', 1800],
        ['Prepaid block', '#N/A'],
        ['Managed services', '#NUM!'],
      ]);
      expect(errorOf(table[2][1]).message).toBe('no break-even');
    });
  });
});
