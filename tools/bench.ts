// `npm run bench`: the compiler front end (parse + analyze, whole `sqlopt explain` process) and the engine (the 22
// TPC-H queries at SF 1 against DuckDB), both on the built library. Prints Markdown and writes it to bench-results/.
//
//   npm run bench                              both sections
//   npm run bench -- --only engine --queries q1,q6 --sf 0.1 --runs 3 --timeout-minutes 10 --threads 1
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEngine } from './bench/engine.js';
import { benchFrontend } from './bench/frontend.js';
import { REPO_ROOT, ensureTpch } from './data-sets.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    sf: { type: 'string', default: '1' },
    queries: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'timeout-minutes': { type: 'string', default: '10' },
    threads: { type: 'string' },
  },
  strict: true,
});
if (values.only !== undefined && values.only !== 'frontend' && values.only !== 'engine') throw new Error('--only takes frontend or engine');

// Measure what users run: the built library and CLI, not the sources under tsx (about 2x slower to parse).
execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
const lib = (await import(join(REPO_ROOT, 'dist', 'index.js'))) as typeof import('../src/index.js');

const date = new Date().toISOString().slice(0, 10);
const machine = `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`;
mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });

if (values.only !== 'engine') {
  const section = benchFrontend(lib, await ensureTpch(0.01));
  publish('frontend.md', `# sqlopt benchmark: front end — ${date}\n\n${machine}\n\n${section}`);
}
if (values.only !== 'frontend') {
  const section = await benchEngine(lib, {
    sf: Number(values.sf),
    ...(values.queries !== undefined ? { queries: values.queries.split(',').map((q) => q.trim()) } : {}),
    runs: Number(values.runs),
    timeoutMs: Number(values['timeout-minutes']) * 60_000,
    ...(values.threads !== undefined ? { threads: Number(values.threads) } : {}),
  });
  publish(values.threads !== undefined ? `engine-threads-${values.threads}.md` : 'engine.md', `# sqlopt benchmark: engine — ${date}\n\n${machine}\n\n${section}`);
}
// DuckDB's connections hold native threads that would keep the process alive.
process.exit(0);

function publish(file: string, report: string): void {
  process.stdout.write(report + '\n');
  writeFileSync(join(REPO_ROOT, 'bench-results', file), report);
}
