// NOT IN's extra candidate pairs: rows whose key comparison is UNKNOWN rather than FALSE, which NOT IN counts
// against the probe row just as it counts a match.
import type { JoinHashTable } from './hash-table.js';
import type { JoinKey } from './join-keys.js';
import { sameKey } from './join-keys.js';
import type { Decided, Pairs } from './pairs.js';
import type { PairBuffer } from './pairs.js';

/** The keys of one side of a null-aware join: which rows have a NULL key and, with several key columns, each column's keys. */
export interface NullAwareKeys {
  /** 1 = a key column is NULL at that row; absent when none is. */
  readonly hasNull: Uint8Array | undefined;
  /** The number of rows. */
  readonly length: number;
  /** Per key column; empty for a single key column, where a NULL on either side always makes the comparison UNKNOWN. */
  readonly columns: readonly (readonly JoinKey[])[];
}

/**
 * Pairs whose key comparison is UNKNOWN: a NULL in some key column of either row, and every column where both
 * rows have a value equal (`(a, b) = (x, y)` is FALSE as soon as one column differs, whatever the NULLs).
 * Rows without NULLs are paired by `hashPairs`; a probe row with a NULL is tried against every build row, any
 * other probe row against the build rows with a NULL.
 */
export function* unknownComparisonPairs(
  table: JoinHashTable,
  build: NullAwareKeys,
  probe: NullAwareKeys,
  decided: Decided,
  buffer: PairBuffer,
): Generator<Pairs> {
  const probeDone = decided.probe;
  const buildDone = decided.build;
  const stopAtFirst = decided.firstPairDecides && probeDone !== undefined;
  const nullKeyRows = table.nullKeyRows;
  for (let p = 0; p < probe.length; p++) {
    const everyBuildRow = probe.hasNull !== undefined && probe.hasNull[p] === 1;
    const count = everyBuildRow ? table.length : nullKeyRows.length;
    for (let k = 0; k < count; k++) {
      if (probeDone !== undefined && probeDone[p] === 1) break;
      const b = everyBuildRow ? k : nullKeyRows[k]!;
      if (buildDone !== undefined && buildDone[b] === 1) continue;
      if (!valuesAgree(probe.columns, p, build.columns, b)) continue;
      if (buffer.push(p, b)) yield buffer.flush();
      if (stopAtFirst) break;
    }
  }
  if (buffer.length > 0) yield buffer.flush();
}

/** No key column where both rows have a value and the values differ. */
function valuesAgree(probeColumns: NullAwareKeys['columns'], p: number, buildColumns: NullAwareKeys['columns'], b: number): boolean {
  for (let c = 0; c < probeColumns.length; c++) {
    const x = probeColumns[c]![p];
    const y = buildColumns[c]![b];
    if (x !== undefined && y !== undefined && !sameKey(x, y)) return false;
  }
  return true;
}
