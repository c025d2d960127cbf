// Join test fixtures: join node builders and naive reference joins over rows.
import type { Expr } from '../../../../src/logical/expr.js';
import { binary, columnRef } from '../../../../src/logical/expr-builders.js';
import type { Column, JoinType } from '../../../../src/logical/plan.js';
import type { HashJoinExec, NestedLoopJoinExec, PhysicalPlan } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { columnsOf, testContext } from '../../../helpers/exec.js';

/** The output columns of a join of `left` and `right` by the logical plan's rules. */
export function joinOutput(joinType: JoinType, left: readonly Column[], right: readonly Column[]): Column[] {
  const nullable = (cs: readonly Column[], yes: boolean) => cs.map((c) => (yes ? { ...c, nullable: true } : c));
  if (joinType === 'semi' || joinType === 'anti') return [...left];
  return [...nullable(left, joinType === 'right' || joinType === 'full'), ...nullable(right, joinType === 'left' || joinType === 'full')];
}

export interface HashJoinOptions {
  /** Pairs of (left column index, right column index) that must be equal. */
  readonly keys: readonly (readonly [number, number])[];
  readonly residual?: Expr;
  readonly build?: 'left' | 'right';
  readonly nullAware?: boolean;
}

export function hashJoinNode(
  joinType: HashJoinExec['joinType'],
  left: PhysicalPlan,
  right: PhysicalPlan,
  { keys, residual, build = 'right', nullAware = false }: HashJoinOptions,
): HashJoinExec {
  return {
    kind: 'hashJoinExec',
    joinType,
    left,
    right,
    leftKeys: keys.map(([l]) => columnRef(left.output[l]!)),
    rightKeys: keys.map(([, r]) => columnRef(right.output[r]!)),
    ...(residual ? { residual } : {}),
    build,
    nullAware,
    output: joinOutput(joinType, left.output, right.output),
  };
}

export function nestedLoopJoinNode(joinType: JoinType, left: PhysicalPlan, right: PhysicalPlan, condition?: Expr): NestedLoopJoinExec {
  return {
    kind: 'nestedLoopJoinExec',
    joinType,
    left,
    right,
    ...(condition ? { condition } : {}),
    output: joinOutput(joinType, left.output, right.output),
  };
}

/** `a < b` as a plan expression. */
export function lessThan(a: Column, b: Column): Expr {
  return binary('<', columnRef(a), columnRef(b), T.boolean);
}

/**
 * Whether the expression compiler evaluates comparisons yet (a colleague is extending it): tests of conditions
 * that compare a left column with a right column run once it does, and are skipped until then.
 */
export const comparisonsCompile: boolean = (() => {
  const [a, b] = columnsOf([T.int, T.int]);
  try {
    compileExpr(lessThan(a!, b!), [a!, b!], testContext());
    return true;
  } catch {
    return false;
  }
})();

/** Rows in a canonical order, for comparing results as multisets. */
export function sortedRows(rows: readonly (readonly JsValue[])[]): JsValue[][] {
  const text = (r: readonly JsValue[]) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return rows.map((r) => [...r]).sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/** A SQL boolean: true, false, or NULL (unknown). */
export type Truth = boolean | null;

/** A join by its definition over rows of `widths[0]` and `widths[1]` columns: `on(l, r)` is the whole condition. */
export function naiveJoin(
  joinType: JoinType,
  left: readonly (readonly JsValue[])[],
  right: readonly (readonly JsValue[])[],
  widths: readonly [number, number],
  on: (l: readonly JsValue[], r: readonly JsValue[]) => Truth,
): JsValue[][] {
  const out: JsValue[][] = [];
  const nulls = (n: number) => new Array<JsValue>(n).fill(null);
  const rightMatched = new Set<number>();
  for (const l of left) {
    let matched = false;
    right.forEach((r, j) => {
      if (on(l, r) !== true) return;
      matched = true;
      rightMatched.add(j);
      if (joinType !== 'semi' && joinType !== 'anti') out.push([...l, ...r]);
    });
    if (joinType === 'semi' && matched) out.push([...l]);
    if (joinType === 'anti' && !matched) out.push([...l]);
    if ((joinType === 'left' || joinType === 'full') && !matched) out.push([...l, ...nulls(widths[1])]);
  }
  if (joinType === 'right' || joinType === 'full') {
    right.forEach((r, j) => {
      if (!rightMatched.has(j)) out.push([...nulls(widths[0]), ...r]);
    });
  }
  return out;
}

/** `l` NOT IN (keys of `right`) with Spark's semantics, `residual` correlating the two (true when absent). */
export function naiveNotIn(
  left: readonly (readonly JsValue[])[],
  right: readonly (readonly JsValue[])[],
  keys: readonly (readonly [number, number])[],
  residual: (l: readonly JsValue[], r: readonly JsValue[]) => Truth = () => true,
): JsValue[][] {
  // A right row rules a left row out when the tuple comparison is TRUE or UNKNOWN and the residual is TRUE.
  const comparison = (l: readonly JsValue[], r: readonly JsValue[]): Truth => {
    let result: Truth = true;
    for (const [a, b] of keys) {
      const x = l[a];
      const y = r[b];
      if (x === null || y === null) result = null;
      else if (x !== y) return false;
    }
    return result;
  };
  return left.filter((l) => !right.some((r) => comparison(l, r) !== false && residual(l, r) === true)).map((l) => [...l]);
}

/** SQL `=` of two row values (NULL when either is NULL). */
export function sqlEquals(a: JsValue, b: JsValue): Truth {
  return a === null || b === null ? null : a === b;
}
