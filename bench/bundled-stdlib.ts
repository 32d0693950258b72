/**
 * Makes src/model, loaded under tsx, use stdlib exactly as dist/functions.js does: with the
 * aliases of webpack.config.js (src/vendor/stdlib-shims), stdlib's incomplete gamma runs on the
 * engine's Math functions and on plain loops instead of generators. The model the bench counts
 * evaluations with is then the same program, to the last digit, as the bundle it times.
 *
 * It hooks Node's module resolution, so it must be imported before anything that loads stdlib.
 */
import Module, { createRequire } from 'module';
import path from 'path';
import type webpack from 'webpack';

type Resolve = (request: string, ...rest: unknown[]) => string;

const ROOT = path.resolve(__dirname, '..');
const load = createRequire(__filename);

/** webpack.config.js as `npm run build` uses it. */
export function productWebpackConfig(): webpack.Configuration {
  const config = load(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => webpack.Configuration;
  return config(undefined, { mode: 'production' });
}

// webpack's "name$" means exactly that request, which is how the shims are declared.
const aliases = new Map(
  Object.entries((productWebpackConfig().resolve?.alias ?? {}) as Record<string, string>).map(([name, file]) => [name.replace(/\$$/, ''), file]),
);

const nodeModule = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = nodeModule._resolveFilename;
nodeModule._resolveFilename = function resolveAsBundled(this: unknown, request: string, ...rest: unknown[]): string {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};
