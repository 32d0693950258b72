import { AFTER_HOURS_LIMITS, MANAGEDFEE_LIMITS, OFFER_SCENARIO_LIMITS, RETAINER_SCENARIO_LIMITS, SCENARIO_LIMITS, TOPUP_SCENARIO_LIMITS, type ArgumentLimit, type LimitTable, type OfferKind } from '../model';

/** Every model input a wizard field can hold, whatever the offer: each kind of offer checks its own (OFFER_SCENARIO_LIMITS). */
const ALL_SCENARIO_LIMITS = { ...SCENARIO_LIMITS, ...TOPUP_SCENARIO_LIMITS, ...RETAINER_SCENARIO_LIMITS };

export type ScenarioKey = keyof typeof ALL_SCENARIO_LIMITS;

/** The kinds of prepaid offer the wizard weighs, in the order it offers them. */
export const OFFER_KINDS: readonly { readonly kind: OfferKind; readonly label: string; readonly hint: string }[] = [
  { kind: 'block', label: 'A block of hours', hint: 'Bought once; hours beyond it are billed as overage.' },
  { kind: 'topUp', label: 'A top-up block', hint: 'Bought again each time it runs out.' },
  { kind: 'retainer', label: 'A monthly retainer', hint: 'Hours each month for a monthly fee; some may roll over.' },
];

/** A wizard field. Model fields validate against SCENARIO_LIMITS; helper fields fill one and validate against HELPER_LIMITS. */
export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** Percent fields show 0–100 and hold 0–1 in the model. */
  readonly kind: 'number' | 'percent';
  readonly step: 1 | 2 | 3 | 4;
  /** The model input this field holds, if any. */
  readonly key?: ScenarioKey;
  /** What an empty optional field means, shown as its placeholder. */
  readonly placeholder?: string;
  /** The kinds of offer the field belongs to; every kind when not given. */
  readonly offers?: readonly OfferKind[];
}

