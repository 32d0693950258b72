/**
 * Input limits, declared once. Each ITCOST function has one table that says, per argument,
 * its Excel name, its unit, its bounds, whether it may be omitted and its default.
 * The model's checks read these tables, and so will the task pane's field validation.
 */

export interface ArgumentLimit {
  /** The argument's name in Excel, snake_case: `block_hours`. */
  readonly excelName: string;
  /**
   * The argument's unit, as plain as it can be put ("hours", "money per hour"). The README's
   * argument tables state it in each argument's unit cell, with what the argument means.
   */
  readonly unit: string;
  /** Exclusive lower bound. */
  readonly greaterThan?: number;
  /** Inclusive lower bound. */
  readonly atLeast?: number;
  /** Exclusive upper bound. */
  readonly lessThan?: number;
  /** Inclusive upper bound. */
  readonly atMost?: number;
  /** True if only whole numbers are allowed. */
  readonly wholeNumber?: boolean;
  /** True for an Excel date serial: its bounds are worded as ISO dates ("1900-01-01"). */
  readonly date?: boolean;
  /** True for a share or rate that people read as a percentage (0.4 is 40%): its limits are worded so. */
  readonly percent?: boolean;
  /** True if the argument may be omitted (Excel passes null). */
  readonly optional?: boolean;
  /** The value used when an optional argument is omitted. */
  readonly defaultValue?: number;
  /** The key of an earlier argument whose value is used when this one is omitted. */
  readonly defaultFrom?: string;
  /** 'range' for an argument that takes a cell range (or one number); its blanks are ignored. */
  readonly shape?: 'range';
  /** For a range: the fewest numbers it must hold. */
  readonly minCount?: number;
}

export type LimitTable = Readonly<Record<string, ArgumentLimit>>;

const hourlyRate: ArgumentLimit = { excelName: 'hourly_rate', unit: 'money per hour', greaterThan: 0 };
const blockHours: ArgumentLimit = { excelName: 'block_hours', unit: 'hours', greaterThan: 0 };
const blockPrice: ArgumentLimit = { excelName: 'block_price', unit: 'money', greaterThan: 0 };
const overageRate: ArgumentLimit = {
  excelName: 'overage_rate',
  unit: 'money per hour',
  atLeast: 0,
  optional: true,
  defaultFrom: 'hourlyRate',
};
const variability: ArgumentLimit = {
  excelName: 'variability',
  unit: 'coefficient of variation',
  atLeast: 0,
  optional: true,
  defaultValue: 0,
};
const expectedHours: ArgumentLimit = { excelName: 'expected_hours', unit: 'hours', atLeast: 0 };
const hoursUsed: ArgumentLimit = { excelName: 'hours_used', unit: 'hours', atLeast: 0 };
const termMonths: ArgumentLimit = {
  excelName: 'term_months',
  unit: 'months',
  atLeast: 1,
  optional: true,
  defaultValue: 12,
};
const annualDiscountRate: ArgumentLimit = {
  excelName: 'annual_discount_rate',
  unit: 'nominal annual rate, compounded monthly',
  atLeast: 0,
  percent: true,
  optional: true,
  defaultValue: 0,
};

export const BREAKEVEN_LIMITS = { hourlyRate, blockHours, blockPrice, overageRate, variability } as const;

export const BLOCKVALUE_LIMITS = {
  expectedHours,
  hourlyRate,
  blockHours,
  blockPrice,
  overageRate,
  variability,
  termMonths,
  annualDiscountRate,
} as const;

export const EFFECTIVERATE_LIMITS = { hoursUsed, hourlyRate, blockHours, blockPrice, overageRate } as const;

/** Shared by UNUSEDHOURS, OVERAGEHOURS and FORFEITRISK. */
export const DEMAND_LIMITS = { expectedHours, blockHours, variability } as const;

const expectedMonthlyHours: ArgumentLimit = { excelName: 'expected_monthly_hours', unit: 'hours per month', atLeast: 0 };
const monthlyFee: ArgumentLimit = { excelName: 'monthly_fee', unit: 'money per month', greaterThan: 0 };
const coveredShare: ArgumentLimit = {
  excelName: 'covered_share',
  unit: 'share of support hours',
  atLeast: 0,
  atMost: 1,
  percent: true,
  optional: true,
  defaultValue: 1,
};
const incidentReduction: ArgumentLimit = {
  excelName: 'incident_reduction',
  unit: 'share of support hours',
  atLeast: 0,
  atMost: 1,
  percent: true,
  optional: true,
  defaultValue: 0,
};
const disruptionCostPerHour: ArgumentLimit = {
  excelName: 'disruption_cost_per_hour',
  unit: 'money per hour',
  atLeast: 0,
  optional: true,
  defaultValue: 0,
};

