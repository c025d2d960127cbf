// Ranking window functions: row_number, rank, dense_rank, percent_rank, cume_dist and ntile, numbered within each
// partition in ORDER BY order (peers, rows with equal ORDER BY values, share a rank). They ignore the frame.
import type { DataType } from '../../types/data-type.js';
import { numberVector } from '../aggregates/result-vectors.js';
import type { Vector } from '../vector.js';
import type { WindowRows } from './window-rows.js';

export type RankingFunction = 'row_number' | 'rank' | 'dense_rank' | 'percent_rank' | 'cume_dist' | 'ntile';

/** The function's value for every input row (in row id order); `buckets` is ntile's argument. */
export function rankingColumn(name: RankingFunction, type: DataType, rows: WindowRows, buckets = 1): Vector {
  const { order, partitionStarts, peerStart, peerEnd } = rows;
  const out = new Float64Array(order.length);
  for (let part = 0; part < rows.partitionCount; part++) {
    const first = partitionStarts[part]!;
    const last = partitionStarts[part + 1]!;
    const size = last - first;
    let dense = 0;
    for (let p = first; p < last; p++) {
      const rank = peerStart[p]! - first + 1;
      if (peerStart[p] === p) dense++;
      let value: number;
      switch (name) {
        case 'row_number':
          value = p - first + 1;
          break;
        case 'rank':
          value = rank;
          break;
        case 'dense_rank':
          value = dense;
          break;
        case 'percent_rank':
          value = size > 1 ? (rank - 1) / (size - 1) : 0;
          break;
        case 'cume_dist':
          value = (peerEnd[p]! - first) / size;
          break;
        case 'ntile':
          value = ntile(p - first, size, buckets);
          break;
      }
      out[order[p]!] = value;
    }
  }
  return numberVector(type, out, out.length);
}

/** Spark's NTile: `size` rows into `buckets` buckets whose sizes differ by at most one, the larger ones first. */
function ntile(index: number, size: number, buckets: number): number {
  const small = Math.floor(size / buckets);
  const larger = size % buckets;
  const inLarger = larger * (small + 1);
  return index < inLarger ? Math.floor(index / (small + 1)) + 1 : larger + Math.floor((index - inLarger) / small) + 1;
}
