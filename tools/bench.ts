// `npm run bench`: compiler front-end timings on the 22 TPC-H queries (parse + analyze of the built library, warm,
// in process) and the cost of a whole `sqlopt explain` process. Prints a Markdown table and writes it to bench-results/.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import os from 'node:os';
import { median, timeRuns } from './bench/stats.js';
import { ensureTpch, REPO_ROOT, TPCH_QUERIES_DIR } from './data-sets.js';

const PARSE_RUNS = 200;
const CLI_RUNS = 10;

// Measure what users run: the built library and CLI, not the sources under tsx (about 2x slower to parse).
execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
const { parseQuery, analyzeQuery, Session } = (await import(join(REPO_ROOT, 'dist', 'index.js'))) as typeof import('../src/index.js');

const dataDir = await ensureTpch(0.01);
const session = new Session();
session.registerDataDir(dataDir);

const queries = readdirSync(TPCH_QUERIES_DIR)
  .filter((f) => /^q\d+\.sql$/.test(f))
  .sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)));

const rows: string[] = [];
const parseMedians: number[] = [];
const analyzeMedians: number[] = [];
for (const file of queries) {
  const sql = readFileSync(join(TPCH_QUERIES_DIR, file), 'utf8');
  const parse = median(timeRuns(() => parseQuery(sql), PARSE_RUNS));
  const ast = parseQuery(sql);
  const analyze = median(timeRuns(() => analyzeQuery(ast, session.catalog), PARSE_RUNS));
  const both = median(timeRuns(() => analyzeQuery(parseQuery(sql), session.catalog), PARSE_RUNS));
  parseMedians.push(parse);
  analyzeMedians.push(analyze);
  rows.push(`| ${file.replace('.sql', '')} | ${us(parse)} | ${us(analyze)} | ${us(both)} |`);
}

// The whole CLI process, as a user runs it: the built bundle, footers read from the generated files.
const cli = join(REPO_ROOT, 'bin', 'sqlopt.js');
const q5 = join(TPCH_QUERIES_DIR, 'q5.sql');
const cliTimes = timeRuns(() => execFileSync(process.execPath, [cli, 'explain', '-f', q5, '--data-dir', dataDir], { stdio: 'pipe' }), CLI_RUNS, 2);
const nodeTimes = timeRuns(() => execFileSync(process.execPath, ['-e', '0']), CLI_RUNS, 2);

const report = [
  `# sqlopt benchmark — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  `## Parse and analyze, TPC-H queries (median of ${PARSE_RUNS} warm runs, µs)`,
  '',
  '| query | parse | analyze | parse + analyze |',
  '|---|---:|---:|---:|',
  ...rows,
  `| **median** | **${us(median(parseMedians))}** | **${us(median(analyzeMedians))}** | |`,
  '',
  `## Whole process: \`sqlopt explain -f q5.sql --data-dir <tpch sf0.01>\` (median of ${CLI_RUNS} runs)`,
  '',
  `| what | ms |`,
  `|---|---:|`,
  `| sqlopt explain | ${median(cliTimes).toFixed(0)} |`,
  `| node -e 0 (floor) | ${median(nodeTimes).toFixed(0)} |`,
  '',
].join('\n');

process.stdout.write(report + '\n');
mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench-results', 'frontend.md'), report);

function us(ms: number): string {
  return (ms * 1000).toFixed(0);
}
