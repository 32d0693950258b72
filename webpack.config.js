/* Builds the add-in: the task pane, the custom functions and their metadata, the manifest and assets. */
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DEV_BASE_URL, checkProductionUrl, rewriteBaseUrl, rewriteUnifiedManifest } = require('./scripts/manifest-url');
const { readDevCertificates, CERT_DIR } = require('./scripts/dev-certs');

/** The dev server's port: 3000 unless ITCOST_PORT says otherwise; 0 lets the system pick a free one (the URL printed is the real one). */
const PORT = Number(process.env.ITCOST_PORT || 3000);
const DIST = path.resolve(__dirname, 'dist');

/** stdlib's pure-JavaScript Math ports, replaced by the engine's own in the bundle (src/vendor/stdlib-shims/README.md). */
const STDLIB_SHIMS = Object.fromEntries(
  [
    ['@stdlib/math-base-special-pow$', 'pow'],
    ['@stdlib/math-base-special-exp$', 'exp'],
    ['@stdlib/math-base-special-ln$', 'ln'],
    ['@stdlib/math-base-special-log1p$', 'log1p'],
    ['@stdlib/math-base-special-expm1$', 'expm1'],
    ['@stdlib/math-base-special-sin$', 'sin'],
    ['@stdlib/math-base-special-sinpi$', 'sinpi'],
    ['@stdlib/function-ctor$', 'function-ctor'],
    ['@stdlib/assert-has-generator-support$', 'has-generator-support'],
    ['@stdlib/array-float64$', 'array-float64'],
    ['@stdlib/array-uint32$', 'array-uint32'],
    ['@stdlib/array-uint16$', 'array-uint16'],
    ['@stdlib/array-uint8$', 'array-uint8'],
    ['@stdlib/utils-define-property$', 'define-property'],
    // Files inside a package, which the package requires by a relative path: aliased by absolute path.
    ['@stdlib/math-base-tools-continued-fraction/lib/generators.js', 'continued-fraction-generators'],
    ['@stdlib/math-base-tools-sum-series/lib/generators.js', 'sum-series-generators'],
  ].map(([name, file]) => [
    name.endsWith('$') ? name : path.resolve(__dirname, 'node_modules', name),
    path.resolve(__dirname, 'src/vendor/stdlib-shims', `${file}.js`),
  ]),
);

/** Where a build into dist/ lists the source files bundled into functions.js (test/build.test.ts reads it). */
const FUNCTIONS_MODULES = path.resolve(__dirname, 'node_modules', '.cache', 'itcost', 'functions-modules.json');

/**
 * Writes FUNCTIONS_MODULES from the compilation: every source file in the functions chunk (the
 * modules webpack concatenated included) and the SHA-256 of the functions.js it emitted, so a test
 * can tell the list describes the dist/functions.js it finds. Only one-off builds into dist/ write
 * it; the dev server (in memory), watch builds and builds elsewhere leave it alone.
 */
class FunctionsModulesPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('FunctionsModules', (compilation) => {
      if (compiler.watchMode || path.resolve(compilation.outputOptions.path) !== DIST) return;
      const chunk = compilation.namedChunks.get('functions');
      if (!chunk) return;
      const files = new Set();
      const add = (module) => {
        if (module.modules) for (const inner of module.modules) add(inner);
        if (module.resource) files.add(path.relative(__dirname, module.resource).split(path.sep).join('/'));
      };
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(module);
      const sha256 = createHash('sha256').update(fs.readFileSync(path.join(DIST, 'functions.js'))).digest('hex');
      fs.mkdirSync(path.dirname(FUNCTIONS_MODULES), { recursive: true });
      fs.writeFileSync(FUNCTIONS_MODULES, JSON.stringify({ asset: 'functions.js', sha256, modules: [...files].sort() }, null, 1));
    });
  }
}

/**
 * Points the files that name the add-in's own address at the address it is served from: both
 * manifests and the help links in functions.json. A production build takes ITCOST_PUBLIC_URL; a
 * development build https://localhost with the dev server's port.
 */
class BaseUrlPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BaseUrl', (compilation) => {
      // After the copied manifests and the metadata plugin's functions.json are added.
      compilation.hooks.processAssets.tap({ name: 'BaseUrl', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        for (const file of ['manifest.xml', 'manifest.json', 'functions.json']) {
          const asset = compilation.getAsset(file);
          if (!asset) continue;
          const text = asset.source.source().toString();
          const rewritten = file === 'manifest.json' ? rewriteUnifiedManifest(text, this.baseUrl) : rewriteBaseUrl(text, this.baseUrl, file.endsWith('.xml'));
          compilation.updateAsset(file, new sources.RawSource(rewritten));
        }
      });
    });
  }
}

/** The interface the dev server listens on: this machine only, unless ITCOST_HOST asks for another (0.0.0.0 for every one). */
const HOST = process.env.ITCOST_HOST || 'localhost';

