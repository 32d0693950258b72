import {
  BILLEDHOURS_LIMITS,
  BLOCKVALUE_LIMITS,
  BREAKEVEN_LIMITS,
  COMPARE_LIMITS,
  DEMAND_LIMITS,
  EFFECTIVERATE_LIMITS,
  EXPIRYFORECAST_LIMITS,
  RETAINER_DEMAND_LIMITS,
  RETAINERFORECAST_LIMITS,
  RETAINERVALUE_LIMITS,
  TOPUPVALUE_LIMITS,
  MANAGEDBREAKEVEN_LIMITS,
  MANAGEDFEE_LIMITS,
  MONTHLYHOURS_LIMITS,
  MANAGEDVALUE_LIMITS,
  TERMDEMAND_LIMITS,
  type LimitTable,
} from '../../src/model';
import { readDist } from '../support/dist';

interface ParameterMetadata {
  name: string;
  dimensionality?: string;
  description?: string;
  type?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}

const metadata = JSON.parse(readDist('functions.json')) as { functions: FunctionMetadata[] };
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

// The signatures are fixed by the issue; the limit tables say the same thing, so both are checked.
const SIGNATURES: Array<[string, string[], LimitTable]> = [
  ['BREAKEVEN', ['hourly_rate', 'block_hours', 'block_price', '[overage_rate]', '[variability]'], BREAKEVEN_LIMITS],
  ['BLOCKVALUE', ['expected_hours', 'hourly_rate', 'block_hours', 'block_price', '[overage_rate]', '[variability]', '[term_months]', '[annual_discount_rate]'], BLOCKVALUE_LIMITS],
  ['EFFECTIVERATE', ['hours_used', 'hourly_rate', 'block_hours', 'block_price', '[overage_rate]'], EFFECTIVERATE_LIMITS],
  ['UNUSEDHOURS', ['expected_hours', 'block_hours', '[variability]'], DEMAND_LIMITS],
  ['OVERAGEHOURS', ['expected_hours', 'block_hours', '[variability]'], DEMAND_LIMITS],
  ['FORFEITRISK', ['expected_hours', 'block_hours', '[variability]'], DEMAND_LIMITS],
  ['MANAGEDVALUE', ['expected_monthly_hours', 'hourly_rate', 'monthly_fee', '[covered_share]', '[incident_reduction]', '[disruption_cost_per_hour]'], MANAGEDVALUE_LIMITS],
  ['MANAGEDBREAKEVEN', ['monthly_fee', 'hourly_rate', '[covered_share]', '[incident_reduction]', '[disruption_cost_per_hour]'], MANAGEDBREAKEVEN_LIMITS],
  ['BILLEDHOURS', ['minutes_worked', '[increment_minutes]', '[minimum_minutes]', '[multiplier]'], BILLEDHOURS_LIMITS],
  ['TERMDEMAND', ['monthly_hours', '[term_months]'], TERMDEMAND_LIMITS],
  ['EXPIRYFORECAST', ['hours_used', 'months_elapsed', 'block_hours', 'term_months', '[monthly_variability]'], EXPIRYFORECAST_LIMITS],
  ['COMPARE', ['expected_monthly_hours', 'hourly_rate', 'block_hours', 'block_price', 'monthly_fee', '[overage_rate]', '[monthly_variability]', '[term_months]', '[covered_share]', '[incident_reduction]', '[disruption_cost_per_hour]', '[annual_discount_rate]'], COMPARE_LIMITS],
  ['RECOMMEND', ['expected_monthly_hours', 'hourly_rate', 'block_hours', 'block_price', 'monthly_fee', '[overage_rate]', '[monthly_variability]', '[term_months]', '[covered_share]', '[incident_reduction]', '[disruption_cost_per_hour]', '[annual_discount_rate]'], COMPARE_LIMITS],
  ['RETAINERVALUE', ['expected_monthly_hours', 'hourly_rate', 'monthly_hours', 'monthly_price', '[overage_rate]', '[monthly_variability]', '[rollover_cap]', '[term_months]', '[annual_discount_rate]'], RETAINERVALUE_LIMITS],
  ['RETAINERUNUSED', ['expected_monthly_hours', 'monthly_hours', '[monthly_variability]', '[rollover_cap]', '[term_months]'], RETAINER_DEMAND_LIMITS],
  ['RETAINEROVERAGE', ['expected_monthly_hours', 'monthly_hours', '[monthly_variability]', '[rollover_cap]', '[term_months]'], RETAINER_DEMAND_LIMITS],
  ['TOPUPVALUE', ['expected_hours', 'hourly_rate', 'block_hours', 'block_price', '[variability]'], TOPUPVALUE_LIMITS],
  // Not in the fixed catalogue: the block-hours tracker's forecast for a retainer under way.
  ['RETAINERFORECAST', ['expected_monthly_hours', 'monthly_hours', 'carried_hours', 'months_left', '[monthly_variability]', '[rollover_cap]'], RETAINERFORECAST_LIMITS],
  ['MONTHLYHOURS', ['dates', 'minutes', '[increment_minutes]', '[minimum_minutes]', '[multiplier]'], MONTHLYHOURS_LIMITS],
  ['MANAGEDFEE', ['users', 'price_per_user', '[devices]', '[price_per_device]', '[servers]', '[price_per_server]', '[minimum_fee]', '[onboarding_fee]', '[months]'], MANAGEDFEE_LIMITS],
];

