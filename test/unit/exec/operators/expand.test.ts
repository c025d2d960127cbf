// ExpandExec: every input batch once per projection (grouping sets), NULLs for the keys a set leaves out.
import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../../../src/logical/expr.js';
import { columnRef, literal } from '../../../../src/logical/expr-builders.js';
import type { ExpandExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { expand } from '../../../../src/exec/operators/expand.js';
import { values } from '../../../../src/exec/operators/values.js';
import { batchRows } from '../../../../src/exec/vector.js';
import { columnsOf, runRows, testContext, valuesNode } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only these.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { valuesExec: values, expandExec: expand });

const input = valuesNode([T.string, T.int, T.int], [['x', 1, 10], ['y', 2, 20], ['z', 3, 30]]);
const [a, b, v] = input.output.map(columnRef) as [Expr, Expr, Expr];

/** GROUPING SETS ((a, b), (a), ()) over (a, b, v): keys a, b, the value, and the grouping id. */
const node: ExpandExec = {
  kind: 'expandExec',
  input,
  output: columnsOf([T.string, T.int, T.int, T.bigint], 10),
  projections: [
    [a, b, v, literal('0', T.bigint)],
    [a, literal(null, T.int), v, literal('1', T.bigint)],
    [literal(null, T.string), literal(null, T.int), v, literal('3', T.bigint)],
  ],
};

describe('expand', () => {
  it('emits each input row once per projection', async () => {
    const rows = await runRows(node);
    expect(rows).toHaveLength(9);
    expect(rows.slice(0, 3)).toEqual([
      ['x', 1, 10, 0n],
      ['y', 2, 20, 0n],
      ['z', 3, 30, 0n],
    ]);
    expect(rows.slice(3, 6).map((r) => r.slice(0, 2))).toEqual([
      ['x', null],
      ['y', null],
      ['z', null],
    ]);
    expect(rows.slice(6).map((r) => [r[0], r[1], r[3]])).toEqual([
      [null, null, 3n],
      [null, null, 3n],
      [null, null, 3n],
    ]);
  });

  it('goes batch by batch: all projections of one input batch before the next batch', async () => {
    const out = [];
    for await (const batch of execute(node, testContext({ batchSize: 2 }))) out.push(batchRows(batch).map((r) => `${r[2]}/${r[3]}`));
    expect(out).toEqual([['10/0', '20/0'], ['10/1', '20/1'], ['10/3', '20/3'], ['30/0'], ['30/1'], ['30/3']]);
  });
});