function printHowToTry(protocol, port) {
  const base = `${protocol}://localhost:${port}`;
  const lines = ['', `ITCost is being served at ${base}/${HOST === 'localhost' ? ' (this computer only)' : ` and on ${HOST}:${port} (ITCOST_HOST)`}`, `  Task pane in a browser (preview, no Excel needed): ${base}/taskpane.html`];
  if (protocol === 'https') {
    lines.push(
      '  Excel on the web: open a workbook, then Home > Add-ins > More Add-ins > My Add-ins >',
      '    Upload My Add-in, and choose dist/manifest.xml (or dist/manifest.json for Microsoft 365).',
      '  Excel on Windows or macOS: run `npm start` there to sideload automatically.',
    );
  } else {
    // Excel loads add-ins only over trusted https, so an upload instruction could not work here.
    lines.push(`  Excel needs https: run \`npx office-addin-dev-certs install\`, then start again (no development certificates were found in ${CERT_DIR}).`);
  }
  if (PORT === 0) lines.push(`  The manifests name port 3000, not port ${port}: to load ITCost in Excel, set ITCOST_PORT to a fixed port.`);
  else if (port !== 3000) lines.push(`  The manifests name this port (ITCOST_PORT=${port}).`);
  lines.push('', 'Stop the server with Ctrl+C or `npm run stop`.', '');
  console.log(lines.join('\n'));
}

module.exports = (_env, argv) => {
  const isProduction = argv.mode === 'production';
  const productionUrl = process.env.ITCOST_PUBLIC_URL;
  // The address the manifests and help links name: the production URL, or this machine at the dev server's port.
  const baseUrl = isProduction && productionUrl ? checkProductionUrl(productionUrl) : PORT === 0 ? DEV_BASE_URL : `https://localhost:${PORT}/`;
  const certificates = isProduction ? undefined : readDevCertificates();
  const howToTry = { compiled: false, listening: false, printed: false };
  const printHowToTryOnce = (devServer) => {
    if (howToTry.printed || !howToTry.compiled || !howToTry.listening) return;
    howToTry.printed = true;
    // After webpack's own report, so the instructions are the last thing on screen.
    setImmediate(() => printHowToTry(certificates ? 'https' : 'http', devServer.server.address().port));
  };

  return {
    devtool: isProduction ? false : 'source-map',
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
      // The time-entry import's worker: its own file, which the task pane starts by name when an export is read.
      'import-worker': './src/taskpane/import-worker.ts',
    },
    output: {
      path: DIST,
      filename: '[name].js',
      // The custom-functions runtime may be JavaScript-only, with no window or document.
      globalObject: 'globalThis',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'], alias: STDLIB_SHIMS },
    // terser, told what the bundles are (ES2020, strict, no top-level names shared with other scripts: each bundle is one
    // closure) and that reading a property has no side effects, with a third pass: 0.3 KB gzip off the three bundles.
    optimization: { minimizeOptions: { javascript: { compress: { passes: 3, pure_getters: true }, ecma: 2020, module: true } } },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json' } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new FunctionsModulesPlugin(),
      {
        // The one line a successful build prints (stats are errors and warnings only).
        apply(compiler) {
          compiler.hooks.done.tap('BuildSummary', (stats) => {
            // Not inside the test runner, which builds in-process and would print it with a stack trace.
            if (stats.hasErrors() || process.env.JEST_WORKER_ID !== undefined) return;
            const files = Object.keys(stats.compilation.assets).length;
            console.log(`Built ITCost (${argv.mode}): ${files} files in ${((stats.endTime - stats.startTime) / 1000).toFixed(1)} s.`);
          });
        },
      },
      new BaseUrlPlugin(baseUrl),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // A shared runtime: the task pane page also hosts the custom functions.
        chunks: ['taskpane', 'functions'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // Both manifests: the XML one for Office 2021 and other perpetual versions, the unified one for Microsoft 365.
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'manifest.json', to: 'manifest.json' },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.done.tap('ProductionUrlNotice', () => {
            if (isProduction && !productionUrl) {
              console.log(
                `\nNote: ITCOST_PUBLIC_URL is not set, so dist/manifest.xml, dist/manifest.json and the functions' help links still point at ${DEV_BASE_URL}.\n` +
                  'Set it to the https address where you host dist/, e.g. ITCOST_PUBLIC_URL=https://addin.example.com/itcost/ npm run build\n',
              );
            }
          });
        },
      },
    ],
    // A quiet build: errors and warnings only; the dev server prints one summary, then how to try ITCost, last.
    stats: 'errors-warnings',
    infrastructureLogging: { level: 'warn' },
    devServer: {
      port: PORT,
      host: HOST,
      static: { directory: DIST },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certificates ? { type: 'https', options: certificates } : 'http',
      // No injected dev-server client: functions.js must stay loadable in a runtime with no DOM.
      client: false,
      hot: false,
      liveReload: false,
      // The instructions need both a first good build and the bound port (with ITCOST_PORT=0 the system picks it).
      setupMiddlewares: (middlewares, devServer) => {
        devServer.compiler.hooks.done.tap('HowToTryITCost', (stats) => {
          if (stats.hasErrors()) return;
          howToTry.compiled = true;
          printHowToTryOnce(devServer);
        });
        return middlewares;
      },
      onListening: (devServer) => {
        howToTry.listening = true;
        printHowToTryOnce(devServer);
      },
    },
  };
};

module.exports.FUNCTIONS_MODULES = FUNCTIONS_MODULES;
