// NestedLoopJoinExec: materialises the right side and tries every left row against every right row, in chunks.
import { execute } from '../execute.js';
import { crossPairs } from '../join/cross-pairs.js';
import { compileJoinCondition } from '../join/join-condition.js';
import { joinRoles } from '../join/join-roles.js';
import { columnSources } from '../join/join-sides.js';
import { materialize } from '../join/materialize.js';
import { runJoin } from '../join/run-join.js';
import type { Operator } from '../operator.js';

// The node does not say which side is smaller, and streaming the left keeps the left's order and its batches
// flowing; the right side is the one held in memory, as in Spark's BroadcastNestedLoopJoin with BuildRight.
export const nestedLoopJoin: Operator<'nestedLoopJoinExec'> = async function* (node, ctx) {
  const build = await materialize(node.right, ctx);
  const condition = node.condition && compileJoinCondition(node.condition, node.left.output, node.right.output, 'right', ctx);
  yield* runJoin(
    {
      roles: joinRoles(node.joinType, 'right'),
      output: columnSources(node.output, node.left.output, node.right.output, 'right'),
      build,
      probeTypes: node.left.output.map((c) => c.type),
      pairs: (probe, decided) => Promise.resolve(crossPairs(probe.length, build.length, decided, ctx.batchSize)),
      condition,
      batchSize: ctx.batchSize,
    },
    execute(node.left, ctx),
  );
};
