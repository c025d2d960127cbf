// Subquery expressions: run once when uncorrelated, once per distinct outer values when correlated, with SQL's
// NULL rules for IN and NOT IN, and Spark's error for a scalar subquery with several rows.
import { describe, expect, it } from 'vitest';
import type { ColumnId } from '../../../../src/logical/expr.js';
import type { LogicalPlan } from '../../../../src/logical/plan.js';
import { outputOf } from '../../../../src/logical/output.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import type { Batch, JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { batchOf, testContext } from '../../../helpers/exec.js';
import { analyzeSelect, inputBatch } from './sql-expr.js';
import type { Columns } from './sql-expr.js';

const U: Readonly<Record<string, Columns>> = { u: { k: 'int?', x: 'int?', y: 'string?' } };

/**
 * Compiles the first select-list expression over t(a int, b string) and evaluates it on batches of t's rows; the
 * subquery returns `result(outer values by column name)` as rows of its output columns. Returns the values per
 * batch and the number of subquery runs.
 */
async function run(
  selectList: string,
  batches: readonly (readonly JsValue[])[][],
  result: (outer: Record<string, JsValue>) => JsValue[][],
): Promise<{ values: JsValue[][]; runs: number }> {
  const { exprs, input } = analyzeSelect(selectList, { a: 'int?', b: 'string?' }, 'UTC', U);
  const names = new Map<ColumnId, string>(input.map((c) => [c.id, c.name]));
  let runs = 0;
  const ctx = testContext({
    runSubquery: (plan: LogicalPlan, outer) => {
      runs++;
      const byName = Object.fromEntries([...outer].map(([id, v]) => [names.get(id) ?? String(id), v]));
      return Promise.resolve(batchOf(outputOf(plan).map((c) => c.type), result(byName)) as Batch);
    },
  });
  const compiled = compileExpr(exprs[0]!, input, ctx);
  expect(compiled.hasSubqueries).toBe(true);
  const values: JsValue[][] = [];
  for (const rows of batches) {
    const batch = inputBatch(input, rows);
    await compiled.prepare(batch);
    values.push(vectorValues(compiled.evaluate(batch)));
  }
  return { values, runs };
}

describe('scalar subqueries', () => {
  it('run once per query when uncorrelated', async () => {
    const { values, runs } = await run('a + (SELECT max(x) FROM u)', [[[1], [null]], [[2]]], () => [[100]]);
    expect(values).toEqual([[101, null], [102]]);
    expect(runs).toBe(1);
  });

  it('give NULL for no rows and fail for several', async () => {
    expect((await run('(SELECT x FROM u)', [[[1]]], () => [])).values).toEqual([[null]]);
    await expect(run('(SELECT x FROM u)', [[[1]]], () => [[1], [2]])).rejects.toThrow('more than one row returned by a subquery used as an expression');
  });

  it('run once per distinct outer value when correlated, across batches', async () => {
    const { values, runs } = await run(
      '(SELECT max(x) FROM u WHERE u.k = t.a)',
      [[[1], [2], [1], [null]], [[2], [3]]],
      (outer) => [[outer.a === null ? null : (outer.a as number) * 10]],
    );
    expect(values).toEqual([[10, 20, 10, null], [20, 30]]);
    expect(runs).toBe(4);
  });
});

describe('EXISTS', () => {
  it('is true when the subquery has rows, per outer row', async () => {
    const { values, runs } = await run('EXISTS (SELECT 1 FROM u WHERE u.k = t.a)', [[[1], [2], [1]]], (outer) => (outer.a === 1 ? [[1]] : []));
    expect(values).toEqual([[true, false, true]]);
    expect(runs).toBe(2);
    expect((await run('NOT EXISTS (SELECT 1 FROM u)', [[[1], [2]]], () => [])).values).toEqual([[true, true]]);
  });
});

describe('IN subqueries', () => {
  it('are TRUE on a match, NULL when a NULL could match, else FALSE', async () => {
    const rows = [[[1], [3], [null]]];
    expect((await run('a IN (SELECT x FROM u)', rows, () => [[1], [2]])).values).toEqual([[true, false, null]]);
    expect((await run('a IN (SELECT x FROM u)', rows, () => [[1], [null]])).values).toEqual([[true, null, null]]);
    expect((await run('a NOT IN (SELECT x FROM u)', rows, () => [[1], [null]])).values).toEqual([[false, null, null]]);
    expect((await run('a NOT IN (SELECT x FROM u)', rows, () => [[1], [2]])).values).toEqual([[false, true, null]]);
  });

  it('are FALSE for an empty subquery, even for a NULL operand', async () => {
    expect((await run('a IN (SELECT x FROM u)', [[[1], [null]]], () => [])).values).toEqual([[false, false]]);
    expect((await run('a NOT IN (SELECT x FROM u)', [[[1], [null]]], () => [])).values).toEqual([[true, true]]);
  });

  it('compare several columns, NULLs making a row unknown only where the rest matches', async () => {
    const rows = [[[1, 'a'], [1, 'b'], [2, 'a'], [null, 'a'], [3, 'z']]];
    const { values } = await run('(a, b) IN (SELECT x, y FROM u)', rows, () => [
      [1, 'a'],
      [2, null],
    ]);
    expect(values).toEqual([[true, false, null, null, false]]);
  });

  it('coerce the operand and the subquery column to a common type', async () => {
    const { values } = await run('CAST(a AS BIGINT) IN (SELECT x FROM u)', [[[5], [6]]], () => [[5n]]);
    expect(values).toEqual([[true, false]]);
  });

  it('run correlated IN subqueries per outer value', async () => {
    const { values, runs } = await run('a IN (SELECT x FROM u WHERE u.y = t.b)', [[[1, 'p'], [1, 'q'], [2, 'p']]], (outer) => (outer.b === 'p' ? [[1]] : [[2]]));
    expect(values).toEqual([[true, false, false]]);
    expect(runs).toBe(2);
  });
});

describe('subqueries in other positions', () => {
  it('are prepared inside CASE and function arguments', async () => {
    const { values } = await run("CASE WHEN a > (SELECT max(x) FROM u) THEN 'big' ELSE concat('small', b) END", [[[5, 'x'], [1, 'y']]], () => [[3]]);
    expect(values).toEqual([['big', 'smally']]);
  });
});
