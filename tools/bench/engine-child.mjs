// One engine-benchmark query in a process of its own, so that the peak memory measured is the query's: runs it on the
// built library `runs` times, writes the last result as an Arrow IPC file, and reports on stdout as JSON lines:
// `{"ms": …}` after each run (the parent's per-run time limit restarts on it), then `{"maxRssBytes": …}`, or
// `{"error": …}` when the query fails.
// Usage: node engine-child.mjs <dist/index.js> <data dir> <query.sql> <runs> <result.arrow> [sqlopt.exec.threads]
import { readFileSync, writeFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';

const [library, dataDir, queryFile, runs, resultPath, threads] = process.argv.slice(2);
const { Session, SqlError } = await import(library);
const sql = readFileSync(queryFile, 'utf8');
const session = new Session(threads ? { config: { 'sqlopt.exec.threads': threads } } : {});
session.registerDataDir(dataDir);

const report = (value) => process.stdout.write(JSON.stringify(value) + '\n');
let result;
try {
  for (let i = 0; i < Number(runs); i++) {
    const started = performance.now();
    result = await session.sql(sql);
    report({ ms: performance.now() - started });
  }
} catch (error) {
  report({ error: error instanceof SqlError ? `${error.code}: ${error.message}` : String(error?.stack ?? error) });
  process.exit(0);
}
writeFileSync(resultPath, tableToIPC(result, 'file'));
// maxRSS is in kilobytes.
report({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
// The executor's worker threads, if any, must not keep the measurement waiting.
process.exit(0);
