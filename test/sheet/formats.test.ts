/** The number formats the plans share, each shown as Excel shows it (test/support/render-plan.ts formats like Excel). */
import { BILLED_HOURS, COUNT, DATE, GENERAL, HOURS, HOURS_INPUT, MONEY, MONTH, PERCENT, PLAIN, RATIO, VARIABILITY } from '../../src/sheet/formats';
import { formatValue } from '../support/render-plan';

it.each([
  [MONEY, -1234.5, '-1,234.50'],
  [HOURS, 19.94, '19.9'],
  [HOURS_INPUT, 3.25, '3.25'],
  [HOURS_INPUT, 3, '3.0'],
  [BILLED_HOURS, 1.5, '1.50'],
  [PERCENT, 0.1234, '12.3%'],
  [VARIABILITY, 0.6543, '65.4%'],
  [RATIO, 0.5, '0.500'],
  [COUNT, 12.4, '12'],
  [PLAIN, 1.25, '1.25'],
  [PLAIN, 2, '2.'],
  [DATE, 46204, '2026-07-01'],
  [GENERAL, 1.5, '1.5'],
])('%s shows %p as %p', (format, value, shown) => {
  expect(formatValue(value, format)).toBe(shown);
});

it('names each format as Excel writes it', () => {
  expect([MONEY, HOURS, HOURS_INPUT, BILLED_HOURS, PERCENT, VARIABILITY, RATIO, COUNT, PLAIN, DATE, GENERAL, MONTH]).toEqual([
    '#,##0.00;[Red]-#,##0.00', '#,##0.0', '#,##0.0#', '0.00', '0.0%', '0.0%', '0.000', '0', '0.##', 'yyyy-mm-dd', 'General', 'mmm yyyy',
  ]);
});
