import reference from '../reference/reference.json';
import { blockValue, breakEven, forfeitRisk, overageHours, unusedHours } from '../../src/model';

/**
 * reference.json comes from test/reference/generate.py: the same conventions computed
 * independently with mpmath at 50 significant digits. We require 1e-9 relative accuracy.
 * Quantities that are a tiny remainder of much larger ones (unused hours far below expected
 * use, say) are compared against the size of the inputs instead, since a double can only hold
 * them to about 1e-16 of that size.
 */
function expectClose(actual: number, expected: number, scale = 0): void {
  const tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-6 * scale, 1e-300);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

function unwrap<T>(outcome: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.value;
}

describe('the model against the mpmath reference table', () => {
  const demandCases = reference.demand.map((c) => [c.expectedHours, c.blockHours, c.variability, c] as const);

  it.each(demandCases)('unused, overage and forfeit risk for %p expected hours, a %p-hour block, variability %p', (_m, _h, _v, c) => {
    const scale = c.expectedHours + c.blockHours;
    expectClose(unwrap(unusedHours(c)), c.unusedHours, scale);
    expectClose(unwrap(overageHours(c)), c.overageHours, scale);
    expectClose(unwrap(forfeitRisk(c)), c.forfeitRisk, 1);
  });

  it.each(reference.blockValue.map((c) => [c.expectedHours, c.variability, c.termMonths, c.annualDiscountRate, c] as const))(
    'block value for %p hours at variability %p over %p months discounted at %p',
    (_m, _v, _t, _r, c) => {
      expectClose(unwrap(blockValue(c)), c.blockValue, c.blockPrice);
    },
  );

  it.each(reference.breakEven.map((c) => [c.blockPrice, c.blockHours, c.overageRate, c.variability, c] as const))(
    'break-even for a %p block of %p hours with overage %p at variability %p',
    (_p, _h, _o, _v, c) => {
      const result = unwrap(breakEven(c));
      if (c.breakEven === null) {
        // The reference scans up to 1e12 hours; past that we may still find a (useless) root.
        if (result.kind === 'hours') expect(result.hours).toBeGreaterThan(1e12);
      } else {
        expect(result).toEqual({ kind: 'hours', hours: expect.any(Number) });
        if (result.kind === 'hours') expectClose(result.hours, c.breakEven);
      }
    },
  );
});
