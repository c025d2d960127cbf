// Aggregate functions over window frames (sum(x) OVER …), computed by the shared accumulators (exec/aggregates).
// Accumulators cannot remove rows, so the strategy follows the frame shape:
// - the whole partition for every row: one group per partition, one update — O(n);
// - frames growing from the partition start (UNBOUNDED PRECEDING … CURRENT ROW, the default with ORDER BY): rows
//   are added as the frame end advances and the result read after each step — O(n);
// - frames shrinking towards the partition end (… UNBOUNDED FOLLOWING), for aggregates that do not depend on the
//   order rows arrive in: the same, walking backwards — O(n);
// - any other frame: each row gets its own group and its frame's rows — O(total frame size), as Spark's sliding frame.
import { fail } from '../../common/errors.js';
import type { Expr, WindowExpr } from '../../logical/expr.js';
import type { ExecContext } from '../context.js';
import { createAccumulator } from '../aggregates/index.js';
import type { Accumulator } from '../aggregates/index.js';
import { int64Vector } from '../aggregates/result-vectors.js';
import { concatVectors } from '../kernels/concat.js';
import { take } from '../kernels/take.js';
import type { JsValue, Vector } from '../vector.js';
import { usesBigInt, vectorFromValues } from '../vector.js';
import type { FrameBounds } from './frame-bounds.js';
import type { WindowRows } from './window-rows.js';

/** Rows added to per-row groups in one accumulator before its results are read (bounds memory on wide frames). */
const SLIDING_CHUNK = 1 << 20;

/**
 * The aggregate over every row's frame, for every input row (in row id order). `evaluate` gives an expression's
 * values over the input rows.
 */
export async function frameAggregateColumn(
  expr: WindowExpr,
  evaluate: (e: Expr) => Promise<Vector>,
  rows: WindowRows,
  frame: FrameBounds,
  ctx: ExecContext,
): Promise<Vector> {
  // Spark rejects DISTINCT in window functions as well.
  if (expr.distinct) fail('EXEC_UNSUPPORTED', `DISTINCT is not supported in the window function ${expr.name}`);
  const create = () => createAccumulator(expr, ctx);
  const acc = create();
  const args: Vector[] = [];
  for (const input of acc.inputs) args.push(await evaluate(input));
  const { start, end } = frame;
  const { order, partitionStarts, partitionOf } = rows;
  let fromPartitionStart = true;
  let toPartitionEnd = true;
  for (let p = 0; p < order.length; p++) {
    const part = partitionOf[p]!;
    if (start[p] !== partitionStarts[part]) fromPartitionStart = false;
    if (end[p] !== partitionStarts[part + 1]) toPartitionEnd = false;
  }
  if (fromPartitionStart && toPartitionEnd) return wholePartitions(acc, args, rows);
  if (fromPartitionStart) return running(expr, acc, args, rows, frame, 'forwards');
  if (toPartitionEnd && orderInsensitive(expr)) return running(expr, acc, args, rows, frame, 'backwards');
  return sliding(create, args, rows, frame);
}

/** Aggregates whose result does not depend on the order rows are added in (sums only when exact). */
function orderInsensitive(expr: WindowExpr): boolean {
  switch (expr.name) {
    case 'count':
    case 'count_if':
    case 'min':
    case 'max':
    case 'bool_and':
    case 'bool_or':
    case 'approx_count_distinct':
      return true;
    case 'sum':
    case 'avg': {
      // Double additions round differently in another order.
      const kind = expr.args[0]!.type.kind;
      return kind !== 'float' && kind !== 'double';
    }
    default:
      return false;
  }
}

function wholePartitions(acc: Accumulator, args: readonly Vector[], rows: WindowRows): Vector {
  const { order, partitionOf } = rows;
  acc.update(args, partitionOf, rows.partitionCount, order);
  const partitionOfRow = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) partitionOfRow[order[p]!] = partitionOf[p]!;
  return take(acc.results(rows.partitionCount), partitionOfRow);
}

/**
 * One group per partition; `forwards`, frames start at the partition start and rows join as the end advances;
 * `backwards`, frames end at the partition end and rows join as the start moves back.
 */
function running(
  expr: WindowExpr,
  acc: Accumulator,
  args: readonly Vector[],
  rows: WindowRows,
  frame: FrameBounds,
  direction: 'forwards' | 'backwards',
): Vector {
  const { order, partitionStarts } = rows;
  const values = new Array<JsValue>(order.length);
  const groups = new Int32Array(order.length);
  const none = new Int32Array(0);
  // Reused for the common one-row step, so that the loop allocates nothing per row.
  const oneGroup = new Int32Array(1);
  const oneRow = new Int32Array(1);
  const add = (part: number, from: number, to: number) => {
    const count = to - from;
    if (count === 1) {
      oneGroup[0] = part;
      oneRow[0] = order[from]!;
      acc.update(args, oneGroup, part + 1, oneRow);
    } else if (count > 1) acc.update(args, groups.fill(part, 0, count).subarray(0, count), part + 1, order.subarray(from, to));
  };
  for (let part = 0; part < rows.partitionCount; part++) {
    const first = partitionStarts[part]!;
    const last = partitionStarts[part + 1]!;
    // Creates the partition's group, so that an empty frame reads the aggregate of no rows.
    acc.update(args, none, part + 1, none);
    let value: JsValue = null;
    if (direction === 'forwards') {
      let added = first;
      for (let p = first; p < last; p++) {
        const to = frame.end[p]!;
        // Peers share a frame end: read once per step.
        if (p === first || to > added) {
          add(part, added, to);
          added = Math.max(added, to);
          value = acc.result(part);
        }
        values[order[p]!] = value;
      }
    } else {
      let addedFrom = last;
      for (let p = last - 1; p >= first; p--) {
        const from = frame.start[p]!;
        if (p === last - 1 || from < addedFrom) {
          add(part, from, addedFrom);
          addedFrom = Math.min(addedFrom, from);
          value = acc.result(part);
        }
        values[order[p]!] = value;
      }
    }
  }
  // 64-bit results (sums, counts, decimals) straight from their numbers or bigints; the rest through JsValues.
  return usesBigInt(expr.type) ? int64Vector(expr.type, values.length, (row) => values[row] as number | bigint | null) : vectorFromValues(expr.type, values);
}

/** Every position its own group holding its frame's rows, a chunk of positions per accumulator. */
function sliding(create: () => Accumulator, args: readonly Vector[], rows: WindowRows, frame: FrameBounds): Vector {
  const { order } = rows;
  const { start, end } = frame;
  const parts: Vector[] = [];
  for (let first = 0; first < order.length; ) {
    // Positions first … last-1 share one accumulator; at least one, however wide its frame.
    let size = 0;
    let last = first;
    while (last < order.length && (last === first || size + (end[last]! - start[last]!) <= SLIDING_CHUNK)) size += end[last]! - start[last++]!;
    const groups = new Int32Array(size);
    const frameRows = new Int32Array(size);
    let k = 0;
    for (let p = first; p < last; p++) {
      for (let q = start[p]!; q < end[p]!; q++) {
        groups[k] = p - first;
        frameRows[k++] = order[q]!;
      }
    }
    const acc = create();
    acc.update(args, groups, last - first, frameRows);
    parts.push(acc.results(last - first));
    first = last;
  }
  const positionOfRow = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) positionOfRow[order[p]!] = p;
  const byPosition = parts.length > 0 ? concatVectors(parts) : undefined;
  return byPosition ? take(byPosition, positionOfRow) : create().results(0);
}
