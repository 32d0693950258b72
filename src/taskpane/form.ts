/*
 * The wizard's form logic, without the DOM: field texts in, model inputs and inline messages out.
 * Messages come from the same limit tables the model checks (SCENARIO_LIMITS), phrased for the pane.
 */
import {
  blockDiscount,
  blockPriceFromDiscount,
  checkScenario,
  checkValue,
  limitInWords,
  demandFromHistory,
  monthlyFeeFromSeats,
  type ArgumentLimit,
  type Outcome,
  type ScenarioInputs,
} from '../model';
import { FIELDS, limitOf, type FieldSpec } from './fields';

export type FieldTexts = Readonly<Record<string, string>>;

export interface FormState {
  /** A message per field id that is invalid. */
  readonly errors: Readonly<Record<string, string>>;
  /** The checked inputs, when every field is valid. */
  readonly inputs?: ScenarioInputs;
}

/** Reads a typed number: "1,800", " 185 " and "12.5" work; "" is empty; anything else is not a number. */
export function parseNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return 'invalid';
  const value = Number(plain);
  return Number.isFinite(value) ? value : 'invalid';
}

/** The rule of a limit in words, for one field: "Must be greater than 0.", "Must be from 0% to 100%." */
export function ruleInWords(limit: ArgumentLimit): string {
  const words = limitInWords(limit);
  return `Must be ${words}.`;
}

/** Values loaded from a sheet, kept exact while their text is unchanged (percent texts are rounded). */
export type ExactValues = Readonly<Record<string, { readonly text: string; readonly value: number }>>;

/** A field's value in model units (percent fields ÷ 100), or its message. */
function readField(field: FieldSpec, texts: FieldTexts, exact: ExactValues): { value: number | null } | { error: string } {
  const text = texts[field.id] ?? '';
  const loaded = exact[field.id];
  if (loaded && loaded.text === text) return { value: loaded.value };
  const parsed = parseNumber(text);
  if (parsed === 'invalid') return { error: 'Enter a number, like 12 or 1,800.' };
  if (parsed === null) return { value: null };
  return { value: field.kind === 'percent' ? parsed / 100 : parsed };
}

/**
 * Checks every field. Empty optional fields take their defaults; the block's price may come
 * from its discount and the managed fee from price per seat × seats.
 */
export function readForm(texts: FieldTexts, exact: ExactValues = {}): FormState {
  const errors: Record<string, string> = {};
  const values: Record<string, number | null> = {};
  for (const field of FIELDS) {
    const read = readField(field, texts, exact);
    if ('error' in read) {
      errors[field.id] = read.error;
      continue;
    }
    values[field.id] = read.value;
  }

  // Helper fields fill a model field the user left empty.
  const derived = { ...values };
  if (derived.blockPrice === null && typeof values.blockDiscount === 'number' && typeof values.blockHours === 'number' && typeof values.hourlyRate === 'number') {
    derived.blockPrice = blockPriceFromDiscount(values.blockHours, values.hourlyRate, values.blockDiscount);
    if (!(derived.blockPrice > 0)) errors.blockDiscount = 'A discount of 100% or more leaves no price to pay.';
  }
  if (derived.monthlyFee === null && typeof values.seatPrice === 'number' && typeof values.seats === 'number') {
    if (!(values.seatPrice > 0)) errors.seatPrice = 'Must be more than 0.';
    if (!(values.seats >= 1)) errors.seats = 'Must be 1 or more.';
    derived.monthlyFee = monthlyFeeFromSeats(values.seatPrice, values.seats);
  }

  for (const field of FIELDS) {
    const limit = limitOf(field);
    const value = derived[field.id];
    if (!limit || errors[field.id]) continue;
    if (value === null || value === undefined) {
      if (!limit.optional && !(field.id === 'blockPrice' && errors.blockDiscount) && !(field.id === 'monthlyFee' && (errors.seatPrice || errors.seats))) {
        errors[field.id] = requiredMessage(field);
      }
      continue;
    }
    const checked = checkValue(limit, value);
    if (!checked.ok) errors[field.id] = ruleInWords(limit);
  }
  if (Object.keys(errors).length > 0) return { errors };

  const raw = Object.fromEntries(FIELDS.filter((f) => f.key).map((f) => [f.key, derived[f.id]]));
  const outcome: Outcome<ScenarioInputs> = checkScenario(raw);
  if (!outcome.ok) {
    const field = FIELDS.find((f) => f.key && limitOf(f)?.excelName === outcome.problem.argument);
    return { errors: { [field?.id ?? 'hourlyRate']: outcome.problem.message } };
  }
  return { errors, inputs: outcome.value };
}

