import { MESSAGES } from './messages';

/**
 * Every model entry point returns an Outcome instead of throwing, so that bad input and
 * "no answer exists" are ordinary values the adapters can turn into Excel errors.
 */

/** Why a model call produced no number. */
export type ProblemKind =
  /** The input breaks a rule, e.g. a negative number of hours. Excel shows #VALUE!. */
  | 'invalidInput'
  /** The input is fine but no answer exists, e.g. a block that never pays off. Excel shows #N/A. */
  | 'noAnswer'
  /** The input is fine but the answer does not fit in a double, e.g. a saving beyond 1.8e308. Excel shows #NUM!. */
  | 'tooLarge';

export interface Problem {
  readonly kind: ProblemKind;
  /** The Excel name of the argument at fault (`block_hours`), when one argument is to blame. */
  readonly argument?: string;
  /** A sentence for the user that names the argument and the rule. */
  readonly message: string;
}

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: Problem };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T>(problem: Problem): Outcome<T> {
  return { ok: false, problem };
}

/** Applies `next` to a successful value; passes a problem through unchanged. */
export function andThen<T, U>(outcome: Outcome<T>, next: (value: T) => Outcome<U>): Outcome<U> {
  return outcome.ok ? next(outcome.value) : outcome;
}

/** Maps a successful value; passes a problem through unchanged. */
export function mapOutcome<T, U>(outcome: Outcome<T>, transform: (value: T) => U): Outcome<U> {
  return outcome.ok ? succeed(transform(outcome.value)) : outcome;
}

/** The one problem for a result that does not fit in a double. */
export function tooLargeProblem(): Problem {
  return { kind: 'tooLarge', message: MESSAGES.resultTooLarge() };
}

/**
 * Guards a computed number: extreme but valid inputs (1e300 hours at 1e10 an hour) can overflow
 * a double. Excel must never see Infinity or NaN, so that becomes a "too large" problem instead.
 * Only results that are unbounded by nature (money, hours) may need this: probabilities and
 * hours bounded by an input are computed so that they cannot overflow.
 */
export function finiteOrProblem(value: number): Outcome<number> {
  return Number.isFinite(value) ? succeed(value) : fail(tooLargeProblem());
}
