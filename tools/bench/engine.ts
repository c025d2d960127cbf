// The engine benchmark: each TPC-H query in sqlopt (the built library, one child process per query for its peak RSS)
// and in DuckDB (1 thread, and its default threads) over the same Parquet files; answers checked; a Markdown section.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { tableFromIPC } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { REPO_ROOT, TPCH_QUERIES_DIR, ensureTpch } from '../data-sets.js';
import { createTpchViews, duckDbAnswer, duckDbRows, openDuckDb } from '../../test/helpers/duckdb.js';
import { arrowRows, compareResults, resultOrder } from '../../test/helpers/result-compare.js';
import type { Row } from '../../test/helpers/result-compare.js';
import { tpchQueryFiles } from './queries.js';
import { median } from './stats.js';

type Library = typeof import('../../src/index.js');

export interface EngineBenchOptions {
  readonly sf: number;
  /** Query names to run (`q1`, …); default all 22. */
  readonly queries?: readonly string[];
  /** Timed runs per query and engine; the median is reported. */
  readonly runs: number;
  /** A sqlopt run (one of `runs`) still going after this long is stopped, and the query reported as timed out. */
  readonly timeoutMs: number;
  /** sqlopt's `sqlopt.exec.threads`; default the session's (the machine's cores). */
  readonly threads?: number;
}

type SqloptOutcome =
  | { readonly kind: 'ok'; readonly seconds: number; readonly peakRssBytes: number; readonly rows: Row[] }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'timeout' };

interface QueryLine {
  readonly name: string;
  readonly sqlopt: SqloptOutcome;
  readonly duckdb1: number;
  readonly duckdbN: number;
  /** undefined when the answer matches DuckDB's; otherwise why not. */
  readonly answer: string | undefined;
}

const CHILD = join(REPO_ROOT, 'tools', 'bench', 'engine-child.mjs');
const LIBRARY = join(REPO_ROOT, 'dist', 'index.js');

