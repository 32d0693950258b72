import fc from 'fast-check';
import { checkScenario, fail, limitInWords, type Problem } from '../../src/model';
import * as scenario from '../../src/model/scenario';
import { FIELDS, HELPER_LIMITS, limitOf } from '../../src/taskpane/fields';
import {
  discountFor,
  estimateFromHistory,
  estimateTexts,
  feeFromQuoteText,
  formStateForProblem,
  parseNumber,
  priceFromDiscountText,
  readForm,
  ruleInWords,
  textsFor,
} from '../../src/taskpane/form';

// checkOfferScenario as it is, but replaceable for one call: no field value reaches it invalid, so a
// problem it finds can only be staged.
jest.mock('../../src/model/scenario', () => {
  const actual = jest.requireActual<typeof scenario>('../../src/model/scenario');
  return { ...actual, checkOfferScenario: jest.fn(actual.checkOfferScenario) };
});

const typed = {
  hourlyRate: '185', expectedMonthlyHours: '2', monthlyVariability: '60', disruptionCostPerHour: '40', blockHours: '20', blockPrice: '3,400',
  termMonths: '12', overageRate: '175', monthlyFee: '900', coveredShare: '90', incidentReduction: '25', annualDiscountRate: '6',
};

describe('reading the wizard form', () => {
  it.each([
    ['185', 185],
    [' 1,800 ', 1800],
    ['1,234,567.5', 1234567.5],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['-3', -3],
    ['', null],
    ['  ', null],
    ['12abc', 'invalid'],
    ['1,80', 1.8],
    ['$1,800', 1800],
    ['1,2,3', 'invalid'],
    // Spaces and apostrophes are dropped only where they group thousands.
    ['1 800', 1800],
    ["CHF 1'234.50", 1234.5],
    ['1 50', 'invalid'],
    ["1'5", 'invalid'],
    ['1234 567', 'invalid'],
    ['150 €', 150],
    ['NaN', 'invalid'],
    ['Infinity', 'invalid'],
  ])('reads %p as %p', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it('turns a complete form into the model inputs, percent fields divided by 100', () => {
    const state = readForm(typed);
    expect(state.errors).toEqual({});
    expect(state.inputs).toEqual({
      hourlyRate: 185, expectedMonthlyHours: 2, monthlyVariability: 0.6, disruptionCostPerHour: 40, blockHours: 20, blockPrice: 3400,
      termMonths: 12, overageRate: 175, monthlyFee: 900, coveredShare: 0.9, incidentReduction: 0.25, annualDiscountRate: 0.06,
    });
  });

  it('uses the defaults of the limit tables for empty optional fields', () => {
    const state = readForm({ ...typed, monthlyVariability: '', termMonths: '', overageRate: '', coveredShare: '', incidentReduction: '', annualDiscountRate: '', disruptionCostPerHour: '' });
    expect(state.inputs).toMatchObject({ monthlyVariability: 0, termMonths: 12, overageRate: 185, coveredShare: 1, incidentReduction: 0, annualDiscountRate: 0, disruptionCostPerHour: 0 });
  });

  it.each([
    ['hourlyRate', '0', 'Must be greater than 0.'],
    ['hourlyRate', '', 'Enter the hourly rate.'],
    ['hourlyRate', 'lots', 'Enter a number, like 12 or 1,800.'],
    ['coveredShare', '120', 'Must be from 0% to 100%.'],
    ['incidentReduction', '-5', 'Must be from 0% to 100%.'],
    ['termMonths', '0.5', 'Must be at least 1.'],
    ['expectedMonthlyHours', '-1', 'Must be at least 0.'],
    ['blockPrice', '', 'Enter the price, or the discount below.'],
    ['monthlyFee', '', "Enter the fee, or the quote's users and price per user below."],
  ])('shows a message under %s for %p', (id, text, message) => {
    const state = readForm({ ...typed, [id]: text });
    expect(state.inputs).toBeUndefined();
    expect(state.errors[id]).toBe(message);
  });

  it('phrases every limit of the scenario table for its field as the model and the sheets do', () => {
    for (const field of FIELDS.filter((f) => f.key)) {
      const limit = limitOf(field, field.offers?.[0] ?? 'block');
      if (!limit) throw new Error(`${field.id} has no limit`);
      expect(ruleInWords(limit)).toBe(`Must be ${limitInWords(limit)}.`);
    }
  });

  it('takes the limit of every field from a table: the scenario table for model fields, the helper table for helper fields', () => {
    expect(FIELDS.filter((f) => !limitOf(f)).map((f) => f.id)).toEqual([]);
    expect(FIELDS.filter((f) => !f.key).map((f) => [f.id, limitOf(f)])).toEqual(Object.entries(HELPER_LIMITS));
  });

  it('fills the price from a discount, and the fee from a managed quote as MANAGEDFEE computes it', () => {
    expect(priceFromDiscountText({ ...typed, blockPrice: '', blockDiscount: '10' })).toBe(3330);
    const state = readForm({ ...typed, blockPrice: '', blockDiscount: '10', monthlyFee: '', quoteUsers: '25', quotePricePerUser: '36' });
    expect(state.errors).toEqual({});
    expect(state.inputs?.blockPrice).toBeCloseTo(3330, 9);
    expect(state.inputs?.monthlyFee).toBe(900);
    // 25 × 95 + 30 × 10 + 2 × 150 = 2,975, above the 2,500 minimum; 3,000 of onboarding over the 12 months compared.
    const quote = { quoteUsers: '25', quotePricePerUser: '95', quoteDevices: '30', quotePricePerDevice: '10', quoteServers: '2', quotePricePerServer: '150', quoteMinimumFee: '2500', quoteOnboardingFee: '3000' };
    expect(feeFromQuoteText({ ...quote, termMonths: '12' })).toBe(3225);
    expect(feeFromQuoteText({ ...quote, termMonths: '' })).toBe(3225);
    expect(feeFromQuoteText({ ...quote, termMonths: '24' })).toBe(3100);
    expect(feeFromQuoteText({ ...quote, quoteMinimumFee: '4000', termMonths: '24' })).toBe(4125);
    expect(readForm({ ...typed, monthlyFee: '', ...quote, termMonths: '24' }).inputs?.monthlyFee).toBe(3100);
  });

  // The helper fields' limits: a discount from 0% up to, not including, 100%; the quote's parts, MANAGEDFEE's limits.
  it.each([
    ['blockDiscount', '100', 'Must be at least 0% and less than 100%.'],
    ['blockDiscount', '-10', 'Must be at least 0% and less than 100%.'],
    ['quotePricePerUser', '-36', 'Must be at least 0.'],
    ['quoteUsers', '-1', 'Must be at least 0.'],
    ['quoteOnboardingFee', '-100', 'Must be at least 0.'],
  ])('blames the helper field %s for %p, phrased from its limit, and not the empty field it fills', (id, text, message) => {
    const texts = { ...typed, blockPrice: '', blockDiscount: '10', monthlyFee: '', quoteUsers: '25', quotePricePerUser: '36', [id]: text };
    const state = readForm(texts);
    expect(state.inputs).toBeUndefined();
    expect(state.errors).toEqual({ [id]: message });
    expect(message).toBe(ruleInWords(HELPER_LIMITS[id as keyof typeof HELPER_LIMITS]));
  });

  it.each([
    ['a discount of 100%', { blockDiscount: '100' }, priceFromDiscountText],
    ['a negative discount', { blockDiscount: '-10' }, priceFromDiscountText],
    ['a negative price per user', { quoteUsers: '25', quotePricePerUser: '-36' }, feeFromQuoteText],
    ['users without a price', { quoteUsers: '25' }, feeFromQuoteText],
  ])('fills in no price or fee from %s, so the helper field shows why', (_case, helpers, fill) => {
    expect(fill({ ...typed, blockPrice: '', monthlyFee: '', ...helpers })).toBeNull();
  });

  it('leaves a discount the pane filled unchecked (the discount of a price above hours × rate, for reading), and checks one typed', () => {
    const state = readForm({ ...typed, blockDiscount: '-50' }, {}, 'block', { filled: new Set(['blockDiscount']) });
    expect(state.errors).toEqual({});
    expect(state.inputs?.blockPrice).toBe(3400);
    expect(readForm({ ...typed, blockDiscount: '-50' }).errors).toEqual({ blockDiscount: 'Must be at least 0% and less than 100%.' });
    expect(readForm({ ...typed, blockDiscount: '100' }).errors).toEqual({ blockDiscount: 'Must be at least 0% and less than 100%.' });
  });

  it('checks a quote typed beside a typed fee, though the fee is what counts', () => {
    expect(readForm({ ...typed, quotePricePerUser: '-1', quoteUsers: '5' }).errors).toEqual({ quotePricePerUser: 'Must be at least 0.' });
  });

  it('refuses figures outside the range ITCost takes in a field, with the range, and reads what people type', () => {
    expect(readForm({ ...typed, monthlyVariability: '5000' }).errors).toEqual({ monthlyVariability: 'Check this figure: ITCost takes up to 500% here.' });
    expect(readForm({ ...typed, hourlyRate: '1e20' }).errors).toEqual({ hourlyRate: 'Check this figure: ITCost takes from 0.01 to 10,000,000 here.' });
    expect(readForm({ ...typed, hourlyRate: '0.001' }).errors).toEqual({ hourlyRate: 'Check this figure: ITCost takes from 0.01 to 10,000,000 here.' });
    expect(readForm({ ...typed, hourlyRate: '0' }).errors).toEqual({ hourlyRate: 'Must be greater than 0.' });
    expect(readForm({ ...typed, hourlyRate: '10000000' }).errors).toEqual({});
    expect(readForm({ ...typed, hourlyRate: '0,001' }, {}, 'block', { decimal: ',' }).errors).toEqual({ hourlyRate: 'Check this figure: ITCost takes from 0,01 to 10.000.000 here.' });
    const de = readForm({ ...typed, hourlyRate: '185,5 €', blockPrice: '3.400', coveredShare: '90 %' }, {}, 'block', { decimal: ',' });
    expect(de.inputs).toMatchObject({ hourlyRate: 185.5, blockPrice: 3400, coveredShare: 0.9 });
    expect(readForm({ ...typed, hourlyRate: 'x' }, {}, 'block', { decimal: ',' }).errors).toEqual({ hourlyRate: 'Enter a number, like 12 or 1.800.' });
  });

  it('scales the support hours by the after-hours share at its multiplier, and keeps the hours worked for the sheet', () => {
    const base = readForm(typed).inputs?.expectedMonthlyHours ?? Number.NaN;
    const state = readForm({ ...typed, afterHoursShare: '20', afterHoursMultiplier: '2' });
    expect(state.errors).toEqual({});
    expect(state.inputs?.expectedMonthlyHours).toBeCloseTo(base * 1.2, 12);
    expect(state.afterHours).toEqual({ workedMonthlyHours: base, share: 0.2, multiplier: 2 });
    // An empty multiplier is 1.5; an empty or zero share changes nothing.
    expect(readForm({ ...typed, afterHoursShare: '20' }).inputs?.expectedMonthlyHours).toBeCloseTo(base * 1.1, 12);
    expect(readForm({ ...typed, afterHoursShare: '0', afterHoursMultiplier: '2' }).afterHours).toBeUndefined();
    expect(readForm({ ...typed, afterHoursShare: '150' }).errors).toEqual({ afterHoursShare: 'Must be from 0% to 100%.' });
    expect(readForm({ ...typed, afterHoursShare: '20', afterHoursMultiplier: '0' }).errors).toEqual({ afterHoursMultiplier: 'Must be greater than 0.' });
  });

  it('shows an estimate rounded, and keeps its exact value while the text is left as shown', () => {
    const { texts, exact } = estimateTexts({ expectedMonthlyHours: 12.345678, monthlyVariability: 0.5550502752731576 });
    expect(texts).toEqual({ expectedMonthlyHours: '12.35', monthlyVariability: '55.5' });
    const state = readForm({ ...typed, ...texts }, exact);
    expect(state.inputs?.expectedMonthlyHours).toBe(12.345678);
    expect(state.inputs?.monthlyVariability).toBe(0.5550502752731576);
    // Typed over, the text is what counts.
    expect(readForm({ ...typed, ...texts, monthlyVariability: '60' }, exact).inputs?.monthlyVariability).toBe(0.6);
  });

  it('estimates the average and the month-to-month variability from pasted history, like TERMDEMAND over one month', () => {
    const estimate = estimateFromHistory('10\n14\n12\n8\n16\n12\n');
    expect(estimate).toEqual({ expectedMonthlyHours: 12, monthlyVariability: Math.sqrt(8) / 12 });
    expect(estimateFromHistory('10')).toEqual({ error: 'Give at least 2 months of hours, one per line.' });
    expect(estimateFromHistory('10\nten')).toEqual({ error: '"ten" is not a number of hours.' });
  });
});

describe('a problem the model finds in checked fields', () => {
  it('is put in the terms of the field it is shown under: "this", labels for the other arguments, percentages in a percent field', () => {
    const retainerTooFine = "monthly_variability 0.6 is too small against the rollover for an exact answer within one call's work; use at least 1.8 or 0 (hours known exactly)";
    expect(formStateForProblem({ kind: 'invalidInput', argument: 'monthly_variability', message: retainerTooFine }, 'retainer')).toEqual({
      errors: { monthlyVariability: "This is too small against the rollover for an exact answer within one call's work; use at least 180% or 0% (hours known exactly)" },
    });
    const capTooLarge = "rollover_cap 0.9 is too large for an exact answer within one call's work at this variability; use at most 0.5, or 1 or more (a cap that never binds)";
    expect(formStateForProblem({ kind: 'invalidInput', argument: 'rollover_cap', message: capTooLarge }, 'retainer').errors.rolloverCap).toBe(
      "This is too large for an exact answer within one call's work at this variability; use at most 50%, or 100% or more (a cap that never binds)",
    );
    expect(formStateForProblem({ kind: 'invalidInput', argument: 'block_price', message: 'block_price must be at most hourly_rate × block_hours (3700)' }).errors.blockPrice).toBe(
      'Block price must be at most hourly rate × hours in the block (3700)',
    );
  });

  const problem = (argument: string | undefined): Problem => ({ kind: 'invalidInput', argument, message: `the model's message about ${argument}` });

  it.each([
    ['block_price', 'blockPrice'],
    ['hourly_rate', 'hourlyRate'],
    ['annual_discount_rate', 'annualDiscountRate'],
  ])('is shown under the field of the argument it names: %s under %s', (argument, id) => {
    // In the field's terms: capitalized, and the argument named by its field's label.
    const label = FIELDS.find((f) => f.id === id)?.label.toLowerCase();
    expect(formStateForProblem(problem(argument))).toEqual({ errors: { [id]: `The model's message about ${label}` } });
  });

  it.each([['discount'], ['not_an_argument'], [undefined]])('naming %p, which is no field, is shown for the form and blames no field', (argument) => {
    expect(formStateForProblem(problem(argument))).toEqual({ errors: {}, formError: `the model's message about ${argument}` });
  });

  it.each([
    ['block_price', { errors: { blockPrice: "The model's message about block price" } }],
    ['users', { errors: {}, formError: "the model's message about users" }],
  ])('reaches the form from readForm: a problem naming %s', (argument, state) => {
    jest.mocked(scenario.checkOfferScenario).mockReturnValueOnce(fail(problem(argument)));
    expect(readForm(typed)).toEqual(state);
  });
});

describe('loading a scenario sheet back into the form', () => {
  it('round-trips every valid scenario exactly', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const positive = fc.double({ min: 1e-6, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(positive, fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), positive, positive, fc.double({ min: 1, max: 120, noNaN: true }), positive, positive, share, share, fc.double({ min: 0, max: 1, noNaN: true }),
        (hourlyRate, expectedMonthlyHours, monthlyVariability, disruptionCostPerHour, blockHours, blockPrice, termMonths, overageRate, monthlyFee, coveredShare, incidentReduction, annualDiscountRate) => {
          const inputs = { hourlyRate, expectedMonthlyHours, monthlyVariability, disruptionCostPerHour, blockHours, blockPrice, termMonths, overageRate, monthlyFee, coveredShare, incidentReduction, annualDiscountRate };
          const scenario = checkScenario(inputs);
          if (!scenario.ok) throw new Error(scenario.problem.message);
          const { texts, exact } = textsFor(scenario.value);
          expect(readForm(texts, exact).inputs).toEqual(scenario.value);
        }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

describe('a top-up block or a retainer in the form', () => {
  const common = { hourlyRate: '150', expectedMonthlyHours: '8', monthlyVariability: '50', monthlyFee: '1,500', termMonths: '12' };

  it('reads a retainer from its own fields, the rollover cap as a percentage, and ignores the block’s', () => {
    const state = readForm({ ...common, retainerHours: '8', retainerPrice: '1,050', rolloverCap: '40', blockHours: 'not read', blockPrice: '' }, {}, 'retainer');
    expect(state.errors).toEqual({});
    expect(state.inputs).toBeUndefined();
    expect(state.scenario).toEqual({
      kind: 'retainer',
      inputs: expect.objectContaining({ retainerHours: 8, retainerPrice: 1050, rolloverCap: 0.4, termMonths: 12, overageRate: 150, monthlyFee: 1500, disruptionCostPerHour: 0 }),
    });
  });

  it('asks for a retainer’s hours and price, and holds its term to whole months', () => {
    const state = readForm({ ...common, termMonths: '12.5' }, {}, 'retainer');
    expect(state.errors).toEqual({ retainerHours: 'Enter the hours a month.', retainerPrice: 'Enter the price a month.', termMonths: 'Must be a whole number from 1 to 1200.' });
    expect(state.scenario).toBeUndefined();
  });

  it('reads a top-up block from the block’s hours and price (or discount), with no overage rate', () => {
    const state = readForm({ ...common, blockHours: '24', blockPrice: '', blockDiscount: '10', overageRate: 'not read' }, {}, 'topUp');
    expect(state.errors).toEqual({});
    expect(state.scenario?.kind).toBe('topUp');
    expect(state.scenario?.inputs).toEqual(expect.objectContaining({ blockHours: 24, blockPrice: 24 * 150 * 0.9 }));
    expect(state.scenario?.inputs).not.toHaveProperty('overageRate');
  });

  it('shows a problem naming a retainer argument under its field', () => {
    expect(formStateForProblem({ kind: 'invalidInput', argument: 'monthly_price', message: 'm' }, 'retainer')).toEqual({ errors: { retainerPrice: 'M' } });
    expect(formStateForProblem({ kind: 'invalidInput', argument: 'monthly_price', message: 'm' }, 'block')).toEqual({ errors: {}, formError: 'm' });
  });
});

describe('what the helpers fill from extreme figures', () => {
  it('fills nothing from a figure outside its field\'s range, and never Infinity', () => {
    expect(priceFromDiscountText({ blockHours: '20', hourlyRate: '1e308', blockDiscount: '10' })).toBeNull();
    expect(priceFromDiscountText({ blockHours: '1e6', hourlyRate: '1e7', blockDiscount: '10' })).toBe(9e12);
    // A rate or hours the model refuses give no price, rather than a negative one under the price's own message.
    expect(priceFromDiscountText({ blockHours: '20', hourlyRate: '-1', blockDiscount: '10' })).toBeNull();
    expect(priceFromDiscountText({ blockHours: '0', hourlyRate: '100', blockDiscount: '10' })).toBeNull();
    expect(feeFromQuoteText({ quoteUsers: '1e308', quotePricePerUser: '50' })).toBeNull();
    expect(feeFromQuoteText({ quoteUsers: '1000000', quotePricePerUser: '10000000' })).toBe(1e13);
    expect(discountFor({ blockHours: '1e-300', hourlyRate: '100', blockPrice: '1800' })).toBeNull();
  });
});
