// TopNExec (ORDER BY … LIMIT): keeps only the best offset + limit rows while reading, then skips `offset`. A row
// that does not sort before the current k-th best is dropped on arrival, so most rows cost one comparison.
import { execute } from '../execute.js';
import { concatBatches, concatVectors } from '../kernels/concat.js';
import type { SortColumn } from '../kernels/sort-indices.js';
import { rowComparator, sortIndices } from '../kernels/sort-indices.js';
import { take, takeBatch } from '../kernels/take.js';
import { stringsOf, strVector } from '../kernels/vector-helpers.js';
import type { Operator } from '../operator.js';
import type { Batch, Vector } from '../vector.js';
import { compileSortKeys } from './sort.js';

export const topN: Operator<'topNExec'> = async function* (node, ctx) {
  const keep = node.offset + node.limit;
  if (node.limit <= 0) return;
  const keysOf = compileSortKeys(node.order, node.input.output, ctx);
  const width = node.input.output.length;
  // Candidate batches carry their evaluated keys as extra columns after the input's, so merging never re-evaluates.
  const types = [...node.input.output.map((c) => c.type), ...node.order.map((k) => k.expr.type)];
  const keyColumns = (b: Batch): SortColumn[] =>
    node.order.map((k, i) => ({ vector: b.columns[width + i]!, ascending: k.ascending, nullsFirst: k.nullsFirst }));

  // The best rows so far, in order; at most `keep` of them.
  let best: Batch | undefined;
  let pending: Batch[] = [];
  let pendingRows = 0;
  const merge = (): Batch => {
    // Earlier rows come first, so the stable sort breaks ties by arrival as a full sort would.
    const all = concatBatches(best ? [best, ...pending] : pending, types);
    best = takeBatch(all, sortIndices(keyColumns(all), all.length).subarray(0, keep));
    pending = [];
    pendingRows = 0;
    return best;
  };

  for await (const batch of execute(node.input, ctx)) {
    let candidates: Batch = { length: batch.length, columns: [...batch.columns, ...(await keysOf(batch)).map((k) => k.vector)] };
    if (best && best.length === keep) candidates = takeBatch(candidates, beforeLast(best, candidates, keyColumns));
    if (candidates.length === 0) continue;
    pending.push(candidates);
    pendingRows += candidates.length;
    if (pendingRows >= Math.max(keep, ctx.batchSize)) merge();
  }
  const rows = merge();
  for (let start = node.offset; start < rows.length; start += ctx.batchSize) {
    const end = Math.min(start + ctx.batchSize, rows.length);
    const range = Int32Array.from({ length: end - start }, (_, i) => start + i);
    yield { length: range.length, columns: rows.columns.slice(0, width).map((c) => take(c, range)) };
  }
};

/**
 * The candidates that sort strictly before the last of `best`; a tie loses, since the candidate arrived later. The
 * last best row is put in front of the candidates' keys (position 0) so one comparator sees both.
 */
function beforeLast(best: Batch, candidates: Batch, keyColumns: (b: Batch) => SortColumn[]): Int32Array {
  const last = Int32Array.of(best.length - 1);
  const bestKeys = keyColumns(best);
  const joined = keyColumns(candidates).map((k, i) => ({
    ...k,
    vector: concatVectors([decoded(take(bestKeys[i]!.vector, last)), decoded(k.vector)]),
  }));
  const compare = rowComparator(joined);
  const wins = new Int32Array(candidates.length);
  let count = 0;
  for (let r = 0; r < candidates.length; r++) if (compare(r + 1, 0) < 0) wins[count++] = r;
  return wins.subarray(0, count);
}

// Dictionaries of different batches differ, and concatenating them would rebuild the column value by value.
function decoded(v: Vector): Vector {
  return v.data.layout === 'dict' ? strVector(v.type, stringsOf(v), v.nulls) : v;
}
