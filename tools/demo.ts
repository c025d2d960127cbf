// `npm run demo`: generates a small events data set if missing and shows what sqlopt makes of corpus/demo/*.sql,
// running the built `sqlopt` command as a user would.
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDemoEvents, REPO_ROOT } from './data-sets.js';

await ensureDemoEvents();
const cli = join(REPO_ROOT, 'bin', 'sqlopt.js');
const demoDir = join(REPO_ROOT, 'corpus', 'demo');
for (const file of readdirSync(demoDir).filter((f) => f.endsWith('.sql')).sort()) {
  const path = join('corpus', 'demo', file);
  process.stdout.write(`\n$ sqlopt explain -f ${path}\n`);
  try {
    process.stdout.write(execFileSync(process.execPath, [cli, 'explain', '-f', path], { cwd: REPO_ROOT, encoding: 'utf8' }));
  } catch (e) {
    // The CLI has printed its diagnostic on stderr; the demo goes on with the next file.
    process.exitCode = 1;
    process.stderr.write(String((e as { stderr?: string }).stderr ?? e));
  }
}
