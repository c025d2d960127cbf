#!/usr/bin/env node
// The installed `sqlopt` command. It runs the CLI bundle built by `npm run build` through a V8 code cache
// (dist/cli.cjs.cache, made by the build), which saves compiling the bundle at every start.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
const cacheFile = `${bundle}.cache`;
if (!existsSync(bundle)) {
  process.stderr.write('sqlopt is not built yet: run `npm run build` in the sqlopt directory.\n');
  process.exit(70);
}
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
// A reader that closes the pipe early (`sqlopt query … | head`) has what it wanted: stop quietly, not with EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
process.exitCode = await module.exports.runCli(process.argv.slice(2));

// The build runs the CLI once with this set, so the cache also holds the functions a run compiles lazily.
if (process.env.SQLOPT_WRITE_CODE_CACHE === '1') {
  writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
  renameSync(`${cacheFile}.tmp`, cacheFile);
}
