import vm from 'vm';
import { readDist } from './dist';

/** Excel's error codes, as the custom-functions runtime defines CustomFunctions.ErrorCode. */
export const ERROR_CODES = {
  divisionByZero: '#DIV/0!',
  invalidName: '#NAME?',
  invalidNumber: '#NUM!',
  invalidReference: '#REF!',
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  nullReference: '#NULL!',
} as const;

export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type RegisteredFunction = (...args: unknown[]) => unknown;

/**
 * Loads dist/functions.js the way a JavaScript-only custom-functions runtime would: a fresh
 * global scope with only `CustomFunctions` and `Office`, no `window` or `document`.
 * Records every CustomFunctions.associate call.
 */
export function loadFunctionsBundle() {
  const registered = new Map<string, RegisteredFunction>();
  const associateCalls: string[] = [];
  const CustomFunctions = {
    associate(idOrMappings: string | Record<string, RegisteredFunction>, fn?: RegisteredFunction) {
      const mappings = typeof idOrMappings === 'string' ? { [idOrMappings]: fn as RegisteredFunction } : idOrMappings;
      for (const [id, f] of Object.entries(mappings)) {
        associateCalls.push(id);
        registered.set(id, f);
      }
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
  const context = vm.createContext({ CustomFunctions, Office: {} });
  vm.runInContext(readDist('functions.js'), context, { filename: 'dist/functions.js' });
  return { registered, associateCalls, context };
}

/** Defines a global CustomFunctions like the runtime's, so the adapters can be imported directly. */
export function installFakeCustomFunctionsRuntime(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: () => undefined,
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
}
