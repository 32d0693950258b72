import vm from 'vm';
import { readDist } from './dist';
import { installStandInCustomFunctions, standInCustomFunctions, type RegisteredFunction } from '../../src/functions/stand-in-runtime';

export { ERROR_CODES } from '../../src/functions/error-codes';
// One class for errors built in this realm and in the bundle's vm context, so instanceof holds for both.
export { StandInCustomFunctionsError as FakeCustomFunctionsError, type RegisteredFunction } from '../../src/functions/stand-in-runtime';

/**
 * Loads dist/functions.js the way a JavaScript-only custom-functions runtime would: a fresh
 * global scope with only `CustomFunctions` and `Office`, no `window` or `document`.
 * Records every CustomFunctions.associate call.
 */
export function loadFunctionsBundle() {
  const registered = new Map<string, RegisteredFunction>();
  const associateCalls: string[] = [];
  const CustomFunctions = standInCustomFunctions((id, fn) => {
    associateCalls.push(id);
    registered.set(id, fn);
  });
  const context = vm.createContext({ CustomFunctions, Office: {} });
  vm.runInContext(readDist('functions.js'), context, { filename: 'dist/functions.js' });
  return { registered, associateCalls, context };
}

/** Defines a global CustomFunctions like the runtime's, so the adapters can be imported directly. */
export const installFakeCustomFunctionsRuntime = installStandInCustomFunctions;
