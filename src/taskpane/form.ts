/*
 * The wizard's form logic, without the DOM: field texts in, model inputs and inline messages out.
 * Messages come from the same limit tables the model checks (SCENARIO_LIMITS, and HELPER_LIMITS
 * for the helper fields), phrased for the pane by ruleInWords.
 */
import {
  afterHoursFactor,
  blockDiscount,
  blockPriceFromDiscount,
  checkOfferScenario,
  checkValue,
  limitInWords,
  demandFromHistory,
  monthlyFeeOfQuote,
  type ManagedQuote,
  OFFER_SCENARIO_LIMITS,
  SCENARIO_LIMITS,
  type AfterHours,
  type ArgumentLimit,
  type LimitTable,
  type OfferKind,
  type Problem,
  type Scenario,
  type ScenarioInputs,
} from '../model';
import { FIELDS, HELPER_LIMITS, PLAUSIBLE, QUOTE_FIELDS, fieldApplies, type FieldSpec, type HelperId } from './fields';
import { parseNumber, withDecimal, type DecimalSeparator } from './number-entry';

/** What each field holds, by field id; a field not listed is empty. */
export type FieldTexts = Readonly<Partial<Record<string, string>>>;

export interface FormState {
  /** A message per field id that is invalid. */
  readonly errors: Readonly<Record<string, string>>;
  /** A message for the form as a whole: a problem of the model that names none of the fields. */
  readonly formError?: string;
  /** The checked scenario, when every field of its kind of offer is valid. */
  readonly scenario?: Scenario;
  /** The checked inputs of a block's scenario (the scenario's, when its offer is a block). */
  readonly inputs?: ScenarioInputs;
  /** When some hours are after hours at a multiplier: the hours typed, before they were scaled. */
  readonly afterHours?: AfterHours;
  /** When the monthly fee came from the quote's fields: the quote (its onboarding fee spread over the term). */
  readonly quote?: Omit<ManagedQuote, 'months'>;
}

export { parseNumber } from './number-entry';

/** How the form was filled in: the locale's decimal separator, and the fields the pane filled itself (from a helper), which are not the user's slips. */
export interface FormEntry {
  readonly decimal?: DecimalSeparator;
  readonly filled?: ReadonlySet<string>;
}

/** The rule of a limit in words, for one field: "Must be greater than 0.", "Must be from 0% to 100%." */
export function ruleInWords(limit: ArgumentLimit): string {
  const words = limitInWords(limit);
  return `Must be ${words}.`;
}

/** Values loaded from a sheet, kept exact while their text is unchanged (percent texts are rounded). */
export type ExactValues = Readonly<Partial<Record<string, { readonly text: string; readonly value: number }>>>;

/** How a number is written in the pane's locale, for the messages: "1,800" or "1.800". */
function written(value: number, decimal: DecimalSeparator): string {
  const text = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return decimal === ',' ? text.replace(/[,.]/g, (c) => (c === ',' ? '.' : ',')) : text;
}

/** The message for a figure outside the range ITCost takes in its field ({@link PLAUSIBLE}), if it is. */
function implausible(field: FieldSpec, value: number, decimal: DecimalSeparator): string | undefined {
  const range = PLAUSIBLE[field.id];
  if (!range || (value <= range.max && !(range.min !== undefined && value > 0 && value < range.min))) return undefined;
  const unit = field.kind === 'percent' ? '%' : '';
  const bounds = range.min === undefined ? `up to ${written(range.max, decimal)}${unit}` : `from ${written(range.min, decimal)} to ${written(range.max, decimal)}${unit}`;
  return `Check this figure: ITCost takes ${bounds} here.`;
}

