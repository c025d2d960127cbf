// Benchmarks the Parquet scan: sqlopt's reader vs other parquet-wasm paths, and DuckDB's TPC-H Q6 for scale.
// Usage: npx tsx tools/bench-scan.ts <lineitem.parquet | lineitem directory> [--runs 3] [--batch-size 65536]
// Prints medians of warm runs: wall time, and this process's CPU time (steadier when other processes load the machine).
import { closeSync, openAsBlob, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { parseRecordBatch } from 'arrow-js-ffi';
import { listDataFiles } from '../src/catalog/data-files.js';
import { readParquetFooter } from '../src/catalog/parquet-footer.js';
import { DEFAULT_BATCH_SIZE, openParquetReader } from '../src/io/parquet-reader.js';
import { parseFooterLayout, planSlice } from '../src/io/parquet-slice.js';
import { createScanMetrics } from '../src/io/scan-metrics.js';
import { parquetWasm } from '../src/io/wasm.js';

const Q6_COLUMNS = ['l_shipdate', 'l_discount', 'l_quantity', 'l_extendedprice'];
const Q6_SQL = (files: string) => `
  SELECT sum(l_extendedprice * l_discount) AS revenue FROM read_parquet(${files})
  WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24`;

/** One way to read `columns` (undefined: all) of every file; returns the rows read. */
type Scan = (files: readonly string[], columns: readonly string[] | undefined, batchSize: number) => Promise<number>;

/** sqlopt's path: a slice per row group, parquet-wasm's sync reader, batches out through FFI. */
const sqloptReader: Scan = async (files, columns, batchSize) => {
  let rows = 0;
  for (const file of files) {
    for await (const batch of openParquetReader(file).scan({ columns, batchSize })) rows += batch.numRows;
  }
  return rows;
};

/** The same slices, but batches out as IPC bytes parsed by Arrow JS. */
const slicesViaIpc: Scan = async (files, columns, batchSize) => {
  const pw = parquetWasm();
  let rows = 0;
  for (const file of files) {
    const footer = readParquetFooter(file);
    const fd = openSync(file, 'r');
    try {
      const length = footer.metadata.metadata_length;
      const footerBytes = new Uint8Array(length);
      readSync(fd, footerBytes, 0, length, footer.size - 8 - length);
      const layout = parseFooterLayout(footerBytes);
      const chosen = layout.columns.flatMap((c, i) => (columns === undefined || columns.includes(c.name) ? [i] : []));
      for (let g = 0; g < layout.rowGroups.length; g++) {
        const slice = planSlice(layout, g, chosen, new Map());
        for (const c of slice.chunks) readSync(fd, slice.bytes, c.sliceOffset, c.length, c.start);
        rows += tableFromIPC(pw.readParquet(slice.bytes, { batchSize }).intoIPCStream()).numRows;
      }
    } finally {
      closeSync(fd);
    }
  }
  return rows;
};

/** parquet-wasm's async reader, a row group per read, batches out through FFI. It panics on corrupt data. */
const asyncReader: Scan = async (files, columns, batchSize) => {
  const pw = parquetWasm();
  let rows = 0;
  for (const file of files) {
    const parquet = await pw.ParquetFile.fromFile(await openAsBlob(file));
    const rowGroups = readParquetFooter(file).metadata.row_groups.length;
    for (let g = 0; g < rowGroups; g++) {
      const stream = (await parquet.read({ columns: columns && [...columns], rowGroups: [g], batchSize })).intoFFI();
      for (let i = 0; i < stream.numArrays(); i++) {
        rows += parseRecordBatch(pw.wasmMemory().buffer, stream.arrayAddr(i), stream.schemaAddr(), true).numRows;
      }
      stream.free();
    }
    parquet.free();
  }
  return rows;
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, 'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) } },
    allowPositionals: true,
  });
  const [path] = positionals;
  if (path === undefined) throw new Error('usage: bench-scan <lineitem.parquet | directory> [--runs 3] [--batch-size 65536]');
  const runs = Number(values.runs);
  const batchSize = Number(values['batch-size']);
  const files = listDataFiles(path).files;
  const footers = files.map((f) => readParquetFooter(f));
  const rowGroups = footers.reduce((n, f) => n + f.metadata.row_groups.length, 0);
  const bytes = footers.reduce((n, f) => n + f.size, 0);
  console.log(`${files.length} file(s), ${rowGroups} row groups, ${(bytes / 2 ** 20).toFixed(0)} MiB; median of ${runs} warm runs, batch size ${batchSize}`);

  const scans: [string, Scan][] = [
    ['sqlopt reader (slice + sync + FFI)', sqloptReader],
    ['slice + sync + IPC', slicesViaIpc],
    ['parquet-wasm async read + FFI', asyncReader],
  ];
  for (const [label, columns] of [['Q6 columns', Q6_COLUMNS], ['all columns', undefined]] as const) {
    // Rounds interleave the paths, so that load from other processes falls on all of them alike.
    const times = await timed(
      runs,
      scans.map(([, scan]) => () => scan(files, columns, batchSize)),
    );
    scans.forEach(([name], i) => console.log(row(`${name}, ${label}`, times[i]!)));
  }

  const metrics = createScanMetrics();
  let batches = 0;
  for (const file of files) {
    for await (const batch of openParquetReader(file).scan({ columns: Q6_COLUMNS, batchSize, metrics })) batches += batch.numCols > 0 ? 1 : 0;
  }
  console.log(
    `  Q6 columns: ${metrics.rows} rows in ${batches} batches, ${(metrics.bytesRead / 2 ** 20).toFixed(1)} MiB of column chunks read, ` +
      `io ${metrics.ioTimeMs.toFixed(0)} ms, decode ${metrics.decodeTimeMs.toFixed(0)} ms (one run)`,
  );

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const list = `[${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}]`;
  for (const threads of [1, 2]) {
    await duck.run(`SET threads = ${threads}`);
    const [times] = await timed(runs, [async () => (await duck.runAndReadAll(Q6_SQL(list))).currentRowCount]);
    console.log(row(`DuckDB Q6 query, ${threads} thread(s)`, times!));
  }
  duck.closeSync();
  instance.closeSync();
}

interface Timing {
  readonly wallMs: number;
  /** This process's CPU time (all its threads), which other processes' load disturbs less than wall time. */
  readonly cpuMs: number;
}

/** For each of `candidates`, the timings of `runs` runs, after one warm-up round; rounds run every candidate once. */
async function timed(runs: number, candidates: readonly (() => Promise<unknown>)[]): Promise<Timing[][]> {
  for (const run of candidates) await run();
  const timings = candidates.map((): Timing[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, run] of candidates.entries()) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await run();
      const { user, system } = process.cpuUsage(cpu);
      timings[i]!.push({ wallMs: performance.now() - start, cpuMs: (user + system) / 1000 });
    }
  }
  return timings;
}

function row(label: string, timings: readonly Timing[]): string {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const wall = median(timings.map((t) => t.wallMs));
  const cpu = median(timings.map((t) => t.cpuMs));
  const runs = timings.map((t) => t.wallMs.toFixed(0)).join(', ');
  return `${label.padEnd(48)} ${wall.toFixed(0).padStart(6)} ms wall ${cpu.toFixed(0).padStart(6)} ms cpu   (wall: ${runs})`;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
