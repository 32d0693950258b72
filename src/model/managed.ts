import { checkArguments, type CheckedArguments, type RawArguments } from './arguments';
import { MANAGEDBREAKEVEN_LIMITS, MANAGEDFEE_LIMITS, MANAGEDVALUE_LIMITS } from './limits';
import { MESSAGES } from './messages';
import { andThen, fail, finiteOrProblem, type Outcome } from './outcome';

/** A managed-services agreement and the business it serves. */
export interface ManagedTerms {
  /** Money per hour for support billed hourly. */
  readonly hourlyRate: number;
  /** The fixed fee, money per month. */
  readonly monthlyFee: number;
  /** Share of support hours the fee covers, 0 to 1; the rest is billed hourly. */
  readonly coveredShare: number;
  /** Share of support hours that proactive care avoids, 0 to 1. */
  readonly incidentReduction: number;
  /** What an hour of IT problems costs the business beyond the provider's bill, money per hour. */
  readonly disruptionCostPerHour: number;
}

/**
 * What support hours cost when paid hourly, including disruption: h · (R + c), for any period.
 *
 * @example
 * hourlyCostForHours(2, { hourlyRate: 185, disruptionCostPerHour: 0 })
 * //=> 370
 */
export function hourlyCostForHours(hours: number, terms: Pick<ManagedTerms, 'hourlyRate' | 'disruptionCostPerHour'>): number {
  return hours * (terms.hourlyRate + terms.disruptionCostPerHour);
}

/**
 * What managed services cost over `months` months in which `hours` support hours would be needed
 * if billed hourly: F · months + h · (1 − q) · ((1 − s) · R + c). Proactive care
 * removes a share q of the problem hours; the fee covers a share s of those left, and the
 * business still bears the disruption of every remaining hour.
 *
 * @example
 * managedCostForHours(24, 12, { hourlyRate: 185, monthlyFee: 3000, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0 })
 * //=> 36000
 */
export function managedCostForHours(hours: number, months: number, terms: ManagedTerms): number {
  const { hourlyRate, monthlyFee, coveredShare, incidentReduction, disruptionCostPerHour } = terms;
  return monthlyFee * months + hours * (1 - incidentReduction) * ((1 - coveredShare) * hourlyRate + disruptionCostPerHour);
}

/**
 * Expected monthly cost under managed services: F + h · (1 − q) · ((1 − s) · R + c).
 *
 * @example
 * managedMonthlyCost(2, { hourlyRate: 185, monthlyFee: 3000, coveredShare: 1, incidentReduction: 0, disruptionCostPerHour: 0 })
 * //=> 3000
 */
export function managedMonthlyCost(monthlyHours: number, terms: ManagedTerms): number {
  return managedCostForHours(monthlyHours, 1, terms);
}

/**
 * What managed services save per support hour, D = (R + c) − (1 − q) · ((1 − s) · R + c).
 * Both costs are linear in hours, so the monthly saving is h · D − F. Expanded, D =
 * R · (s + q · (1 − s)) + c · q: a sum of non-negative terms, which keeps it accurate when the
 * plan saves little per hour (a subtraction of two nearly equal costs would not).
 *
 * @example
 * managedSavingPerHour({ hourlyRate: 100, monthlyFee: 950, coveredShare: 0.8, incidentReduction: 0.25, disruptionCostPerHour: 40 })
 * //=> 95 (approximately)
 */
export function managedSavingPerHour(terms: ManagedTerms): number {
  const { hourlyRate, coveredShare, incidentReduction, disruptionCostPerHour } = terms;
  return hourlyRate * (coveredShare + incidentReduction * (1 - coveredShare)) + disruptionCostPerHour * incidentReduction;
}

/**
 * ITCOST.MANAGEDVALUE: expected monthly saving of managed services over hourly billing,
 * hourly − managed = h · (R + c) − (F + h · (1 − q) · ((1 − s) · R + c)). Positive means managed is cheaper.
 *
 * @example
 * managedValue({ expectedMonthlyHours: 2, hourlyRate: 185, monthlyFee: 3000 })
 * //=> { ok: true, value: -2630 }
 */
