import { tooLargeProblem, type Outcome, type Problem, type TableCell } from '../model';
import { ERROR_CODES, type ErrorCodeName } from './error-codes';

/**
 * The one place a model problem becomes an Excel error code: bad input is #VALUE!, no answer is
 * #N/A, and a result too large for a number is #NUM!.
 */
const CODE_FOR_PROBLEM: Readonly<Record<Problem['kind'], ErrorCodeName>> = {
  invalidInput: 'invalidValue',
  noAnswer: 'notAvailable',
  tooLarge: 'invalidNumber',
};

const KNOWN_CODES: readonly string[] = Object.values(ERROR_CODES);

/** ERROR_CODES's texts are CustomFunctions.ErrorCode's values (error-codes.ts checks them against its type). */
function isErrorCode(code: string): code is CustomFunctions.ErrorCode {
  return KNOWN_CODES.includes(code);
}

/** The runtime's code, or the same text from ERROR_CODES where a runtime defines CustomFunctions.Error but not ErrorCode. */
function errorCode(name: ErrorCodeName): CustomFunctions.ErrorCode {
  const codes = (CustomFunctions as { ErrorCode?: Partial<Record<ErrorCodeName, CustomFunctions.ErrorCode>> }).ErrorCode;
  const fallback: string = ERROR_CODES[name];
  const code = codes?.[name] ?? (isErrorCode(fallback) ? fallback : undefined);
  if (code === undefined) throw new Error(`no Excel error code ${name}`);
  return code;
}

function toExcelError(problem: Problem): CustomFunctions.Error {
  return new CustomFunctions.Error(errorCode(CODE_FOR_PROBLEM[problem.kind]), problem.message);
}

/** A number for a cell; the model guards its results, this is the last line of defence. */
function toExcelNumber(value: number): number | CustomFunctions.Error {
  return Number.isFinite(value) ? value : toExcelError(tooLargeProblem());
}

/** Whatever a model call throws: a bug, never a user's mistake, and still not a bare exception. */
function unexpectedError(error: unknown): CustomFunctions.Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(errorCode('invalidValue'), `ITCost could not compute this: ${detail}`);
}

/**
 * Runs a model call for a custom function and turns its outcome into what Excel shows.
 * Errors are returned, not thrown, so a cell never sees a bare exception, and a non-finite
 * number never reaches the sheet.
 */
function present<T, R>(compute: () => Outcome<T>, show: (value: T) => R): R | CustomFunctions.Error {
  try {
    const outcome = compute();
    return outcome.ok ? show(outcome.value) : toExcelError(outcome.problem);
  } catch (error) {
    return unexpectedError(error);
  }
}

/** A number, or an Excel error whose message names the argument and the rule. */
export function toExcelResult(compute: () => Outcome<number>): number | CustomFunctions.Error {
  return present(compute, toExcelNumber);
}

/** A line of text, or an Excel error. */
export function toExcelText(compute: () => Outcome<string>): string | CustomFunctions.Error {
  return present(compute, (value) => value);
}

/** A spilled table; a cell the model could not fill becomes an error in that cell only. */
export function toExcelTable(
  compute: () => Outcome<readonly (readonly TableCell[])[]>,
): (string | number | CustomFunctions.Error)[][] | CustomFunctions.Error {
  return present(compute, (rows) =>
    rows.map((row) =>
      row.map((cell) => {
        if (typeof cell === 'string') return cell;
        if (typeof cell === 'number') return toExcelNumber(cell);
        return toExcelError(cell);
      }),
    ),
  );
}
