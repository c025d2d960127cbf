// The entry of an executor worker thread: runs scan pipelines (GatherExec fragments) a unit at a time, with its own
// Parquet wasm instance, and posts their batches back with their buffers transferred.
import { parentPort } from 'node:worker_threads';
import { openParquetTable } from '../../catalog/parquet-table.js';
import { InternalError, SqlError } from '../../common/errors.js';
import { physicalChildren, physicalNodes } from '../../physical/physical-tree.js';
import type { PhysicalPlan, ScanExec } from '../../physical/plan.js';
import type { ExecContext, OperatorMetrics } from '../context.js';
import { execute } from '../execute.js';
import { pruneScan } from '../pruning/prune-scan.js';
import { scanUnitCount } from '../pruning/scan-units.js';
import { transferable } from './batch-transfer.js';
import type { FromWorker, RunFragment, ToWorker } from './messages.js';

interface Task {
  credits: number;
  cancelled: boolean;
  /** Wakes the task waiting for a credit or a cancel. */
  wake?: () => void;
}

const port = parentPort;
if (!port) throw new Error('worker-main runs only as a worker thread');
const tasks = new Map<number, Task>();
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (m: ToWorker) => {
  if (m.type === 'run') {
    void run(m);
    return;
  }
  const task = tasks.get(m.task);
  if (!task) return;
  if (m.type === 'credit') task.credits++;
  else task.cancelled = true;
  task.wake?.();
});

async function run(m: RunFragment): Promise<void> {
  const task: Task = { credits: m.window, cancelled: false };
  tasks.set(m.task, task);
  const metrics = new Map<PhysicalPlan, OperatorMetrics>();
  const ctx: ExecContext = {
    timeZone: m.timeZone,
    batchSize: m.batchSize,
    outer: new Map(),
    runSubquery: () => {
      throw new InternalError('a parallel scan pipeline holds a subquery');
    },
    metricsOf: (node) => {
      let found = metrics.get(node);
      if (!found) metrics.set(node, (found = { rows: 0, batches: 0, timeMs: 0 }));
      return found;
    },
  };
  try {
    const scan = bottomScan(m.fragment);
    const units = scanUnitCount(pruneScan(scan, openParquetTable(scan.source.location), ctx));
    for (let unit = m.firstUnit; unit < units; unit += m.unitStep) {
      while (task.credits === 0 && !task.cancelled) await new Promise<void>((resolve) => (task.wake = resolve));
      if (task.cancelled) return;
      task.credits--;
      for await (const batch of execute(m.fragment, { ...ctx, scanUnit: unit })) {
        if (task.cancelled) return;
        const message = transferable(batch);
        post({ type: 'batch', task: m.task, batch: message.batch }, message.transfer);
      }
      post({ type: 'unitEnd', task: m.task });
    }
    post({ type: 'done', task: m.task, metrics: physicalNodes(m.fragment).map((n) => metrics.get(n) ?? { rows: 0, batches: 0, timeMs: 0 }) });
  } catch (e) {
    if (e instanceof SqlError) post({ type: 'error', task: m.task, diagnostics: e.diagnostics, message: e.message });
    else post({ type: 'error', task: m.task, message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
  } finally {
    tasks.delete(m.task);
  }
}

function bottomScan(p: PhysicalPlan): ScanExec {
  if (p.kind === 'scanExec') return p;
  const [child] = physicalChildren(p);
  if (!child || physicalChildren(p).length !== 1) throw new InternalError(`a parallel scan pipeline holds a ${p.kind}`);
  return bottomScan(child);
}
