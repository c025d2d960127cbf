// HashJoinExec: every join type from either build side, NULL and duplicate keys, residuals, key types and layouts,
// batch boundaries, and NOT IN (null-aware anti) semantics.
import { describe, expect, it, vi } from 'vitest';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import { T } from '../../../../src/types/data-type.js';
import type { HashJoinExec } from '../../../../src/physical/plan.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';
import { batchOf, runRows, testContext, valuesNode } from '../../../helpers/exec.js';
import {
  comparisonsCompile,
  hashJoinNode,
  lessThan,
  naiveJoin,
  naiveNotIn,
  sortedRows,
  sqlEquals,
} from '../join/join-fixtures.js';
import { batchesNode, runBatches } from '../join/test-registry.js';
import { dictVector } from '../join/vectors.js';

vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));

const BUILD_SIDES = ['right', 'left'] as const;
const JOIN_TYPES = ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const satisfies readonly HashJoinExec['joinType'][];

// left: id, k, name; right: k, v, flag. Key 20 is duplicated on both sides; each side has a NULL key and a key
// the other lacks.
const LEFT_TYPES = [T.int, T.int, T.string];
const RIGHT_TYPES = [T.int, T.string, T.boolean];
const LEFT_ROWS = [
  [1, 10, 'a'],
  [2, 20, 'b'],
  [3, 20, 'c'],
  [4, null, 'd'],
  [5, 40, 'e'],
];
const RIGHT_ROWS = [
  [20, 'x', true],
  [20, 'y', false],
  [30, 'z', true],
  [null, 'n', true],
  [10, 'w', null],
];
const left = () => valuesNode(LEFT_TYPES, LEFT_ROWS, 0);
const right = () => valuesNode(RIGHT_TYPES, RIGHT_ROWS, 10);
const keyEquals = (l: readonly JsValue[], r: readonly JsValue[]) => sqlEquals(l[1], r[0]);

const INNER = [
  [1, 10, 'a', 10, 'w', null],
  [2, 20, 'b', 20, 'x', true],
  [2, 20, 'b', 20, 'y', false],
  [3, 20, 'c', 20, 'x', true],
  [3, 20, 'c', 20, 'y', false],
];
const LEFT_ONLY = [
  [4, null, 'd', null, null, null],
  [5, 40, 'e', null, null, null],
];
const RIGHT_ONLY = [
  [null, null, null, 30, 'z', true],
  [null, null, null, null, 'n', true],
];
const EXPECTED: Record<(typeof JOIN_TYPES)[number], JsValue[][]> = {
  inner: INNER,
  left: [...INNER, ...LEFT_ONLY],
  right: [...INNER, ...RIGHT_ONLY],
  full: [...INNER, ...LEFT_ONLY, ...RIGHT_ONLY],
  semi: [
    [1, 10, 'a'],
    [2, 20, 'b'],
    [3, 20, 'c'],
  ],
  anti: [
    [4, null, 'd'],
    [5, 40, 'e'],
  ],
};

