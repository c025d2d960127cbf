// The contract of a compiled expression: built once per query, then run on every batch.
import type { DataType } from '../../types/data-type.js';
import type { Batch, Vector } from '../vector.js';

/**
 * An expression compiled against its input columns (`compileExpr` in ./compile.ts).
 *
 * @example
 * const price = compileExpr(expr, child.output, ctx);
 * for await (const batch of execute(child, ctx)) { await price.prepare(batch); const v = price.evaluate(batch); }
 */
export interface CompiledExpr {
  readonly type: DataType;
  /**
   * Runs the subqueries inside the expression that `batch` needs: uncorrelated ones once per query, correlated
   * ones once per distinct combination of outer values. A no-op (resolved promise) for expressions without any.
   */
  prepare(batch: Batch): Promise<void>;
  /** The expression's value for every row of `batch`; call `prepare(batch)` first. */
  evaluate(batch: Batch): Vector;
  /** Whether the expression contains a subquery (operators may skip awaiting `prepare` when not). */
  readonly hasSubqueries: boolean;
}