/** A field's value in model units (percent fields ÷ 100), or its message. */
function readField(field: FieldSpec, texts: FieldTexts, exact: ExactValues, decimal: DecimalSeparator): { value: number | null } | { error: string } {
  const text = texts[field.id] ?? '';
  const loaded = exact[field.id];
  if (loaded && loaded.text === text) return { value: loaded.value };
  const parsed = parseNumber(text, { decimal, percent: field.kind === 'percent' });
  if (parsed === 'invalid') return { error: `Enter a number, like 12 or ${written(1800, decimal)}.` };
  if (parsed === null) return { value: null };
  const outside = implausible(field, parsed, decimal);
  if (outside) return { error: outside };
  return { value: field.kind === 'percent' ? parsed / 100 : parsed };
}

/** The helper fields that fill a model field when it is left empty. */
const HELPERS_OF: Readonly<Partial<Record<string, readonly HelperId[]>>> = {
  blockPrice: ['blockDiscount'],
  monthlyFee: [QUOTE_FIELDS.users, QUOTE_FIELDS.pricePerUser],
};

/** A number within its limit, or undefined. */
function within(limit: ArgumentLimit, value: number | null | undefined | 'invalid'): number | undefined {
  return typeof value === 'number' && checkValue(limit, value).ok ? value : undefined;
}

/**
 * The monthly fee a quote typed in the helper fields comes to (MANAGEDFEE), once its users and price
 * per user are given; the other parts default to 0, and the onboarding fee is spread over the
 * months compared (12 while they are not given). Undefined, with messages on the fields at fault,
 * while the quote is incomplete or invalid.
 */
function quoteFee(
  values: Readonly<Partial<Record<string, number | null>>>,
  errors: Record<string, string>,
  termMonths: number | undefined,
): { monthlyFee: number; quote: Omit<ManagedQuote, 'months'> } | undefined {
  const parts: Partial<Record<keyof typeof QUOTE_FIELDS, number>> = {};
  let valid = true;
  for (const [key, id] of Object.entries(QUOTE_FIELDS) as [keyof typeof QUOTE_FIELDS, HelperId][]) {
    const limit: ArgumentLimit = HELPER_LIMITS[id];
    const value = values[id] ?? (limit.optional ? limit.defaultValue : undefined);
    if (value === undefined) {
      valid = false;
      continue;
    }
    const part = helperValue(id, { [id]: value }, errors);
    if (part === undefined) valid = false;
    else parts[key] = part;
  }
  if (!valid) return undefined;
  const quote = parts as Omit<ManagedQuote, 'months'>;
  return { monthlyFee: monthlyFeeOfQuote({ ...quote, months: termMonths ?? 12 }), quote };
}

/** A helper field's value when it is within its limit; otherwise undefined, and its message when it is given. */
function helperValue(id: HelperId, values: Readonly<Partial<Record<string, number | null>>>, errors: Record<string, string>): number | undefined {
  const value = values[id];
  const valid = within(HELPER_LIMITS[id], value);
  if (typeof value === 'number' && valid === undefined) errors[id] = ruleInWords(HELPER_LIMITS[id]);
  return valid;
}

/**
 * Checks every field of the kind of offer (a block unless told). Empty optional fields take their
 * defaults; the block's price may come from its discount, the managed fee from the quote
 * (MANAGEDFEE), and the support hours are scaled for after-hours work. A helper field typed in is
 * checked against its limit, whether or not it fills its field; one the pane filled (`entry.filled`)
 * is not. Figures are read with the locale's decimal separator (`entry.decimal`). Fields of other
 * kinds of offer are ignored.
 */
