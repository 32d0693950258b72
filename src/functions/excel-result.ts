import type { Outcome } from '../model';

/** The Excel error code for each kind of model problem: bad input is #VALUE!, no answer is #N/A. */
function errorCodeFor(kind: 'invalidInput' | 'noAnswer'): CustomFunctions.ErrorCode {
  return kind === 'noAnswer' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
}

/**
 * Runs a model call for a custom function and turns its outcome into what Excel shows:
 * the number, or a CustomFunctions.Error whose message names the argument and the rule.
 * The error is returned, not thrown, so a cell never sees a bare exception; a non-finite
 * number can never reach the sheet.
 */
export function toExcelResult(compute: () => Outcome<number>): number | CustomFunctions.Error {
  try {
    const outcome = compute();
    if (!outcome.ok) return new CustomFunctions.Error(errorCodeFor(outcome.problem.kind), outcome.problem.message);
    if (!Number.isFinite(outcome.value)) {
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, 'the result is too large to show');
    }
    return outcome.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `ITCost could not compute this: ${detail}`);
  }
}
