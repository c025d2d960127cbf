// Properties: hash joins (either build side, NOT IN included) and nested-loop joins give the rows of a naive
// nested loop over JsValues, on random small tables with NULLs, duplicate keys and mixed layouts.
import fc from 'fast-check';
import { expect, it, vi } from 'vitest';
import type { Expr } from '../../../../src/logical/expr.js';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { T } from '../../../../src/types/data-type.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { runRows, testContext } from '../../../helpers/exec.js';
import type { Truth } from './join-fixtures.js';
import { hashJoinNode, naiveJoin, naiveNotIn, nestedLoopJoinNode, sortedRows, sqlEquals } from './join-fixtures.js';
import { batchesOf } from './vectors.js';
import { batchesNode } from './test-registry.js';

vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));

const JOIN_TYPES = ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const;

// Few distinct values per type, so that keys repeat; bigints beyond 2^53 put some batches in the `big` layout;
// doubles with fractions key by value, and -0 equals 0.
const KEY_TYPES: readonly { type: DataType; values: readonly JsValue[] }[] = [
  { type: T.int, values: [0, 1, 2, -1] },
  { type: T.bigint, values: [0n, 1n, 2n ** 60n, -(2n ** 60n) - 1n] },
  { type: T.string, values: ['a', 'b', '', 'a\u0000'] },
  { type: T.double, values: [0, -0, 1.5, 2] },
];

const tableArb = (k1: number, k2: number) =>
  fc.array(
    fc.tuple(
      fc.option(fc.constantFrom(...KEY_TYPES[k1]!.values), { nil: null, freq: 5 }),
      fc.option(fc.constantFrom(...KEY_TYPES[k2]!.values), { nil: null, freq: 5 }),
      fc.constantFrom(true, false, null),
    ),
    { maxLength: 9 },
  );

const caseArb = fc
  .tuple(fc.nat(KEY_TYPES.length - 1), fc.nat(KEY_TYPES.length - 1))
  .chain(([k1, k2]) =>
    fc.record({
      keyTypes: fc.constant([k1, k2] as const),
      left: tableArb(k1, k2),
      right: tableArb(k1, k2),
      keyCount: fc.constantFrom(1, 2),
      residual: fc.constantFrom('none', 'left', 'right'),
      batchSize: fc.constantFrom(1, 2, 3, 1024),
      dictionaries: fc.boolean(),
    }),
  );

interface Case {
  keyTypes: readonly [number, number];
  left: [JsValue, JsValue, Truth][];
  right: [JsValue, JsValue, Truth][];
  keyCount: number;
  residual: string;
  batchSize: number;
  dictionaries: boolean;
}

/** Both tables with an id column first (id, k1, k2, flag), their plans, keys and residual. */
function setUp(c: Case) {
  const types = [T.int, KEY_TYPES[c.keyTypes[0]]!.type, KEY_TYPES[c.keyTypes[1]]!.type, T.boolean];
  const leftRows: JsValue[][] = c.left.map((r, i) => [i, ...r]);
  const rightRows: JsValue[][] = c.right.map((r, i) => [100 + i, ...r]);
  const left = () => batchesNode(types, batchesOf(types, leftRows, c.batchSize, c.dictionaries), 0);
  const right = () => batchesNode(types, batchesOf(types, rightRows, c.batchSize, !c.dictionaries), 10);
  const keys = c.keyCount === 1 ? ([[1, 1]] as const) : ([[1, 1], [2, 2]] as const);
  const residualExpr: Expr | undefined =
    c.residual === 'left' ? columnRef(left().output[3]!) : c.residual === 'right' ? columnRef(right().output[3]!) : undefined;
  const residual = (l: readonly JsValue[], r: readonly JsValue[]): Truth =>
    c.residual === 'left' ? (l[3] as Truth) : c.residual === 'right' ? (r[3] as Truth) : true;
  const keysEqual = (l: readonly JsValue[], r: readonly JsValue[]) => keys.every(([a, b]) => sqlEquals(l[a], r[b]) === true);
  return { leftRows, rightRows, left, right, keys, residualExpr, residual, keysEqual, ctx: testContext({ batchSize: c.batchSize }) };
}

it('a hash join, built on either side, gives the rows of a nested loop over the definition', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, fc.constantFrom(...JOIN_TYPES), fc.constantFrom('left', 'right'), async (c, joinType, build) => {
      const s = setUp(c);
      const plan = hashJoinNode(joinType, s.left(), s.right(), { keys: s.keys, residual: s.residualExpr, build });
      const expected = naiveJoin(joinType, s.leftRows, s.rightRows, [4, 4], (l, r) => s.keysEqual(l, r) && s.residual(l, r) === true);
      expect(sortedRows(await runRows(plan, s.ctx))).toEqual(sortedRows(expected));
    }),
    { numRuns: 300 },
  );
});

it('a null-aware anti join, built on either side, gives the rows NOT IN gives', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, fc.constantFrom('left', 'right'), async (c, build) => {
      const s = setUp(c);
      const plan = hashJoinNode('anti', s.left(), s.right(), { keys: s.keys, residual: s.residualExpr, build, nullAware: true });
      expect(sortedRows(await runRows(plan, s.ctx))).toEqual(sortedRows(naiveNotIn(s.leftRows, s.rightRows, s.keys, s.residual)));
    }),
    { numRuns: 300 },
  );
});

it('a nested-loop join gives the rows of the definition', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, fc.constantFrom(...JOIN_TYPES, 'cross' as const), async (c, joinType) => {
      const s = setUp(c);
      const plan = nestedLoopJoinNode(joinType, s.left(), s.right(), s.residualExpr);
      const expected = naiveJoin(joinType === 'cross' ? 'inner' : joinType, s.leftRows, s.rightRows, [4, 4], s.residual);
      expect(sortedRows(await runRows(plan, s.ctx))).toEqual(sortedRows(expected));
    }),
    { numRuns: 200 },
  );
});
