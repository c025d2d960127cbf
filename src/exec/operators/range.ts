// RangeExec: Spark's range(start, end, step): the bigint ids start, start + step, … before end (a negative step counts down).
import { fail } from '../../common/errors.js';
import { T } from '../../types/data-type.js';
import type { Operator } from '../operator.js';

/** Ids in batches of `ctx.batchSize`. Spark rejects a zero step; bounds must be exact integers (below 2^53). */
export const range: Operator<'rangeExec'> = async function* (node, ctx) {
  const { start, end, step } = node;
  if (step === 0) fail('EXEC_INVALID_ARGUMENT', 'range: the step must not be 0');
  for (const [name, v] of [['start', start], ['end', end], ['step', step]] as const) {
    if (!Number.isSafeInteger(v)) fail('EXEC_UNSUPPORTED', `range: the ${name} ${v} is not an integer of magnitude below 2^53`);
  }
  const count = rangeCount(start, end, step);
  // Every id lies between start and end, so stepping in doubles stays exact.
  let next = start;
  for (let done = 0; done < count; ) {
    const n = Math.min(ctx.batchSize, count - done);
    const ids = new Float64Array(n);
    for (let i = 0; i < n; i++, next += step) ids[i] = next;
    done += n;
    yield { length: n, columns: [{ type: T.bigint, length: n, data: { layout: 'f64', values: ids } }] };
  }
};

/** How many ids: ⌈(end − start) / step⌉ when that is positive, else 0 (computed exactly). */
function rangeCount(start: number, end: number, step: number): number {
  const span = BigInt(end) - BigInt(start);
  const s = BigInt(step);
  if (span === 0n || span > 0n !== s > 0n) return 0;
  return Number(span / s + (span % s === 0n ? 0n : 1n));
}