export const FIELDS: readonly FieldSpec[] = [
  { id: 'hourlyRate', key: 'hourlyRate', step: 1, kind: 'number', label: 'Hourly rate', hint: 'What your provider charges per hour of support.' },
  { id: 'expectedMonthlyHours', key: 'expectedMonthlyHours', step: 1, kind: 'number', label: 'Support hours per month', hint: 'On average. Or estimate it from history below.' },
  {
    id: 'monthlyVariability',
    key: 'monthlyVariability',
    step: 1,
    kind: 'percent',
    label: 'How much the hours vary',
    hint: 'How far a month typically strays from the average: 0% = steady, 25% = varies a little, 50% = often half as much or half again, 100% = very uneven.',
    placeholder: '0',
  },
  {
    id: 'afterHoursShare',
    step: 1,
    kind: 'percent',
    label: 'Share of hours after hours or urgent',
    hint: 'Billed at the multiplier below, and drawn from prepaid hours at it too: the hours above are scaled to match. Leave 0 if your history already counts them so.',
    placeholder: '0',
  },
  { id: 'afterHoursMultiplier', step: 1, kind: 'number', label: 'After-hours multiplier', hint: 'E.g. 1.5 or 2: each such hour counts as this many.', placeholder: '1.5' },
  { id: 'disruptionCostPerHour', key: 'disruptionCostPerHour', step: 1, kind: 'number', label: 'Cost of disruption per hour', hint: 'Lost work while IT problems are being fixed.', placeholder: '0' },
  { id: 'blockHours', key: 'blockHours', step: 2, kind: 'number', label: 'Hours in the block', hint: 'Prepaid hours.', offers: ['block', 'topUp'] },
  { id: 'blockPrice', key: 'blockPrice', step: 2, kind: 'number', label: 'Block price', hint: 'Paid up front. Or give the discount instead.', offers: ['block', 'topUp'] },
  { id: 'blockDiscount', step: 2, kind: 'percent', label: 'Discount on the hourly rate', hint: 'Fills in the price: hours × rate × (1 − discount).', offers: ['block', 'topUp'] },
  { id: 'retainerHours', key: 'retainerHours', step: 2, kind: 'number', label: 'Hours a month', hint: 'Available at the start of each month.', offers: ['retainer'] },
  { id: 'retainerPrice', key: 'retainerPrice', step: 2, kind: 'number', label: 'Price a month', hint: 'Paid at the start of each month.', offers: ['retainer'] },
  {
    id: 'rolloverCap',
    key: 'rolloverCap',
    step: 2,
    kind: 'percent',
    label: 'Rollover cap (% of a month)',
    hint: "Unused hours that may carry into the next month, as a share of a month's hours. 0 = use it or lose it.",
    placeholder: '0',
    offers: ['retainer'],
  },
  { id: 'termMonths', key: 'termMonths', step: 2, kind: 'number', label: 'Valid for (months)', hint: 'Unused hours expire after this.', placeholder: '12' },
  { id: 'overageRate', key: 'overageRate', step: 2, kind: 'number', label: 'Overage rate', hint: 'Per hour beyond the hours prepaid.', placeholder: 'same as hourly rate', offers: ['block', 'retainer'] },
  { id: 'monthlyFee', key: 'monthlyFee', step: 3, kind: 'number', label: 'Monthly fee', hint: 'One figure, or the quote below: users, devices and servers at their prices (ITCOST.MANAGEDFEE).' },
  { id: 'quoteUsers', step: 3, kind: 'number', label: 'Users', hint: 'Quote: users covered.' },
  { id: 'quotePricePerUser', step: 3, kind: 'number', label: 'Price per user', hint: 'Quote: per user, per month.' },
  { id: 'quoteDevices', step: 3, kind: 'number', label: 'Devices', hint: 'Quote: workstations and laptops, if priced apart.', placeholder: '0' },
  { id: 'quotePricePerDevice', step: 3, kind: 'number', label: 'Price per device', hint: 'Quote: per device, per month.', placeholder: '0' },
  { id: 'quoteServers', step: 3, kind: 'number', label: 'Servers', hint: 'Quote: servers covered.', placeholder: '0' },
  { id: 'quotePricePerServer', step: 3, kind: 'number', label: 'Price per server', hint: 'Quote: per server, per month.', placeholder: '0' },
  { id: 'quoteMinimumFee', step: 3, kind: 'number', label: 'Minimum monthly fee', hint: 'Quote: the least billed a month, whatever the count.', placeholder: '0' },
  { id: 'quoteOnboardingFee', step: 3, kind: 'number', label: 'Onboarding fee', hint: 'Quote: one-off, spread over the months compared (step 2).', placeholder: '0' },
  { id: 'coveredShare', key: 'coveredShare', step: 3, kind: 'percent', label: 'Share of support hours covered', hint: 'The rest is billed hourly.', placeholder: '100' },
  { id: 'incidentReduction', key: 'incidentReduction', step: 3, kind: 'percent', label: 'Expected reduction in incidents', hint: 'From proactive care.', placeholder: '0' },
  { id: 'annualDiscountRate', key: 'annualDiscountRate', step: 4, kind: 'percent', label: 'What your cash earns elsewhere (per year)', hint: 'Optional: money paid later is worth less by this rate. Leave 0 to add up payments as they are.', placeholder: '0' },
];

/**
 * The limits of the helper fields, by field id: a share of after-hours work at a multiplier scales
 * the support hours (hours × (1 + share × (multiplier − 1))), a discount fills the block's price (hours × rate ×
 * (1 − discount)), a managed quote fills the monthly fee as MANAGEDFEE computes it, with
 * MANAGEDFEE's own limits. Their messages are phrased from these limits like every other field's.
 * A discount of 100% or more would leave no price to pay.
 */
