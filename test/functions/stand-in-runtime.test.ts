/**
 * The stand-in CustomFunctions runtime registers functions both ways Office's does: one id and
 * its function, or an object of ids to functions; and it refuses an id without a function.
 */
import { installStandInCustomFunctions, standInCustomFunctions, StandInCustomFunctionsError, type RegisteredFunction } from '../../src/functions/stand-in-runtime';
import { ERROR_CODES } from '../../src/functions/error-codes';

function recorder() {
  const seen: Array<[string, RegisteredFunction]> = [];
  return { seen, runtime: standInCustomFunctions((id, fn) => seen.push([id, fn])) };
}

describe('the stand-in CustomFunctions runtime', () => {
  const one: RegisteredFunction = () => 1;
  const two: RegisteredFunction = () => 2;

  it('registers one id with its function', () => {
    const { seen, runtime } = recorder();
    runtime.associate('BREAKEVEN', one);
    expect(seen).toEqual([['BREAKEVEN', one]]);
  });

  it('registers every id of a mapping, in order', () => {
    const { seen, runtime } = recorder();
    runtime.associate({ BREAKEVEN: one, BLOCKVALUE: two });
    expect(seen).toEqual([
      ['BREAKEVEN', one],
      ['BLOCKVALUE', two],
    ]);
  });

  it('refuses an id without a function, naming the id', () => {
    const { seen, runtime } = recorder();
    expect(() => runtime.associate('BREAKEVEN')).toThrow(TypeError);
    expect(() => runtime.associate('BREAKEVEN')).toThrow(/BREAKEVEN/);
    expect(seen).toEqual([]);
  });

  it('accepts and drops registrations when no one listens', () => {
    expect(() => standInCustomFunctions().associate('BREAKEVEN', one)).not.toThrow();
  });

  it('builds errors with a code and a message, and names the codes as Excel shows them', () => {
    const runtime = standInCustomFunctions();
    const error = new runtime.Error(runtime.ErrorCode.invalidNumber, 'too large');
    expect(error).toBeInstanceOf(StandInCustomFunctionsError);
    expect({ code: error.code, message: error.message }).toEqual({ code: '#NUM!', message: 'too large' });
    expect(runtime.ErrorCode).toBe(ERROR_CODES);
  });

  it('installs itself as the global CustomFunctions', () => {
    const global = globalThis as { CustomFunctions?: unknown };
    const before = global.CustomFunctions;
    try {
      global.CustomFunctions = undefined;
      installStandInCustomFunctions();
      const installed = global.CustomFunctions as ReturnType<typeof standInCustomFunctions>;
      expect(installed.ErrorCode.notAvailable).toBe('#N/A');
    } finally {
      global.CustomFunctions = before;
    }
  });
});
