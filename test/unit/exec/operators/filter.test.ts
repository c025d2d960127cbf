// FilterExec: keeps rows whose condition is true (not false or NULL), across batch boundaries.
import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../../../src/logical/expr.js';
import { binary, columnRef, literal } from '../../../../src/logical/expr-builders.js';
import type { FilterExec, PhysicalPlan } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { filter } from '../../../../src/exec/operators/filter.js';
import { values } from '../../../../src/exec/operators/values.js';
import type { Batch } from '../../../../src/exec/vector.js';
import { batchRows } from '../../../../src/exec/vector.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only these.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { valuesExec: values, filterExec: filter });

const ROWS = [
  [1, true],
  [2, false],
  [3, null],
  [4, true],
  [5, true],
];
const input = valuesNode([T.int, T.boolean], ROWS);
const [id, ok] = input.output.map(columnRef) as [Expr, Expr];
const filterNode = (condition: Expr, source: PhysicalPlan = input): FilterExec => ({ kind: 'filterExec', output: source.output, input: source, condition });

async function batches(plan: PhysicalPlan, batchSize: number): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of execute(plan, testContext({ batchSize }))) out.push(b);
  return out;
}

describe('filter', () => {
  it('keeps the rows where the condition is true, not false or NULL', async () => {
    expect(await runRows(filterNode(ok))).toEqual([
      [1, true],
      [4, true],
      [5, true],
    ]);
  });

  it('works batch by batch, dropping batches with no rows left', async () => {
    const out = await batches(filterNode(ok), 2);
    // Input batches [1,2] [3,4] [5]: one row of each passes.
    expect(out.map((b) => b.length)).toEqual([1, 1, 1]);
    expect(out.flatMap(batchRows).map((r) => r[0])).toEqual([1, 4, 5]);
  });

  it('passes a batch whose rows all pass on as it is', async () => {
    const allTrue = valuesNode([T.int, T.boolean], [[1, true], [2, true]]);
    const out = await batches(filterNode(columnRef(allTrue.output[1]!), allTrue), 10);
    expect(out).toHaveLength(1);
    expect(out[0]!.length).toBe(2);
  });

  it('yields nothing for a condition that is never true', async () => {
    expect(await runRows(filterNode(literal(false, T.boolean)))).toEqual([]);
    expect(await runRows(filterNode(literal(null, T.boolean)))).toEqual([]);
    expect(await runRows(filterNode(literal(null, T.null)))).toEqual([]);
  });

  it('evaluates a computed condition', async () => {
    const condition = binary('>', id, literal(2, T.int), T.boolean);
    expect((await runRows(filterNode(condition))).map((r) => r[0])).toEqual([3, 4, 5]);
  });
});
