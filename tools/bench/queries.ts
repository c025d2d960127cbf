// The TPC-H query files the benchmarks run, in numeric order.
import { readdirSync } from 'node:fs';
import { TPCH_QUERIES_DIR } from '../data-sets.js';

/** `q1.sql` … `q22.sql`, optionally only those named in `only` (`['q1', 'q6']`). */
export function tpchQueryFiles(only?: readonly string[]): string[] {
  return readdirSync(TPCH_QUERIES_DIR)
    .filter((f) => /^q\d+\.sql$/.test(f) && (only === undefined || only.includes(f.slice(0, -4))))
    .sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)));
}
