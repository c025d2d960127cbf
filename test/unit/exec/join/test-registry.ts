// A stand-in operator registry for the join tests: the two join operators, and a values operator that yields
// exactly the batches a test registers (so layouts and batch boundaries are the test's), else the rows cut at
// ctx.batchSize. It keeps these tests off the other operators, which are written in parallel. A test file using it
// first replaces the registry: vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} })).
import type { PhysicalPlan, ValuesExec } from '../../../../src/physical/plan.js';
import type { DataType } from '../../../../src/types/data-type.js';
import type { ExecContext } from '../../../../src/exec/context.js';
import { execute } from '../../../../src/exec/execute.js';
import { literalJsValue } from '../../../../src/exec/expr/literal-value.js';
import type { Operator } from '../../../../src/exec/operator.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { hashJoin } from '../../../../src/exec/operators/hash-join.js';
import { nestedLoopJoin } from '../../../../src/exec/operators/nested-loop-join.js';
import type { Batch, JsValue } from '../../../../src/exec/vector.js';
import { batchRows, vectorFromValues } from '../../../../src/exec/vector.js';
import { columnsOf, testContext } from '../../../helpers/exec.js';

const givenBatches = new WeakMap<ValuesExec, readonly Batch[]>();

/** valuesExec as the join tests need it: the registered batches as they are, else the rows cut at ctx.batchSize. */
const testValues: Operator<'valuesExec'> = async function* (node, ctx) {
  const given = givenBatches.get(node);
  if (given) {
    yield* given;
    return;
  }
  for (let start = 0; start < node.rows.length; start += ctx.batchSize) {
    const rows = node.rows.slice(start, start + ctx.batchSize);
    yield {
      length: rows.length,
      columns: node.output.map((c, i) =>
        vectorFromValues(
          c.type,
          rows.map((r) => {
            const cell = r[i]!;
            if (cell.kind !== 'literal') throw new Error('test values rows hold literals');
            return literalJsValue(cell.value, c.type);
          }),
        ),
      ),
    };
  }
};

Object.assign(OPERATORS as Record<string, unknown>, {
  valuesExec: testValues,
  hashJoinExec: hashJoin,
  nestedLoopJoinExec: nestedLoopJoin,
});

/** A source yielding exactly `batches`, as columns of `types` with ids from `firstId`. */
export function batchesNode(types: readonly DataType[], batches: readonly Batch[], firstId = 0): ValuesExec {
  const node: ValuesExec = { kind: 'valuesExec', output: columnsOf(types, firstId), rows: [] };
  givenBatches.set(node, batches);
  return node;
}

/** Runs a plan, returning its rows and the size of each batch it produced. */
export async function runBatches(plan: PhysicalPlan, ctx: ExecContext = testContext()): Promise<{ rows: JsValue[][]; sizes: number[] }> {
  const rows: JsValue[][] = [];
  const sizes: number[] = [];
  for await (const b of execute(plan, ctx)) {
    sizes.push(b.length);
    rows.push(...batchRows(b));
  }
  return { rows, sizes };
}

