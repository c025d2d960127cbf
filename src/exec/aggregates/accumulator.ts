// The accumulator contract: the state of one aggregate call over many groups, updated a batch at a time. GROUP BY
// (operators/hash-aggregate.ts) and aggregate window functions share it.
import type { AggregateExpr, Expr } from '../../logical/expr.js';
import type { ExecContext } from '../context.js';
import type { JsValue, Vector } from '../vector.js';

/**
 * What an accumulator computes. An `AggregateExpr` is one; so is a `WindowExpr` whose function is an aggregate (it
 * has the same fields). A FILTER clause is not part of it: the caller passes only the rows the filter keeps.
 */
export type AggregateCall = Pick<AggregateExpr, 'name' | 'args' | 'distinct' | 'ignoreNulls' | 'type'>;

/**
 * Per-group state of one aggregate call. Groups are dense ids 0, 1, 2, …; state grows as larger ids arrive, so a
 * caller never declares groups up front. Numeric state lives in typed arrays indexed by group id.
 *
 * GROUP BY: evaluate `inputs` on each batch, give every row its group id, call `update`, and after the last batch
 * read `results(groupCount)`, one value per group.
 *
 * Window aggregates: with one group per partition (or per frame), add the frame's rows with `update` and read
 * `result(group)`. A running frame (UNBOUNDED PRECEDING to CURRENT ROW) adds each row once and reads after each
 * row or peer group; a sliding frame can give every output row its own group and add that frame's rows to it (a
 * row may go to several groups in one call). There is no removal of rows.
 *
 * @example
 * const acc = createAccumulator(call, ctx);
 * const inputs = acc.inputs.map((e) => compileExpr(e, child.output, ctx));
 * for await (const batch of execute(child, ctx)) {
 *   acc.update(inputs.map((c) => c.evaluate(batch)), groupIds, groupCount); // row i goes to group groupIds[i]
 * }
 * const column = acc.results(groupCount); // empty groups get the empty-input value: count 0, sum NULL, …
 *
 * // A running window frame over `partition` (a batch), one group:
 * acc.update(args, Int32Array.of(0), 1, Int32Array.of(row));
 * const current = acc.result(0);
 */
export interface Accumulator {
  /**
   * The expressions `update` needs the values of, in order. Constant arguments (count(1)'s 1, first's
   * ignore-nulls flag, a percentile's fraction) are read once when the accumulator is created and are not listed.
   */
  readonly inputs: readonly Expr[];
  /**
   * Adds rows to groups: for every k, row `rows[k]` (or row k when `rows` is absent) of the `args` vectors goes to
   * group `groups[k]`. Every id in `groups` is below `groupCount`. Rows reach a group in the order given, which
   * first, last and collect_list depend on. NULL arguments are skipped as each aggregate says.
   */
  update(args: readonly Vector[], groups: Int32Array, groupCount: number, rows?: Int32Array): void;
  /** The values of groups 0 … groupCount-1 as one vector of the call's type; groups no row reached included. */
  results(groupCount: number): Vector;
  /** The value of one group, as `results` would give it. */
  result(group: number): JsValue;
}

/** Builds the accumulator of one aggregate family; `ctx` evaluates constant arguments that are not plain literals. */
export type AccumulatorFactory = (call: AggregateCall, ctx: ExecContext) => Accumulator;
