/**
 * Data validation, translated once: a plan's validation becomes a sink-neutral rule, and each
 * writer (Excel API, .xlsx) maps that rule's fields to its own names and nothing more.
 */
import { limitInWords, type ArgumentLimit } from '../model';
import type { NumberBounds, PlanValidation } from './plan';

/**
 * Data validation for input cells from a model limit table entry, so the sheet refuses what the
 * functions would refuse. The message is shown by Excel when a typed value breaks the rule.
 */
export function validationFromLimit(range: string, limit: ArgumentLimit, label: string): PlanValidation {
  const bounds: NumberBounds = {
    ...(limit.greaterThan !== undefined ? { greaterThan: limit.greaterThan } : {}),
    ...(limit.atLeast !== undefined ? { atLeast: limit.atLeast } : {}),
    ...(limit.lessThan !== undefined ? { lessThan: limit.lessThan } : {}),
    ...(limit.atMost !== undefined ? { atMost: limit.atMost } : {}),
    ...(limit.wholeNumber ? { wholeNumber: true } : {}),
  };
  return { range, kind: 'number', bounds, message: `${label} must be ${limitInWords(limit)}.` };
}

/** The comparisons a single-operator rule can make, named as in the file format (and exceljs). */
export type RuleOperator = 'between' | 'greaterThan' | 'greaterThanOrEqual' | 'lessThan' | 'lessThanOrEqual';

/**
 * A validation rule as both sinks can state it: a number compared by one operator (decimal, or
 * whole numbers only), one of a list, or a custom formula. A custom formula starts with "=" and
 * is written for the range's top-left cell; Excel shifts it to the other cells, as it does a
 * conditional format's.
 */
export type ValidationRule = { readonly range: string; readonly message: string } & (
  | { readonly kind: 'decimal' | 'whole'; readonly operator: RuleOperator; readonly formula1: number; readonly formula2?: number }
  | { readonly kind: 'list'; readonly options: readonly string[] }
  | { readonly kind: 'custom'; readonly formula: string }
);

/** One bound of a number: the operator a rule with only that bound uses, and its value. */
interface Bound {
  readonly operator: 'greaterThan' | 'greaterThanOrEqual' | 'lessThan' | 'lessThanOrEqual';
  readonly value: number;
}

const COMPARISONS: Readonly<Record<Bound['operator'], string>> = { greaterThan: '>', greaterThanOrEqual: '>=', lessThan: '<', lessThanOrEqual: '<=' };

/** The bounds given, lower ones first. */
function boundsOf(bounds: NumberBounds): Bound[] {
  const candidates: ReadonlyArray<readonly [Bound['operator'], number | undefined]> = [
    ['greaterThan', bounds.greaterThan],
    ['greaterThanOrEqual', bounds.atLeast],
    ['lessThan', bounds.lessThan],
    ['lessThanOrEqual', bounds.atMost],
  ];
  return candidates.flatMap(([operator, value]) => (value === undefined ? [] : [{ operator, value }]));
}

/**
 * The rule for a plan validation. Bounds one operator can state become that operator (an
 * inclusive minimum and maximum are "between"); any other set of bounds (an exclusive bound with
 * a second bound, or none) becomes a custom formula: the cell is a number, whole if it must be,
 * and meets every bound.
 */
export function validationRule(validation: PlanValidation): ValidationRule {
  const { range, message } = validation;
  if (validation.kind === 'list') return { range, message, kind: 'list', options: validation.options };
  const kind = validation.bounds.wholeNumber ? 'whole' : 'decimal';
  const bounds = boundsOf(validation.bounds);
  const [lower, upper] = bounds;
  if (bounds.length === 1) return { range, message, kind, operator: lower.operator, formula1: lower.value };
  if (bounds.length === 2 && lower.operator === 'greaterThanOrEqual' && upper.operator === 'lessThanOrEqual') {
    return { range, message, kind, operator: 'between', formula1: lower.value, formula2: upper.value };
  }
  const cell = range.split(':')[0].replace(/\$/g, '');
  const conditions = [
    `ISNUMBER(${cell})`,
    ...(kind === 'whole' ? [`INT(${cell})=${cell}`] : []),
    ...bounds.map((bound) => `${cell}${COMPARISONS[bound.operator]}${bound.value}`),
  ];
  return { range, message, kind: 'custom', formula: `=AND(${conditions.join(',')})` };
}
