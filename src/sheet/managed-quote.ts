/**
 * A managed-services quote on the scenario sheets: when the wizard's monthly fee came from a quote
 * priced per user, device and server, the sheet shows the quote as inputs and the fee as
 * ITCOST.MANAGEDFEE over them, with the onboarding fee spread over the term compared.
 */
import { MANAGEDFEE_LIMITS, type ManagedQuote } from '../model';
import { replaceField, type Field } from './builder';
import { COUNT, MONEY } from './formats';

/** A quote as the wizard takes it: the months come from the sheet's term. */
export type QuoteInputs = Omit<ManagedQuote, 'months'>;

/** The quote's inputs in MANAGEDFEE's argument order, with their names on the sheet. */
const QUOTE_ROWS: readonly { readonly key: keyof QuoteInputs; readonly name: string; readonly label: string; readonly unit: string; readonly format: string }[] = [
  { key: 'users', name: 'quote_users', label: 'Managed quote: users', unit: 'users covered', format: COUNT },
  { key: 'pricePerUser', name: 'quote_price_per_user', label: 'Managed quote: price per user', unit: 'money per user per month', format: MONEY },
  { key: 'devices', name: 'quote_devices', label: 'Managed quote: devices', unit: 'devices covered', format: COUNT },
  { key: 'pricePerDevice', name: 'quote_price_per_device', label: 'Managed quote: price per device', unit: 'money per device per month', format: MONEY },
  { key: 'servers', name: 'quote_servers', label: 'Managed quote: servers', unit: 'servers covered', format: COUNT },
  { key: 'pricePerServer', name: 'quote_price_per_server', label: 'Managed quote: price per server', unit: 'money per server per month', format: MONEY },
  { key: 'minimumFee', name: 'quote_minimum_fee', label: 'Managed quote: minimum monthly fee', unit: 'money per month', format: MONEY },
  { key: 'onboardingFee', name: 'quote_onboarding_fee', label: 'Managed quote: onboarding fee', unit: 'money, one-off, spread over the term', format: MONEY },
];

/** The monthly fee over the quote's inputs. */
export const QUOTE_FEE_FORMULA = `=ITCOST.MANAGEDFEE(${QUOTE_ROWS.map((row) => row.name).join(',')},term_months)`;

/**
 * The input fields with a quote: the monthly fee becomes QUOTE_FEE_FORMULA, and the quote's inputs
 * follow it, each validated against MANAGEDFEE's limit.
 */
export function withQuote(fields: readonly Field[], quote: QuoteInputs | undefined): Field[] {
  if (!quote) return [...fields];
  return replaceField(fields, 'monthly_fee', (fee) => [
    { label: fee.label, name: fee.name, cell: { formula: QUOTE_FEE_FORMULA, numberFormat: fee.cell.numberFormat }, unit: 'money per month, from the quote below (MANAGEDFEE)' },
    ...QUOTE_ROWS.map((row): Field => ({ label: row.label, name: row.name, cell: { value: quote[row.key], numberFormat: row.format }, unit: row.unit, limit: MANAGEDFEE_LIMITS[row.key] })),
  ]);
}
