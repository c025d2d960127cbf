// Scalar subqueries, EXISTS and IN (subquery). `prepare` runs them through ctx.runSubquery: an uncorrelated one once
// per query, a correlated one once per distinct combination of the outer values it reads (cached); `evaluate`
// then only looks results up.
import { fail } from '../../common/errors.js';
import type { ColumnId, ExistsExpr, InSubqueryExpr, ScalarSubqueryExpr } from '../../logical/expr.js';
import { correlatedColumns } from '../../optimizer/expr-facts.js';
import type { DataType } from '../../types/data-type.js';
import { compareValues } from '../kernels/compare.js';
import { rowKeys } from '../kernels/row-keys.js';
import type { RowKey } from '../kernels/row-keys.js';
import { boolVector, jsValuesOf } from '../kernels/vector-helpers.js';
import type { Batch, JsValue, Vector } from '../vector.js';
import { batchRows, constantVector, valueAt, vectorFromValues } from '../vector.js';
import type { ExprCompiler } from './compile.js';
import type { Evaluator } from './evaluator.js';

/** Runs what an expression's subqueries need before a batch is evaluated. */
export type Preparer = (batch: Batch) => Promise<void>;

type SubqueryExpr = ScalarSubqueryExpr | ExistsExpr | InSubqueryExpr;

export function compileSubquery(expr: SubqueryExpr, compiler: ExprCompiler): Evaluator {
  const ctx = compiler.ctx;
  // Outer columns of this expression's rows vary per row; those of queries further out are fixed in ctx.outer.
  const perRow: { id: ColumnId; index: number }[] = [];
  for (const id of correlatedColumns(expr.plan)) {
    const index = compiler.inputIndex(id);
    if (index !== undefined) perRow.push({ id, index });
    else if (!ctx.outer.has(id)) fail('EXEC_INTERNAL', `the subquery reads column #${id}, which neither the input nor an outer query has`);
  }
  const summarize = summarizer(expr);
  const results = new Map<RowKey, Summary>();
  // A scalar subquery's summary may be null: `ran` tells an uncorrelated result apart from none yet.
  let uncorrelated: Summary;
  let ran = false;
  let lastBatch: Batch | undefined;
  let lastKeys: RowKey[] = [];
  const keysOf = (batch: Batch): RowKey[] => {
    if (batch !== lastBatch) {
      lastKeys = rowKeys(
        perRow.map((r) => batch.columns[r.index]!),
        batch.length,
        'nullsEqual',
      ) as RowKey[];
      lastBatch = batch;
    }
    return lastKeys;
  };
  compiler.preparers.push(async (batch) => {
    if (perRow.length === 0) {
      if (!ran) uncorrelated = summarize(await ctx.runSubquery(expr.plan, ctx.outer));
      ran = true;
      return;
    }
    const keys = keysOf(batch);
    for (let i = 0; i < batch.length; i++) {
      const key = keys[i]!;
      if (results.has(key)) continue;
      const outer = new Map(ctx.outer);
      for (const r of perRow) outer.set(r.id, valueAt(batch.columns[r.index]!, i));
      results.set(key, summarize(await ctx.runSubquery(expr.plan, outer)));
    }
  });
  const summaryAt = (batch: Batch): ((i: number) => Summary) => {
    const unprepared = (): never => fail('EXEC_INTERNAL', 'a subquery was evaluated before prepare() ran it');
    if (perRow.length === 0) {
      if (!ran) unprepared();
      return () => uncorrelated;
    }
    const keys = keysOf(batch);
    return (i) => (results.has(keys[i]!) ? results.get(keys[i]!) : unprepared());
  };
  switch (expr.kind) {
    case 'scalarSubquery':
      return { type: expr.type, evaluate: (batch) => scalarResult(expr.type, batch, summaryAt(batch), perRow.length === 0) };
    case 'exists': {
      return {
        type: expr.type,
        evaluate: (batch) => {
          const at = summaryAt(batch);
          const out = new Uint8Array(batch.length);
          for (let i = 0; i < out.length; i++) out[i] = at(i) === true ? 1 : 0;
          return boolVector(expr.type, out, undefined);
        },
      };
    }
    case 'inSubquery': {
      const operands = expr.operands.map((o) => compiler.compile(o));
      const types = expr.operands.map((o) => o.type);
      return {
        type: expr.type,
        evaluate: (batch) =>
          inResult(
            operands.map((o) => o.evaluate(batch)),
            types,
            summaryAt(batch),
          ),
      };
    }
  }
}

