/*
 * The fields the wizard fills for the user, each from a helper: the block's price from its
 * discount, the discount from a typed price (for reading), the managed fee from the quote. A field
 * the user typed in is never filled over; clearing it hands it back to its helper. Pure: texts and
 * the set of typed fields in, the texts to fill and the notes that show where they came from out.
 */
import { discountFor, feeFromQuoteText, priceFromDiscountText, type FieldTexts } from './form';
import { withDecimal, type DecimalSeparator } from './number-entry';

/** The fields a helper may fill. */
export const LINKED_FIELDS = ['blockPrice', 'blockDiscount', 'monthlyFee'] as const;
export type LinkedField = (typeof LINKED_FIELDS)[number];

export function isLinkedField(id: string): id is LinkedField {
  return (LINKED_FIELDS as readonly string[]).includes(id);
}

export interface LinkedFills {
  /** The text each field the user has not typed in should show ('' when its helper gives nothing). */
  readonly texts: Readonly<Partial<Record<LinkedField, string>>>;
  /** A note under each field filled from another, saying from which. */
  readonly notes: Readonly<Partial<Record<LinkedField, string>>>;
}


/**
 * What the helpers fill, given what the user typed (`typed`: the linked fields holding their own
 * text). The price comes from a typed discount; the discount, shown for reading, from a typed price;
 * the fee from the quote.
 *
 * @example
 * linkedFills({ hourlyRate: '100', blockHours: '20', blockDiscount: '10' }, new Set(['blockDiscount'])).texts.blockPrice
 * //=> '1800'
 */
export function linkedFills(texts: FieldTexts, typed: ReadonlySet<string>, decimal: DecimalSeparator = '.'): LinkedFills {
  const fills: Partial<Record<LinkedField, string>> = {};
  const notes: Partial<Record<LinkedField, string>> = {};
  if (!typed.has('blockPrice')) {
    const price = typed.has('blockDiscount') ? priceFromDiscountText(texts, decimal) : null;
    fills.blockPrice = price === null ? '' : withDecimal(price, decimal);
    const discount = (texts.blockDiscount ?? '').trim().replace(/\s*%$/, '');
    if (price !== null) notes.blockPrice = `Filled in from the ${discount}% discount: hours × rate × (1 − discount). Type a price to set it yourself.`;
  }
  if (!typed.has('blockDiscount')) {
    const discount = typed.has('blockPrice') ? discountFor(texts, decimal) : null;
    const shown = discount === null ? '' : withDecimal(+(discount * 100).toFixed(2), decimal);
    fills.blockDiscount = shown;
    if (discount !== null) notes.blockDiscount = `The price you typed is ${shown}% off hours × rate.`;
  }
  if (!typed.has('monthlyFee')) {
    const fee = feeFromQuoteText(texts, decimal);
    fills.monthlyFee = fee === null ? '' : withDecimal(fee, decimal);
    if (fee !== null) notes.monthlyFee = 'Filled in from the quote below, as ITCOST.MANAGEDFEE computes it. Type a fee to set it yourself.';
  }
  return { texts: fills, notes };
}
