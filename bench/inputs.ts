/**
 * The bench's inputs: for every ITCOST function, a seeded random set of realistic argument lists
 * (the same on every run, so runs compare), and the known nasty inputs that once made a call slow.
 * Arguments are positional, exactly as Excel passes them to the registered functions; `null` is an
 * omitted optional argument.
 */

/** mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed per function name, so adding a function does not change another's inputs. */
function seedFor(name: string, baseSeed: number): number {
  let hash = 2166136261 ^ baseSeed;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}

class Draw {
  constructor(private readonly random: () => number) {}
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }
  /** Spread evenly over orders of magnitude, as variabilities and hours are in practice. */
  logUniform(low: number, high: number): number {
    return Math.exp(this.uniform(Math.log(low), Math.log(high)));
  }
  integer(low: number, high: number): number {
    return Math.floor(this.uniform(low, high + 1));
  }
  chance(probability: number): boolean {
    return this.random() < probability;
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
  /** Omitted (null) with the given probability, as a user leaves an optional argument out. */
  orOmitted<T>(probability: number, value: () => T): T | null {
    return this.chance(probability) ? null : value();
  }
}

/** Rounded to a multiple of a step that is a whole number or a power-of-two fraction (exact in binary). */
const round = (value: number, step: number) => Math.round(value / step) * step;
/** Rounded to a few significant figures, as a user would type it. */
const typed = (value: number, digits = 3) => Number(value.toPrecision(digits));

/**
 * A block on offer and the hours expected over its term: rate 50–250 an hour, 5–200 hours,
 * sold at a 0–30% discount; overage at the rate (omitted) or 0.8–1.25× it; expected use within
 * a factor of 3 of the block (people price blocks near their use) and 1–500 hours.
 */
function blockScenario(draw: Draw) {
  const hourlyRate = round(draw.uniform(50, 250), 5);
  for (;;) {
    const blockHours = Math.max(5, Math.round(draw.logUniform(5, 200)));
    const expectedHours = round(blockHours * draw.logUniform(1 / 3, 3), 0.5);
    if (expectedHours < 1 || expectedHours > 500) continue;
    const blockPrice = round(hourlyRate * blockHours * (1 - draw.uniform(0, 0.3)), 10);
    const overageRate = draw.orOmitted(0.5, () => round(hourlyRate * draw.uniform(0.8, 1.25), 5));
    return { hourlyRate, blockHours, expectedHours, blockPrice, overageRate };
  }
}

/** The variability of the hours over a term, 0.05 to 1.5 (gamma shapes from about 0.44 to 400). */
const termVariability = (draw: Draw) => typed(draw.logUniform(0.05, 1.5));
/** The variability of one month's hours, 0.1 to 1.5. */
const monthlyVariability = (draw: Draw) => typed(draw.logUniform(0.1, 1.5));

/**
 * What COMPARE's and RECOMMEND's 7th argument means in the bundle under test, from its parameter
 * name in functions.json: `monthly_variability` (since commit 5fd23c2; the model divides it by
 * √term) or, in older commits, `variability` over the whole term. Either way the bench feeds the
 * same demand, so runs of different commits compare.
 */
export type CompareVariability = 'monthly' | 'term';

/** Managed services' optional terms: covered share 0.5–1, incident reduction 0–40%, disruption 0–100 an hour. */
function managedTerms(draw: Draw): (number | null)[] {
  return [
    draw.orOmitted(0.3, () => typed(draw.uniform(0.5, 1), 2)),
    draw.orOmitted(0.3, () => typed(draw.uniform(0, 0.4), 2)),
    draw.orOmitted(0.3, () => round(draw.uniform(0, 100), 5)),
  ];
}

