/**
 * One place maps a model problem to an Excel error code: bad input is #VALUE!, no answer is #N/A,
 * and a result that does not fit in a number is #NUM!, whichever function produced it.
 */
import fs from 'fs';
import path from 'path';
import { installFakeCustomFunctionsRuntime, FakeCustomFunctionsError, loadFunctionsBundle } from '../support/custom-functions-runtime';
import { fail, succeed, tooLargeProblem } from '../../src/model';

import { toExcelResult, toExcelTable } from '../../src/functions/excel-result';
import * as functions from '../../src/functions/functions';

// The adapters read CustomFunctions when they build an error, not when they are imported.
installFakeCustomFunctionsRuntime();

function codeOf(result: unknown): string | undefined {
  return result instanceof FakeCustomFunctionsError ? result.code : undefined;
}

describe('the Excel error for each kind of problem', () => {
  it.each([
    ['invalidInput', '#VALUE!'],
    ['noAnswer', '#N/A'],
    ['tooLarge', '#NUM!'],
  ] as const)('a %s problem shows as %s', (kind, code) => {
    expect(codeOf(toExcelResult(() => fail({ kind, message: 'm' })))).toBe(code);
    const table = toExcelTable(() => succeed([[{ kind, message: 'm' }]]));
    expect(Array.isArray(table) && codeOf(table[0][0])).toBe(code);
  });

  it('a number that is not finite shows as #NUM! with the same message as the model’s "too large"', () => {
    const result = toExcelResult(() => succeed(Infinity));
    expect(codeOf(result)).toBe('#NUM!');
    expect((result as FakeCustomFunctionsError).message).toBe(tooLargeProblem().message);
  });

  it.each([
    ['BLOCKVALUE', () => functions.blockValue(1e300, 1e300, 1, 1, 0)],
    ['EFFECTIVERATE', () => functions.effectiveRate(5e-324, 0.01, 0.001, 0.01)],
    ['MANAGEDVALUE', () => functions.managedValue(1e308, 1e308, 1)],
    ['BILLEDHOURS', () => functions.billedHours([[1e308], [1e308]], 1e-300)],
    ['TERMDEMAND', () => functions.termDemand([[1e308], [1.7e308]], 12)],
  ])('%s reports a result beyond the largest double as #NUM!, not #VALUE!', (_name, call) => {
    expect(codeOf(call())).toBe('#NUM!');
  });

  it('the built bundle reports a result beyond the largest double as #NUM! too', () => {
    const { registered } = loadFunctionsBundle();
    expect(codeOf(registered.get('BLOCKVALUE')?.(1e300, 1e300, 1, 1, 0))).toBe('#NUM!');
    expect(codeOf(registered.get('MANAGEDVALUE')?.(1e308, 1e308, 1))).toBe('#NUM!');
  });

  it('no source file but the codes’ declaration and the adapters’ error mapping names the #NUM! code, and only the outcome module builds the "too large" problem', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const sources = files(path.join(__dirname, '..', '..', 'src')).filter((file) => file.endsWith('.ts'));
    // Code only: comments may say which error a problem becomes.
    const code = (file: string) => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const naming = sources.filter((file) => /invalidNumber|#NUM!/.test(code(file))).map((file) => path.relative(path.join(__dirname, '..', '..'), file));
    // error-codes.ts declares the codes (as office.js does); it maps nothing.
    expect(naming.sort()).toEqual(['src/functions/error-codes.ts', 'src/functions/excel-result.ts']);
    const building = sources.filter((file) => /resultTooLarge\(\)/.test(code(file))).map((file) => path.basename(file));
    expect(building).toEqual(['outcome.ts']);
  });
});
