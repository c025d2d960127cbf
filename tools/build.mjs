// Builds dist/: the library (ESM, dependencies external) with its type declarations, and the CLI as one bundled
// file so that `sqlopt explain` starts fast (no loading of hundreds of small module files).
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
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  external: runtimeLibraries,
  minify: true,
  define: { SQLOPT_VERSION: JSON.stringify(pkg.version) },
  // Some bundled CommonJS code calls require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __sqloptCreateRequire } from 'node:module'; const require = __sqloptCreateRequire(import.meta.url);" },
});
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
