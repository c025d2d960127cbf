// The frame of every position: ROWS frames count positions; RANGE frames extend to peers (CURRENT ROW) or to the
// rows whose ORDER BY value lies within an offset of the current row's.
import { fail, InternalError } from '../../common/errors.js';
import type { Expr, FrameBound, IntervalValue, WindowFrame } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { compareNumbers } from '../aggregates/compare.js';
import { literalJsValue } from '../expr/literal-value.js';
import { doublesOf } from '../kernels/vector-helpers.js';
import type { WindowRows } from './window-rows.js';

/** Position p's frame is the positions start[p] … end[p] - 1 (empty when equal); both never decrease within a partition. */
export interface FrameBounds {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

const MICROS_PER_DAY = 86_400_000_000;

/**
 * Every position's frame under `frame`, within its partition.
 *
 * @example
 * const { start, end } = frameBounds({ unit: 'rows', start: { kind: 'unboundedPreceding' }, end: { kind: 'currentRow' } }, rows);
 */
export function frameBounds(frame: WindowFrame, rows: WindowRows): FrameBounds {
  const start = boundPositions(frame, frame.start, 'start', rows);
  const end = boundPositions(frame, frame.end, 'end', rows);
  // A frame whose end lies before its start (ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) is empty.
  for (let p = 0; p < end.length; p++) if (end[p]! < start[p]!) end[p] = start[p]!;
  return { start, end };
}

/** Where one bound puts every position's frame start (first position in it) or end (one past the last). */
function boundPositions(frame: WindowFrame, bound: FrameBound, side: 'start' | 'end', rows: WindowRows): Int32Array {
  // A copy: frameBounds adjusts the ends it returns.
  if (bound.kind === 'currentRow' && frame.unit === 'range') return (side === 'start' ? rows.peerStart : rows.peerEnd).slice();
  if (frame.unit === 'range' && (bound.kind === 'preceding' || bound.kind === 'following')) {
    return rangeOffsetPositions(rows, bound.kind === 'preceding' ? -1 : 1, bound.offset, side);
  }
  const delta = rowsDistance(bound, side);
  const { partitionStarts } = rows;
  const out = new Int32Array(rows.order.length);
  for (let part = 0; part < rows.partitionCount; part++) {
    const first = partitionStarts[part]!;
    const last = partitionStarts[part + 1]!;
    for (let p = first; p < last; p++) out[p] = Math.min(Math.max(p + delta, first), last);
  }
  return out;
}

/** How far from the current position a ROWS bound (or CURRENT ROW, or an unbounded end) lies; ends are exclusive. */
function rowsDistance(bound: FrameBound, side: 'start' | 'end'): number {
  const inclusive = side === 'end' ? 1 : 0;
  switch (bound.kind) {
    case 'unboundedPreceding':
      return -Infinity;
    case 'unboundedFollowing':
      return Infinity;
    case 'currentRow':
      return inclusive;
    case 'preceding':
      return inclusive - Number(constantOf(bound.offset));
    case 'following':
      return inclusive + Number(constantOf(bound.offset));
  }
}

/**
 * RANGE `n PRECEDING` / `n FOLLOWING` on the single ORDER BY key: as Spark's RangeBoundOrdering, the bound value is
 * the current row's key plus the offset (minus for PRECEDING; the other way round when descending), and the frame
 * starts at the first row not ordered before it, or ends after the last row not ordered after it. A NULL key's
 * bound is NULL, whose peers are the NULL rows.
 */
function rangeOffsetPositions(rows: WindowRows, sign: number, offset: Expr, side: 'start' | 'end'): Int32Array {
  const key = rows.orderKeys[0];
  if (!key || rows.orderKeys.length !== 1) throw new InternalError('a RANGE frame with an offset needs exactly one ORDER BY key');
  const direction = key.ascending ? 1 : -1;
  const shift = direction * sign * offsetInKeyUnits(offset, key.vector.type);
  const values = doublesOf(key.vector);
  const nulls = key.vector.nulls;
  const nullSide = key.nullsFirst ? -1 : 1;
  // The order of row q against a bound (NULL or a value), as the ORDER BY sorts them.
  const compare = (q: number, boundIsNull: boolean, bound: number): number => {
    const isNull = nulls !== undefined && nulls[q] === 1;
    if (isNull || boundIsNull) return isNull === boundIsNull ? 0 : isNull ? nullSide : -nullSide;
    return direction * compareNumbers(values[q]!, bound);
  };
  const { order, partitionStarts } = rows;
  const out = new Int32Array(order.length);
  for (let part = 0; part < rows.partitionCount; part++) {
    const last = partitionStarts[part + 1]!;
    // Bounds never move backwards as the current row advances, so one cursor serves the whole partition.
    let q = partitionStarts[part]!;
    for (let p = partitionStarts[part]!; p < last; p++) {
      const row = order[p]!;
      const boundIsNull = nulls !== undefined && nulls[row] === 1;
      const bound = values[row]! + shift;
      if (side === 'start') while (q < last && compare(order[q]!, boundIsNull, bound) < 0) q++;
      else while (q < last && compare(order[q]!, boundIsNull, bound) <= 0) q++;
      out[p] = q;
    }
  }
  return out;
}

/** A RANGE offset in the units the key's values are stored in (unscaled decimals, days, microseconds). */
function offsetInKeyUnits(offset: Expr, keyType: DataType): number {
  const value = constantOf(offset);
  const amount = (): number =>
    offset.type.kind === 'decimal' ? Number(value as bigint) / 10 ** offset.type.scale : Number(value as number | bigint);
  switch (keyType.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
      return amount();
    case 'decimal':
      return amount() * 10 ** keyType.scale;
    case 'date':
      return offset.type.kind === 'interval' ? intervalMicros(value as IntervalValue, 'date') / MICROS_PER_DAY : amount();
    case 'timestamp':
    case 'timestamp_ntz':
      if (offset.type.kind !== 'interval') return fail('EXEC_UNSUPPORTED', 'a RANGE frame over timestamps needs an interval offset');
      return intervalMicros(value as IntervalValue, 'timestamp');
    default:
      return fail('EXEC_UNSUPPORTED', `a RANGE frame with an offset cannot order by ${keyType.kind}`);
  }
}

// Months have no fixed length, so they cannot shift a bound by a fixed amount; a day is 24 hours here.
function intervalMicros(interval: IntervalValue, key: 'date' | 'timestamp'): number {
  const micros = Number(interval.micros);
  if (interval.months !== 0) fail('EXEC_UNSUPPORTED', `a RANGE frame offset over ${key}s cannot have months`);
  if (key === 'date' && micros % MICROS_PER_DAY !== 0) fail('EXEC_UNSUPPORTED', 'a RANGE frame offset over dates must be whole days');
  return interval.days * MICROS_PER_DAY + micros;
}

function constantOf(offset: Expr): unknown {
  // The analyzer accepts only non-NULL literal offsets.
  if (offset.kind !== 'literal' || offset.value === null) throw new InternalError('a window frame offset is not a literal');
  return literalJsValue(offset.value, offset.type);
}

