import { limitInWords, type ArgumentLimit } from '../model';
import type { PlanValidation } from './plan';

/**
 * Data validation for input cells from a model limit table entry, so the sheet refuses what the
 * functions would refuse. The message is shown by Excel when a typed value breaks the rule.
 */
export function validationFromLimit(range: string, limit: ArgumentLimit, label: string): PlanValidation {
  const min = limit.greaterThan ?? limit.atLeast;
  return {
    range,
    kind: 'decimal',
    ...(min !== undefined ? { min } : {}),
    ...(limit.atMost !== undefined ? { max: limit.atMost } : {}),
    ...(limit.greaterThan !== undefined ? { minExclusive: true } : {}),
    message: `${label} must be ${limitInWords(limit)}.`,
  };
}
