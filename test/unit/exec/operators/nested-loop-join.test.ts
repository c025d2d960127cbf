// NestedLoopJoinExec: cross joins, every join type under a condition, empty sides and batch boundaries.
import { describe, expect, it, vi } from 'vitest';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import type { JoinType } from '../../../../src/logical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';
import { comparisonsCompile, lessThan, naiveJoin, nestedLoopJoinNode, sortedRows } from '../join/join-fixtures.js';
import { runBatches } from '../join/test-registry.js';

vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));

const JOIN_TYPES = ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const satisfies readonly JoinType[];

// left: id, ok; right: id, ok. The conditions below read one side's boolean, NULLs included.
const LEFT_ROWS = [
  [1, true],
  [2, false],
  [3, null],
];
const RIGHT_ROWS = [
  [10, true],
  [20, null],
  [30, false],
];
const left = (rows: readonly JsValue[][] = LEFT_ROWS) => valuesNode([T.int, T.boolean], rows, 0);
const right = (rows: readonly JsValue[][] = RIGHT_ROWS) => valuesNode([T.int, T.boolean], rows, 10);

describe('nested-loop join', () => {
  it('without a condition is the cross product', async () => {
    const { rows, sizes } = await runBatches(nestedLoopJoinNode('cross', left(), right()), testContext({ batchSize: 4 }));
    expect(sortedRows(rows)).toEqual(sortedRows(LEFT_ROWS.flatMap((l) => RIGHT_ROWS.map((r) => [...l, ...r]))));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
  });

  it.each(JOIN_TYPES)('%s join without a condition', async (joinType) => {
    for (const [l, r] of [
      [LEFT_ROWS, RIGHT_ROWS],
      [LEFT_ROWS, []],
      [[], RIGHT_ROWS],
    ] as const) {
      const rows = await runRows(nestedLoopJoinNode(joinType, left(l), right(r)), testContext({ batchSize: 2 }));
      expect(sortedRows(rows)).toEqual(sortedRows(naiveJoin(joinType, l, r, [2, 2], () => true)));
    }
  });

  it.each(JOIN_TYPES)('%s join on a condition over the right side (NULL is not true)', async (joinType) => {
    const condition = columnRef(right().output[1]!);
    for (const batchSize of [1024, 2]) {
      const rows = await runRows(nestedLoopJoinNode(joinType, left(), right(), condition), testContext({ batchSize }));
      expect(sortedRows(rows)).toEqual(sortedRows(naiveJoin(joinType, LEFT_ROWS, RIGHT_ROWS, [2, 2], (_, r) => r[1] as boolean | null)));
    }
  });

  it.each(JOIN_TYPES)('%s join on a condition over the left side', async (joinType) => {
    const condition = columnRef(left().output[1]!);
    const rows = await runRows(nestedLoopJoinNode(joinType, left(), right(), condition), testContext({ batchSize: 2 }));
    expect(sortedRows(rows)).toEqual(sortedRows(naiveJoin(joinType, LEFT_ROWS, RIGHT_ROWS, [2, 2], (l) => l[1] as boolean | null)));
  });

  it.each(JOIN_TYPES)('%s join with empty sides', async (joinType) => {
    const condition = columnRef(right().output[1]!);
    for (const [l, r] of [
      [LEFT_ROWS, []],
      [[], RIGHT_ROWS],
      [[], []],
    ] as const) {
      const rows = await runRows(nestedLoopJoinNode(joinType, left(l), right(r), condition));
      expect(sortedRows(rows)).toEqual(sortedRows(naiveJoin(joinType, l, r, [2, 2], (_, x) => x[1] as boolean | null)));
    }
  });

  it.runIf(comparisonsCompile)('[needs comparisons in the expression compiler] a range condition between the sides', async () => {
    const leftRows = [[5], [15], [25], [null]];
    const rightRows = [[10], [20], [20], [null]];
    const l = valuesNode([T.int], leftRows, 0);
    const r = valuesNode([T.int], rightRows, 10);
    for (const joinType of JOIN_TYPES) {
      const condition = lessThan(l.output[0]!, r.output[0]!);
      const { rows, sizes } = await runBatches(nestedLoopJoinNode(joinType, l, r, condition), testContext({ batchSize: 3 }));
      const expected = naiveJoin(joinType, leftRows, rightRows, [1, 1], (a, b) =>
        a[0] === null || b[0] === null ? null : (a[0] as number) < (b[0] as number),
      );
      expect(sortedRows(rows), joinType).toEqual(sortedRows(expected));
      expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(3);
    }
  });
});
