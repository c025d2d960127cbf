// Test helper: expressions written in SQL, analyzed over a one-table fake catalog (so the analyzer inserts the casts
// and types Spark would), compiled with compileExpr and evaluated on rows of JsValues.
import { parseQuery } from '../../../../src/ast/parse.js';
import { analyzeQuery } from '../../../../src/analyzer/analyze.js';
import type { Expr } from '../../../../src/logical/expr.js';
import type { Column, LogicalPlan } from '../../../../src/logical/plan.js';
import { outputOf } from '../../../../src/logical/output.js';
import type { ExecContext } from '../../../../src/exec/context.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import type { Batch, JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { batchOf, testContext } from '../../../helpers/exec.js';
import { fakeCatalog } from '../../../helpers/fake-catalog.js';

/** Column name → type spec (`int`, `decimal(15,2)`, `string?` …, as fake-catalog.ts reads them). */
export type Columns = Readonly<Record<string, string>>;

export interface AnalyzedSelect {
  /** The select list's expressions, bound against `input`. */
  readonly exprs: readonly Expr[];
  readonly input: readonly Column[];
}

/**
 * Binds `SELECT <selectList> FROM t` (or without FROM when there are no columns); `others` are more tables that
 * subqueries may read.
 */
export function analyzeSelect(selectList: string, columns: Columns = {}, timeZone = 'UTC', others: Readonly<Record<string, Columns>> = {}): AnalyzedSelect {
  const hasTable = Object.keys(columns).length > 0;
  const tables = Object.fromEntries(Object.entries(others).map(([name, c]) => [name, { columns: c }]));
  const catalog = fakeCatalog(hasTable ? { ...tables, t: { columns } } : tables);
  const sql = `SELECT ${selectList}${hasTable ? ' FROM t' : ''}`;
  const { plan } = analyzeQuery(parseQuery(sql), catalog, { timeZone });
  if (plan.kind !== 'project') throw new Error(`expected a Project at the top of ${sql}`);
  return { exprs: plan.columns.map((c) => c.expr), input: outputOf(plan.input as LogicalPlan) };
}

/** The batch of `rows` for the input columns of an analyzed select. */
export function inputBatch(input: readonly Column[], rows: readonly (readonly JsValue[])[]): Batch {
  if (input.length === 0) return { length: rows.length || 1, columns: [] };
  return batchOf(
    input.map((c) => c.type),
    rows,
  );
}

/**
 * Evaluates a select list on rows of the columns (in their order) and returns one array of values per expression.
 *
 * @example evalColumns('a + 1', { a: 'int' }, [[1], [null]]) // [[2, null]]
 */
export async function evalColumns(
  selectList: string,
  columns: Columns = {},
  rows: readonly (readonly JsValue[])[] = [],
  ctx: ExecContext = testContext(),
): Promise<JsValue[][]> {
  const { exprs, input } = analyzeSelect(selectList, columns, ctx.timeZone);
  const batch = inputBatch(input, rows);
  const out: JsValue[][] = [];
  for (const e of exprs) {
    const compiled = compileExpr(e, input, ctx);
    await compiled.prepare(batch);
    out.push(vectorValues(compiled.evaluate(batch)));
  }
  return out;
}

/** The value of one constant expression: `evalValue("substring('Spark', 2, 3)")` is 'par'. */
export async function evalValue(expr: string, ctx: ExecContext = testContext()): Promise<JsValue> {
  const [values] = await evalColumns(expr, {}, [], ctx);
  return values![0];
}
