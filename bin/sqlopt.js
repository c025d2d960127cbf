#!/usr/bin/env node
// The installed `sqlopt` command: loads the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('sqlopt is not built yet: run `npm run build` in the sqlopt directory.\n');
  process.exit(70);
}
const { runCli } = await import(cli.href);
process.exitCode = runCli(process.argv.slice(2));