export const HELPER_LIMITS = {
  afterHoursShare: AFTER_HOURS_LIMITS.share,
  afterHoursMultiplier: AFTER_HOURS_LIMITS.multiplier,
  blockDiscount: { excelName: 'discount', unit: 'share of the hourly rate', atLeast: 0, lessThan: 1, percent: true },
  quoteUsers: MANAGEDFEE_LIMITS.users,
  quotePricePerUser: MANAGEDFEE_LIMITS.pricePerUser,
  quoteDevices: MANAGEDFEE_LIMITS.devices,
  quotePricePerDevice: MANAGEDFEE_LIMITS.pricePerDevice,
  quoteServers: MANAGEDFEE_LIMITS.servers,
  quotePricePerServer: MANAGEDFEE_LIMITS.pricePerServer,
  quoteMinimumFee: MANAGEDFEE_LIMITS.minimumFee,
  quoteOnboardingFee: MANAGEDFEE_LIMITS.onboardingFee,
} as const satisfies LimitTable;

/** The quote's fields, by MANAGEDFEE's argument (its model key). */
export const QUOTE_FIELDS = {
  users: 'quoteUsers',
  pricePerUser: 'quotePricePerUser',
  devices: 'quoteDevices',
  pricePerDevice: 'quotePricePerDevice',
  servers: 'quoteServers',
  pricePerServer: 'quotePricePerServer',
  minimumFee: 'quoteMinimumFee',
  onboardingFee: 'quoteOnboardingFee',
} as const satisfies Partial<Record<keyof typeof MANAGEDFEE_LIMITS, HelperId>>;

export type HelperId = keyof typeof HELPER_LIMITS;

/**
 * The figures ITCost takes in each field, in the field's own units (percent fields in percent):
 * wider than any real contract, narrow enough that no figure overflows the pane or the model's
 * arithmetic. A figure outside is refused with a message on its field, not computed. `min`
 * applies to figures above 0 (0 and below are the model's limits to judge).
 */
export const PLAUSIBLE: Readonly<Partial<Record<string, { readonly min?: number; readonly max: number }>>> = {
  hourlyRate: { min: 0.01, max: 1e7 },
  expectedMonthlyHours: { min: 0.01, max: 1e5 },
  monthlyVariability: { max: 500 },
  afterHoursMultiplier: { max: 10 },
  disruptionCostPerHour: { max: 1e8 },
  blockHours: { min: 0.01, max: 1e6 },
  blockPrice: { max: 1e12 },
  retainerHours: { min: 0.01, max: 1e5 },
  retainerPrice: { max: 1e11 },
  termMonths: { max: 120 },
  overageRate: { max: 1e7 },
  monthlyFee: { max: 1e11 },
  quoteUsers: { max: 1e6 },
  quotePricePerUser: { max: 1e7 },
  quoteDevices: { max: 1e6 },
  quotePricePerDevice: { max: 1e7 },
  quoteServers: { max: 1e5 },
  quotePricePerServer: { max: 1e8 },
  quoteMinimumFee: { max: 1e11 },
  quoteOnboardingFee: { max: 1e12 },
  annualDiscountRate: { max: 100 },
};

function isHelperId(id: string): id is HelperId {
  return Object.prototype.hasOwnProperty.call(HELPER_LIMITS, id);
}

/** Whether a field belongs to a kind of offer. */
export function fieldApplies(field: FieldSpec, kind: OfferKind): boolean {
  return field.offers === undefined || field.offers.includes(kind);
}

/** The limit a field's value is checked against for a kind of offer: its model input's, or its helper limit. */
export function limitOf(field: FieldSpec, kind: OfferKind = 'block'): ArgumentLimit | undefined {
  if (field.key) {
    const limits: LimitTable = OFFER_SCENARIO_LIMITS[kind];
    return limits[field.key] ?? ALL_SCENARIO_LIMITS[field.key];
  }
  return isHelperId(field.id) ? HELPER_LIMITS[field.id] : undefined;
}
