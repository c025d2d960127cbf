// Counters a Parquet scan updates as it reads: the figures EXPLAIN ANALYZE shows for a scan and adaptive execution reads.

/** Mutable counters, one object per operator and partition; the reader adds to them, never resets them. */
export interface ScanMetrics {
  /** Files from which at least one row group was read. */
  filesRead: number;
  rowGroupsRead: number;
  /** Row groups of the files scanned that the caller's pruning left out. */
  rowGroupsSkipped: number;
  rows: number;
  batches: number;
  /** Compressed bytes of the column chunks read (the footer's sizes), i.e. what came off disk. */
  bytesRead: number;
  /** Time spent waiting for those bytes (reads that overlapped decoding are not counted). */
  ioTimeMs: number;
  /** Time spent decoding in wasm and copying batches out to Arrow JS. */
  decodeTimeMs: number;
}

/**
 * A set of counters at zero.
 *
 * @example
 * const metrics = createScanMetrics();
 * for await (const batch of reader.scan({ columns: ['l_shipdate'], rowGroups: [0, 3], metrics })) use(batch);
 * metrics.rowGroupsSkipped; // reader.rowGroupCount - 2
 */
export function createScanMetrics(): ScanMetrics {
  return { filesRead: 0, rowGroupsRead: 0, rowGroupsSkipped: 0, rows: 0, batches: 0, bytesRead: 0, ioTimeMs: 0, decodeTimeMs: 0 };
}

/**
 * Adds `from` into `into` (partitions' metrics into a scan's total) and returns `into`.
 *
 * @example
 * const total = partitions.reduce((sum, p) => addScanMetrics(sum, p.metrics), createScanMetrics());
 */
export function addScanMetrics(into: ScanMetrics, from: Readonly<ScanMetrics>): ScanMetrics {
  into.filesRead += from.filesRead;
  into.rowGroupsRead += from.rowGroupsRead;
  into.rowGroupsSkipped += from.rowGroupsSkipped;
  into.rows += from.rows;
  into.batches += from.batches;
  into.bytesRead += from.bytesRead;
  into.ioTimeMs += from.ioTimeMs;
  into.decodeTimeMs += from.decodeTimeMs;
  return into;
}
