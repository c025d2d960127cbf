// GROUP BY: assigns every input row a dense group id by its key values, feeds each aggregate's accumulator batch by
// batch, and emits one row per group (keys, then aggregates) once the input is exhausted. Without keys it is a
// global aggregate: exactly one row, even for an empty input.
import { InternalError } from '../../common/errors.js';
import type { AggregateExpr, Expr } from '../../logical/expr.js';
import { execute } from '../execute.js';
import type { CompiledExpr } from '../expr/compiled-expr.js';
import { compileExprs } from '../expr/compile.js';
import { concatVectors } from '../kernels/concat.js';
import { selectTrue, take } from '../kernels/take.js';
import type { Operator } from '../operator.js';
import type { Batch, Vector } from '../vector.js';
import type { Accumulator } from '../aggregates/index.js';
import { createAccumulator } from '../aggregates/index.js';
import { GroupIndex } from '../aggregates/group-index.js';
import { groupsOfRows } from '../aggregates/state.js';

/** One aggregate of the node: its accumulator, the compiled expressions it reads, and its FILTER. */
interface PlannedAggregate {
  readonly accumulator: Accumulator;
  readonly inputs: readonly CompiledExpr[];
  readonly filter?: CompiledExpr;
}

export const hashAggregate: Operator<'hashAggregateExec'> = async function* (node, ctx) {
  const input = node.input.output;
  const calls = node.aggregates.map((a) => aggregateCall(a.expr));
  const accumulators = calls.map((call) => createAccumulator(call, ctx));
  // Keys, arguments and FILTERs compiled together, so that a subexpression they repeat is computed once per batch.
  const exprs = [...node.groupKeys.map((k) => k.expr), ...calls.flatMap((call, i) => [...accumulators[i]!.inputs, ...(call.filter ? [call.filter] : [])])];
  const compiledExprs = compileExprs(exprs, input, ctx);
  const keys = compiledExprs.splice(0, node.groupKeys.length);
  const aggregates = calls.map((call, i): PlannedAggregate => {
    const accumulator = accumulators[i]!;
    const inputs = compiledExprs.splice(0, accumulator.inputs.length);
    return call.filter ? { accumulator, inputs, filter: compiledExprs.shift()! } : { accumulator, inputs };
  });
  const compiled = [...keys, ...aggregates.flatMap((a) => (a.filter ? [...a.inputs, a.filter] : a.inputs))];
  const withSubqueries = compiled.filter((c) => c.hasSubqueries);
  const index = keys.length > 0 ? new GroupIndex(keys.length) : undefined;
  // The key values of each group's first row, one part per batch that created groups, in group id order.
  const keyParts: Vector[][] = keys.map(() => []);
  let globalGroups = new Int32Array(0);

  for await (const batch of execute(node.input, ctx)) {
    await Promise.all(withSubqueries.map((c) => c.prepare(batch)));
    let groups: Int32Array;
    if (index) {
      const keyVectors = keys.map((k) => k.evaluate(batch));
      const assigned = index.assign(keyVectors, batch.length);
      groups = assigned.groups;
      if (assigned.firstRows.length > 0) keyVectors.forEach((v, c) => keyParts[c]!.push(take(v, assigned.firstRows)));
    } else {
      if (globalGroups.length < batch.length) globalGroups = new Int32Array(batch.length);
      groups = globalGroups.subarray(0, batch.length);
    }
    const groupCount = index ? index.size : 1;
    for (const a of aggregates) updateAggregate(a, batch, groups, groupCount);
  }

  const groupCount = index ? index.size : 1;
  if (groupCount === 0) return;
  const columns = [...keyParts.map((parts) => concatVectors(parts)), ...aggregates.map((a) => a.accumulator.results(groupCount))];
  for (let start = 0; start < groupCount; start += ctx.batchSize) {
    const end = Math.min(start + ctx.batchSize, groupCount);
    yield sliceBatch(columns, start, end, groupCount);
  }
};

function aggregateCall(expr: Expr): AggregateExpr {
  if (expr.kind !== 'aggregate') throw new InternalError(`a hash aggregate's aggregate is a ${expr.kind} expression`);
  return expr;
}

function updateAggregate(a: PlannedAggregate, batch: Batch, groups: Int32Array, groupCount: number): void {
  const args = a.inputs.map((e) => e.evaluate(batch));
  if (!a.filter) {
    a.accumulator.update(args, groups, groupCount);
    return;
  }
  // FILTER (WHERE …): only the rows where the condition is true reach this aggregate.
  const rows = selectTrue(a.filter.evaluate(batch));
  if (rows.length > 0) a.accumulator.update(args, groupsOfRows(groups, rows), groupCount, rows);
}

function sliceBatch(columns: readonly Vector[], start: number, end: number, total: number): Batch {
  if (start === 0 && end === total) return { length: total, columns };
  const indices = new Int32Array(end - start);
  for (let i = 0; i < indices.length; i++) indices[i] = start + i;
  return { length: indices.length, columns: columns.map((c) => take(c, indices)) };
}
