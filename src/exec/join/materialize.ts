// Reads one input of a join to the end into a single batch: the side that is built (hash join) or looped over.
import type { PhysicalPlan } from '../../physical/plan.js';
import type { ExecContext } from '../context.js';
import { execute } from '../execute.js';
import { concatBatches } from '../kernels/concat.js';
import type { Batch } from '../vector.js';

/** All rows of `plan` as one batch of its output columns (an empty batch when it has none). */
export async function materialize(plan: PhysicalPlan, ctx: ExecContext): Promise<Batch> {
  const batches: Batch[] = [];
  for await (const batch of execute(plan, ctx)) batches.push(batch);
  return concatBatches(batches, plan.output.map((c) => c.type));
}
