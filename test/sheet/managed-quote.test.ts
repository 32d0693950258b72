/** A managed quote on the scenario sheets, in the formula engine: the fee is MANAGEDFEE over the quote's inputs. */
import { checkScenario, monthlyFeeOfQuote } from '../../src/model';
import { QUOTE_FEE_FORMULA, withQuote } from '../../src/sheet/managed-quote';
import { scenarioPlan } from '../../src/sheet/scenario';
import { readForm } from '../../src/taskpane/form';
import { expectClose, planEngine, valueOf } from './plan-engine';

const QUOTE = { users: 25, pricePerUser: 95, devices: 30, pricePerDevice: 10, servers: 2, pricePerServer: 150, minimumFee: 2500, onboardingFee: 3000 };

describe('a managed quote on a scenario sheet', () => {
  it('shows the quote as inputs and the monthly fee as MANAGEDFEE over them, the onboarding fee spread over the term', () => {
    const fee = monthlyFeeOfQuote({ ...QUOTE, months: 24 });
    const inputs = valueOf(
      checkScenario({
        hourlyRate: 150, expectedMonthlyHours: 10, monthlyVariability: 0.4, disruptionCostPerHour: 0, blockHours: 40, blockPrice: 5400,
        termMonths: 24, overageRate: 150, monthlyFee: fee, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0,
      }),
    );
    const plan = scenarioPlan(inputs, { quote: QUOTE });
    const engine = planEngine(plan);
    expect(engine.number('monthly_fee')).toBe(3100);
    expect(plan.cells.flat().map((cell) => cell?.formula)).toContain(QUOTE_FEE_FORMULA);
    expect(engine.number('quote_users')).toBe(25);
    engine.set('quote_users', 40);
    expectClose(engine.number('monthly_fee'), 40 * 95 + 300 + 300 + 3000 / 24, 'after an edit', 1e-15);
    engine.set('term_months', 12);
    expectClose(engine.number('monthly_fee'), 40 * 95 + 300 + 300 + 3000 / 12, 'over a shorter term', 1e-15);
  });

  it('comes from the wizard only when the fee was left to the quote', () => {
    const typed = {
      hourlyRate: '150', expectedMonthlyHours: '10', monthlyVariability: '40', blockHours: '40', blockPrice: '5400', termMonths: '24',
      quoteUsers: '25', quotePricePerUser: '95', quoteDevices: '30', quotePricePerDevice: '10', quoteServers: '2', quotePricePerServer: '150', quoteMinimumFee: '2500', quoteOnboardingFee: '3000',
    };
    const fromQuote = readForm({ ...typed, monthlyFee: '' });
    expect(fromQuote.quote).toEqual(QUOTE);
    expect(fromQuote.inputs?.monthlyFee).toBe(3100);
    expect(readForm({ ...typed, monthlyFee: '900' }).quote).toBeUndefined();
    expect(withQuote([{ label: 'Fee', name: 'monthly_fee', cell: { value: 900 } }], undefined)).toEqual([{ label: 'Fee', name: 'monthly_fee', cell: { value: 900 } }]);
  });
});
