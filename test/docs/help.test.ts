/**
 * The help Excel shows for each argument (dist/functions.json, built from the JSDoc of
 * src/functions/functions.ts) states the argument's bound and, when it may be omitted, its
 * default, as the function's limit table declares them:
 * - the bound as the sentence "Must be <limitInWords(limit)>." ("Each must be …" for a range),
 *   the one phrasing the model's messages, the wizard and the sheets use;
 * - the default as "Default: <value>" followed by "." or ", " and a gloss: the number, a
 *   percentage for a percent limit, or the name of the argument it defaults to.
 */
import { defaultInWords, FUNCTION_LIMITS, limitInWords, type ArgumentLimit, type LimitTable } from '../../src/model';
import { readDist } from '../support/dist';

interface ParameterHelp {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}

const metadata = JSON.parse(readDist('functions.json')) as { functions: { id: string; parameters: ParameterHelp[] }[] };

const TABLES = FUNCTION_LIMITS;

/** The bound's sentence for a limit. */
function boundSentence(limit: ArgumentLimit): string {
  return `${limit.shape === 'range' ? 'Each must' : 'Must'} be ${limitInWords(limit)}.`;
}

/** The default as the help states it, or undefined for an argument that may not be omitted. */
function defaultWords(limit: ArgumentLimit, table: LimitTable): string | undefined {
  if (limit.optional && limit.defaultFrom === undefined && limit.defaultValue === undefined) throw new Error(`${limit.excelName} is optional without a default`);
  return defaultInWords(limit, Object.fromEntries(Object.entries(table).map(([key, entry]) => [key, entry.excelName])));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sentences of a description that state a bound or a default. */
const boundsIn = (description: string) => description.match(/(?:Each must|Must) be [^.]*(?:\.\d[^.]*)*\./g) ?? [];
const defaultsIn = (description: string) => description.match(/Default: /g) ?? [];

const parameters = metadata.functions.flatMap((fn) => {
  const table = TABLES[fn.id];
  const limits = table ? Object.values(table) : [];
  return fn.parameters.map((parameter, index) => [`${fn.id}(${parameter.name})`, parameter, limits[index], table] as const);
});

describe('the help of every argument', () => {
  it('covers the twenty functions, each with a limit table of as many arguments', () => {
    expect(metadata.functions.map((fn) => fn.id).sort()).toEqual(Object.keys(TABLES).sort());
    for (const fn of metadata.functions) expect(fn.parameters.length).toBe(Object.keys(TABLES[fn.id]).length);
    expect(parameters.length).toBe(73 + 9 + 5 + 5 + 5 + 6 + 5 + 9);
  });

  it.each(parameters)('%s states its bound and its default as its limit declares them', (_name, parameter, limit, table) => {
    expect(parameter.name).toBe(limit.excelName);
    expect(Boolean(parameter.optional)).toBe(Boolean(limit.optional));
    const description = parameter.description ?? '';
    expect(boundsIn(description)).toEqual([boundSentence(limit)]);
    const stated = defaultWords(limit, table);
    if (stated === undefined) {
      expect(defaultsIn(description)).toEqual([]);
    } else {
      expect(defaultsIn(description)).toHaveLength(1);
      expect(description).toMatch(new RegExp(`Default: ${escape(stated)}(\\.|, )`));
    }
  });
});