function compareArguments(draw: Draw, meaning: CompareVariability): unknown[] {
  const block = blockScenario(draw);
  const termMonths = draw.integer(1, 36);
  const expectedMonthlyHours = typed(block.expectedHours / termMonths);
  const monthlyFee = round(block.hourlyRate * expectedMonthlyHours * draw.logUniform(0.5, 2), 10) || 10;
  return [
    expectedMonthlyHours,
    block.hourlyRate,
    block.blockHours,
    block.blockPrice,
    monthlyFee,
    block.overageRate,
    meaning === 'monthly' ? monthlyVariability(draw) : monthlyVariability(draw) / Math.sqrt(termMonths),
    termMonths,
    ...managedTerms(draw),
    draw.orOmitted(0.5, () => typed(draw.uniform(0, 0.12), 2)),
  ];
}

function managedArguments(draw: Draw) {
  const hourlyRate = round(draw.uniform(50, 250), 5);
  const expectedMonthlyHours = round(draw.logUniform(0.5, 60), 0.25);
  const monthlyFee = round(hourlyRate * expectedMonthlyHours * draw.logUniform(0.5, 2), 10) || 10;
  return { hourlyRate, expectedMonthlyHours, monthlyFee, optional: managedTerms(draw) };
}

/** A column of cells, as Excel passes a range. */
const column = (values: readonly number[]) => values.map((value) => [value]);

export interface KnownInput {
  /** Why this input is in the list. */
  readonly note: string;
  readonly args: readonly unknown[];
}

export interface BenchFunction {
  /** The ITCOST id, as registered. */
  readonly id: string;
  /** What the random inputs are, in a few words. */
  readonly inputs: string;
  /** Random realistic argument lists. */
  readonly random: readonly (readonly unknown[])[];
  /** Where the variability argument is, for functions that take one: the bench also runs them with it set to 0. */
  readonly variabilityIndex?: number;
  /** Inputs that were slow once, or sit at the edges of the model (tiny variability, huge or tiny magnitudes). */
  readonly known: readonly KnownInput[];
}

/** Issue 9's slow corner for BREAKEVEN, and inside COMPARE and RECOMMEND: about 90 incomplete-gamma evaluations where a typical call makes 40. */
const SLOW_BREAKEVEN = [100, 20, 2100, 100.000001, 0.0010000001] as const;

/**
 * COMPARE's and RECOMMEND's known inputs, written with monthly variability; a 1-month term makes
 * monthly and term variability the same number.
 */
function compareKnown(meaning: CompareVariability): KnownInput[] {
  const known: KnownInput[] = [
    { note: 'the slow BREAKEVEN corner inside COMPARE (1-month term)', args: [20, 100, 20, 2100, 1500, 100.000001, 0.0010000001, 1] },
    { note: 'tiny variability: monthly 1e-5 over 12 months', args: [2, 100, 20, 1800, 300, 90, 1e-5, 12] },
    { note: 'tiny variability: monthly 1e-3 over 36 months', args: [2, 100, 20, 1800, 300, 90, 1e-3, 36] },
    { note: 'huge expected hours', args: [1e12, 100, 20, 1800, 300, null, 0.5, 12] },
    { note: 'very wide demand (monthly variability 20)', args: [2, 100, 20, 1800, 300, 110, 20, 12] },
  ];
  if (meaning === 'monthly') return known;
  return known.map(({ note, args }) => ({ note, args: args.map((value, i) => (i === 6 ? (value as number) / Math.sqrt(args[7] as number) : value)) }));
}

const DEMAND_KNOWN: readonly KnownInput[] = [
  { note: 'issue: gamma below variability 0.001', args: [1000, 1001, 0.0005] },
  { note: 'issue: gamma below variability 0.001', args: [20.01, 20, 0.0005] },
  { note: 'variability 1e-6 at the block (shape 1e12)', args: [20, 20.00001, 1e-6] },
  { note: 'variability 1e-4 at the block (shape 1e8)', args: [20, 20.001, 1e-4] },
  { note: 'issue: tiny magnitudes', args: [1e-320, 1e-320, 1.74e-12] },
  { note: 'huge magnitudes', args: [1e15, 1.001e15, 0.001] },
  { note: 'very wide demand (shape 1e-4)', args: [20, 20, 100] },
];

/**
 * A monthly retainer and the hours a month it is bought for: 2–60 hours needed, 0.6–1.6× that made
 * available, at 0–25% off an hourly rate of 50–250; overage at the rate (omitted) or 0.8–1.25× it.
 */
