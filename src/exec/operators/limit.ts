// LimitExec: skips `offset` rows, passes on at most `limit`, and stops reading its input as soon as it has them.
import { execute } from '../execute.js';
import { takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';

export const limit: Operator<'limitExec'> = async function* (node, ctx) {
  let skip = node.offset;
  let remaining = node.limit ?? Infinity;
  if (remaining <= 0) return;
  for await (const batch of execute(node.input, ctx)) {
    const start = Math.min(skip, batch.length);
    skip -= start;
    const end = Math.min(batch.length, start + remaining);
    if (end > start) {
      remaining -= end - start;
      yield start === 0 && end === batch.length ? batch : takeBatch(batch, Int32Array.from({ length: end - start }, (_, i) => start + i));
    }
    // Returning closes the input (execute's finally), so the scans below stop reading.
    if (remaining === 0) return;
  }
};
