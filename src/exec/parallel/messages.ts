// The messages between the calling thread and the workers of a parallel scan (GatherExec): plain data only.
import type { Diagnostic } from '../../common/diagnostic.js';
import type { PhysicalPlan } from '../../physical/plan.js';
import type { OperatorMetrics } from '../context.js';
import type { Batch } from '../vector.js';

/** Run `fragment` over scan units firstUnit, firstUnit + unitStep, …, at most `window` units ahead of the credits. */
export interface RunFragment {
  readonly type: 'run';
  readonly task: number;
  readonly fragment: PhysicalPlan;
  readonly firstUnit: number;
  readonly unitStep: number;
  readonly window: number;
  readonly timeZone: string;
  readonly batchSize: number;
}

export type ToWorker =
  | RunFragment
  /** The gather has taken one of the task's units: the worker may start one more. */
  | { readonly type: 'credit'; readonly task: number }
  /** The gather stopped early (LIMIT, an error elsewhere): stop and send nothing more. */
  | { readonly type: 'cancel'; readonly task: number };

export type FromWorker =
  | { readonly type: 'batch'; readonly task: number; readonly batch: Batch }
  | { readonly type: 'unitEnd'; readonly task: number }
  /** The worker has no unit left; metrics of the fragment's nodes in pre-order. */
  | { readonly type: 'done'; readonly task: number; readonly metrics: readonly OperatorMetrics[] }
  /** `diagnostics` when the failure was a SqlError, which the gather raises again as one; `stack` for SQLOPT_DEBUG. */
  | { readonly type: 'error'; readonly task: number; readonly diagnostics?: readonly Diagnostic[]; readonly message: string; readonly stack?: string };
