// The units of parallel scanning: the row groups a scan reads after pruning, numbered in the order it reads them
// (file by file), so that a worker can be told "read unit k" and the gather can put the workers' output back in order.
import type { FileRead } from './prune-scan.js';

/** How many row groups the pruned reads read. */
export function scanUnitCount(reads: readonly FileRead[]): number {
  return reads.reduce((n, r) => n + r.rowGroups.length, 0);
}

/**
 * The reads narrowed to unit `unit` only: the one file holding it, with that one row group (none when `unit` is past
 * the last). Files skipped whole stay in the reads of unit 0, so that they are counted once over all units.
 *
 * @example
 * onlyUnit([{ file: a, rowGroups: [0, 2] }, { file: b, rowGroups: [1] }], 2) // [{ file: b, rowGroups: [1] }]
 */
export function onlyUnit(reads: readonly FileRead[], unit: number): FileRead[] {
  const out: FileRead[] = [];
  let first = 0;
  for (const r of reads) {
    if (r.rowGroups.length === 0) {
      if (unit === 0) out.push(r);
      continue;
    }
    if (unit >= first && unit < first + r.rowGroups.length) out.push({ ...r, rowGroups: [r.rowGroups[unit - first]!] });
    first += r.rowGroups.length;
  }
  return out;
}
