// ValuesExec: inline rows as batches of ctx.batchSize, every type, rows without columns, non-literal cells.
import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../../../src/logical/expr.js';
import { binary, literal } from '../../../../src/logical/expr-builders.js';
import type { ValuesExec } from '../../../../src/physical/plan.js';
import { T, decimal } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { values } from '../../../../src/exec/operators/values.js';
import { batchRows, vectorFromValues } from '../../../../src/exec/vector.js';
import { columnsOf, runRows, testContext, valuesNode } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only this one.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { valuesExec: values });

describe('values', () => {
  it('produces the rows in order, cut into batches of ctx.batchSize', async () => {
    const rows = [1, 2, 3, 4, 5].map((i) => [i, `s${i}`, BigInt(i) * 100n]);
    const node = valuesNode([T.int, T.string, decimal(10, 2)], rows);
    const sizes: number[] = [];
    const out: unknown[][] = [];
    for await (const b of execute(node, testContext({ batchSize: 2 }))) {
      sizes.push(b.length);
      out.push(...batchRows(b));
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(out).toEqual(rows);
  });

  it('keeps NULLs and the column types', async () => {
    const types = [T.boolean, T.bigint, T.double, T.date, T.timestamp, T.binary];
    const rows = [
      [true, 2n ** 60n, -0.5, 19000, 1n, Uint8Array.of(1)],
      [null, null, null, null, null, null],
    ];
    expect(await runRows(valuesNode(types, rows))).toEqual(rows);
    for await (const b of execute(valuesNode(types, rows), testContext())) expect(b.columns.map((c) => c.type)).toEqual(types);
  });

  it('gives rows without columns (SELECT without FROM) their count', async () => {
    const node: ValuesExec = { kind: 'valuesExec', output: [], rows: [[], [], []] };
    const batches = [];
    for await (const b of execute(node, testContext({ batchSize: 2 }))) batches.push(b);
    expect(batches.map((b) => [b.length, b.columns.length])).toEqual([
      [2, 0],
      [1, 0],
    ]);
    expect(await runRows({ ...node, rows: [] })).toEqual([]);
  });

  it('evaluates cells that are not literals', async () => {
    const sum: Expr = binary('+', literal(1, T.int), literal(2, T.int), T.int);
    const node: ValuesExec = { kind: 'valuesExec', output: columnsOf([T.int]), rows: [[sum], [literal(null, T.int)]] };
    expect(await runRows(node)).toEqual([[3], [null]]);
  });

  it('evaluates a scalar subquery cell through the context', async () => {
    const subquery: Expr = {
      kind: 'scalarSubquery',
      plan: { kind: 'values', output: columnsOf([T.int]), rows: [] },
      type: T.int,
      nullable: true,
    };
    const ctx = testContext({ runSubquery: async () => ({ length: 1, columns: [vectorFromValues(T.int, [42])] }) });
    expect(await runRows({ kind: 'valuesExec', output: columnsOf([T.int]), rows: [[subquery]] }, ctx)).toEqual([[42]]);
  });
});