export function managedValue(raw: RawArguments<typeof MANAGEDVALUE_LIMITS>): Outcome<number> {
  return andThen(checkArguments(MANAGEDVALUE_LIMITS, raw), (args) =>
    finiteOrProblem(args.expectedMonthlyHours * managedSavingPerHour(args) - args.monthlyFee),
  );
}

/** Where managed services start to pay off, or the fact that they never do. */
export type ManagedBreakEven = { readonly kind: 'hours'; readonly monthlyHours: number } | { readonly kind: 'never' };

export function managedBreakEvenHours(terms: ManagedTerms): ManagedBreakEven {
  const perHour = managedSavingPerHour(terms);
  return perHour > 0 ? { kind: 'hours', monthlyHours: terms.monthlyFee / perHour } : { kind: 'never' };
}

/**
 * ITCOST.MANAGEDBREAKEVEN: the support hours per month at which managed services and hourly
 * billing cost the same, F / D with D from {@link managedSavingPerHour}; "no answer" if D ≤ 0.
 *
 * @example
 * managedBreakEven({ monthlyFee: 3000, hourlyRate: 185 })
 * //=> { ok: true, value: 16.216 (approximately) }
 */
export function managedBreakEven(raw: RawArguments<typeof MANAGEDBREAKEVEN_LIMITS>): Outcome<number> {
  return andThen(checkArguments(MANAGEDBREAKEVEN_LIMITS, raw), (args: CheckedArguments<typeof MANAGEDBREAKEVEN_LIMITS>) => {
    const result = managedBreakEvenHours(args);
    return result.kind === 'hours'
      ? finiteOrProblem(result.monthlyHours)
      : fail({ kind: 'noAnswer', message: MESSAGES.managedNeverPaysOff() });
  });
}

/** A managed-services quote priced per seat: users, devices and servers, each at its own monthly price. */
export interface ManagedQuote {
  readonly users: number;
  readonly pricePerUser: number;
  readonly devices: number;
  readonly pricePerDevice: number;
  readonly servers: number;
  readonly pricePerServer: number;
  /** The least the provider bills a month, whatever the seat count. */
  readonly minimumFee: number;
  /** A one-off fee for taking the business on, spread over `months`. */
  readonly onboardingFee: number;
  /** The tenure the onboarding fee is spread over. */
  readonly months: number;
}

/**
 * The monthly fee a quote amounts to: max(minimum fee, users · price per user + devices · price
 * per device + servers · price per server) + onboarding fee ÷ months.
 *
 * @example
 * monthlyFeeOfQuote({ users: 25, pricePerUser: 95, devices: 30, pricePerDevice: 10, servers: 2, pricePerServer: 150, minimumFee: 2500, onboardingFee: 3000, months: 24 })
 * //=> 3100 — 2,375 + 300 + 300 = 2,975, above the 2,500 minimum, plus 125 a month of onboarding
 */
export function monthlyFeeOfQuote(quote: ManagedQuote): number {
  const seats = quote.users * quote.pricePerUser + quote.devices * quote.pricePerDevice + quote.servers * quote.pricePerServer;
  return Math.max(quote.minimumFee, seats) + quote.onboardingFee / quote.months;
}

/**
 * ITCOST.MANAGEDFEE: the monthly fee a managed-services quote amounts to (see {@link monthlyFeeOfQuote}).
 *
 * @example
 * managedFee({ users: 12, pricePerUser: 110, minimumFee: 1500, onboardingFee: 1800 })
 * //=> { ok: true, value: 1650 } — 1,320 for the users is below the 1,500 minimum; 1,800 over 12 months adds 150
 */
export function managedFee(raw: RawArguments<typeof MANAGEDFEE_LIMITS>): Outcome<number> {
  return andThen(checkArguments(MANAGEDFEE_LIMITS, raw), (args) => finiteOrProblem(monthlyFeeOfQuote(args)));
}