export async function benchEngine(lib: Library, options: EngineBenchOptions): Promise<string> {
  const dataDir = await ensureTpch(options.sf);
  const session = new lib.Session();
  session.registerDataDir(dataDir);
  const [duckdb1, duckdbN] = [await openDuckDb({ threads: 1 }), await openDuckDb()];
  await createTpchViews(duckdb1, dataDir);
  await createTpchViews(duckdbN, dataDir);
  const threads = (await duckDbRows(duckdbN, "SELECT current_setting('threads')"))[0]![0]!;
  const scratch = mkdtempSync(join(tmpdir(), 'sqlopt-bench-'));

  const lines: QueryLine[] = [];
  try {
    for (const file of tpchQueryFiles(options.queries)) {
      const name = file.replace('.sql', '');
      const sql = readFileSync(join(TPCH_QUERIES_DIR, file), 'utf8');
      const sqlopt = await runSqlopt(join(TPCH_QUERIES_DIR, file), dataDir, join(scratch, `${name}.arrow`), options);
      const duckdb1Seconds = await timeDuckDb(duckdb1, sql, options.runs);
      const duckdbNSeconds = await timeDuckDb(duckdbN, sql, options.runs);
      let answer: string | undefined;
      if (sqlopt.kind === 'ok') {
        const order = resultOrder(session.analyze(sql).plan);
        const expected = await duckDbAnswer(duckdb1, sql, order.limit);
        answer = compareResults(sqlopt.rows, expected.rows, order, expected.rowAfterLimit);
      }
      const line = { name, sqlopt, duckdb1: duckdb1Seconds, duckdbN: duckdbNSeconds, answer };
      lines.push(line);
      process.stderr.write(`${name}: ${describeOutcome(line)}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return report(lines, options, `threads=${show(threads)}`);
}

async function runSqlopt(queryFile: string, dataDir: string, resultPath: string, options: EngineBenchOptions): Promise<SqloptOutcome> {
  const args = [CHILD, LIBRARY, dataDir, queryFile, String(options.runs), resultPath, ...(options.threads ? [String(options.threads)] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const times: number[] = [];
  let peakRssBytes: number | undefined;
  let error: string | undefined;
  let stderr = '';
  let timedOut = false;
  // The limit is per run: the watchdog restarts as each run reports its time.
  let watchdog = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs);
  createInterface({ input: child.stdout }).on('line', (line) => {
    const report = JSON.parse(line) as { ms?: number; maxRssBytes?: number; error?: string };
    if (report.ms !== undefined) {
      times.push(report.ms);
      clearTimeout(watchdog);
      watchdog = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs);
    }
    peakRssBytes = report.maxRssBytes ?? peakRssBytes;
    error = report.error ?? error;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(watchdog);
  if (timedOut) return { kind: 'timeout' };
  if (error !== undefined) return { kind: 'error', message: firstLine(error) };
  if (exitCode !== 0 || peakRssBytes === undefined) return { kind: 'error', message: crashMessage(stderr || `exit code ${exitCode}`) };
  const rows = arrowRows(tableFromIPC(readFileSync(resultPath)));
  return { kind: 'ok', seconds: median(times) / 1000, peakRssBytes, rows };
}

async function timeDuckDb(connection: DuckDBConnection, sql: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await duckDbRows(connection, sql);
    times.push(performance.now() - started);
  }
  return median(times) / 1000;
}

function report(lines: readonly QueryLine[], options: EngineBenchOptions, threads: string): string {
  const matched = lines.filter((l) => l.sqlopt.kind === 'ok' && l.answer === undefined);
  const geomeanOf = (ratios: number[]) => (ratios.length ? Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) : undefined);
  const geomean = geomeanOf(matched.map((l) => (l.sqlopt as { seconds: number }).seconds / l.duckdb1));
  const geomeanN = geomeanOf(matched.map((l) => (l.sqlopt as { seconds: number }).seconds / l.duckdbN));
  const sqloptThreads = options.threads ? `sqlopt.exec.threads=${options.threads}` : 'sqlopt.exec.threads at its default (the cores)';
  const table = lines.map((l) => {
    const s = l.sqlopt;
    const time = s.kind === 'ok' ? s.seconds.toFixed(3) : s.kind === 'timeout' ? `timeout (a run > ${options.timeoutMs / 60_000} min)` : 'failed';
    const ratio = s.kind === 'ok' ? (s.seconds / l.duckdb1).toFixed(1) : '';
    const rss = s.kind === 'ok' ? (s.peakRssBytes / 2 ** 20).toFixed(0) : '';
    const answer = s.kind === 'error' ? `error: ${escapeCell(s.message)}` : s.kind === 'timeout' ? '' : l.answer === undefined ? 'same' : `**differs**: ${escapeCell(firstLine(l.answer))}`;
    return `| ${l.name} | ${time} | ${l.duckdb1.toFixed(3)} | ${l.duckdbN.toFixed(3)} | ${ratio} | ${rss} | ${answer} |`;
  });
  return [
    `## Engine: TPC-H SF ${options.sf} from Parquet (median of ${options.runs} runs, seconds)`,
    '',
    `sqlopt runs each query in its own process on the built library (\`Session.sql\`, the result as an Arrow table), with`,
    `${sqloptThreads}; its first run includes starting the Parquet wasm and the worker threads. DuckDB`,
    `(@duckdb/node-api) reads the same files through views, with threads=1 and with its default (${threads}). "answer"`,
    `compares sqlopt's rows with DuckDB's.`,
    '',
    `| query | sqlopt | DuckDB 1 thread | DuckDB ${threads} | sqlopt / DuckDB 1 thread | sqlopt peak RSS (MiB) | answer |`,
    '|---|---:|---:|---:|---:|---:|---|',
    ...table,
    '',
    geomean === undefined
      ? 'No query ran to a matching answer, so there is no geometric mean.'
      : `Geometric mean of sqlopt / DuckDB (1 thread) over the ${matched.length} of ${lines.length} queries with matching answers: **${geomean.toFixed(1)}** (against DuckDB ${threads}: ${geomeanN!.toFixed(1)}).`,
    '',
  ].join('\n');
}

function describeOutcome(line: QueryLine): string {
  const s = line.sqlopt;
  const duck = `DuckDB ${line.duckdb1.toFixed(3)} s (1 thread), ${line.duckdbN.toFixed(3)} s`;
  if (s.kind === 'timeout') return `sqlopt timed out; ${duck}`;
  if (s.kind === 'error') return `sqlopt failed: ${s.message}; ${duck}`;
  return `sqlopt ${s.seconds.toFixed(3)} s, ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MiB; ${duck}; answer ${line.answer === undefined ? 'same' : 'DIFFERS: ' + firstLine(line.answer)}`;
}

/** The line of a crashed process's stderr that says what happened (Node prints the source line first). */
function crashMessage(stderr: string): string {
  return firstLine(stderr.split('\n').find((l) => /\b\w*Error\b|out of memory|Aborted/i.test(l)) ?? stderr);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.slice(0, 200);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function show(cell: Row[number]): string {
  return cell === null ? '?' : 'v' in cell ? String(cell.v) : '?';
}
