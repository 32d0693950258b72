/**
 * Excel's error codes: each CustomFunctions.ErrorCode name and the text Excel shows for it. Office
 * defines these in its runtime; this is the one declaration for code that runs without it (the
 * adapters' fallback, the stand-in runtime, the tests and the bench). Which problem becomes which
 * code is decided elsewhere, once (CODE_FOR_PROBLEM in excel-result.ts).
 */
export const ERROR_CODES = {
  divisionByZero: '#DIV/0!',
  invalidName: '#NAME?',
  invalidNumber: '#NUM!',
  invalidReference: '#REF!',
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  nullReference: '#NULL!',
} as const satisfies { readonly [Name in keyof typeof CustomFunctions.ErrorCode]: `${(typeof CustomFunctions.ErrorCode)[Name]}` };

/** The name of an error code, as CustomFunctions.ErrorCode spells it. */
export type ErrorCodeName = keyof typeof ERROR_CODES;
