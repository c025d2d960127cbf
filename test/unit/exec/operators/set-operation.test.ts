// SetOperationExec: INTERSECT / EXCEPT, ALL and DISTINCT, with NULLs equal and duplicates; a property against a
// naive multiset reference, and values that ride in different layouts on the two sides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsValue } from '../../../../src/exec/vector.js';
import type { PhysicalPlan, SetOperationExec } from '../../../../src/physical/plan.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { T } from '../../../../src/types/data-type.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

function setOp(op: 'intersect' | 'except', all: boolean, left: PhysicalPlan, right: PhysicalPlan): SetOperationExec {
  return { kind: 'setOperationExec', op, all, left, right, output: left.output };
}

const key = (row: readonly JsValue[]) => JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? 0 : v));

/** The multiset answer, in the left side's order, each kept row being the next left copy of its value. */
function reference(op: 'intersect' | 'except', all: boolean, left: readonly JsValue[][], right: readonly JsValue[][]): JsValue[][] {
  const counts = new Map<string, number>();
  for (const r of right) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: JsValue[][] = [];
  for (const r of left) {
    const k = key(r);
    const copy = (seen.get(k) ?? 0) + 1;
    seen.set(k, copy);
    const inRight = counts.get(k) ?? 0;
    const keep = all
      ? op === 'intersect' ? copy <= inRight : copy > inRight
      : copy === 1 && (op === 'intersect' ? inRight > 0 : inRight === 0);
    if (keep) out.push(r);
  }
  return out;
}

const TYPES: DataType[] = [T.int, T.string];

describe('set operations', () => {
  const left = valuesNode(TYPES, [[1, 'a'], [1, 'a'], [null, null], [2, 'b'], [1, 'a'], [null, null], [3, null]]);
  const right = valuesNode(TYPES, [[1, 'a'], [null, null], [null, null], [null, null], [3, 'c'], [1, 'a']], 10);

  it('INTERSECT ALL keeps min(left, right) copies, NULLs equal', async () => {
    expect(await runRows(setOp('intersect', true, left, right))).toEqual([[1, 'a'], [1, 'a'], [null, null], [null, null]]);
  });

  it('EXCEPT ALL keeps max(left - right, 0) copies', async () => {
    expect(await runRows(setOp('except', true, left, right))).toEqual([[2, 'b'], [1, 'a'], [3, null]]);
  });

  it('INTERSECT and EXCEPT (DISTINCT) keep one copy', async () => {
    expect(await runRows(setOp('intersect', false, left, right))).toEqual([[1, 'a'], [null, null]]);
    expect(await runRows(setOp('except', false, left, right))).toEqual([[2, 'b'], [3, null]]);
  });

  it('matches values whatever layout carries them on each side', async () => {
    // The right side holds a value beyond 2^53, so its bigints ride as JS bigints; the left's as doubles.
    const l = valuesNode([T.bigint], [[5n], [7n], [null]]);
    const r = valuesNode([T.bigint], [[5n], [2n ** 60n], [null]], 10);
    expect(await runRows(setOp('intersect', true, l, r))).toEqual([[5n], [null]]);
    expect(await runRows(setOp('except', true, l, r))).toEqual([[7n]]);
    // NaN equals NaN and -0.0 equals 0.0 here, as in Spark's set operations.
    const dl = valuesNode([T.double], [[NaN], [-0], [1]]);
    const dr = valuesNode([T.double], [[0], [NaN]], 10);
    expect(await runRows(setOp('except', false, dl, dr))).toEqual([[1]]);
  });

  it('equals a naive multiset reference (property)', async () => {
    const row = fc.tuple(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), fc.option(fc.constantFrom('a', 'b'), { nil: null }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('intersect' as const, 'except' as const),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        async (l, r, op, all, batchSize) => {
          const plan = setOp(op, all, valuesNode(TYPES, l), valuesNode(TYPES, r, 10));
          expect(await runRows(plan, testContext({ batchSize }))).toEqual(reference(op, all, l, r));
        },
      ),
      { numRuns: 300 },
    );
  });
});