function retainerScenario(draw: Draw) {
  const hourlyRate = round(draw.uniform(50, 250), 5);
  const expectedMonthlyHours = round(draw.logUniform(2, 60), 0.5);
  const monthlyHours = Math.max(1, Math.round(expectedMonthlyHours * draw.logUniform(0.6, 1.6)));
  const monthlyPrice = round(hourlyRate * monthlyHours * (1 - draw.uniform(0, 0.25)), 10);
  const overageRate = draw.orOmitted(0.5, () => round(hourlyRate * draw.uniform(0.8, 1.25), 5));
  return { hourlyRate, expectedMonthlyHours, monthlyHours, monthlyPrice, overageRate };
}

/** RETAINERUNUSED's and RETAINEROVERAGE's arguments at the edges: the example, steady demand near the limit, very uneven demand. */
const RETAINER_KNOWN: readonly KnownInput[] = [
  { note: 'the issue\'s example, 40% rollover, 36 months', args: [8, 8, 0.5, 0.4, 36] },
  { note: 'steady demand (variability 0.02) with a cap of 3 months', args: [8, 8, 0.02, 3, 36] },
  { note: 'very uneven demand (variability 1.5), a cap of 3 months', args: [8, 8, 1.5, 3, 36] },
  { note: 'a cap that never binds, 36 months', args: [8, 8, 0.5, 35, 36] },
];

/** Excel's serial of 1 January 2024. */
const JANUARY_2024 = 45292;

/**
 * A time-entry export as MONTHLYHOURS takes it: `entries` entries on working days over `months`
 * months from January 2024, at a time of day, in the order a PSA tool lists them (by ticket, so
 * not by date); 5–240 minutes each, mostly short.
 */
function timeEntryExport(draw: Draw, entries: number, months: number) {
  const dates: number[][] = [];
  const minutes: number[][] = [];
  for (let i = 0; i < entries; i += 1) {
    dates.push([Math.floor(JANUARY_2024 + draw.uniform(0, months * 30.4)) + typed(draw.uniform(0.33, 0.75), 4)]);
    minutes.push([Math.round(draw.logUniform(5, 240))]);
  }
  return { dates, minutes };
}

/** A large export for MONTHLYHOURS, the same on every run: `entries` entries over `months` months. */
export function largeTimeEntryExport(entries: number, months: number, seed = 20261207) {
  return timeEntryExport(new Draw(seededRandom(seed)), entries, months);
}

/**
 * Every ITCOST function of the catalogue the bundle registers, with `count` random argument lists
 * each. The same `baseSeed` gives the same inputs.
 */