export function readForm(texts: FieldTexts, exact: ExactValues = {}, kind: OfferKind = 'block', entry: FormEntry = {}): FormState {
  const { decimal = '.', filled = new Set<string>() } = entry;
  const fields = FIELDS.filter((field) => fieldApplies(field, kind));
  const limits: Readonly<Partial<LimitTable>> = OFFER_SCENARIO_LIMITS[kind];
  const errors: Record<string, string> = {};
  const values: Partial<Record<string, number | null>> = {};
  for (const field of fields) {
    const read = readField(field, texts, exact, decimal);
    if ('error' in read) {
      errors[field.id] = read.error;
      continue;
    }
    values[field.id] = read.value;
  }

  // Helper fields fill a model field the user left empty, from inputs that are themselves valid.
  const derived = { ...values };
  // After-hours work at a multiplier counts as more hours, billed hourly or drawn from a block alike.
  const share = helperValue('afterHoursShare', { afterHoursShare: values.afterHoursShare ?? 0 }, errors);
  const multiplier = helperValue('afterHoursMultiplier', { afterHoursMultiplier: values.afterHoursMultiplier ?? HELPER_LIMITS.afterHoursMultiplier.defaultValue }, errors);
  const worked = within(SCENARIO_LIMITS.expectedMonthlyHours, values.expectedMonthlyHours);
  const afterHours = share !== undefined && share > 0 && multiplier !== undefined && worked !== undefined ? { workedMonthlyHours: worked, share, multiplier } : undefined;
  if (afterHours) derived.expectedMonthlyHours = afterHours.workedMonthlyHours * afterHoursFactor(afterHours);
  // A helper typed in is checked whether or not it fills its field, so a slip in it always shows where it was made.
  const discount = filled.has('blockDiscount') ? within(HELPER_LIMITS.blockDiscount, values.blockDiscount) : helperValue('blockDiscount', values, errors);
  for (const id of Object.values(QUOTE_FIELDS)) helperValue(id, values, errors);
  if (values.blockPrice === null) {
    const hours = within(SCENARIO_LIMITS.blockHours, values.blockHours);
    const rate = within(SCENARIO_LIMITS.hourlyRate, values.hourlyRate);
    if (discount !== undefined && hours !== undefined && rate !== undefined) derived.blockPrice = blockPriceFromDiscount(hours, rate, discount);
  }
  let quote: Omit<ManagedQuote, 'months'> | undefined;
  if (values.monthlyFee === null) {
    const fee = quoteFee(values, errors, within(limits.termMonths ?? SCENARIO_LIMITS.termMonths, values.termMonths));
    if (fee !== undefined) {
      derived.monthlyFee = fee.monthlyFee;
      quote = fee.quote;
    }
  }

  for (const field of fields) {
    if (!field.key || errors[field.id]) continue;
    const limit = limits[field.key];
    if (!limit) continue;
    const value = derived[field.id];
    if (value === null || value === undefined) {
      // An empty price or fee whose helpers are all given is not missing: they fill it, or they or the fields they use show the message.
      const helpersGiven = HELPERS_OF[field.id]?.every((id) => values[id] !== null) ?? false;
      if (!limit.optional && !helpersGiven) errors[field.id] = requiredMessage(field);
      continue;
    }
    const checked = checkValue(limit, value);
    if (!checked.ok) errors[field.id] = ruleInWords(limit);
  }
  if (Object.keys(errors).length > 0) return { errors };

  const raw: Record<string, number | null | undefined> = {};
  for (const field of fields) if (field.key && limits[field.key]) raw[field.key] = derived[field.id];
  const outcome = checkOfferScenario(kind, raw);
  if (!outcome.ok) return formStateForProblem(outcome.problem, kind);
  const scenario = outcome.value;
  const extra = { ...(afterHours ? { afterHours } : {}), ...(quote ? { quote } : {}) };
  return scenario.kind === 'block' ? { errors, scenario, inputs: scenario.inputs, ...extra } : { errors, scenario, ...extra };
}

/**
 * The form's state for a problem the model found in checked fields: its message under the field of
 * the argument it names, or for the form as a whole when it names no field (or no argument).
 */
export function formStateForProblem(problem: Problem, kind: OfferKind = 'block'): FormState {
  const limits: Readonly<Partial<LimitTable>> = OFFER_SCENARIO_LIMITS[kind];
  const fieldOf = (argument: string) => FIELDS.find((f) => f.key !== undefined && fieldApplies(f, kind) && limits[f.key]?.excelName === argument);
  const field = problem.argument === undefined ? undefined : fieldOf(problem.argument);
  if (!field) return { errors: {}, formError: problem.message };
  return { errors: { [field.id]: inFieldTerms(problem.message, field, fieldOf) } };
}

