// The front-end benchmark: parse and analyze of the 22 TPC-H queries (warm, in process) and a whole `sqlopt explain`
// process, both on the built library and CLI. Returns a Markdown section.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeRuns } from './stats.js';
import { REPO_ROOT, TPCH_QUERIES_DIR } from '../data-sets.js';
import { tpchQueryFiles } from './queries.js';

const PARSE_RUNS = 200;
const CLI_RUNS = 10;

type Library = typeof import('../../src/index.js');

/** `dataDir`: a small TPC-H data set (the footers are read; the data is not). */
export function benchFrontend(lib: Library, dataDir: string): string {
  const session = new lib.Session();
  session.registerDataDir(dataDir);
  const rows: string[] = [];
  const parseMedians: number[] = [];
  const analyzeMedians: number[] = [];
  for (const file of tpchQueryFiles()) {
    const sql = readFileSync(join(TPCH_QUERIES_DIR, file), 'utf8');
    const parse = median(timeRuns(() => lib.parseQuery(sql), PARSE_RUNS));
    const ast = lib.parseQuery(sql);
    const analyze = median(timeRuns(() => lib.analyzeQuery(ast, session.catalog), PARSE_RUNS));
    const both = median(timeRuns(() => lib.analyzeQuery(lib.parseQuery(sql), session.catalog), PARSE_RUNS));
    parseMedians.push(parse);
    analyzeMedians.push(analyze);
    rows.push(`| ${file.replace('.sql', '')} | ${us(parse)} | ${us(analyze)} | ${us(both)} |`);
  }

  // The whole CLI process, as a user runs it: the built bundle, footers read from the generated files.
  const cli = join(REPO_ROOT, 'bin', 'sqlopt.js');
  const q5 = join(TPCH_QUERIES_DIR, 'q5.sql');
  const cliTimes = timeRuns(() => execFileSync(process.execPath, [cli, 'explain', '-f', q5, '--data-dir', dataDir], { stdio: 'pipe' }), CLI_RUNS, 2);
  const nodeTimes = timeRuns(() => execFileSync(process.execPath, ['-e', '0']), CLI_RUNS, 2);

  return [
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
}

function us(ms: number): string {
  return (ms * 1000).toFixed(0);
}
