import type { ArgumentLimit } from '../model';
import type { PlanValidation } from './plan';

/**
 * Data validation for input cells from a model limit table entry, so the sheet refuses what the
 * functions would refuse. The message is shown by Excel when a typed value breaks the rule.
 */
export function validationFromLimit(range: string, limit: ArgumentLimit, label: string): PlanValidation {
  const min = limit.greaterThan ?? limit.atLeast;
  const bounds =
    limit.atMost !== undefined && min !== undefined
      ? `between ${min} and ${limit.atMost}`
      : limit.greaterThan !== undefined
        ? `greater than ${limit.greaterThan}`
        : min !== undefined
          ? `at least ${min}`
          : 'a number';
  return {
    range,
    kind: 'decimal',
    ...(min !== undefined ? { min } : {}),
    ...(limit.atMost !== undefined ? { max: limit.atMost } : {}),
    ...(limit.greaterThan !== undefined ? { minExclusive: true } : {}),
    message: `${label} must be ${bounds}${limit.atMost === 1 && min === 0 ? ' (0% to 100%)' : ''}.`,
  };
}
