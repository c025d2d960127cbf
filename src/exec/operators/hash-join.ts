// HashJoinExec: loads the build side into a hash table on its join keys, then streams the other side through it.
import { InternalError } from '../../common/errors.js';
import type { Expr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import type { ExecContext } from '../context.js';
import { execute } from '../execute.js';
import type { CompiledExpr } from '../expr/compiled-expr.js';
import { compileExpr } from '../expr/compile.js';
import { buildHashTable } from '../join/hash-table.js';
import type { JoinHashTable } from '../join/hash-table.js';
import { hashPairs } from '../join/hash-pairs.js';
import { compileJoinCondition } from '../join/join-condition.js';
import type { JoinKey } from '../join/join-keys.js';
import { columnKeys, joinKeys } from '../join/join-keys.js';
import { joinRoles } from '../join/join-roles.js';
import { columnSources } from '../join/join-sides.js';
import { materialize } from '../join/materialize.js';
import type { NullAwareKeys } from '../join/null-aware-pairs.js';
import { unknownComparisonPairs } from '../join/null-aware-pairs.js';
import type { PairSource } from '../join/pairs.js';
import { runJoin } from '../join/run-join.js';
import type { Operator } from '../operator.js';
import type { Batch, Vector } from '../vector.js';

export const hashJoin: Operator<'hashJoinExec'> = async function* (node, ctx) {
  if (node.nullAware && node.joinType !== 'anti') throw new InternalError(`a null-aware ${node.joinType} join`);
  const [buildPlan, probePlan] = node.build === 'right' ? [node.right, node.left] : [node.left, node.right];
  const [buildKeyExprs, probeKeyExprs] = node.build === 'right' ? [node.rightKeys, node.leftKeys] : [node.leftKeys, node.rightKeys];
  const build = await materialize(buildPlan, ctx);
  const probeKeys = compileAll(probeKeyExprs, probePlan.output, ctx);
  const pairs = await pairSource(node.nullAware, build, compileAll(buildKeyExprs, buildPlan.output, ctx), probeKeys, ctx.batchSize);
  const condition = node.residual && compileJoinCondition(node.residual, node.left.output, node.right.output, node.build, ctx);
  yield* runJoin(
    {
      roles: joinRoles(node.joinType, node.build),
      output: columnSources(node.output, node.left.output, node.right.output, node.build),
      build,
      probeTypes: probePlan.output.map((c) => c.type),
      pairs,
      condition,
      batchSize: ctx.batchSize,
    },
    execute(probePlan, ctx),
  );
};

/**
 * Indexes the build side and returns how a probe batch finds its pairs. A function of its own so that the build
 * keys, as large as the build side, are garbage once the table is built (unless NOT IN needs them).
 */
async function pairSource(
  nullAware: boolean,
  build: Batch,
  buildKeyExprs: readonly CompiledExpr[],
  probeKeys: readonly CompiledExpr[],
  chunkSize: number,
): Promise<PairSource> {
  const buildKeyColumns = await evaluateAll(buildKeyExprs, build);
  const buildKeys = joinKeys(buildKeyColumns, build.length);
  const table = buildHashTable(buildKeys);
  if (nullAware) return nullAwarePairSource(table, nullAwareKeys(buildKeys, buildKeyColumns, build.length), probeKeys, chunkSize);
  return async (probe, decided) => hashPairs(table, joinKeys(await evaluateAll(probeKeys, probe), probe.length), decided, chunkSize);
}

/** NOT IN's pairs: equal keys first, then the pairs whose comparison is UNKNOWN, which NOT IN also counts. */
function nullAwarePairSource(table: JoinHashTable, build: NullAwareKeys, probeKeys: readonly CompiledExpr[], chunkSize: number): PairSource {
  return async (probe, decided) => {
    const columns = await evaluateAll(probeKeys, probe);
    const keys = nullAwareKeys(joinKeys(columns, probe.length), columns, probe.length);
    return (function* () {
      yield* hashPairs(table, keys.rows, decided, chunkSize);
      yield* unknownComparisonPairs(table, build, keys, decided, chunkSize);
    })();
  };
}

function nullAwareKeys(rows: readonly JoinKey[], columns: readonly Vector[], length: number): NullAwareKeys {
  return { rows, columns: columns.length > 1 ? columns.map((c) => columnKeys(c, length)) : [] };
}

function compileAll(exprs: readonly Expr[], input: readonly Column[], ctx: ExecContext): CompiledExpr[] {
  return exprs.map((e) => compileExpr(e, input, ctx));
}

async function evaluateAll(exprs: readonly CompiledExpr[], batch: Batch): Promise<Vector[]> {
  const out: Vector[] = [];
  for (const e of exprs) {
    if (e.hasSubqueries) await e.prepare(batch);
    out.push(e.evaluate(batch));
  }
  return out;
}