export const MANAGEDVALUE_LIMITS = {
  expectedMonthlyHours,
  hourlyRate,
  monthlyFee,
  coveredShare,
  incidentReduction,
  disruptionCostPerHour,
} as const;

export const MANAGEDBREAKEVEN_LIMITS = {
  monthlyFee,
  hourlyRate,
  coveredShare,
  incidentReduction,
  disruptionCostPerHour,
} as const;

/** The billing rules BILLEDHOURS and MONTHLYHOURS apply to each ticket or time entry. */
const BILLING_RULE_LIMITS = {
  incrementMinutes: {
    excelName: 'increment_minutes',
    unit: 'minutes',
    greaterThan: 0,
    optional: true,
    defaultValue: 15,
  },
  minimumMinutes: { excelName: 'minimum_minutes', unit: 'minutes', atLeast: 0, optional: true, defaultValue: 0 },
  multiplier: { excelName: 'multiplier', unit: 'times', greaterThan: 0, optional: true, defaultValue: 1 },
} as const;

export const BILLEDHOURS_LIMITS = {
  minutesWorked: { excelName: 'minutes_worked', unit: 'minutes', atLeast: 0, shape: 'range' },
  ...BILLING_RULE_LIMITS,
} as const;

/**
 * Excel's date serials in the 1900 date system: 1 is 1 January 1900 and 2958465 is 31 December
 * 9999, the last day Excel shows. A fraction is the time of day.
 */
export const DATE_SERIAL = { first: 1, afterLast: 2958466 } as const;

/**
 * MONTHLYHOURS: a time-entry export as two ranges of the same shape, one entry per position.
 * Positions blank in both are skipped; a blank in one of them only is an error (see monthlyHours).
 */
export const MONTHLYHOURS_LIMITS = {
  dates: {
    excelName: 'dates',
    unit: 'dates',
    date: true,
    atLeast: DATE_SERIAL.first,
    lessThan: DATE_SERIAL.afterLast,
    shape: 'range',
    minCount: 1,
  },
  minutes: { excelName: 'minutes', unit: 'minutes', atLeast: 0, shape: 'range' },
  ...BILLING_RULE_LIMITS,
} as const;

export const TERMDEMAND_LIMITS = {
  monthlyHours: { excelName: 'monthly_hours', unit: 'hours per month', atLeast: 0, shape: 'range', minCount: 2 },
  termMonths,
} as const;

const monthlyVariability: ArgumentLimit = {
  excelName: 'monthly_variability',
  unit: 'coefficient of variation',
  atLeast: 0,
  optional: true,
  defaultValue: 0,
};

export const EXPIRYFORECAST_LIMITS = {
  hoursUsed,
  monthsElapsed: { excelName: 'months_elapsed', unit: 'months', greaterThan: 0 },
  blockHours,
  termMonths: { excelName: 'term_months', unit: 'months', atLeast: 1 },
  monthlyVariability,
} as const;

/**
 * Shared by COMPARE and RECOMMEND: the three options over one block term. Like every function
 * that takes monthly hours, they take the variability of one month's hours.
 */
export const COMPARE_LIMITS = {
  expectedMonthlyHours,
  hourlyRate,
  blockHours,
  blockPrice,
  monthlyFee,
  overageRate,
  monthlyVariability,
  termMonths,
  coveredShare,
  incidentReduction,
  disruptionCostPerHour,
  annualDiscountRate,
} as const;

const monthlyHours: ArgumentLimit = { excelName: 'monthly_hours', unit: 'hours per month', greaterThan: 0 };
const monthlyPrice: ArgumentLimit = { excelName: 'monthly_price', unit: 'money per month', greaterThan: 0 };
const rolloverCap: ArgumentLimit = {
  excelName: 'rollover_cap',
  unit: 'share of monthly_hours',
  atLeast: 0,
  percent: true,
  optional: true,
  defaultValue: 0,
};
/**
 * A retainer's term counts whole months. The upper bound (a century) keeps the work of one call
 * bounded; no contract runs longer.
 */
