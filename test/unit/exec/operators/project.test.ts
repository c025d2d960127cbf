// ProjectExec: output columns computed per batch; column references pass their vectors through.
import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../../../src/logical/expr.js';
import { binary, columnRef, literal, named } from '../../../../src/logical/expr-builders.js';
import type { ProjectExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { project } from '../../../../src/exec/operators/project.js';
import { values } from '../../../../src/exec/operators/values.js';
import type { Batch } from '../../../../src/exec/vector.js';
import { columnsOf, runRows, testContext, valuesNode } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only these.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { valuesExec: values, projectExec: project });

const input = valuesNode([T.int, T.string], [[1, 'a'], [2, null], [3, 'c']]);
const [id, name] = input.output.map(columnRef) as [Expr, Expr];

function projectNode(exprs: readonly Expr[]): ProjectExec {
  const output = columnsOf(
    exprs.map((e) => e.type),
    10,
  );
  return { kind: 'projectExec', output, input, columns: exprs.map((e, i) => named(10 + i, `c${10 + i}`, e)) };
}

describe('project', () => {
  it('reorders, repeats and adds constant columns', async () => {
    expect(await runRows(projectNode([name, id, id, literal('x', T.string)]))).toEqual([
      ['a', 1, 1, 'x'],
      [null, 2, 2, 'x'],
      ['c', 3, 3, 'x'],
    ]);
  });

  it('passes a referenced column’s vector through without copying', async () => {
    const inputs: Batch[] = [];
    for await (const b of execute(input, testContext())) inputs.push(b);
    const outputs: Batch[] = [];
    for await (const b of execute(projectNode([name]), testContext())) outputs.push(b);
    expect(outputs[0]!.columns[0]!.data).toEqual(inputs[0]!.columns[1]!.data);
  });

  it('keeps the row count with no columns, batch by batch', async () => {
    const sizes: number[] = [];
    for await (const b of execute(projectNode([]), testContext({ batchSize: 2 }))) {
      sizes.push(b.length);
      expect(b.columns).toEqual([]);
    }
    expect(sizes).toEqual([2, 1]);
  });

  it('evaluates computed columns', async () => {
    expect(await runRows(projectNode([binary('*', id, literal(10, T.int), T.int)]))).toEqual([[10], [20], [30]]);
  });
});
