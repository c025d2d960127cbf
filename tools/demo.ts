// `npm run demo`: generates a small events data set if missing, then explains and runs corpus/demo/*.sql with the
// built `sqlopt` command, as a user would.
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDemoEvents, REPO_ROOT } from './data-sets.js';

await ensureDemoEvents();
const cli = join(REPO_ROOT, 'bin', 'sqlopt.js');
const demoDir = join(REPO_ROOT, 'corpus', 'demo');
for (const file of readdirSync(demoDir).filter((f) => f.endsWith('.sql')).sort()) {
  const path = join('corpus', 'demo', file);
  for (const args of [['explain', '-f', path], ['run', '--max-rows', '10', path]]) {
    process.stdout.write(`\n$ sqlopt ${args.join(' ')}\n`);
    try {
      process.stdout.write(execFileSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8' }));
    } catch (e) {
      // The CLI has printed its diagnostic on stderr; the demo goes on with the next command.
      process.exitCode = 1;
      process.stderr.write(String((e as { stderr?: string }).stderr ?? e));
    }
  }
}
