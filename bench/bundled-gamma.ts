/**
 * The model's incomplete gamma (src/model/gamma.ts, with the stdlib it uses) built the way
 * dist/functions.js builds it: webpack.config.js's mode, target, resolve (so the same shims) and
 * TypeScript loader, and the same minifier, as a module of its own. The bench prices the floor on
 * copies of it: the code Excel runs, with no other caller sharing its type feedback.
 */
import { createRequire } from 'module';
import path from 'path';
import webpack from 'webpack';
import { productWebpackConfig } from './bundled-stdlib';

const ROOT = path.resolve(__dirname, '..');
const load = createRequire(__filename);

/** Builds the module into `outputDirectory` and returns its file. */
export async function buildIncompleteGamma(outputDirectory: string): Promise<string> {
  const product = productWebpackConfig();
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: ROOT,
        target: product.target,
        resolve: product.resolve,
        // The product's ts-loader, without type-checking the rest of src/: this build is one file.
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', transpileOnly: true } } }] },
        entry: './src/model/gamma.ts',
        output: { path: outputDirectory, filename: 'gamma.js', library: { type: 'commonjs2' } },
        performance: { hints: false },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  if (!stats || stats.hasErrors()) throw new Error(`could not build src/model/gamma.ts for the floor:\n${stats?.toString('errors-only') ?? ''}`);
  return path.join(outputDirectory, 'gamma.js');
}

/**
 * A fresh copy of the built module: loaded anew, with its own type feedback and optimised code,
 * so one function's calls do not shape another's floor.
 */
export function loadIncompleteGamma(file: string): Record<string, unknown> {
  Reflect.deleteProperty(load.cache, file);
  return load(file) as Record<string, unknown>;
}
