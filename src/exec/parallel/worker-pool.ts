// The executor's worker threads, started on first use and kept for the process (holding it alive only while they
// have a task), and the channel through which a GatherExec talks to one of them about one task.
import { Worker } from 'node:worker_threads';
import type { FromWorker, RunFragment, ToWorker } from './messages.js';

/** One task on one worker: its messages in arrival order. */
export interface TaskChannel {
  readonly task: number;
  /** The next message of the task (the worker's failure or exit arrives as an `error` message). */
  next(): Promise<FromWorker>;
  send(message: ToWorker): void;
  /** Stops listening (after `done`, `error`, or a cancel). */
  close(): void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly listeners: Map<number, (m: FromWorker) => void>;
}

const pool: PoolWorker[] = [];
let lastTask = 0;

/**
 * Starts `run` (its task id is assigned here) on worker `index` of the pool, starting workers up to that index.
 *
 * @example
 * const channel = startTask(0, { type: 'run', fragment, firstUnit: 0, unitStep: 2, window: 2, timeZone: 'UTC', batchSize });
 * for (let m = await channel.next(); m.type !== 'done'; m = await channel.next()) …
 */
export function startTask(index: number, run: Omit<RunFragment, 'task'>): TaskChannel {
  while (pool.length <= index) pool.push(spawn());
  const { worker, listeners } = pool[index]!;
  const task = ++lastTask;
  const queue: FromWorker[] = [];
  let waiting: ((m: FromWorker) => void) | undefined;
  listeners.set(task, (m) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(m);
    } else queue.push(m);
  });
  // A task keeps the process alive: the caller may be waiting for nothing but its messages.
  worker.ref();
  worker.postMessage({ ...run, task } satisfies RunFragment);
  return {
    task,
    next: () => {
      const m = queue.shift();
      return m ? Promise.resolve(m) : new Promise((resolve) => (waiting = resolve));
    },
    send: (message) => worker.postMessage(message),
    close: () => {
      listeners.delete(task);
      if (listeners.size === 0) worker.unref();
    },
  };
}

function spawn(): PoolWorker {
  const listeners = new Map<number, (m: FromWorker) => void>();
  const worker = workerThread();
  worker.unref();
  const self: PoolWorker = { worker, listeners };
  worker.on('message', (m: FromWorker) => listeners.get(m.task)?.(m));
  // A worker that dies fails its tasks and leaves the pool; the next task starts a new one.
  const died = (message: string, stack?: string): void => {
    const at = pool.indexOf(self);
    if (at >= 0) pool.splice(at, 1);
    for (const [task, listener] of listeners) listener({ type: 'error', task, message, ...(stack ? { stack } : {}) });
    listeners.clear();
  };
  worker.on('error', (e) => died(`an executor worker failed: ${e.message}`, e.stack));
  worker.on('exit', (code) => died(`an executor worker exited (code ${code})`));
  return self;
}

// Built, the worker is dist/exec-worker.js beside the bundle that holds this code. From the sources (tests, tsx) it
// is worker-main.ts, loaded by tsx-worker.mjs after it registers tsx's loader in the worker (`--import tsx` in
// execArgv does not reach a worker's module loader on Node 20).
function workerThread(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./exec-worker.js', here));
  return new Worker(new URL('./tsx-worker.mjs', here), { workerData: { entry: new URL('./worker-main.ts', here).href } });
}
