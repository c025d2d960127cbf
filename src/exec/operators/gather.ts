// GatherExec: runs a scan pipeline in worker threads, one row group (unit) per worker in turn, and yields the units'
// batches in unit order, so the rows come out as one thread would produce them. A worker runs at most WINDOW units
// ahead of what this operator has taken, which bounds the memory of batches waiting here.
import { openParquetTable } from '../../catalog/parquet-table.js';
import { InternalError, SqlError } from '../../common/errors.js';
import { physicalNodes } from '../../physical/physical-tree.js';
import type { PhysicalPlan } from '../../physical/plan.js';
import type { ExecContext, OperatorMetrics } from '../context.js';
import type { Operator } from '../operator.js';
import type { FromWorker } from '../parallel/messages.js';
import { startTask } from '../parallel/worker-pool.js';
import { pruneScan } from '../pruning/prune-scan.js';

/** Units a worker may have decoded ahead of the gather: one being taken, one ready. */
const WINDOW = 2;

export const gather: Operator<'gatherExec'> = async function* (node, ctx) {
  const n = node.workers;
  const channels = Array.from({ length: n }, (_, i) =>
    startTask(i, { type: 'run', fragment: node.input, firstUnit: i, unitStep: n, window: WINDOW, timeZone: ctx.timeZone, batchSize: ctx.batchSize }),
  );
  const finished: (readonly OperatorMetrics[] | undefined)[] = new Array(n);
  try {
    // Unit k is worker k mod n's; the first worker with no unit left when its turn comes means no unit is left.
    for (let w = 0; ; ) {
      const m = received(await channels[w]!.next());
      if (m.type === 'batch') yield m.batch;
      else if (m.type === 'unitEnd') {
        channels[w]!.send({ type: 'credit', task: m.task });
        w = (w + 1) % n;
      } else {
        finished[w] = m.metrics;
        break;
      }
    }
    // Every other worker is out of units too: its `done` message, with its metrics, comes next.
    for (const [w, channel] of channels.entries()) {
      if (finished[w]) continue;
      const m = received(await channel.next());
      if (m.type !== 'done') throw new InternalError(`a gather expected the end of a worker's units, got ${m.type}`);
      finished[w] = m.metrics;
    }
    addMetrics(node.input, finished as (readonly OperatorMetrics[])[], ctx);
  } finally {
    for (const [w, channel] of channels.entries()) {
      if (!finished[w]) channel.send({ type: 'cancel', task: channel.task });
      channel.close();
    }
  }
};

/**
 * A message, with a worker's failure raised here: a SqlError as such, anything else as the error it was (a bug), its
 * worker stack kept for SQLOPT_DEBUG but out of the message users see.
 */
function received(m: FromWorker): Exclude<FromWorker, { type: 'error' }> {
  if (m.type !== 'error') return m;
  if (m.diagnostics?.length) throw new SqlError(m.diagnostics);
  const error = new Error(m.message);
  if (m.stack) error.stack = m.stack;
  throw error;
}

/**
 * Adds the workers' counters to the fragment's nodes. A scan's file and row-group figures are recomputed here from
 * the pruning (each worker saw one row group at a time); its bytes, rows, batches and time are the workers' sums.
 */
function addMetrics(fragment: PhysicalPlan, workers: readonly (readonly OperatorMetrics[])[], ctx: ExecContext): void {
  physicalNodes(fragment).forEach((node, i) => {
    const target = ctx.metricsOf(node);
    for (const metrics of workers) {
      const m = metrics[i];
      if (!m) continue;
      target.rows += m.rows;
      target.batches += m.batches;
      target.timeMs += m.timeMs;
      if (m.bytesRead !== undefined) target.bytesRead = (target.bytesRead ?? 0) + m.bytesRead;
    }
    if (node.kind !== 'scanExec') return;
    const reads = pruneScan(node, openParquetTable(node.source.location), ctx);
    const read = reads.filter((r) => r.rowGroups.length > 0);
    const rowGroupsRead = read.reduce((k, r) => k + r.rowGroups.length, 0);
    const rowGroups = reads.reduce((k, r) => k + r.file.statistics.rowGroups.length, 0);
    target.filesRead = (target.filesRead ?? 0) + read.length;
    target.filesSkipped = (target.filesSkipped ?? 0) + reads.length - read.length;
    target.rowGroupsRead = (target.rowGroupsRead ?? 0) + rowGroupsRead;
    target.rowGroupsSkipped = (target.rowGroupsSkipped ?? 0) + rowGroups - rowGroupsRead;
  });
}
