/**
 * Every sentence the model shows a user lives here, so wording stays consistent
 * between Excel error messages and the task pane's inline field messages.
 */

/** How an offending value is quoted back to the user. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a range';
  return 'a value that is not a number';
}

export const MESSAGES = {
  required: (name: string) => `${name} is required`,
  notANumber: (name: string, value: unknown) => `${name} must be a number (got ${describeValue(value)})`,
  notASingleNumber: (name: string) => `${name} must be a single number, not a range`,
  notFinite: (name: string, value: number) => `${name} must be a finite number (got ${describeValue(value)})`,
  greaterThan: (name: string, limit: number, value: number) => `${name} must be greater than ${limit} (got ${value})`,
  atLeast: (name: string, limit: number, value: number) => `${name} must be at least ${limit} (got ${value})`,
  atMost: (name: string, limit: number, value: number) => `${name} must be at most ${limit} (got ${value})`,
  blockNeverPaysOff: () =>
    'the block never pays off: it costs more than paying hourly at every level of use',
  inCell: (row: number, column: number) => ` in row ${row}, column ${column}`,
  tooFewNumbers: (name: string, count: number, got: number) =>
    `${name} must contain at least ${count} numbers (got ${got}; blank cells are ignored)`,
  atMostArgument: (name: string, other: string, limit: number, value: number) =>
    `${name} must be at most ${other} (${limit}) (got ${value})`,
  averageMustBePositive: (name: string) =>
    `${name} must average more than 0 hours, or variability is undefined`,
  managedNeverPaysOff: () =>
    'managed services never pay off: with covered_share and incident_reduction both 0 they save nothing per support hour',
  noSupportHours: () => 'no support hours are expected, so there is no cost per hour',
  resultTooLarge: () => 'the result is too large to show as a number; check the size of the inputs',
  noHoursUsed: () => 'hours_used is 0, so there is no cost per hour used',
} as const;
