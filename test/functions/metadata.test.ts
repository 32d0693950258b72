import { BLOCKVALUE_LIMITS, BREAKEVEN_LIMITS, DEMAND_LIMITS, EFFECTIVERATE_LIMITS, type LimitTable } from '../../src/model';
import { readDist } from '../support/dist';

interface ParameterMetadata {
  name: string;
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
];

describe('dist/functions.json', () => {
  it('declares exactly the six core functions', () => {
    expect([...byId.keys()].sort()).toEqual(SIGNATURES.map(([id]) => id).sort());
  });

  it.each(SIGNATURES)('%s has the fixed parameters, in order, with the right optional flags', (id, signature, limits) => {
    const fn = byId.get(id) as FunctionMetadata;
    const declared = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(declared).toEqual(signature);
    expect(fn.parameters.map((p) => p.name)).toEqual(Object.values(limits).map((limit) => limit.excelName));
    expect(fn.parameters.map((p) => Boolean(p.optional))).toEqual(Object.values(limits).map((limit) => Boolean(limit.optional)));
    for (const parameter of fn.parameters) expect(parameter.type).toBe('number');
  });

  it.each(SIGNATURES)('%s has a description, a help URL and a described number result', (id) => {
    const fn = byId.get(id) as FunctionMetadata;
    expect(fn.name).toBe(id);
    expect(fn.description?.length).toBeGreaterThan(30);
    expect(fn.helpUrl).toMatch(new RegExp(`^https://.+README\\.md#${id.toLowerCase()}$`));
    expect(fn.result.type).toBe('number');
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
