import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * The regularized incomplete gamma functions the demand model rests on, and a count of how many
 * times they were evaluated. The count lets tests and the bench bound the work a call does
 * deterministically (evaluations, not seconds). It only ever grows; callers take differences.
 */
let evaluations = 0;

/** How many incomplete-gamma evaluations have been made so far in this process. */
export function gammaEvaluationCount(): number {
  return evaluations;
}

/** Regularized lower incomplete gamma P(shape, x). Note stdlib's argument order: (x, shape). */
export function lowerRegularized(shape: number, x: number): number {
  evaluations += 1;
  return gammainc(x, shape, true, false);
}

/** Regularized upper incomplete gamma Q(shape, x) = 1 − P(shape, x), computed directly for accuracy in the tail. */
export function upperRegularized(shape: number, x: number): number {
  evaluations += 1;
  return gammainc(x, shape, true, true);
}
