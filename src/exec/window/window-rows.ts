// The row arrangement every window function works on: rows grouped into partitions by PARTITION BY, each partition
// sorted by ORDER BY (stable), and the peer groups within them (rows whose ORDER BY values are all equal).
import { T } from '../../types/data-type.js';
import { GroupIndex } from '../aggregates/group-index.js';
import type { SortColumn } from '../kernels/sort-indices.js';
import { rowComparator, sortIndices } from '../kernels/sort-indices.js';
import type { Vector } from '../vector.js';

/**
 * Window functions compute per *position* (an index into `order`) and scatter their results back to row ids.
 * Partitions come in the order of their first row in the input, so the arrangement is deterministic.
 */
export interface WindowRows {
  /** Row ids of the input in window order: partition after partition, each in ORDER BY order. */
  readonly order: Int32Array;
  readonly partitionCount: number;
  /** Partition p holds positions partitionStarts[p] … partitionStarts[p + 1] - 1. */
  readonly partitionStarts: Int32Array;
  /** The partition of each position. */
  readonly partitionOf: Int32Array;
  /** The first position of each position's peer group, and one past its last. */
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
  /** The ORDER BY keys over the input's rows (RANGE frames with offsets read the first). */
  readonly orderKeys: readonly SortColumn[];
}

/**
 * Arranges `length` rows by their PARTITION BY values (NULLs equal) and ORDER BY keys.
 *
 * @example
 * const rows = arrangeRows([region], [{ vector: amount, ascending: false, nullsFirst: false }], batch.length);
 */
export function arrangeRows(partitionKeys: readonly Vector[], orderKeys: readonly SortColumn[], length: number): WindowRows {
  const ids = partitionKeys.length > 0 ? new GroupIndex(partitionKeys.length).assign(partitionKeys, length).groups : new Int32Array(length);
  // Partition ids are dense in order of first appearance: sorting by them first groups partitions in that order.
  const idColumn: SortColumn = { vector: { type: T.int, length, data: { layout: 'i32', values: ids } }, ascending: true, nullsFirst: true };
  const order = sortIndices(partitionKeys.length > 0 ? [idColumn, ...orderKeys] : orderKeys, length);

  const partitionOf = new Int32Array(length);
  const starts: number[] = [];
  const peerStart = new Int32Array(length);
  const peerEnd = new Int32Array(length);
  const samePeers = orderKeys.length > 0 ? rowComparator(orderKeys) : () => 0;
  let partition = -1;
  let groupStart = 0;
  for (let p = 0; p < length; p++) {
    const row = order[p]!;
    const newPartition = p === 0 || ids[row] !== ids[order[p - 1]!];
    if (newPartition) {
      partition++;
      starts.push(p);
    }
    if (newPartition || samePeers(order[p - 1]!, row) !== 0) {
      for (let q = groupStart; q < p; q++) peerEnd[q] = p;
      groupStart = p;
    }
    partitionOf[p] = partition;
    peerStart[p] = groupStart;
  }
  for (let q = groupStart; q < length; q++) peerEnd[q] = length;
  starts.push(length);
  return { order, partitionCount: starts.length - 1, partitionStarts: Int32Array.from(starts), partitionOf, peerStart, peerEnd, orderKeys };
}