/**
 * A model's message as its field shows it: the field itself is "this", other arguments go by
 * their labels, and in a percent field the figures it suggests are percentages.
 * ("monthly_variability 0.6 is too small …; use at least 1.8 or 0" under the variability field
 * reads "This is too small …; use at least 180% or 0%".)
 */
export function inFieldTerms(message: string, field: FieldSpec, fieldOf: (argument: string) => FieldSpec | undefined): string {
  const [name] = /^[a-z]+(?:_[a-z]+)*/.exec(message) ?? [''];
  let text = message.replace(new RegExp(`^${name} \\S+ (is|are)`), 'This $1');
  text = text.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (argument) => fieldOf(argument)?.label.toLowerCase() ?? argument);
  if (field.kind === 'percent') {
    const use = text.indexOf('; use ');
    if (use >= 0) text = text.slice(0, use) + text.slice(use).replace(/(?<![\w.])(\d+(?:\.\d+)?(?:e[-+]?\d+)?)(?![\w.%])/g, (figure) => `${+(Number(figure) * 100).toPrecision(6)}%`);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function requiredMessage(field: FieldSpec): string {
  if (field.id === 'blockPrice') return 'Enter the price, or the discount below.';
  if (field.id === 'monthlyFee') return "Enter the fee, or the quote's users and price per user below.";
  return `Enter the ${field.label.toLowerCase()}.`;
}

/** A field's typed number, read as its field reads it (a trailing % in a percent field). */
function typedNumber(texts: FieldTexts, id: string, decimal: DecimalSeparator): number | null | 'invalid' {
  const field = FIELDS.find((f) => f.id === id);
  const parsed = parseNumber(texts[id] ?? '', { decimal, percent: field?.kind === 'percent' });
  // A figure outside its field's range fills nothing: its own field says why.
  return typeof parsed === 'number' && field && implausible(field, parsed, decimal) !== undefined ? 'invalid' : parsed;
}

/** A figure a helper fills, when it is one: never Infinity or NaN in a field. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The block price a typed discount gives, rounded to cents, or null while hours, rate or discount are missing or the discount is outside its limit. */
export function priceFromDiscountText(texts: FieldTexts, decimal: DecimalSeparator = '.'): number | null {
  const hours = typedNumber(texts, 'blockHours', decimal);
  const rate = typedNumber(texts, 'hourlyRate', decimal);
  const discount = typedNumber(texts, 'blockDiscount', decimal);
  if (typeof hours !== 'number' || typeof rate !== 'number' || typeof discount !== 'number') return null;
  // A discount, hours or rate outside its limit gives no price: the price stays empty and that field shows why.
  if (within(HELPER_LIMITS.blockDiscount, discount / 100) === undefined) return null;
  if (within(SCENARIO_LIMITS.blockHours, hours) === undefined || within(SCENARIO_LIMITS.hourlyRate, rate) === undefined) return null;
  return finite(Math.round(blockPriceFromDiscount(hours, rate, discount / 100) * 100) / 100);
}

/** The monthly fee a typed quote comes to (MANAGEDFEE), rounded to cents, or null while it is incomplete or a part is outside its limit. */
export function feeFromQuoteText(texts: FieldTexts, decimal: DecimalSeparator = '.'): number | null {
  const values: Record<string, number | null> = {};
  for (const id of Object.values(QUOTE_FIELDS)) {
    const parsed = typedNumber(texts, id, decimal);
    if (parsed === 'invalid') return null;
    values[id] = parsed;
  }
  const term = typedNumber(texts, 'termMonths', decimal);
  const fee = quoteFee(values, {}, within(SCENARIO_LIMITS.termMonths, term === null ? undefined : term));
  return fee === undefined ? null : finite(Math.round(fee.monthlyFee * 100) / 100);
}

/** The discount a price represents, for showing beside it (null when it cannot be computed). */
export function discountFor(texts: FieldTexts, decimal: DecimalSeparator = '.'): number | null {
  const hours = typedNumber(texts, 'blockHours', decimal);
  const rate = typedNumber(texts, 'hourlyRate', decimal);
  const price = typedNumber(texts, 'blockPrice', decimal);
  if (typeof hours !== 'number' || typeof rate !== 'number' || typeof price !== 'number' || !(hours > 0) || !(rate > 0)) return null;
  return finite(blockDiscount(hours, rate, price));
}

/** Average monthly hours and their month-to-month variability from pasted history, or a message. */
export function estimateFromHistory(text: string, decimal: DecimalSeparator = '.'): { expectedMonthlyHours: number; monthlyVariability: number } | { error: string } {
  const parts = text.split(/[\s;\t\n]+/).filter((part) => part.trim() !== '');
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseNumber(part, { decimal });
    if (value === null) continue;
    if (value === 'invalid' || value < 0) return { error: `"${part}" is not a number of hours.` };
    numbers.push(value);
  }
  if (numbers.length < 2) return { error: 'Give at least 2 months of hours, one per line.' };
  if (!(numbers.some((n) => n > 0))) return { error: 'The months average 0 hours: nothing to estimate from.' };
  const monthly = demandFromHistory(numbers, 1);
  return { expectedMonthlyHours: monthly.expectedHours, monthlyVariability: monthly.variability };
}

