// Runs from the sources only (tests, tsx): registers tsx's loader in this worker thread, then loads the TypeScript
// worker entry named in workerData. Built code starts dist/exec-worker.js instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