const wholeMonths = { unit: 'months', atLeast: 1, atMost: 1200, wholeNumber: true } as const;
const retainerTermMonths: ArgumentLimit = { excelName: 'term_months', ...wholeMonths, optional: true, defaultValue: 12 };

export const RETAINERVALUE_LIMITS = {
  expectedMonthlyHours,
  hourlyRate,
  monthlyHours,
  monthlyPrice,
  overageRate,
  monthlyVariability,
  rolloverCap,
  termMonths: retainerTermMonths,
  annualDiscountRate,
} as const;

/** Shared by RETAINERUNUSED and RETAINEROVERAGE. */
export const RETAINER_DEMAND_LIMITS = {
  expectedMonthlyHours,
  monthlyHours,
  monthlyVariability,
  rolloverCap,
  termMonths: retainerTermMonths,
} as const;

/**
 * RETAINERFORECAST: the months left of a retainer, from the balance carried into the next of them.
 * carried_hours is also at most rollover_cap × monthly_hours (checked with the others).
 */
export const RETAINERFORECAST_LIMITS = {
  expectedMonthlyHours,
  monthlyHours,
  carriedHours: { excelName: 'carried_hours', unit: 'hours', atLeast: 0 },
  monthsLeft: { excelName: 'months_left', ...wholeMonths },
  monthlyVariability,
  rolloverCap,
} as const;

/** A count or an amount of money that may be 0; the optional ones default to 0. */
const atLeastZero = (excelName: string, unit: string, optional: boolean): ArgumentLimit =>
  optional ? { excelName, unit, atLeast: 0, optional, defaultValue: 0 } : { excelName, unit, atLeast: 0 };

/** MANAGEDFEE: a managed-services quote priced per user, device and server. */
export const MANAGEDFEE_LIMITS = {
  users: atLeastZero('users', 'users', false),
  pricePerUser: atLeastZero('price_per_user', 'money per user per month', false),
  devices: atLeastZero('devices', 'devices', true),
  pricePerDevice: atLeastZero('price_per_device', 'money per device per month', true),
  servers: atLeastZero('servers', 'servers', true),
  pricePerServer: atLeastZero('price_per_server', 'money per server per month', true),
  minimumFee: atLeastZero('minimum_fee', 'money per month', true),
  onboardingFee: atLeastZero('onboarding_fee', 'money', true),
  months: { excelName: 'months', unit: 'months', atLeast: 1, optional: true, defaultValue: 12 },
} as const;

export const TOPUPVALUE_LIMITS = { expectedHours, hourlyRate, blockHours, blockPrice, variability } as const;

/** Each ITCOST function's limit table, by its Excel id, in the function's argument order. */
export const FUNCTION_LIMITS: Readonly<Record<string, LimitTable>> = {
  BREAKEVEN: BREAKEVEN_LIMITS,
  BLOCKVALUE: BLOCKVALUE_LIMITS,
  EFFECTIVERATE: EFFECTIVERATE_LIMITS,
  UNUSEDHOURS: DEMAND_LIMITS,
  OVERAGEHOURS: DEMAND_LIMITS,
  FORFEITRISK: DEMAND_LIMITS,
  MANAGEDVALUE: MANAGEDVALUE_LIMITS,
  MANAGEDBREAKEVEN: MANAGEDBREAKEVEN_LIMITS,
  BILLEDHOURS: BILLEDHOURS_LIMITS,
  TERMDEMAND: TERMDEMAND_LIMITS,
  EXPIRYFORECAST: EXPIRYFORECAST_LIMITS,
  COMPARE: COMPARE_LIMITS,
  RECOMMEND: COMPARE_LIMITS,
  RETAINERVALUE: RETAINERVALUE_LIMITS,
  RETAINERUNUSED: RETAINER_DEMAND_LIMITS,
  RETAINEROVERAGE: RETAINER_DEMAND_LIMITS,
  TOPUPVALUE: TOPUPVALUE_LIMITS,
  RETAINERFORECAST: RETAINERFORECAST_LIMITS,
  MONTHLYHOURS: MONTHLYHOURS_LIMITS,
  MANAGEDFEE: MANAGEDFEE_LIMITS,
};