function requiredMessage(field: FieldSpec): string {
  if (field.id === 'blockPrice') return 'Enter the price, or the discount below.';
  if (field.id === 'monthlyFee') return 'Enter the fee, or price per seat and seats below.';
  return `Enter the ${field.label.toLowerCase()}.`;
}

/** The block price a typed discount gives, rounded to cents, or null while hours, rate or discount are missing. */
export function priceFromDiscountText(texts: FieldTexts): number | null {
  const hours = parseNumber(texts.blockHours ?? '');
  const rate = parseNumber(texts.hourlyRate ?? '');
  const discount = parseNumber(texts.blockDiscount ?? '');
  if (typeof hours !== 'number' || typeof rate !== 'number' || typeof discount !== 'number') return null;
  return Math.round(blockPriceFromDiscount(hours, rate, discount / 100) * 100) / 100;
}

/** The monthly fee from price per seat × seats, or null while either is missing. */
export function feeFromSeatsText(texts: FieldTexts): number | null {
  const price = parseNumber(texts.seatPrice ?? '');
  const seats = parseNumber(texts.seats ?? '');
  if (typeof price !== 'number' || typeof seats !== 'number') return null;
  return Math.round(monthlyFeeFromSeats(price, seats) * 100) / 100;
}

/** The discount a price represents, for showing beside it (null when it cannot be computed). */
export function discountFor(texts: FieldTexts): number | null {
  const hours = parseNumber(texts.blockHours ?? '');
  const rate = parseNumber(texts.hourlyRate ?? '');
  const price = parseNumber(texts.blockPrice ?? '');
  if (typeof hours !== 'number' || typeof rate !== 'number' || typeof price !== 'number' || !(hours > 0) || !(rate > 0)) return null;
  return blockDiscount(hours, rate, price);
}

/** Average monthly hours and their month-to-month variability from pasted history, or a message. */
export function estimateFromHistory(text: string): { expectedMonthlyHours: number; monthlyVariability: number } | { error: string } {
  const parts = text.split(/[\s;\t\n]+/).filter((part) => part.trim() !== '');
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseNumber(part);
    if (value === null) continue;
    if (value === 'invalid' || value < 0) return { error: `"${part}" is not a number of hours.` };
    numbers.push(value);
  }
  if (numbers.length < 2) return { error: 'Give at least 2 months of hours, one per line.' };
  if (!(numbers.some((n) => n > 0))) return { error: 'The months average 0 hours: nothing to estimate from.' };
  const monthly = demandFromHistory(numbers, 1);
  return { expectedMonthlyHours: monthly.expectedHours, monthlyVariability: monthly.variability };
}

/**
 * Field texts for a set of inputs, e.g. read back from a scenario sheet, with the exact values
 * behind them: readForm(texts, exact) gives back exactly these inputs.
 */
export function textsFor(inputs: Readonly<Record<string, number>>): { texts: Record<string, string>; exact: ExactValues } {
  const texts: Record<string, string> = {};
  const exact: Record<string, { text: string; value: number }> = {};
  for (const field of FIELDS) {
    if (!field.key || inputs[field.key] === undefined) continue;
    const value = inputs[field.key];
    const text = field.kind === 'percent' ? String(+(value * 100).toPrecision(15)) : String(value);
    texts[field.id] = text;
    exact[field.id] = { text, value };
  }
  return { texts, exact };
}