describe.each(BUILD_SIDES)('hash join, building the %s side', (build) => {
  it.each(JOIN_TYPES)('%s join: NULL keys never match, duplicate keys pair up', async (joinType) => {
    for (const batchSize of [1024, 2]) {
      const rows = await runRows(hashJoinNode(joinType, left(), right(), { keys: [[1, 0]], build }), testContext({ batchSize }));
      expect(sortedRows(rows)).toEqual(sortedRows(EXPECTED[joinType]));
    }
  });

  it.each(JOIN_TYPES)('%s join: the residual filters matches before outer, semi and anti rows are decided', async (joinType) => {
    const residual = columnRef(right().output[2]!);
    const rows = await runRows(hashJoinNode(joinType, left(), right(), { keys: [[1, 0]], residual, build }));
    const expected = naiveJoin(joinType, LEFT_ROWS, RIGHT_ROWS, [3, 3], (l, r) => (keyEquals(l, r) === true ? (r[2] as boolean | null) : false));
    expect(sortedRows(rows)).toEqual(sortedRows(expected));
  });

  it.runIf(comparisonsCompile)('[needs comparisons in the expression compiler] a residual comparing both sides', async () => {
    const rightRows = [[20, 1], [20, 2], [20, 3], [10, 5]];
    const l = left();
    const r = valuesNode([T.int, T.int], rightRows, 10);
    for (const joinType of JOIN_TYPES) {
      const residual = lessThan(l.output[0]!, r.output[1]!);
      const rows = await runRows(hashJoinNode(joinType, l, r, { keys: [[1, 0]], residual, build }), testContext({ batchSize: 2 }));
      const expected = naiveJoin(joinType, LEFT_ROWS, rightRows, [3, 2], (a, b) =>
        sqlEquals(a[1], b[0]) === true ? (a[0] as number) < (b[1] as number) : false,
      );
      expect(sortedRows(rows), joinType).toEqual(sortedRows(expected));
    }
  });

  it.each(JOIN_TYPES)('%s join with an empty side or two', async (joinType) => {
    const empties = [
      [LEFT_ROWS, []],
      [[], RIGHT_ROWS],
      [[], []],
    ] as const;
    for (const [leftRows, rightRows] of empties) {
      const plan = hashJoinNode(joinType, valuesNode(LEFT_TYPES, leftRows, 0), valuesNode(RIGHT_TYPES, rightRows, 10), { keys: [[1, 0]], build });
      const expected = naiveJoin(joinType, leftRows, rightRows, [3, 3], keyEquals);
      expect(sortedRows(await runRows(plan))).toEqual(sortedRows(expected));
    }
  });

  it.each(JOIN_TYPES)('%s join cuts a key with many matches into batches of at most ctx.batchSize rows', async (joinType) => {
    const leftRows = [[1, 7], [2, 7], [3, 7], [4, 8]];
    const rightRows = [[7, 1], [7, 2], [7, 3], [7, 4], [7, 5], [9, 6]];
    const l = valuesNode([T.int, T.int], leftRows, 0);
    const r = valuesNode([T.int, T.int], rightRows, 10);
    const { rows, sizes } = await runBatches(hashJoinNode(joinType, l, r, { keys: [[1, 0]], build }), testContext({ batchSize: 4 }));
    expect(sortedRows(rows)).toEqual(sortedRows(naiveJoin(joinType, leftRows, rightRows, [2, 2], (a, b) => sqlEquals(a[1], b[0]))));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
  });

  it('compares multi-column keys by value across types and layouts', async () => {
    // int, bigint (f64 in one batch, `big` in another) and string (dictionaries that differ, and plain strings).
    const types = [T.int, T.bigint, T.string, T.string];
    const huge = 2n ** 60n + 1n;
    const leftBatches = [
      {
        length: 3,
        columns: [
          vectorFromValues(T.int, [1, 2, 3]),
          vectorFromValues(T.bigint, [5n, 6n, null]),
          dictVector(['p', 'q', 'p'], ['q', 'p']),
          vectorFromValues(T.string, ['L1', 'L2', 'L3']),
        ],
      },
      {
        length: 3,
        columns: [
          vectorFromValues(T.int, [4, 1, 2]),
          vectorFromValues(T.bigint, [huge, 5n, 6n]),
          dictVector(['r', 'p', 'r'], ['r', 'p']),
          vectorFromValues(T.string, ['L4', 'L5', 'L6']),
        ],
      },
    ];
    expect(leftBatches[1]!.columns[1]!.data.layout).toBe('big');
    const rightBatches = [
      {
        length: 4,
        columns: [
          vectorFromValues(T.int, [1, 4, 2, 2]),
          vectorFromValues(T.bigint, [5n, huge, 6n, 6n]),
          vectorFromValues(T.string, ['p', 'r', 'q', 'r']),
          vectorFromValues(T.string, ['R1', 'R2', 'R3', 'R4']),
        ],
      },
      {
        length: 2,
        columns: [
          vectorFromValues(T.int, [3, 1]),
          vectorFromValues(T.bigint, [7n, 5n]),
          dictVector([null, 'p'], ['z', 'p']),
          vectorFromValues(T.string, ['R5', 'R6']),
        ],
      },
    ];
    expect(rightBatches[0]!.columns[1]!.data.layout).toBe('big');
    expect(rightBatches[1]!.columns[1]!.data.layout).toBe('f64');
    const plan = hashJoinNode('inner', batchesNode(types, leftBatches, 0), batchesNode(types, rightBatches, 10), {
      keys: [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
      build,
    });
    const pairs = (await runRows(plan)).map((r) => `${r[3] as string}-${r[7] as string}`);
    expect(pairs.sort()).toEqual(['L1-R1', 'L1-R6', 'L2-R3', 'L4-R2', 'L5-R1', 'L5-R6', 'L6-R4'].sort());
  });

  it('matches a bigint key held as f64 on one side and as bigints on the other', async () => {
    const l = valuesNode([T.bigint], [[3n], [2n ** 62n], [-4n]], 0);
    const r = valuesNode([T.bigint], [[-4n], [3n], [2n ** 62n], [5n]], 10);
    const rows = await runRows(hashJoinNode('inner', l, r, { keys: [[0, 0]], build }), testContext({ batchSize: 2 }));
    expect(sortedRows(rows)).toEqual(sortedRows([[3n, 3n], [2n ** 62n, 2n ** 62n], [-4n, -4n]]));
  });
});

describe.each(BUILD_SIDES)('null-aware anti join (NOT IN), building the %s side', (build) => {
  const notIn = (leftRows: JsValue[][], rightRows: JsValue[][], ctx = testContext()) =>
    runRows(
      hashJoinNode('anti', valuesNode([T.int], leftRows, 0), valuesNode([T.int], rightRows, 10), { keys: [[0, 0]], build, nullAware: true }),
      ctx,
    );
  const LEFT = [[1], [2], [null], [3]];

  it('returns every row, NULL keys included, when the subquery is empty', async () => {
    expect(sortedRows(await notIn(LEFT, []))).toEqual(sortedRows(LEFT));
  });

  it('drops matched rows and NULL-keyed rows when the subquery has rows and no NULL', async () => {
    expect(sortedRows(await notIn(LEFT, [[2], [7]]))).toEqual([[1], [3]]);
  });

  it('returns nothing when the subquery has a NULL', async () => {
    expect(await notIn(LEFT, [[7], [null]], testContext({ batchSize: 1 }))).toEqual([]);
    expect(await notIn(LEFT, [[null]])).toEqual([]);
  });

  it('with several key columns, drops a row whose comparison is UNKNOWN and keeps one whose comparison is FALSE', async () => {
    const types = [T.int, T.string];
    const leftRows = [[1, 'b'], [1, null], [null, 'e'], [3, 'd'], [null, null], [4, 'g'], [2, 'c']];
    const rightRows = [[1, 'b'], [2, null], [4, null]];
    const plan = hashJoinNode('anti', valuesNode(types, leftRows, 0), valuesNode(types, rightRows, 10), {
      keys: [
        [0, 0],
        [1, 1],
      ],
      build,
      nullAware: true,
    });
    const rows = await runRows(plan, testContext({ batchSize: 2 }));
    // (1,'b') equals a row; (1,NULL) and (NULL,NULL) are UNKNOWN against (1,'b'); (NULL,'e') against (2,NULL);
    // (4,'g') against (4,NULL); (2,'c') against (2,NULL). (3,'d') differs from every row in a non-NULL column.
    expect(rows).toEqual([[3, 'd']]);
    const keys = [
      [0, 0],
      [1, 1],
    ] as const;
    expect(sortedRows(rows)).toEqual(sortedRows(naiveNotIn(leftRows, rightRows, keys)));
  });

  it('counts only the subquery rows that the residual selects', async () => {
    const rightRows = [[2, true], [null, false], [3, null]];
    const plan = hashJoinNode('anti', valuesNode([T.int], LEFT, 0), valuesNode([T.int, T.boolean], rightRows, 10), {
      keys: [[0, 0]],
      residual: columnRef({ id: 11, name: 'c11', type: T.boolean, nullable: true }),
      build,
      nullAware: true,
    });
    // NULL is UNKNOWN against (2, true), which the residual keeps; 3 equals 3 but there the residual is NULL.
    const rows = await runRows(plan);
    expect(sortedRows(rows)).toEqual([[1], [3]]);
    expect(sortedRows(rows)).toEqual(sortedRows(naiveNotIn(LEFT, rightRows, [[0, 0]], (_, r) => r[1] as boolean | null)));
  });
});

it('rejects a null-aware join that is not an anti join', async () => {
  const plan = { ...hashJoinNode('semi', valuesNode([T.int], [[1]]), valuesNode([T.int], [[1]], 10), { keys: [[0, 0]] }), nullAware: true };
  await expect(runRows(plan)).rejects.toThrow(/null-aware semi/);
});

it('builds from batches it concatenates', async () => {
  const r = batchesNode([T.int], [batchOf([T.int], [[1], [2]]), batchOf([T.int], [[2], [3]])], 10);
  const rows = await runRows(hashJoinNode('semi', valuesNode([T.int], [[2], [3], [4]]), r, { keys: [[0, 0]] }));
  expect(rows).toEqual([[2], [3]]);
});

it('does not read the probe side when an empty build side decides the result', async () => {
  const ctx = testContext();
  const probe = valuesNode([T.int], [[1], [2]]);
  expect(await runRows(hashJoinNode('inner', probe, valuesNode([T.int], [], 10), { keys: [[0, 0]] }), ctx)).toEqual([]);
  expect(ctx.metricsOf(probe).batches).toBe(0);
});

it('stops reading the probe side once every build row of a semi join has matched', async () => {
  const ctx = testContext({ batchSize: 2 });
  const probe = valuesNode([T.int], [[1], [2], [3], [4], [5], [6]], 10);
  const plan = hashJoinNode('semi', valuesNode([T.int], [[2], [1]]), probe, { keys: [[0, 0]], build: 'left' });
  expect(sortedRows(await runRows(plan, ctx))).toEqual([[1], [2]]);
  expect(ctx.metricsOf(probe).batches).toBe(1);
});
