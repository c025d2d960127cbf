// Runs a physical plan node: dispatches to its operator and keeps the node's row, batch and time counters.
import type { PhysicalPlan } from '../physical/plan.js';
import type { ExecContext } from './context.js';
import type { Operator } from './operator.js';
import type { Batch } from './vector.js';
import { OPERATORS } from './operators/index.js';

export async function* execute(node: PhysicalPlan, ctx: ExecContext): AsyncGenerator<Batch> {
  const run = OPERATORS[node.kind] as Operator<PhysicalPlan['kind']>;
  const metrics = ctx.metricsOf(node);
  const iterator = run(node as never, ctx)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      metrics.timeMs += performance.now() - started;
      if (next.done) return;
      if (next.value.length === 0) continue;
      metrics.rows += next.value.length;
      metrics.batches++;
      yield next.value;
    }
  } finally {
    // A consumer that stops early (LIMIT) closes the operators below it, which close their files.
    await iterator.return?.();
  }
}
