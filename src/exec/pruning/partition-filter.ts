// Evaluates the filter conjuncts that read only partition columns on the files' partition values, one row per file,
// with the expression compiler: any expression the executor evaluates (functions, casts, arithmetic) prunes files.
import { lookupFunction } from '../../analyzer/functions/registry.js';
import type { ColumnRef, Expr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import { exprContains, visitExpr } from '../../logical/traverse.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { selectTrue } from '../kernels/take.js';
import type { JsValue } from '../vector.js';
import { vectorFromValues } from '../vector.js';
import type { TableColumn } from './table-columns.js';

/**
 * For each file (its partition values, aligned with the table's partition columns), whether it may hold rows that
 * pass every conjunct over partition columns alone. Conjuncts that also read data columns, hold subqueries or
 * non-deterministic calls, or that the compiler cannot evaluate, keep every file (the Filter above still runs).
 * Evaluation failures are swallowed for that reason: the same conjunct meets the same values again in the Filter.
 *
 * @example
 * filesPassingPartitionConjuncts([year(day) = 2024], [[19000], [19723]], resolve, ctx); // [false, true]
 */
export function filesPassingPartitionConjuncts(
  conjuncts: readonly Expr[],
  partitionValues: readonly (readonly JsValue[])[],
  resolve: (ref: ColumnRef) => TableColumn | undefined,
  ctx: ExecContext,
): boolean[] {
  const keep = partitionValues.map(() => true);
  for (const conjunct of conjuncts) {
    const refs = partitionRefs(conjunct, resolve);
    if (!refs || !isEvaluable(conjunct)) continue;
    const input: Column[] = refs.map(({ ref }) => ({ id: ref.id, name: ref.name, type: ref.type, nullable: true }));
    const batch = {
      length: partitionValues.length,
      columns: refs.map(({ ref, index }) => vectorFromValues(ref.type, partitionValues.map((values) => values[index] ?? null))),
    };
    let passing: Int32Array;
    try {
      passing = selectTrue(compileExpr(conjunct, input, ctx).evaluate(batch));
    } catch {
      // Not evaluable here (an expression kind the compiler lacks, an error for some value): decide nothing.
      continue;
    }
    const passes = new Uint8Array(partitionValues.length);
    for (const i of passing) passes[i] = 1;
    passes.forEach((p, i) => (keep[i] &&= p === 1));
  }
  return keep;
}

/** The distinct column references of `e` with their partition column index, if every one is a partition column. */
function partitionRefs(e: Expr, resolve: (ref: ColumnRef) => TableColumn | undefined): { ref: ColumnRef; index: number }[] | undefined {
  const refs = new Map<number, { ref: ColumnRef; index: number }>();
  let onlyPartitions = true;
  visitExpr(e, (x) => {
    if (x.kind !== 'column') return;
    const column = resolve(x);
    if (column?.kind === 'partition') refs.set(x.id, { ref: x, index: column.index });
    else onlyPartitions = false;
  });
  return onlyPartitions && refs.size > 0 ? [...refs.values()] : undefined;
}

/**
 * No subqueries or non-deterministic calls: evaluating once per file means what the filter means. (Outer references
 * are constants while this scan runs.)
 */
function isEvaluable(e: Expr): boolean {
  return !exprContains(e, (x) => {
    switch (x.kind) {
      case 'scalarSubquery':
      case 'exists':
      case 'inSubquery':
        return true;
      case 'call': {
        const resolved = lookupFunction(x.name)?.resolve(x.args.map((a) => a.type));
        return resolved === undefined || typeof resolved === 'string' || !resolved.deterministic;
      }
      default:
        return false;
    }
  });
}
