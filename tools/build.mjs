// Builds dist/: the library (ESM, dependencies external) with its type declarations, the executor worker, and the CLI as one bundled
// file with a V8 code cache, so that `sqlopt explain` starts fast (no loading of hundreds of small module files).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });

const common = { platform: 'node', target: 'node20', format: 'esm', bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root };
// Heavy runtime libraries stay out of the bundles: the library's users install them, and the CLI loads them lazily
// only on paths that execute queries.
const runtimeLibraries = ['apache-arrow', 'parquet-wasm', '@duckdb/node-api'];

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' });
// The executor's worker threads run this entry; the library and the CLI bundle find it beside themselves.
await build({ ...common, entryPoints: ['src/exec/parallel/worker-main.ts'], outfile: 'dist/exec-worker.js', packages: 'external' });
// CommonJS, so that bin/sqlopt.js can compile it with a V8 code cache (vm.Script takes scripts, not modules).
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  external: runtimeLibraries,
  minify: true,
  // ESM modules that locate files through import.meta.url (the Parquet wasm loader) get the bundle's own URL.
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { SQLOPT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__bundleUrl' },
});
// One run fills the code cache with what a typical `explain` compiles.
execFileSync(process.execPath, [`${root}bin/sqlopt.js`, 'explain', "SELECT a, count(*) FROM VALUES (1), (2) AS t(a) GROUP BY a"], {
  env: { ...process.env, SQLOPT_WRITE_CODE_CACHE: '1' },
  stdio: 'ignore',
});
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
