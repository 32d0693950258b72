/**
 * Fuzzing every ITCOST function through the built bundle, as Excel would call it: at least
 * 100,000 argument vectors each (fast-check, seeded), mixing realistic numbers with magnitudes
 * from 1e-12 to 1e12, zero, negatives, NaN, ±Infinity, null in required places, text, booleans,
 * ranges where numbers are expected and numbers where ranges are expected, ragged and empty ranges.
 * Every call must return what its metadata declares or an Excel error with a message, never
 * throw and never give NaN or Infinity. How much work a call may do is bounded, without clocks,
 * in work.fuzz.test.ts; speed itself is measured by `npm run bench`.
 */
import fc from 'fast-check';
import { readDist } from '../support/dist';
import { ERROR_CODES, FakeCustomFunctionsError } from '../support/custom-functions-runtime';

const RUNS = Number(process.env.ITCOST_FUZZ_RUNS ?? 100_000);
const SEED = 20261126;

interface FunctionMetadata {
  id: string;
  parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }>;
  result: { type?: string; dimensionality?: string };
}
const metadata = JSON.parse(readDist('functions.json')) as { functions: FunctionMetadata[] };

// The bundle, loaded in this realm with only CustomFunctions and Office in scope.
const registered = new Map<string, (...args: unknown[]) => unknown>();
const runtime = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  Error: FakeCustomFunctionsError,
  ErrorCode: ERROR_CODES,
};
new Function('CustomFunctions', 'Office', readDist('functions.js'))(runtime, {});

const realistic = fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }));
const magnitude = fc.double({ min: 1e-12, max: 1e12, noNaN: true });
const number = fc.oneof(
  { weight: 8, arbitrary: realistic },
  { weight: 3, arbitrary: magnitude },
  { weight: 2, arbitrary: magnitude.map((x) => -x) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE) },
);
const cell = fc.oneof({ weight: 6, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(null, '', 'abc', true, false) });
const ragged = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 });
const scalarArgument = fc.oneof(
  { weight: 20, arbitrary: number },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: ragged },
);
const rangeArgument = fc.oneof(
  { weight: 8, arbitrary: ragged },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(null, [], [[]], 'abc') },
);

function isExcelError(value: unknown): boolean {
  return value instanceof FakeCustomFunctionsError && Object.values(ERROR_CODES).includes(value.code as never) && typeof value.message === 'string' && value.message.length > 0;
}

/** What a result must look like, given the function's metadata. */
function checkResult(fn: FunctionMetadata, result: unknown): string | undefined {
  if (isExcelError(result)) return undefined;
  if (result instanceof FakeCustomFunctionsError) return `error without a code and message: ${JSON.stringify(result)}`;
  if (fn.result.dimensionality === 'matrix') {
    if (!Array.isArray(result) || result.length === 0 || !result.every((row) => Array.isArray(row) && row.length === (result[0] as unknown[]).length && row.length > 0)) {
      return `not a well-formed 2D array: ${JSON.stringify(result)}`;
    }
    for (const value of result.flat()) {
      if (typeof value === 'number' && !Number.isFinite(value)) return `non-finite cell ${value}`;
      if (typeof value !== 'number' && typeof value !== 'string' && !isExcelError(value)) return `bad cell ${JSON.stringify(value)}`;
    }
    return undefined;
  }
  if (fn.result.type === 'string') return typeof result === 'string' && result.length > 0 ? undefined : `not text: ${JSON.stringify(result)}`;
  return typeof result === 'number' && Number.isFinite(result) ? undefined : `not a finite number: ${String(result)}`;
}

/** Argument vectors, shared by functions with the same shape of arguments (and so sampled once). */
const chunkCache = new Map<string, unknown[][]>();
function samplesFor(fn: FunctionMetadata, offset: number, count: number): unknown[][] {
  const shape = fn.parameters.map((p) => (p.dimensionality === 'matrix' ? 'R' : 'S')).join('');
  const key = `${shape}:${offset}`;
  const cached = chunkCache.get(key);
  if (cached) return cached;
  const vector = fc.tuple(...fn.parameters.map((p) => (p.dimensionality === 'matrix' ? rangeArgument : scalarArgument)));
  const samples = fc.sample(vector, { numRuns: count, seed: SEED + shape.length * 1000 + offset }) as unknown[][];
  chunkCache.set(key, samples);
  return samples;
}

describe.each(metadata.functions.map((fn) => [fn.id, fn] as const))('fuzzing ITCOST.%s', (id, fn) => {
  it(`survives ${RUNS.toLocaleString('en-US')} random argument vectors`, () => {
    const implementation = registered.get(id);
    if (!implementation) throw new Error(`${id} is not registered`);
    const call = (args: unknown[]) => {
      try {
        return { result: implementation(...args) };
      } catch (error) {
        return { threw: error };
      }
    };
    const failures: string[] = [];
    const CHUNK = 10_000;
    for (let offset = 0; offset < RUNS; offset += CHUNK) {
      for (const args of samplesFor(fn, offset, Math.min(CHUNK, RUNS - offset))) {
        const outcome = call(args);
        if ('threw' in outcome) failures.push(`threw ${String(outcome.threw)} for ${JSON.stringify(args)}`);
        const problem = 'result' in outcome ? checkResult(fn, outcome.result) : undefined;
        if (problem && failures.length < 5) failures.push(`${problem} for ${JSON.stringify(args)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