/** What one run of a subquery leaves for evaluation: its value (scalar), whether it had rows (EXISTS), an InLookup (IN). */
type Summary = unknown;

function summarizer(expr: SubqueryExpr): (result: Batch) => Summary {
  switch (expr.kind) {
    case 'scalarSubquery':
      return (result) => {
        if (result.length > 1)
          fail('EXEC_SUBQUERY_TOO_MANY_ROWS', 'more than one row returned by a subquery used as an expression');
        return result.length === 0 ? null : valueAt(result.columns[0]!, 0);
      };
    case 'exists':
      return (result) => result.length > 0;
    case 'inSubquery':
      return (result) => inLookup(result);
  }
}

function scalarResult(type: DataType, batch: Batch, at: (i: number) => Summary, constant: boolean): Vector {
  if (constant) return constantVector(type, at(0) as JsValue, batch.length);
  const values = new Array<JsValue>(batch.length);
  for (let i = 0; i < values.length; i++) values[i] = at(i) as JsValue;
  return vectorFromValues(type, values);
}

/** A subquery's rows for `IN`: the keys of the rows without NULLs, and the rows with a NULL (for three-valued answers). */
interface InLookup {
  readonly keys: Set<RowKey>;
  readonly rowsWithNull: readonly JsValue[][];
  readonly result: Batch;
  /** Every row as values, built when a NULL operand first needs them. */
  allRows?: JsValue[][];
}

function inLookup(result: Batch): InLookup {
  const keys = new Set<RowKey>();
  const rowsWithNull: JsValue[][] = [];
  const rowKeyList = rowKeys(result.columns, result.length, 'nullsNeverMatch');
  for (let i = 0; i < result.length; i++) {
    const key = rowKeyList[i];
    if (key === undefined) rowsWithNull.push(result.columns.map((c) => valueAt(c, i)));
    else keys.add(key);
  }
  return { keys, rowsWithNull, result };
}

/**
 * `(operands) IN (rows)`, as the OR over the rows of the AND of the column equalities: TRUE on an exact match, NULL
 * when some row could match but for NULLs, else FALSE (so an empty subquery gives FALSE even for NULL operands, and
 * NOT IN is NULL when the subquery has a NULL and nothing matches).
 */
function inResult(operands: readonly Vector[], types: readonly DataType[], at: (i: number) => Summary): Vector {
  const n = operands[0]?.length ?? 0;
  const out = new Uint8Array(n);
  let nulls: Uint8Array | undefined;
  const keys = rowKeys(operands, n, 'nullsNeverMatch');
  const values = operands.map(jsValuesOf);
  for (let i = 0; i < n; i++) {
    const lookup = at(i) as InLookup;
    const key = keys[i];
    if (key !== undefined && lookup.keys.has(key)) {
      out[i] = 1;
      continue;
    }
    // Without an exact match, only rows that differ from the operands just in NULLs make the answer NULL: the rows
    // with NULLs when the operands have none, any row otherwise.
    const row = values.map((v) => v[i]);
    const candidates = key !== undefined ? lookup.rowsWithNull : (lookup.allRows ??= batchRows(lookup.result));
    if (candidates.some((r) => couldMatch(types, row, r))) (nulls ??= new Uint8Array(n))[i] = 1;
  }
  return boolVector({ kind: 'boolean' }, out, nulls);
}

function couldMatch(types: readonly DataType[], a: readonly JsValue[], b: readonly JsValue[]): boolean {
  return types.every((t, k) => a[k] === null || b[k] === null || compareValues(t, a[k], b[k]) === 0);
}