export function benchFunctions(count: number, compareVariability: CompareVariability, baseSeed = 20261126): BenchFunction[] {
  const generate = (id: string, make: (draw: Draw) => unknown[]) => {
    const draw = new Draw(seededRandom(seedFor(id, baseSeed)));
    return Array.from({ length: count }, () => make(draw));
  };
  const demandArguments = (draw: Draw) => {
    const block = blockScenario(draw);
    return [block.expectedHours, block.blockHours, termVariability(draw)];
  };
  return [
    {
      id: 'BREAKEVEN',
      inputs: 'rate 50–250, 5–200 h, 0–30% off, overage omitted or 0.8–1.25× rate, variability 0.05–1.5',
      random: generate('BREAKEVEN', (draw) => {
        const block = blockScenario(draw);
        return [block.hourlyRate, block.blockHours, block.blockPrice, block.overageRate, termVariability(draw)];
      }),
      variabilityIndex: 4,
      known: [
        { note: 'issue: the slow corner', args: SLOW_BREAKEVEN },
        { note: 'variability 1e-6', args: [100, 20, 1800, 90, 1e-6] },
        { note: 'variability 1e-3', args: [100, 20, 1800, 90, 1e-3] },
        { note: 'overage dearer than hourly, wide demand', args: [185, 200, 36000, 250, 1.5] },
        { note: 'very wide demand (shape 1e-4)', args: [100, 20, 1800, 90, 100] },
        { note: 'huge magnitudes', args: [1e6, 1e9, 9e14, 9e5, 0.5] },
        { note: 'tiny magnitudes', args: [1e-3, 1e-3, 9e-7, null, 0.5] },
      ],
    },
    {
      id: 'BLOCKVALUE',
      inputs: 'as BREAKEVEN, 1–500 expected hours, term 1–36 months, discount rate omitted or 0–12%',
      random: generate('BLOCKVALUE', (draw) => {
        const block = blockScenario(draw);
        return [
          block.expectedHours,
          block.hourlyRate,
          block.blockHours,
          block.blockPrice,
          block.overageRate,
          termVariability(draw),
          draw.integer(1, 36),
          draw.orOmitted(0.5, () => typed(draw.uniform(0, 0.12), 2)),
        ];
      }),
      variabilityIndex: 5,
      known: [
        { note: 'issue: 1e18 expected hours', args: [1e18, 100, 20, 1800, null, 0.5] },
        { note: 'issue: 1e16 expected hours', args: [1e16, 100, 20, 1800, null, 0.5] },
        { note: 'variability 1e-6 at the block', args: [20, 100, 20, 1800, 90, 1e-6, 12, 0.05] },
        { note: 'variability 1e-3 near the block', args: [20.01, 100, 20, 1800, 90, 1e-3, 12] },
        { note: 'very wide demand (shape 1e-4)', args: [18, 100, 20, 1800, 90, 100] },
        { note: 'tiny expected hours', args: [1e-300, 100, 20, 1800, null, 0.5] },
      ],
    },
    {
      id: 'EFFECTIVERATE',
      inputs: 'hours used within 3× of the block, rates and blocks as BREAKEVEN',
      random: generate('EFFECTIVERATE', (draw) => {
        const block = blockScenario(draw);
        return [block.expectedHours, block.hourlyRate, block.blockHours, block.blockPrice, block.overageRate];
      }),
      known: [
        { note: 'huge magnitudes', args: [1e300, 100, 20, 1800, 90] },
        { note: 'tiny hours used', args: [5e-324, 100, 20, 1800] },
      ],
    },
    { id: 'UNUSEDHOURS', inputs: '1–500 expected hours within 3× of a 5–200 h block, variability 0.05–1.5', random: generate('UNUSEDHOURS', demandArguments), variabilityIndex: 2, known: DEMAND_KNOWN },
    { id: 'OVERAGEHOURS', inputs: 'as UNUSEDHOURS', random: generate('OVERAGEHOURS', demandArguments), variabilityIndex: 2, known: DEMAND_KNOWN },
    { id: 'FORFEITRISK', inputs: 'as UNUSEDHOURS', random: generate('FORFEITRISK', demandArguments), variabilityIndex: 2, known: DEMAND_KNOWN },
    {
      id: 'MANAGEDVALUE',
      inputs: '0.5–60 h a month, rate 50–250, fee 0.5–2× the hourly spend, optional shares and disruption',
      random: generate('MANAGEDVALUE', (draw) => {
        const managed = managedArguments(draw);
        return [managed.expectedMonthlyHours, managed.hourlyRate, managed.monthlyFee, ...managed.optional];
      }),
      known: [{ note: 'huge magnitudes', args: [1e300, 185, 3000, 0.9, 0.3, 50] }],
    },
    {
      id: 'MANAGEDBREAKEVEN',
      inputs: 'as MANAGEDVALUE',
      random: generate('MANAGEDBREAKEVEN', (draw) => {
        const managed = managedArguments(draw);
        return [managed.monthlyFee, managed.hourlyRate, ...managed.optional];
      }),
      known: [{ note: 'tiny magnitudes', args: [1e-300, 185, 0.9, 0.3, 50] }],
    },
    {
      id: 'BILLEDHOURS',
      inputs: '1–40 tickets of 1–240 minutes; increment 6–60, minimum 0–60 minutes, multiplier 1–2',
      random: generate('BILLEDHOURS', (draw) => [
        column(Array.from({ length: draw.integer(1, 40) }, () => Math.round(draw.logUniform(1, 240)))),
        draw.orOmitted(0.3, () => draw.pick([6, 10, 15, 30, 60])),
        draw.orOmitted(0.5, () => draw.pick([15, 30, 60])),
        draw.orOmitted(0.7, () => draw.pick([1.25, 1.5, 2])),
      ]),
      known: [{ note: 'huge minutes', args: [[[1e300]], 15, 30, 1.5] }],
    },
    {
      id: 'MONTHLYHOURS',
      inputs: 'a time-entry export of 20–2,000 entries over 3–36 months, not in date order; increment 6–60, minimum 0–60 minutes, multiplier 1–2',
      random: generate('MONTHLYHOURS', (draw) => {
        const { dates, minutes } = timeEntryExport(draw, Math.round(draw.logUniform(20, 2000)), draw.integer(3, 36));
        return [
          dates,
          minutes,
          draw.orOmitted(0.3, () => draw.pick([6, 10, 15, 30, 60])),
          draw.orOmitted(0.5, () => draw.pick([15, 30, 60])),
          draw.orOmitted(0.7, () => draw.pick([1.25, 1.5, 2])),
        ];
      }),
      known: [
        { note: 'one entry', args: [[[46023.5]], [[30]]] },
        { note: 'two entries 30 years apart: 360 months to spill', args: [[[35065], [46022]], [[30], [30]]] },
        { note: 'blank rows between the entries', args: [[[45292], [null], [45300], [null], [45400]], [[30], [null], [45], [null], [60]]] },
      ],
    },
    {
      id: 'MANAGEDFEE',
      inputs: '3–300 users at 40–200 a month; devices, servers, their prices, a minimum, onboarding and months each optional',
      random: generate('MANAGEDFEE', (draw) => {
        const users = draw.integer(3, 300);
        return [
          users,
          round(draw.uniform(40, 200), 5),
          draw.orOmitted(0.4, () => Math.round(users * draw.uniform(1, 2))),
          draw.orOmitted(0.4, () => round(draw.uniform(5, 40), 5)),
          draw.orOmitted(0.5, () => draw.integer(1, 10)),
          draw.orOmitted(0.5, () => round(draw.uniform(75, 300), 25)),
          draw.orOmitted(0.5, () => round(draw.uniform(500, 5000), 100)),
          draw.orOmitted(0.5, () => round(draw.uniform(0, 10000), 250)),
          draw.orOmitted(0.5, () => draw.pick([12, 24, 36])),
        ];
      }),
      known: [{ note: 'huge magnitudes', args: [1e150, 1e150, 1e150, 1e150, 1e150, 1e150, 1e300, 1e300, 1] }],
    },
    {
      id: 'TERMDEMAND',
      inputs: '3–36 past months of 0.5–60 h with month-to-month variability 0.1–1.5, term 1–36 months',
      random: generate('TERMDEMAND', (draw) => {
        const mean = draw.logUniform(0.5, 60);
        const spread = monthlyVariability(draw);
        const months = Array.from({ length: draw.integer(3, 36) }, () => round(Math.max(0, mean * (1 + spread * (draw.uniform(-1, 1) * Math.sqrt(3)))), 0.25));
        if (!months.some((hours) => hours > 0)) months[0] = 1;
        return [column(months), draw.orOmitted(0.3, () => draw.integer(1, 36))];
      }),
      known: [
        { note: 'issue: huge months', args: [column([1e200, 3e200])] },
        { note: 'issue: tiny months', args: [column([1e-320, 3e-320])] },
        { note: 'issue: a steady history (variability 0.000236)', args: [column([10, 10.01, 9.99, 10])] },
      ],
    },
    {
      id: 'EXPIRYFORECAST',
      inputs: '5–200 h block over 1–36 months, 1 to term−1 months elapsed, burning 0.3–2× the even rate, monthly variability 0.1–1.5',
      random: generate('EXPIRYFORECAST', (draw) => {
        const blockHours = Math.max(5, Math.round(draw.logUniform(5, 200)));
        const termMonths = draw.integer(2, 36);
        const monthsElapsed = draw.integer(1, termMonths - 1);
        const hoursUsed = round(Math.min(blockHours, (blockHours / termMonths) * draw.logUniform(0.3, 2) * monthsElapsed), 0.25);
        return [hoursUsed, monthsElapsed, blockHours, termMonths, monthlyVariability(draw)];
      }),
      variabilityIndex: 4,
      known: [
        { note: 'issue: should be 0', args: [39, 5e-324, 137, 36, 1e12] },
        { note: 'monthly variability 1e-5', args: [10, 6, 20, 12, 1e-5] },
        { note: 'monthly variability 1e-3', args: [10, 6, 20, 12, 1e-3] },
        { note: 'almost used up at the end', args: [19.99, 11.99, 20, 12, 0.5] },
      ],
    },
    {
      id: 'COMPARE',
      inputs: 'a block scenario as BLOCKVALUE over 1–36 months, monthly variability 0.1–1.5, fee 0.5–2× the hourly spend, optional shares, disruption and discount rate',
      random: generate('COMPARE', (draw) => compareArguments(draw, compareVariability)),
      variabilityIndex: 6,
      known: compareKnown(compareVariability),
    },
    { id: 'RECOMMEND', inputs: 'as COMPARE', random: generate('RECOMMEND', (draw) => compareArguments(draw, compareVariability)), variabilityIndex: 6, known: compareKnown(compareVariability) },
    {
      id: 'RETAINERVALUE',
      inputs: 'a 36-month retainer with rollover: 2–60 h a month needed, 0.6–1.6× that made available at 0–25% off a 50–250 rate, rollover cap 25%–200%, monthly variability 0.1–1.5, overage and discount rate optional',
      random: generate('RETAINERVALUE', (draw) => {
        const retainer = retainerScenario(draw);
        return [
          retainer.expectedMonthlyHours,
          retainer.hourlyRate,
          retainer.monthlyHours,
          retainer.monthlyPrice,
          retainer.overageRate,
          monthlyVariability(draw),
          draw.pick([0.25, 0.4, 0.5, 1, 1.5, 2]),
          36,
          draw.orOmitted(0.6, () => typed(draw.uniform(0.02, 0.12), 2)),
        ];
      }),
      variabilityIndex: 5,
      known: RETAINER_KNOWN.map((k) => ({ note: k.note, args: [k.args[0], 150, k.args[1], 1100, null, ...k.args.slice(2)] })),
    },
    ...['RETAINERUNUSED', 'RETAINEROVERAGE'].map((id) => ({
      id,
      inputs: 'as RETAINERVALUE, over 12, 24 or 36 months, with a cap of 0 (omitted), 25%–200%, or one that never binds',
      random: generate(id, (draw) => {
        const retainer = retainerScenario(draw);
        return [retainer.expectedMonthlyHours, retainer.monthlyHours, monthlyVariability(draw), draw.pick([null, 0.25, 0.4, 1, 2, 1000]), draw.pick([null, 24, 36])];
      }),
      variabilityIndex: 2,
      known: RETAINER_KNOWN,
    })),
    {
      id: 'TOPUPVALUE',
      inputs: 'a block as BLOCKVALUE\'s, bought again each time it runs out, variability 0.05–1.5',
      random: generate('TOPUPVALUE', (draw) => {
        const block = blockScenario(draw);
        return [block.expectedHours, block.hourlyRate, block.blockHours, block.blockPrice, termVariability(draw)];
      }),
      variabilityIndex: 4,
      known: [
        { note: 'a whole number of blocks, tiny variability', args: [500, 150, 2, 270, 1e-6] },
        { note: 'very wide demand (shape 0.25)', args: [40, 150, 10, 1350, 2] },
        { note: 'demand over 2^52 blocks', args: [1e15, 150, 1e-3, 0.135, 0.3] },
      ],
    },
  ];
}

/** The same argument lists with the variability argument set to 0: the call without any incomplete gamma. */
export function withoutVariability(fn: BenchFunction): (readonly unknown[])[] | undefined {
  const index = fn.variabilityIndex;
  if (index === undefined) return undefined;
  return fn.random.map((args) => args.map((value, i) => (i === index ? 0 : value)));
}
