/**
 * A stand-in for Office's CustomFunctions runtime: associate, Error and ErrorCode, nothing more.
 * The task pane preview installs it when office.js is absent (a plain browser); the template build
 * and the tests install it so the adapters in functions.ts can run outside Excel.
 */
import { ERROR_CODES } from './error-codes';

/** An Excel error as the adapters build it: a code such as '#NUM!' and an optional message. */
export class StandInCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type RegisteredFunction = (...args: unknown[]) => unknown;

export interface StandInCustomFunctions {
  associate(idOrMappings: string | Readonly<Record<string, RegisteredFunction>>, fn?: RegisteredFunction): void;
  readonly Error: typeof StandInCustomFunctionsError;
  readonly ErrorCode: typeof ERROR_CODES;
}

/** A stand-in runtime; `onAssociate` sees each registration (by default they are accepted and dropped). */
export function standInCustomFunctions(onAssociate: (id: string, fn: RegisteredFunction) => void = () => undefined): StandInCustomFunctions {
  return {
    associate(idOrMappings, fn) {
      if (typeof idOrMappings === 'string') {
        if (fn === undefined) throw new TypeError(`CustomFunctions.associate('${idOrMappings}') needs a function`);
        onAssociate(idOrMappings, fn);
        return;
      }
      for (const [id, mapped] of Object.entries(idOrMappings)) onAssociate(id, mapped);
    },
    Error: StandInCustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
}

/** Makes the stand-in the global CustomFunctions, replacing any other. */
export function installStandInCustomFunctions(): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = standInCustomFunctions();
}
