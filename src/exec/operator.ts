// The operator contract: a function from a physical node to the stream of batches it produces.
import type { PhysicalKind, PhysicalPlan } from '../physical/plan.js';
import type { ExecContext } from './context.js';
import type { Batch } from './vector.js';

/**
 * Runs one node. Children are run with `execute(child, ctx)` (exec/execute.ts). Batches have the node's
 * `output` columns in order; an operator may yield empty batches but should not.
 */
export type Operator<K extends PhysicalKind> = (node: Extract<PhysicalPlan, { kind: K }>, ctx: ExecContext) => AsyncIterable<Batch>;
