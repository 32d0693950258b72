/**
 * Records the incomplete-gamma evaluations the model makes, with their arguments, so the bench can
 * time one evaluation on exactly the (shape, x) calls each function makes: its "incomplete-gamma
 * floor". An evaluation is a call of an export of src/model/gamma.ts that moves its counter,
 * gammaEvaluationCount(), by one, whatever that export is called and however it computes (stdlib,
 * or Temme's expansion for large shapes).
 *
 * It swaps the module's exports in Node's require cache for recording wrappers, so it must be
 * imported before anything else loads src/model. Only the model loaded from src/ under tsx sees
 * the wrappers; dist/functions.js is timed untouched. The stdlib under it has the bundle's shims
 * (./bundled-stdlib), so the model recorded here computes what the bundle computes, call for call.
 */
import './bundled-stdlib';
import { createRequire } from 'module';

type Exports = Record<string, unknown>;
type Evaluation = (...args: never[]) => unknown;

/** The evaluations recorded: which export, with which arguments, in order. */
export interface GammaCalls {
  readonly names: string[];
  readonly args: unknown[][];
}

const load = createRequire(__filename);
const GAMMA_MODULE = '../src/model/gamma';
if (Object.keys(load.cache).some((file) => /[\\/]src[\\/]model[\\/]/.test(file))) {
  throw new Error('bench/gamma-probe.ts must be imported before src/model');
}
const original = load(GAMMA_MODULE) as Exports;
const cached = load.cache[load.resolve(GAMMA_MODULE)];
if (!cached) throw new Error('src/model/gamma is not in the require cache: the bench must run under tsx as CommonJS');
const count = original.gammaEvaluationCount as (() => number) | undefined;
if (typeof count !== 'function') throw new Error('src/model/gamma no longer exports gammaEvaluationCount()');

let recording: GammaCalls | undefined;

cached.exports = Object.fromEntries(
  Object.keys(original).map((name) => {
    const value = original[name];
    if (typeof value !== 'function' || name === 'gammaEvaluationCount') return [name, value];
    const fn = value as (...args: unknown[]) => unknown;
    return [
      name,
      (...args: unknown[]) => {
        const before = count();
        const result = fn(...args);
        if (recording && count() - before === 1) {
          recording.names.push(name);
          recording.args.push(args);
        }
        return result;
      },
    ];
  }),
);

/** Runs `work` and returns the incomplete-gamma evaluations it made. */
export function recordGammaCalls(work: () => void): GammaCalls {
  const calls: GammaCalls = { names: [], args: [] };
  recording = calls;
  try {
    work();
  } finally {
    recording = undefined;
  }
  return calls;
}

/**
 * Prepares recorded evaluations for replay against a copy of the gamma module (the bundle's own
 * build of it, for the floor): returns a pass that makes them all again, in order, and a sum of
 * their results that must be kept, so the work cannot be optimised away. Evaluations of two
 * numbers, all of them today, are replayed without spreading an array.
 */
export function replayer(calls: GammaCalls, copy: Exports): () => number {
  const functions = calls.names.map((name) => copy[name] as Evaluation);
  const size = functions.length;
  const twoNumbers = calls.args.every((args) => args.length === 2 && typeof args[0] === 'number' && typeof args[1] === 'number');
  const first = Float64Array.from(calls.args, (args) => (twoNumbers ? (args[0] as number) : 0));
  const second = Float64Array.from(calls.args, (args) => (twoNumbers ? (args[1] as number) : 0));
  const toNumber = (result: unknown) => (typeof result === 'number' ? result : 1);
  if (twoNumbers) {
    return () => {
      let sum = 0;
      for (let i = 0; i < size; i += 1) sum += toNumber((functions[i] as (a: number, b: number) => unknown)(first[i], second[i]));
      return sum;
    };
  }
  return () => {
    let sum = 0;
    for (let i = 0; i < size; i += 1) sum += toNumber((functions[i] as (...args: unknown[]) => unknown)(...calls.args[i]));
    return sum;
  };
}
