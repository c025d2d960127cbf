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
import { columnKeys } from '../join/join-keys.js';
import type { KeyCodes, KeyEncoding } from '../join/key-codes.js';
import { encodeBuildKeys } from '../join/key-codes.js';
import { joinRoles } from '../join/join-roles.js';
import { columnSources, pairSources } from '../join/join-sides.js';
import { materialize } from '../join/materialize.js';
import type { NullAwareKeys } from '../join/null-aware-pairs.js';
import { unknownComparisonPairs } from '../join/null-aware-pairs.js';
import type { PairSource } from '../join/pairs.js';
import { PairBuffer } from '../join/pairs.js';
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
  const output = columnSources(node.output, node.left.output, node.right.output, node.build);
  yield* runJoin(
    {
      roles: joinRoles(node.joinType, node.build),
      output,
      pairOutput: pairSources(output, buildKeyExprs, probeKeyExprs, buildPlan.output, probePlan.output),
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
 * key columns, as large as the build side, are garbage once the table is built (unless NOT IN needs them).
 */
async function pairSource(
  nullAware: boolean,
  build: Batch,
  buildKeyExprs: readonly CompiledExpr[],
  probeKeys: readonly CompiledExpr[],
  chunkSize: number,
): Promise<PairSource> {
  const buildKeyColumns = await evaluateAll(buildKeyExprs, build);
  const keys = encodeBuildKeys(buildKeyColumns, build.length);
  const table = buildHashTable(keys.build, keys.range);
  // One buffer for every probe batch: the join uses up a batch's pairs before it asks for the next batch's.
  const buffer = new PairBuffer(chunkSize);
  if (nullAware) return nullAwarePairSource(table, keys, nullAwareKeys(keys.build, buildKeyColumns, build.length), probeKeys, buffer);
  return async (probe, decided) => {
    const columns = await evaluateAll(probeKeys, probe);
    const heads = (keys.offset !== undefined && table.headsOfColumn(columns[0]!, keys.offset)) || table.heads(keys.probe(columns, probe.length));
    return hashPairs(heads, table, decided, buffer);
  };
}

/** NOT IN's pairs: equal keys first, then the pairs whose comparison is UNKNOWN, which NOT IN also counts. */
function nullAwarePairSource(
  table: JoinHashTable,
  encoding: KeyEncoding,
  build: NullAwareKeys,
  probeKeys: readonly CompiledExpr[],
  buffer: PairBuffer,
): PairSource {
  return async (probe, decided) => {
    const columns = await evaluateAll(probeKeys, probe);
    const codes = encoding.probe(columns, probe.length);
    const keys = nullAwareKeys(codes, columns, probe.length);
    return (function* () {
      yield* hashPairs(table.heads(codes), table, decided, buffer);
      yield* unknownComparisonPairs(table, build, keys, decided, buffer);
    })();
  };
}

function nullAwareKeys(codes: KeyCodes, columns: readonly Vector[], length: number): NullAwareKeys {
  // A probe row without a code may only lack a build match; the NULLs are the key columns'.
  const hasNull = codes.absent && anyNull(columns, length);
  return { hasNull, length, columns: columns.length > 1 ? columns.map((c) => columnKeys(c, length)) : [] };
}

function anyNull(columns: readonly Vector[], length: number): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  for (const c of columns) {
    if (c.nulls === undefined) continue;
    out ??= new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i]! |= c.nulls[i]!;
  }
  return out;
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