// What each function returns to the grid.
const RESULTS: Record<string, { type?: string; dimensionality?: string }> = {
  TERMDEMAND: { type: 'number', dimensionality: 'matrix' },
  COMPARE: { dimensionality: 'matrix' },
  RETAINERFORECAST: { type: 'number', dimensionality: 'matrix' },
  MONTHLYHOURS: { type: 'number', dimensionality: 'matrix' },
  RECOMMEND: { type: 'string' },
};

describe('dist/functions.json', () => {
  it('declares exactly the twenty ITCOST functions', () => {
    expect([...byId.keys()].sort()).toEqual(SIGNATURES.map(([id]) => id).sort());
  });

  it.each(SIGNATURES)('%s has the fixed parameters, in order, with the right optional flags', (id, signature, limits) => {
    const fn = byId.get(id) as FunctionMetadata;
    const declared = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(declared).toEqual(signature);
    expect(fn.parameters.map((p) => p.name)).toEqual(Object.values(limits).map((limit) => limit.excelName));
    expect(fn.parameters.map((p) => Boolean(p.optional))).toEqual(Object.values(limits).map((limit) => Boolean(limit.optional)));
    // A range argument takes any cell values (blank cells arrive as empty values); the rest are numbers.
    fn.parameters.forEach((parameter, index) => {
      const isRange = Object.values(limits)[index].shape === 'range';
      expect({ name: parameter.name, type: parameter.type, dimensionality: parameter.dimensionality }).toEqual({
        name: parameter.name,
        type: isRange ? 'any' : 'number',
        dimensionality: isRange ? 'matrix' : undefined,
      });
    });
  });

  it.each(SIGNATURES)('%s has a description, a help URL and a described number result', (id) => {
    const fn = byId.get(id) as FunctionMetadata;
    expect(fn.name).toBe(id);
    expect(fn.description?.length).toBeGreaterThan(30);
    // Its help page ships in dist/help/ (test/manifests.test.ts checks the file is built).
    expect(fn.helpUrl).toBe(`https://localhost:3000/help/${id.toLowerCase()}.html`);
    expect(fn.result).toEqual(RESULTS[id] ?? { type: 'number' });
    for (const parameter of fn.parameters) expect(parameter.description?.length).toBeGreaterThan(15);
  });

  it('does not copy one description onto another function', () => {
    const descriptions = metadata.functions.map((f) => f.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it('states the default of every optional parameter in its help text', () => {
    for (const fn of metadata.functions) {
      for (const parameter of fn.parameters.filter((p) => p.optional)) expect(parameter.description).toMatch(/Default: /);
    }
  });
});