/** Decimals an estimate is shown with, in its field's units: hours to the hundredth, a variability to a tenth of a percent. */
const ESTIMATE_DECIMALS: Readonly<Record<string, number>> = { expectedMonthlyHours: 2, monthlyVariability: 1 };

/** A field's text for a value in model units: percent fields × 100, with the locale's decimal separator. */
function fieldText(id: string, value: number, decimals: number | undefined, decimal: DecimalSeparator): string {
  const shown = FIELDS.find((f) => f.id === id)?.kind === 'percent' ? value * 100 : value;
  return withDecimal(decimals === undefined ? +shown.toPrecision(15) : Number(shown.toFixed(decimals)), decimal);
}

/**
 * Texts for figures the pane estimated (from history), rounded for reading, with the exact values
 * behind them: while a field still shows its rounded text, readForm takes the exact value.
 *
 * @example
 * estimateTexts({ monthlyVariability: 0.5550502752731576 }).texts
 * //=> { monthlyVariability: '55.5' }
 */
export function estimateTexts(
  values: Readonly<Record<string, number>>,
  decimal: DecimalSeparator = '.',
): { texts: Record<string, string>; exact: Record<string, { text: string; value: number }> } {
  const texts: Record<string, string> = {};
  const exact: Record<string, { text: string; value: number }> = {};
  for (const [id, value] of Object.entries(values)) {
    const text = fieldText(id, value, ESTIMATE_DECIMALS[id] ?? 2, decimal);
    texts[id] = text;
    exact[id] = { text, value };
  }
  return { texts, exact };
}

/**
 * Field texts for a set of inputs, e.g. read back from a scenario sheet, with the exact values
 * behind them: readForm(texts, exact) gives back exactly these inputs.
 */
export function textsFor(inputs: Readonly<Partial<Record<string, number>>>, decimal: DecimalSeparator = '.'): { texts: Record<string, string>; exact: ExactValues } {
  const texts: Record<string, string> = {};
  const exact: Record<string, { text: string; value: number }> = {};
  for (const field of FIELDS) {
    const value = field.key ? inputs[field.key] : undefined;
    if (value === undefined) continue;
    const text = fieldText(field.id, value, undefined, decimal);
    texts[field.id] = text;
    exact[field.id] = { text, value };
  }
  return { texts, exact };
}

